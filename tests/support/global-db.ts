import "../../src/wiring";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { fixedClock } from "../../src/platform/clock";
import { openDatabase } from "../../src/platform/db/open";
import { seedDemo } from "../../src/features/demo/seed-demo";

// Migrate and seed once per run, then let every test file start from a copy:
// a PGlite data-dir snapshot, or a PostgreSQL template database. A test file
// gets a fresh database in well under a second instead of migrating its own.

// One template per test run (pid in the name), so two runs on one machine
// (a developer's and CI's, say) never drop each other's template.
const TEMPLATE_PREFIX = "numaish_test_template";
export const SEED_CLOCK = "2025-11-01T09:00:00Z";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    postgresUrl: string;
    postgresTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const kind = project.config.env?.NUMAISH_TEST_DB ?? process.env.NUMAISH_TEST_DB;
  if (kind === "postgres") {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error("TEST_DATABASE_URL is not set");
    const template = `${TEMPLATE_PREFIX}_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${template} with (force)`);
    await admin.query(`create database ${template}`);
    await admin.end();
    const database = await openDatabase({ kind: "postgres", url: withDatabase(url, template) });
    await database.migrate();
    await seedDemo(database.db, fixedClock(SEED_CLOCK));
    await database.close();
    project.provide("postgresUrl", url);
    project.provide("postgresTemplate", template);
    project.provide("pgliteSnapshot", "");
    return async () => {
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database if exists ${template} with (force)`);
      await a.end();
    };
  }
  const database = await openDatabase({ kind: "pglite" });
  await database.migrate();
  await seedDemo(database.db, fixedClock(SEED_CLOCK));
  const client = (database.db as unknown as { $client: { dumpDataDir(c: "none"): Promise<Blob> } }).$client;
  const blob = await client.dumpDataDir("none");
  const file = path.join(os.tmpdir(), `numaish-test-${process.pid}.tar`);
  fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  await database.close();
  project.provide("pgliteSnapshot", file);
  project.provide("postgresUrl", "");
  project.provide("postgresTemplate", "");
  return () => fs.rmSync(file, { force: true });
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
