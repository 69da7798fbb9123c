import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { Db } from "../../src/platform/db/types";
import pg from "pg";
import { openDatabase, type Database } from "../../src/platform/db/open";

/**
 * The benchmarks' database: PGlite in memory by default; with DATABASE_URL, a
 * scratch PostgreSQL database next to the one named, dropped afterwards (kept with BENCH_KEEP_DB=1).
 */
export async function openBenchDb(): Promise<{ database: Database; label: string; cleanup: () => Promise<void> }> {
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
export async function cpuMeter(db: Db, isPostgres: boolean) {
  const backendPids = async (): Promise<number[]> => {
    if (!isPostgres) return [];
    const result = (await db.execute(sql`select pid from pg_stat_activity where datname = current_database()`)) as unknown as { rows: { pid: number }[] };
    return result.rows.map((r) => Number(r.pid));
  };
  const procCpuMs = (pid: number): number | null => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
    } catch {
      return null;
    }
  };
  const dbCpu = async () => {
    const pids = await backendPids();
    return new Map(pids.map((p) => [p, procCpuMs(p)]));
  };
  const before = { node: process.cpuUsage(), db: await dbCpu() };
  return async () => {
    const node = process.cpuUsage(before.node);
    const after = await dbCpu();
    let dbMs: number | null = isPostgres ? 0 : null;
    for (const [pid, ms] of after) {
      if (ms === null || dbMs === null) {
        dbMs = null;
        continue;
      }
      dbMs += ms - (before.db.get(pid) ?? 0);
    }
    return { nodeCpuMs: (node.user + node.system) / 1000, dbCpuMs: dbMs };
  };
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
