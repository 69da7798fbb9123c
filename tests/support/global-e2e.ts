import type { TestProject } from "vitest/node";
import { discard, prepared, type E2eDatabase } from "./prepare";

// Browser journeys run against the real production build, as users get it: built once per run
// (and not at all when the build is newer than every source), then every e2e file starts its own
// server from it, on a copy of a migrated demo database seeded at the server clock's start: a
// PostgreSQL database made from a template when the run has PostgreSQL (as in CI and production),
// else a PGlite snapshot. Seeding is the slow part of a start; a copy takes about a second. Both are made in
// tests/support/prepare.ts, alongside the database projects' snapshot and template.

declare module "vitest" {
  export interface ProvidedContext {
    /** The seeded demo database (a PostgreSQL template or a PGlite snapshot) by the instant it was seeded at. */
    e2eDatabases: Record<string, E2eDatabase>;
  }
}

export default async function setup(project: TestProject) {
  const databases = await prepared(project, "e2e");
  project.provide("e2eDatabases", databases);
  return () => discard("e2e", databases);
}
