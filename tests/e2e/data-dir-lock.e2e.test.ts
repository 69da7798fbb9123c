import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, expect, it } from "vitest";

// PGlite does not lock its folder; the app does. Two real server processes on
// one DATA_DIR: the second must refuse to start and say why, and a clean stop of
// the first releases the folder. No demo seed: the lock is taken before anything is written, and
// seeding twice took most of this file's 48 s.

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "numaish-lock-e2e-"));
const started: ChildProcess[] = [];
afterAll(() => {
  for (const p of started) if (p.exitCode === null) p.kill("SIGKILL");
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function startServer() {
  // Node itself with tsx as a loader (not the tsx wrapper, which relays signals to a child process
  // of its own): the SIGTERM below reaches the server's own handler directly.
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, SEED_DEMO: "false", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    output: () => out,
    exited,
    async running(timeoutMs = 150_000) {
      const until = Date.now() + timeoutMs;
      while (!out.includes("Numaish is running")) {
        if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${out}`);
        if (Date.now() > until) throw new Error(`server did not start in time:\n${out}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}

it("refuses a second process on the same embedded data directory", { timeout: 300_000 }, async () => {
  const first = startServer();
  await first.running();
  const lock = JSON.parse(fs.readFileSync(path.join(dataDir, "numaish.lock"), "utf8"));

  const second = startServer();
  const code = await second.exited;
  expect(code, second.output()).not.toBe(0);
  expect(second.output()).toContain(`The embedded database in ${dataDir} is already open in another process (pid ${lock.pid})`);
  expect(second.output()).toMatch(/DATA_DIR/);
  // The refused process left the holder's lock and the holder alone.
  expect(JSON.parse(fs.readFileSync(path.join(dataDir, "numaish.lock"), "utf8")).pid).toBe(lock.pid);
  expect(first.child.exitCode).toBeNull();

  // A clean stop releases the folder (lock.test.ts covers taking it over afterwards).
  first.child.kill("SIGTERM");
  expect(await first.exited).toBe(0);
  expect(fs.existsSync(path.join(dataDir, "numaish.lock"))).toBe(false);
});
