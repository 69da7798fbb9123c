import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { sql } from "drizzle-orm";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { AppServices } from "../platform/context";
import { migrationsFolder } from "../platform/db/open";
import { loggablePath, type Logger } from "../platform/log";
import type { AppEnv } from "../platform/http/request-context";
import { rowsOf } from "../platform/db/rows";

// What operators watch: a JSON access line per request with its request id, Prometheus metrics
// behind a token (request rates and latencies by route, the outbox, scans and registrations per
// minute, the database pool), liveness (/healthz) and readiness with migrations (/readyz).

const REQUEST_ID = /^[\w.-]{8,64}$/;

/** The route a request belongs to, for labels: the API's pattern, else the page path with ids and
 *  tokens folded (bounded label values). */
function routeLabel(matched: { method: string; path: string }[], urlPath: string): string {
  const route = matched.filter((r) => r.method !== "ALL").at(-1)?.path;
  if (route) return route;
  if (urlPath.startsWith("/assets/")) return "/assets/*";
  return loggablePath(urlPath).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ":id");
}

export function createMetrics(services: AppServices) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({ name: "numaish_http_requests_total", help: "HTTP requests by method, route and status", labelNames: ["method", "route", "status"], registers: [registry] });
  const duration = new Histogram({
    name: "numaish_http_request_duration_seconds",
    help: "HTTP request duration by method and route",
    labelNames: ["method", "route"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const db = services.db;
  new Gauge({
    name: "numaish_outbox_messages",
    help: "Outbox messages by status (pending and sending are the backlog; dead failed for good)",
    labelNames: ["status"],
    registers: [registry],
    async collect() {
      const rows = rowsOf<{ status: string; n: number }>(await db.execute(sql`select status, count(*)::int as n from outbox_messages where status <> 'sent' group by status`));
      this.reset();
      for (const s of ["pending", "sending", "dead"]) this.set({ status: s }, 0);
      for (const r of rows) this.set({ status: r.status }, Number(r.n));
    },
  });
  new Gauge({
    name: "numaish_scans_last_minute",
    help: "Gate scans recorded in the last minute, by result",
    labelNames: ["result"],
    registers: [registry],
    async collect() {
      const since = new Date(services.clock.now().getTime() - 60_000);
      const rows = rowsOf<{ result: string; n: number }>(await db.execute(sql`select result, count(*)::int as n from checkin_scans where uploaded_at > ${since} group by result`));
      this.set({ result: "admit" }, 0);
      this.set({ result: "refuse" }, 0);
      for (const r of rows) this.set({ result: r.result }, Number(r.n));
    },
  });
  new Gauge({
    name: "numaish_registrations_last_minute",
    help: "Registrations created in the last minute",
    registers: [registry],
    async collect() {
      const since = new Date(services.clock.now().getTime() - 60_000);
      const rows = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from registrations where created_at > ${since}`));
      this.set(Number(rows[0]?.n ?? 0));
    },
  });
  new Gauge({
    name: "numaish_db_pool_connections",
    help: "PostgreSQL pool connections by state (total, idle, waiting clients); absent on the embedded database",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      const pool = (db as unknown as { $client?: { totalCount?: number; idleCount?: number; waitingCount?: number } }).$client;
      if (!pool || typeof pool.totalCount !== "number") return;
      this.set({ state: "total" }, pool.totalCount);
      this.set({ state: "idle" }, pool.idleCount ?? 0);
      this.set({ state: "waiting" }, pool.waitingCount ?? 0);
    },
  });
  return { registry, requests, duration };
}


/** Request id (the proxy's X-Request-Id when it is sane, else a new one), echoed in the answer; one
 *  access log line and the metrics per request. */
export function observe(logger: Logger, metrics: ReturnType<typeof createMetrics>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const given = c.req.header("x-request-id");
    const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
    const log = logger.child({ requestId });
    c.set("log", log);
    const started = performance.now();
    try {
      await next();
    } finally {
      const seconds = (performance.now() - started) / 1000;
      const route = routeLabel(c.req.matchedRoutes, c.req.path);
      const status = c.res.status;
      c.res.headers.set("X-Request-Id", requestId);
      metrics.requests.inc({ method: c.req.method, route, status: String(status) });
      metrics.duration.observe({ method: c.req.method, route }, seconds);
      if (!route.startsWith("/assets/")) {
        log[status >= 500 ? "error" : "info"]({ method: c.req.method, path: loggablePath(c.req.path), route, status, ms: Math.round(seconds * 1000) }, "request");
      }
    }
  };
}

/** Migrations the code knows of (drizzle's journal) against those applied in the database. */
export async function readiness(services: AppServices): Promise<{ ok: boolean; database: boolean; migrations: { known: number; applied: number } }> {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8")) as { entries: unknown[] };
  const known = journal.entries.length;
  try {
    const rows = rowsOf<{ n: number }>(await services.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`));
    const applied = Number(rows[0]?.n ?? 0);
    return { ok: applied >= known, database: true, migrations: { known, applied } };
  } catch {
    return { ok: false, database: false, migrations: { known, applied: 0 } };
  }
}
