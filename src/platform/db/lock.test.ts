import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "./lock";

// The holder of a lock is another process in real life; a child `sleep` stands in
// for it, so the pid in the lock file belongs to a live process that is not us.
const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "numaish-lock-"));
  dirs.push(d);
  return path.join(d, "data");
}

function writeLock(dataDir: string, pid: number, host = os.hostname()) {
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(path.join(dataDir, "numaish.lock"), JSON.stringify({ pid, host, at: new Date().toISOString() }));
}

function liveOtherProcess(): number {
  const child = spawn("sleep", ["30"], { stdio: "ignore" });
  children.push(child);
  return child.pid!;
}

async function deadPid(): Promise<number> {
  const child = spawn("true", [], { stdio: "ignore" });
  const pid = child.pid!;
  await new Promise((r) => child.once("exit", r));
  return pid;
}

describe("data directory lock", () => {
  it("creates the directory and a lock file naming this process; release removes it", () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    const file = path.join(dir, "numaish.lock");
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toMatchObject({ pid: process.pid, host: os.hostname() });
    release();
    expect(fs.existsSync(file)).toBe(false);
    // Releasing twice is harmless, and the directory can be locked again.
    release();
    lockDataDir(dir)();
  });

  it("refuses a directory whose holder is alive, with a message saying what to do", () => {
    const dir = tempDir();
    const holder = liveOtherProcess();
    writeLock(dir, holder);
    let error: unknown;
    try {
      lockDataDir(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataDirLockedError);
    const e = error as DataDirLockedError;
    expect(e.pid).toBe(holder);
    expect(e.dataDir).toBe(dir);
    expect(e.message).toContain(dir);
    expect(e.message).toContain(`pid ${holder}`);
    expect(e.message).toMatch(/already open in another process/);
    expect(e.message).toMatch(/DATA_DIR/);
    // The holder's lock is left alone.
    expect(JSON.parse(fs.readFileSync(path.join(dir, "numaish.lock"), "utf8")).pid).toBe(holder);
  });

  it("takes over a stale lock left by a dead process", async () => {
    const dir = tempDir();
    writeLock(dir, await deadPid());
    const release = lockDataDir(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "numaish.lock"), "utf8")).pid).toBe(process.pid);
    release();
  });

  it("takes over an unreadable lock file", () => {
    const dir = tempDir();
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "numaish.lock"), "{half a json");
    const release = lockDataDir(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "numaish.lock"), "utf8")).pid).toBe(process.pid);
    release();
  });
});
