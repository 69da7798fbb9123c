import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import type { Db } from "../../src/platform/db/types";
import pg from "pg";
import { openDatabase, type Database } from "../../src/platform/db/open";

/**
 * The benchmarks' database: PGlite in memory by default; with DATABASE_URL, a
 * scratch PostgreSQL database next to the one named, dropped afterwards (kept with BENCH_KEEP_DB=1).
 */
export async function openBenchDb(): Promise<{ database: Database; label: string; url?: string; cleanup: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ kind: "pglite" });
    return { database, label: "pglite (embedded, in memory)", cleanup: () => database.close() };
  }
  const name = `numaish_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ kind: "postgres", url: u.toString(), poolSize: 20 });
  return {
    database,
    label: "postgres",
    url: u.toString(),
    async cleanup() {
      await database.close();
      // BENCH_KEEP_DB=1 keeps the scratch database to look into (EXPLAIN and the like); drop it by hand.
      if (process.env.BENCH_KEEP_DB) {
        console.error(`kept database ${name}`);
        return;
      }
      // `drop … with (force)` ends any connection still open; the pool reports that as an error
      // event after the results are printed. Ignore exactly that one.
      process.on("uncaughtException", (e: Error & { code?: string }) => {
        if (e.code !== "57P01") throw e;
      });
      // Let the pool's sockets close first, so there is usually nothing to kill.
      await new Promise((r) => setTimeout(r, 300));
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** The p-th percentile of an ascending array (nearest rank). */
export const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;

/**
 * CPU time used by this process and by the database's server processes (PostgreSQL on this host:
 * its backends' /proc entries), for figures that hold on a busy machine: wall-clock throughput
 * depends on what else runs, CPU per operation much less. Null where it cannot be read.
 */
export async function cpuMeter(_db: Db, isPostgres: boolean, serverPids: number[] = []) {
  // PostgreSQL's CPU: what every process named "postgres" on this host used between the two
  // readings (backends, WAL writer, checkpointer…; one that started meanwhile counts from zero).
  // One that ended meanwhile is left out, not subtracted: the set-up's own connections close as
  // they idle out, and their work (seeding) is not the run's. Null when PostgreSQL is not on this host.
  const readDb = (): Map<number, number> | null => {
    if (!isPostgres) return null;
    const out = new Map<number, number>();
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = procStat(Number(entry));
      if (stat?.comm === "postgres") out.set(Number(entry), stat.utime + stat.stime);
    }
    return out.size ? out : null;
  };
  const serversCpu = () => serverPids.reduce((sum, pid) => sum + ((s) => (s ? s.utime + s.stime : 0))(procStat(pid)), 0);
  const serversSys = () => serverPids.reduce((sum, pid) => sum + (procStat(pid)?.stime ?? 0), 0);
  const before = { node: process.cpuUsage(), servers: serversCpu(), serversSys: serversSys(), db: readDb(), host: hostBusyMs() };
  return async () => {
    const node = process.cpuUsage(before.node);
    const after = readDb();
    let dbCpuMs: number | null = null;
    if (after && before.db) {
      dbCpuMs = 0;
      for (const [pid, ms] of after) dbCpuMs += ms - (before.db.get(pid) ?? 0);
    }
    // With server processes, their CPU (this process only sets up and checks); else this process's.
    const nodeCpuMs = serverPids.length ? serversCpu() - before.servers : (node.user + node.system) / 1000;
    // The kernel's share of it (system time): socket writes and wake-ups, one pair per round trip.
    const nodeSystemMs = serverPids.length ? serversSys() - before.serversSys : node.system / 1000;
    // The whole machine's busy time (every process and the kernel): what the figures above add up to.
    const hostCpuMs = hostBusyMs() - before.host;
    return { nodeCpuMs, nodeSystemMs, dbCpuMs, hostCpuMs };
  };
}

/** The machine's busy CPU time so far, all CPUs (/proc/stat: all but idle and iowait), in ms. */
function hostBusyMs(): number {
  try {
    const f = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = f;
    return (user + nice + system + irq + softirq + steal) * 10;
  } catch {
    return 0;
  }
}

/** A process's /proc stat, times in ms (clock ticks of 10 ms); null when it is gone. */
function procStat(pid: number) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const comm = text.slice(text.indexOf("(") + 1, text.lastIndexOf(")"));
    const f = text.slice(text.lastIndexOf(")") + 2).split(" ");
    const ms = (i: number) => Number(f[i]) * 10;
    return { comm, utime: ms(11), stime: ms(12) };
  } catch {
    return null;
  }
}

/** With BENCH_PROFILE=<file>, a CPU profile of this process between start() and the returned stop(). */
export async function profileIfAsked(): Promise<() => Promise<void>> {
  const file = process.env.BENCH_PROFILE;
  if (!file) return async () => {};
  const { Session } = await import("node:inspector/promises");
  const { writeFileSync } = await import("node:fs");
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return async () => {
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}
