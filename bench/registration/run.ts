// Registration rush: many concurrent clients register over HTTP against a capped category, then
// the database is checked for oversold, lost and duplicated registrations.
//
//   npm run bench:registration                      embedded database (PGlite, in memory)
//   DATABASE_URL=postgres://… npm run bench:registration
//                                                   a fresh scratch database created next to the
//                                                   one in the URL, dropped afterwards
//   options: --total 2000 --clients 50 --capacity 1500 --replay 0.05
//
// Method: the real app (createApp: middleware, CSRF check, API router, operations) listens on
// 127.0.0.1 through @hono/node-server; clients are async loops in this process using fetch with
// keep-alive, each taking the next registration from a shared queue. A share of requests is sent
// twice with the same Idempotency-Key (a retry after a lost answer), and the same email is never
// used for two different people. The last line is one JSON object.
import "../../src/wiring";
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import os from "node:os";
import { parseArgs } from "node:util";
import { serve } from "@hono/node-server";
import { and, eq, inArray, sql } from "drizzle-orm";
import { seedDemo } from "../../src/features/demo/seed-demo";
import { visitorCategories } from "../../src/features/editions/tables";
import { findCurrentEdition } from "../../src/features/editions/queries";
import { setCapacity } from "../../src/features/registration/operations/settings";
import { registrations } from "../../src/features/registration/tables";
import { bucketTotals } from "../../src/features/registration/operations/places";
import { systemClock } from "../../src/platform/clock";
import { loadConfig } from "../../src/platform/config";
import type { AppServices } from "../../src/platform/context";
import { actorForUser } from "../../src/features/accounts/grants";
import { users } from "../../src/platform/auth/tables";
import { createApp } from "../../src/server/app";
import { createLogger } from "../../src/platform/log";
import { cpuMeter, openBenchDb, pct, profileIfAsked } from "../lib/database";
import type { ClientsJob, ClientsResult } from "./clients";
import { startAppProcess } from "../../tests/support/process";

const { values: args } = parseArgs({
  options: {
    total: { type: "string", default: "2000" },
    clients: { type: "string", default: "50" },
    capacity: { type: "string", default: "1500" },
    replay: { type: "string", default: "0.05" },
    category: { type: "string", default: "general_public" },
    // Registrations before the measured rush (another category, uncapped), not counted: a server
    // that has been up a while has its code compiled and its pool's connections open.
    warmup: { type: "string", default: "200" },
    // App processes on PostgreSQL (default 1: on 2 cores shared with PostgreSQL, a second one adds
    // context switches more than throughput, docs/benchmarks.md 2026-12-08); 0:
    // the app in this process, as on the embedded database (what BENCH_PROFILE profiles).
    servers: { type: "string", default: "1" },
  },
});
const TOTAL = Number(args.total);
const CLIENTS = Number(args.clients);
const CAPACITY = Number(args.capacity);
const REPLAY = Number(args.replay);
const WARMUP = Number(args.warmup);
const SERVERS = Math.max(0, Number(args.servers));


