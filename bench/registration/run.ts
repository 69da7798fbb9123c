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
import { randomBytes } from "node:crypto";
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

const { values: args } = parseArgs({
  options: {
    total: { type: "string", default: "2000" },
    clients: { type: "string", default: "50" },
    capacity: { type: "string", default: "1500" },
    replay: { type: "string", default: "0.05" },
    category: { type: "string", default: "general_public" },
  },
});
const TOTAL = Number(args.total);
const CLIENTS = Number(args.clients);
const CAPACITY = Number(args.capacity);
const REPLAY = Number(args.replay);


async function main() {
  const { database, label, cleanup } = await openBenchDb();
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

    // Errors (a 500) are logged, so a failed run says why; nothing else is.
    const app = createApp({ services, logger: createLogger("error") });
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    const port = (server.address() as { port: number }).port;
    const base = `http://127.0.0.1:${port}`;
    const path = `${base}/api/v1/editions/${edition!.id}/registrations`;

    const answered = new Map<string, string>(); // email → acknowledged (202)
    const statuses: Record<number, number> = {};
    const latencies: number[] = [];
    let next = 0;
    let networkErrors = 0;
    const post = async (i: number, key: string, email: string) => {
      // A dropped connection under load is retried with the same key, as a real client would:
      // that is what the key is for, and the check below proves it never doubles anyone.
      for (let attempt = 0; ; attempt++) {
        try {
          return await fetch(path, {
            method: "POST",
            headers: { "content-type": "application/json", origin: base, "idempotency-key": key, "accept-language": i % 2 ? "ur" : "en" },
            body: JSON.stringify({ categoryId: category!.id, name: `Visitor ${i}`, email, days: [i % 3], consentData: true, consentScan: i % 2 === 0 }),
          });
        } catch (e) {
          networkErrors++;
          if (attempt >= 3) throw e;
        }
      }
    };
    const send = async (i: number, key: string) => {
      const email = `rush${i}@bench.example`;
      const t0 = performance.now();
      const res = await post(i, key, email);
      // The public answer names nobody (202 {accepted, count}, the same for a repeat): an
      // acknowledged email must be in the database exactly once, which the check below counts.
      const body = (await res.json()) as { accepted?: boolean };
      latencies.push(performance.now() - t0);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (res.status === 202 && body.accepted) answered.set(email, "acknowledged");
    };
    const loadBefore = Number(os.loadavg()[0]!.toFixed(2));
    const cpu = await cpuMeter(db, label === "postgres");
    const stopProfile = await profileIfAsked();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let i = next++; i < TOTAL; i = next++) {
          const key = `bench-${i}-${randomBytes(4).toString("hex")}`;
          await send(i, key);
          if (Math.random() < REPLAY) await send(i, key); // the retry of an answer that got lost
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const used = await cpu();
    await stopProfile();
    server.close();

    // Verify from the database.
    const rows = await db.select().from(registrations).where(eq(registrations.editionId, edition!.id));
    const byEmail = new Map<string, number>();
    for (const r of rows) byEmail.set(r.email, (byEmail.get(r.email) ?? 0) + 1);
    const holding = rows.filter((r) => r.categoryId === category!.id && (r.status === "approved" || r.status === "pending")).length;
    const bucket = (await bucketTotals(db, edition!.id)).find((b) => b.bucket === `cat:${args.category}`);
    const lost = [...Array(TOTAL).keys()].filter((i) => {
      const email = `rush${i}@bench.example`;
      return answered.get(email) !== "acknowledged" || !byEmail.has(email);
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
      transport: "HTTP on 127.0.0.1 (@hono/node-server, fetch keep-alive)",
      total: TOTAL,
      requests: latencies.length,
      clients: CLIENTS,
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
      // CPU per registration (clients included in the Node figure: they run in this process).
      nodeCpuMsPerRegistration: Number((used.nodeCpuMs / TOTAL).toFixed(2)),
      dbCpuMsPerRegistration: used.dbCpuMs === null ? null : Number((used.dbCpuMs / TOTAL).toFixed(2)),
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
