import type { TestProject } from "vitest/node";
import { discard, prepared, SEED_CLOCK } from "./prepare";
export { withDatabase } from "./database-url";
export { SEED_CLOCK };

// Migrate and seed once per run, then let every test file start from a copy:
// a PGlite data-dir snapshot, or a PostgreSQL template database. A test file
// gets a fresh database in well under a second instead of migrating its own.
// Both are made in tests/support/prepare.ts, alongside the browser journeys' build and snapshots.
// The template is one per test run (pid in the name), so two runs on one machine
// (a developer's and CI's, say) never drop each other's template.

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
    const made = await prepared(project, "postgres");
    project.provide("postgresUrl", made.url);
    project.provide("postgresTemplate", made.template);
    project.provide("pgliteSnapshot", "");
    return () => discard("postgres", made);
  }
  const file = await prepared(project, "pglite");
  project.provide("pgliteSnapshot", file);
  project.provide("postgresUrl", "");
  project.provide("postgresTemplate", "");
  return () => discard("pglite", file);
}
