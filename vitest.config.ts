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
      testTimeout: 60_000,
      hookTimeout: 120_000,
      // Two journey files at once (each its own server and Chromium) on the 2-core CI machine:
      // a file spends much of its time waiting on the browser.
      fileParallelism: true,
      maxWorkers: 2,
    },
  },
];

export default defineConfig({
  test: {
    projects,
    reporters: ["default", "./tests/support/summary-reporter.ts"],
  },
});
