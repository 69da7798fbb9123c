import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type TestDb, testConfig, clock } from "../../tests/support/db";
import { createLogger } from "../platform/log";
import { createApp } from "./app";

// Operators' view: JSON logs with a request id on every line and no personal data, Prometheus
// metrics behind a token, readiness that includes the migrations.
let t: TestDb;
const lines: Record<string, unknown>[] = [];
let app: ReturnType<typeof createApp>;
const TOKEN = "metrics-token-0123456789abcdef";

beforeAll(async () => {
  t = await openTestDb();
  const sink = new Writable({ write(chunk, _enc, done) { for (const l of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(l)); done(); } });
  app = createApp({ services: { db: t.db, clock: clock(), config: { ...testConfig, metricsToken: TOKEN } }, logger: createLogger("info", sink) });
});
afterAll(async () => t?.close());

const call = (path: string, init: RequestInit = {}) => app.request(`http://numaish.test${path}`, { ...init, headers: { accept: "application/json", host: "numaish.test", ...(init.headers ?? {}) } });

describe("observability", () => {
  it("logs one JSON line per request with its request id, echoes the id, and keeps emails and tokens out", async () => {
    const r = await call("/api/v1/auth/sign-in", { method: "POST", body: JSON.stringify({ email: "someone.private@example.pk", password: "wrong-password-1" }), headers: { "content-type": "application/json", "x-request-id": "proxy-req-12345678" } });
    expect(r.status).toBe(401);
    expect(r.headers.get("x-request-id")).toBe("proxy-req-12345678");
    await call("/registration/AbCdEfGhIjKlMnOpQrStUvWxYz012345");
    const own = await call("/api/v1/editions/current");
    expect(own.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const signIn = lines.find((l) => l.requestId === "proxy-req-12345678")!;
    expect(signIn).toMatchObject({ msg: "request", method: "POST", route: "/api/v1/auth/sign-in", status: 401 });
    const text = JSON.stringify(lines);
    expect(text).not.toContain("someone.private");
    expect(text).not.toContain("AbCdEfGhIjKlMnOpQrStUvWxYz012345");
    expect(lines.every((l) => typeof l.requestId === "string")).toBe(true);
  });

  it("serves Prometheus metrics only with the token", async () => {
    expect((await call("/metrics")).status).toBe(401);
    expect((await call("/metrics", { headers: { authorization: "Bearer wrong-token-000000000000" } })).status).toBe(401);
    const m = await call("/metrics", { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(m.status).toBe(200);
    const body = await m.text();
    expect(body).toMatch(/numaish_http_requests_total\{method="POST",route="\/api\/v1\/auth\/sign-in",status="401"\} \d+/);
    expect(body).toMatch(/numaish_http_request_duration_seconds_bucket/);
    expect(body).toMatch(/numaish_outbox_messages\{status="pending"\} \d+/);
    expect(body).toMatch(/numaish_scans_last_minute\{result="admit"\} \d+/);
    expect(body).toMatch(/numaish_registrations_last_minute \d+/);
    const none = createApp({ services: { db: t.db, clock: clock(), config: testConfig } });
    expect((await none.request("http://numaish.test/metrics")).status).toBe(404);
  });

  it("is ready when the database answers and every migration is applied", async () => {
    const r = await call("/readyz");
    expect(r.status).toBe(200);
    const body = (await r.json()) as { migrations: { known: number; applied: number } };
    expect(body.migrations.applied).toBe(body.migrations.known);
    expect(body.migrations.known).toBeGreaterThanOrEqual(5);
  });
});