async function main() {
  const { database, label, url, cleanup } = await openBenchDb();
  try {
    await database.migrate();
    const db = database.db;
    await seedDemo(db, systemClock);
    // The demo's current edition (its next show): registration refuses days that have passed, and
    // the 2026 show's are over.
    const edition = await findCurrentEdition(db);
    const [category] = await db
      .select()
      .from(visitorCategories)
      .where(and(eq(visitorCategories.editionId, edition!.id), eq(visitorCategories.code, args.category!)));
    const [staffUser] = await db.select().from(users).where(eq(users.email, "organiser@demo.numaish.pk"));
    const config = loadConfig({ PUBLIC_URL: "http://127.0.0.1", SEED_DEMO: "false", NODE_ENV: "production" } as NodeJS.ProcessEnv);
    const services: AppServices = { db, clock: systemClock, config };
    await setCapacity(
      { db, actor: await actorForUser(db, staffUser!), clock: systemClock, config, locale: "en" },
      { editionId: edition!.id, categoryId: category!.id, day: null, capacity: CAPACITY },
    );

    // The servers: on PostgreSQL, SERVERS real app processes on the scratch database (as in
    // production: N processes behind a proxy, docs/operations.md; the clients spread over them as
    // a proxy would); on the embedded database, the app in this process (PGlite is one process's).
    const servers = label === "postgres" ? await Promise.all(Array.from({ length: SERVERS }, () => startAppProcess({ databaseUrl: url!, env: { LOG_LEVEL: "error" } }))) : [];
    let inProcess: ReturnType<typeof serve> | null = null;
    const bases = servers.map((s) => s.url);
    if (servers.length === 0) {
      // Errors (a 500) are logged, so a failed run says why; nothing else is.
      const app = createApp({ services, logger: createLogger("error") });
      inProcess = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
      await new Promise<void>((resolve) => inProcess!.once("listening", () => resolve()));
      bases.push(`http://127.0.0.1:${(inProcess.address() as { port: number }).port}`);
    }
    const urls = bases.map((b) => `${b}/api/v1/editions/${edition!.id}/registrations`);
    const [warmCategory] = await db
      .select()
      .from(visitorCategories)
      .where(and(eq(visitorCategories.editionId, edition!.id), eq(visitorCategories.code, "student")));
    const job: ClientsJob = { urls, categoryId: category!.id, total: TOTAL, clients: CLIENTS, replay: REPLAY, warmup: { categoryId: warmCategory!.id, count: WARMUP } };
    const clients = fork(fileURLToPath(new URL("./clients.ts", import.meta.url)), [], { execArgv: ["--import", "tsx"] });
    // The meters start once the clients have warmed the servers up, just before the rush.
    let meters: { cpu: Awaited<ReturnType<typeof cpuMeter>>; stopProfile: () => Promise<void>; loadBefore: number } | undefined;
    const done = new Promise<ClientsResult>((resolve, reject) => {
      clients.on("message", (m) => {
        if (m !== "warm") return resolve(m as ClientsResult);
        void (async () => {
          const loadBefore = Number(os.loadavg()[0]!.toFixed(2));
          meters = { loadBefore, cpu: await cpuMeter(db, label === "postgres", servers.map((s) => s.pid)), stopProfile: await profileIfAsked() };
          clients.send("go");
        })().catch(reject);
      });
      clients.once("exit", (code) => reject(new Error(`the clients' process ended (${code}) without a result`)));
    });
    clients.send(job);
    const { acknowledged, statuses, latencies, networkErrors, seconds, cpuMs: clientCpuMs } = await done;
    const answered = new Set(acknowledged);
    const used = await meters!.cpu();
    await meters!.stopProfile();
    const loadBefore = meters!.loadBefore;
    inProcess?.close();
    await Promise.all(servers.map((s) => s.stop()));

    // Verify from the database.
    const rows = await db.select().from(registrations).where(eq(registrations.editionId, edition!.id));
    const byEmail = new Map<string, number>();
    for (const r of rows) byEmail.set(r.email, (byEmail.get(r.email) ?? 0) + 1);
    const holding = rows.filter((r) => r.categoryId === category!.id && (r.status === "approved" || r.status === "pending")).length;
    const bucket = (await bucketTotals(db, edition!.id)).find((b) => b.bucket === `cat:${args.category}`);
    const lost = [...Array(TOTAL).keys()].filter((i) => {
      const email = `rush${i}@bench.example`;
      return !answered.has(email) || !byEmail.has(email);
    }).length;
    const duplicated =
      [...byEmail.values()].reduce((s, n) => s + (n - 1), 0) + (rows.length - new Set(rows.map((r) => r.number)).size);
    const oversold = Math.max(0, holding - CAPACITY) + (bucket!.used !== holding ? Math.abs(bucket!.used - holding) : 0);
    const [{ n: waitlisted }] = (await db
      .select({ n: sql<number>`count(*)::int` })
      .from(registrations)
      .where(and(eq(registrations.editionId, edition!.id), inArray(registrations.status, ["waitlisted"])))) as [{ n: number }];

    latencies.sort((a, b) => a - b);
    const result = {
      bench: "registration",
      database: label,
      transport: "HTTP on 127.0.0.1 (@hono/node-server; clients in their own process, node:http keep-alive)",
      total: TOTAL,
      requests: latencies.length,
      clients: CLIENTS,
      warmup: WARMUP,
      servers: servers.length || "in process",
      capacity: CAPACITY,
      admitted: holding,
      waitlisted,
      statuses,
      networkErrors,
      seconds: Number(seconds.toFixed(2)),
      perSecond: Math.round(TOTAL / seconds),
      requestsPerSecond: Math.round(latencies.length / seconds),
      p50Ms: Number(pct(latencies, 50).toFixed(1)),
      p99Ms: Number(pct(latencies, 99).toFixed(1)),
      oversold,
      lost,
      duplicated,
      // CPU per registration: the server's process, the database's backends, and the clients' process.
      nodeCpuMsPerRegistration: Number((used.nodeCpuMs / TOTAL).toFixed(2)),
      nodeSystemCpuMsPerRegistration: Number((used.nodeSystemMs / TOTAL).toFixed(2)),
      clientCpuMsPerRegistration: Number((clientCpuMs / TOTAL).toFixed(2)),
      dbCpuMsPerRegistration: used.dbCpuMs === null ? null : Number((used.dbCpuMs / TOTAL).toFixed(2)),
      // Everything on the machine (servers, clients, PostgreSQL, kernel, anything else running).
      hostCpuMsPerRegistration: Number((used.hostCpuMs / TOTAL).toFixed(2)),
      cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}`,
      node: process.version,
      // Other work on the machine changes these figures a lot: say how busy it was.
      loadAverageBefore: loadBefore,
      loadAverageAfter: Number(os.loadavg()[0]!.toFixed(2)),
    };
    console.log(`${label}: ${TOTAL} registrations (${latencies.length} requests with retries) from ${CLIENTS} clients in ${result.seconds} s`);
    console.log(`  ${result.perSecond} registrations/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms; statuses ${JSON.stringify(statuses)}`);
    console.log(`  capacity ${CAPACITY}: admitted ${holding}, waitlisted ${waitlisted}; oversold ${oversold}, lost ${lost}, duplicated ${duplicated}`);
    console.log(JSON.stringify(result));
    if (oversold || lost || duplicated) process.exitCode = 1;
  } finally {
    await cleanup();
  }
}

await main().catch((e: unknown) => {
  console.error("bench failed:", e);
  process.exit(1);
});
