import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "../../src/platform/db/open";

/**
 * The benchmarks' database: PGlite in memory by default; with DATABASE_URL, a
 * scratch PostgreSQL database next to the one named, dropped afterwards.
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
