import "../../src/wiring";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { fixedClock } from "../../src/platform/clock";
import { openDatabase } from "../../src/platform/db/open";
import { seedDemo } from "../../src/features/demo/seed-demo";
import { E2E_SEED_INSTANTS } from "./clocks";
import buildIfStale from "./build-if-stale";

// Browser journeys run against the real production build, as users get it: built once per run
// (and not at all when the build is newer than every source), then every e2e file starts its own
// server from it, on a copy of a migrated demo database seeded at the server clock's start. Seeding
// is the slow part of a start (about 15 s); a copy loads in about a second.

declare module "vitest" {
  export interface ProvidedContext {
    /** Seeded PGlite snapshot (an uncompressed .tar: it loads in half the time of a .tar.gz) by the instant it was seeded at. */
    e2eSnapshots: Record<string, string>;
  }
}

async function seededSnapshot(instant: string): Promise<string> {
  const database = await openDatabase({ kind: "pglite" });
  try {
    await database.migrate();
    await seedDemo(database.db, fixedClock(instant));
    const client = (database.db as unknown as { $client: { dumpDataDir(c: "none"): Promise<Blob> } }).$client;
    const blob = await client.dumpDataDir("none");
    const file = path.join(os.tmpdir(), `numaish-e2e-${process.pid}-${instant.replace(/\W/g, "")}.tar`);
    fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
    return file;
  } finally {
    await database.close();
  }
}

export default async function setup(project: TestProject) {
  buildIfStale();
  const started = Date.now();
  const snapshots: Record<string, string> = {};
  for (const instant of E2E_SEED_INSTANTS) snapshots[instant] = await seededSnapshot(instant);
  console.log(`e2e: seeded ${E2E_SEED_INSTANTS.length} demo snapshots in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  project.provide("e2eSnapshots", snapshots);
  return () => {
    for (const f of Object.values(snapshots)) fs.rmSync(f, { force: true });
  };
}
