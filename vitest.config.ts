import { defineConfig } from "vitest/config";

// One test command, several projects:
//   unit        pure code, no database
//   db:pglite   integration tests through operations and HTTP on the embedded database (always)
//   db:postgres the same files on a real PostgreSQL, when TEST_DATABASE_URL is set
//   e2e         browser journeys in Debian's Chromium against the built app
const shared = {};
const env = { TZ: "UTC" };
// The composition root, as the app loads it: every feature's texts (unit tests) and, for tests
// that run operations, the ports between features too (src/wiring.ts).
const setupFiles = ["./src/messages.ts"];
const serverSetupFiles = ["./src/wiring.ts"];

const projects = [
  {
    ...shared,
    test: {
      name: "unit",
      include: ["src/**/*.test.{ts,tsx}", "bench/**/*.test.ts", "scripts/**/*.test.ts", "eslint/**/*.test.ts"],
      exclude: ["**/*.db.test.ts", "**/*.e2e.test.ts", "node_modules/**"],
      env,
      setupFiles,
      isolate: false,
      // Not a speed target (those live in benchmarks): linting with the project's configuration,
      // property runs and solver tests take 1–2 s alone and several times that on a busy 2-core
      // machine, where vitest's default 5 s failed fresh-clone runs.
      testTimeout: 20_000,
    },
  },
  {
    ...shared,
    test: {
      name: "db:pglite",
      include: ["src/**/*.db.test.ts", "tests/db/**/*.db.test.ts"],
      env: { ...env, NUMAISH_TEST_DB: "pglite" },
      setupFiles: serverSetupFiles,
      globalSetup: ["tests/support/global-db.ts"],
      isolate: false,
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  },
  ...(process.env.TEST_DATABASE_URL
    ? [
        {
          ...shared,
          test: {
            name: "db:postgres",
            include: ["src/**/*.db.test.ts", "tests/db/**/*.db.test.ts"],
            env: { ...env, NUMAISH_TEST_DB: "postgres" },
            setupFiles: serverSetupFiles,
            globalSetup: ["tests/support/global-db.ts"],
            // As on PGlite: the app's module graph is imported once per worker, not per file.
            isolate: false,
            testTimeout: 30_000,
            hookTimeout: 60_000,
          },
        },
      ]
    : []),
  {
    ...shared,
    test: {
      name: "e2e",
      include: ["tests/e2e/**/*.e2e.test.ts"],
      env,
      setupFiles: serverSetupFiles,
      globalSetup: ["tests/support/global-e2e.ts"],
      isolate: false,
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  },
];

// Speed (docs/code-style.md, "Tests and their time"): every project shares one pool of two workers
// on the 2-core CI machine. A third worker used to be here on the idea that browser journeys wait on
// Chromium; measured on 2026-12-06 with eight journey files alone (`npx vitest run --project e2e
// --maxWorkers=N <files>`), 2 workers took 221 s, 3 took 282 s and 4 took 297 s (with a timeout):
// each worker's Chromium and server fill the cores already, and a third only thrashes. Modules are not
// re-imported for every file (`isolate: false`): importing the app's graph cost ~5 s per file, more
// than most files' tests. Module state must therefore be harmless across files, as it must be
// across databases in one process anyway (caches are kept per database handle: scan.ts).
export default defineConfig({
  test: {
    projects,
    maxWorkers: 2,
    reporters: ["default", "./tests/support/summary-reporter.ts"],
  },
});
