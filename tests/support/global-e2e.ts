import type { TestProject } from "vitest/node";
import { discard, prepared } from "./prepare";

// Browser journeys run against the real production build, as users get it: built once per run
// (and not at all when the build is newer than every source), then every e2e file starts its own
// server from it, on a copy of a migrated demo database seeded at the server clock's start. Seeding
// is the slow part of a start; a copy loads in about a second. Both are made in
// tests/support/prepare.ts, alongside the database projects' snapshot and template.

declare module "vitest" {
  export interface ProvidedContext {
    /** Seeded PGlite snapshot (an uncompressed .tar: it loads in half the time of a .tar.gz) by the instant it was seeded at. */
    e2eSnapshots: Record<string, string>;
  }
}

export default async function setup(project: TestProject) {
  const snapshots = await prepared(project, "e2e");
  project.provide("e2eSnapshots", snapshots);
  return () => discard("e2e", snapshots);
}
