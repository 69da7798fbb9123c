import type { Clock } from "../../src/platform/clock";
import type { AppServices } from "../../src/platform/context";
import type { Db } from "../../src/platform/db/types";
import { onOutboxWrite } from "../../src/platform/mail/wake";
import { createApp } from "../../src/server/app";
import { clock as testClock, testConfig } from "./db";

/**
 * The real Hono app (API, health, security middleware) over a test database,
 * driven with app.request(): no port, no mocks. Cookie-carrying requests get a
 * same-origin Origin header, as a browser would send.
 */
export function testApp(db: Db, c: Clock = testClock()) {
  let notified = 0;
  const services: AppServices = { db, clock: c, config: testConfig };
  // Operations wake the outbox themselves after a commit that queued mail (platform/mail/wake.ts).
  onOutboxWrite(db, () => void notified++);
  const app = createApp({ services });
  const call = async (
    path: string,
    init: { method?: string; json?: unknown; cookie?: string; bearer?: string; origin?: string | null; headers?: Record<string, string> } = {},
  ) => {
    const headers: Record<string, string> = { accept: "application/json", ...init.headers };
    if (init.json !== undefined) headers["content-type"] = "application/json";
    if (init.cookie) headers.cookie = init.cookie;
    if (init.bearer) headers.authorization = `Bearer ${init.bearer}`;
    if (init.origin !== null) headers.origin = init.origin ?? "http://numaish.test";
    headers.host = "numaish.test";
    const res = await app.request(`http://numaish.test${path}`, {
      method: init.method ?? (init.json !== undefined ? "POST" : "GET"),
      headers,
      body: init.json !== undefined ? JSON.stringify(init.json) : undefined,
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: body as any, text, headers: res.headers };
  };
  return { app, services, call, notified: () => notified };
}
