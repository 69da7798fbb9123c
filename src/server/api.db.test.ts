import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { demo, openTestDb, type TestDb } from "../../tests/support/db";
import { testApp } from "../../tests/support/http";
import { createApp } from "./app";
import { translate } from "../platform/i18n/translate";
import { editions } from "../features/editions/tables";

// The API as a whole: its OpenAPI document, the error contract, security
// headers and cookies, CSRF and the sign-in rate limit.

let t: TestDb;
let api: ReturnType<typeof testApp>;
let editionId: string;
beforeAll(async () => {
  t = await openTestDb();
  api = testApp(t.db);
  const [e] = await t.db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
  editionId = e!.id;
});
afterAll(async () => t?.close());

async function signIn(email: string, ip = "10.0.0.1") {
  const r = await api.call("/api/v1/auth/sign-in", {
    json: { email, password: demo.password },
    headers: { "x-forwarded-for": ip },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.headers.get("set-cookie")!.split(";")[0]!;
}

/** A request with a raw body, for what JSON.stringify cannot produce. */
const raw = (path: string, body: string, headers: Record<string, string>) =>
  api.app.request(`http://numaish.test${path}`, {
    method: "POST",
    body,
    headers: { origin: "http://numaish.test", host: "numaish.test", accept: "application/json", ...headers },
  });

const routes = [
  "GET /me",
  "PATCH /me",
  "POST /auth/sign-up",
  "POST /auth/sign-up/confirm",
  "POST /auth/sign-in",
  "POST /auth/sign-out",
  "POST /auth/password-reset",
  "POST /auth/password-reset/confirm",
  "GET /api-tokens",
  "POST /api-tokens",
  "DELETE /api-tokens/{id}",
  "POST /invitations",
  "GET /editions/current",
  "GET /editions/{slug}",
  "GET /editions",
  "PATCH /editions/{id}",
  "POST /editions/{id}/copy",
  "POST /editions/{id}/sectors",
  "POST /editions/{id}/clusters",
  "PATCH /clusters/{id}",
  "DELETE /clusters/{id}",
  "POST /editions/{id}/trade-bodies",
  "GET /audit",
  "GET /outbox",
  "POST /gates/{id}/scans",
  "POST /editions/{id}/offline-scans",
  "GET /editions/{id}/gate-bundle",
  "GET /editions/{id}/footfall",
  "GET /registrations/{id}/badge.pdf",
  "POST /registrations/{id}/badge/revoke",
  "POST /registrations/{id}/badge/reprint",
  "GET /editions/{id}/exhibitors/{enterpriseId}/staff-badges",
  "POST /editions/{id}/exhibitors/{enterpriseId}/staff-badges",
  "PUT /editions/{id}/exhibitors/{enterpriseId}/staff-quota",
];

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1 and lists every route with a summary, tags, security and responses", async () => {
    const r = await api.call("/api/v1/openapi.json");
    expect(r.status).toBe(200);
    const doc = r.body;
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.title).toBeTruthy();
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(["bearer", "session"]);
    const ops = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })),
    );
    // Features add routes; the ones of the foundation must all be there.
    expect(ops.map((o) => o.key)).toEqual(expect.arrayContaining(routes));
    const tagNames = new Set(doc.tags.map((t: { name: string }) => t.name));
    for (const { key, op } of ops) {
      expect(op.summary, key).toBeTruthy();
      expect(op.tags?.length, key).toBeGreaterThan(0);
      for (const tag of op.tags) expect(tagNames.has(tag), `${key} tag ${tag}`).toBe(true);
      expect(Array.isArray(op.security), key).toBe(true);
      expect(Object.keys(op.responses).length, key).toBeGreaterThan(0);
      expect(Object.keys(op.responses).some((s) => s.startsWith("2")), key).toBe(true);
      // Every path parameter in the template is declared.
      for (const name of key.match(/\{(\w+)\}/g) ?? []) {
        expect(op.parameters?.some((p: any) => p.in === "path" && `{${p.name}}` === name), `${key} ${name}`).toBe(true);
      }
    }
    // Every $ref points at a declared schema.
    const refs = JSON.stringify(doc).match(/"#\/components\/schemas\/[^"]+"/g) ?? [];
    for (const ref of refs) expect(doc.components.schemas[ref.slice(22, -1)], ref).toBeTruthy();
  });

  it("has a readable reference page grouped by tag that says who may call", async () => {
    const r = await api.call("/api/v1/docs", { headers: { accept: "text/html" } });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toContain("text/html");
    const html = r.body as string;
    expect(html).toContain('id="tag-back-office"');
    expect(html).toContain("/editions/{id}/clusters");
    expect(html).toContain("Public: no sign-in needed.");
    expect(html).toContain("Authenticate with session cookie or API token.");
    expect(html).not.toMatch(/<script/i);
  });
});

describe("errors", () => {
  it("answers malformed JSON with 400 bad_request, not 500", async () => {
    const r = await raw("/api/v1/auth/sign-in", '{"email": "x@y.pk", "password": ', { "content-type": "application/json" });
    expect(r.status).toBe(400);
    expect((await r.json()).error.code).toBe("bad_request");
  });

  it("answers a body that is not JSON with 400, not 500", async () => {
    const r = await raw("/api/v1/auth/sign-in", "email=x", { "content-type": "text/plain" });
    expect(r.status).toBe(400);
    expect((await r.json()).error.code).toBe("bad_request");
  });

  it("refuses an oversized body with 413 payload_too_large", async () => {
    const r = await raw("/api/v1/auth/sign-in", JSON.stringify({ email: "x@y.pk", password: "x".repeat(300_000) }), {
      "content-type": "application/json",
    });
    expect(r.status).toBe(413);
    expect((await r.json()).error.code).toBe("payload_too_large");
  });

  it("reports missing fields, wrong types and unknown fields with paths", async () => {
    const missing = await api.call("/api/v1/auth/sign-up", { json: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe("validation_failed");
    expect(missing.body.error.fields.map((f: any) => [f.path, f.code]).sort()).toEqual([
      ["email", "required"],
      ["name", "required"],
    ]);
    const cookie = await signIn(demo.organiser);
    const wrong = await api.call(`/api/v1/editions/${editionId}`, { method: "PATCH", cookie, json: { nameEn: 5, colour: "red" } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields.map((f: any) => [f.path, f.code]).sort()).toEqual([
      ["colour", "unrecognized_key"],
      ["nameEn", "invalid_type"],
    ]);
    for (const f of wrong.body.error.fields) expect(f.message).toBeTruthy();
  });

  it("refuses a path parameter that is not a UUID with 400 on field id", async () => {
    const cookie = await signIn(demo.organiser);
    for (const [method, path] of [
      ["PATCH", "/api/v1/editions/not-a-uuid"],
      ["DELETE", "/api/v1/clusters/123"],
      ["DELETE", "/api/v1/api-tokens/x'%20or%201=1"],
    ] as const) {
      const r = await api.call(path, { method, cookie, json: method === "PATCH" ? {} : undefined });
      expect(r.status, path).toBe(400);
      expect(r.body.error.code).toBe("validation_failed");
      expect(r.body.error.fields[0].path).toBe("id");
    }
  });

  it("refuses query values out of range", async () => {
    const cookie = await signIn(demo.organiser);
    const r = await api.call("/api/v1/audit?page=0", { cookie });
    expect(r.status).toBe(400);
    expect(r.body.error.fields).toMatchObject([{ path: "page", code: "too_small" }]);
    const bad = await api.call("/api/v1/audit?from=yesterday", { cookie });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toMatchObject([{ path: "from", code: "invalid_date" }]);
    const ok = await api.call("/api/v1/audit?from=2026-01-01&to=2026-01-31&page=1", { cookie });
    expect(ok.status).toBe(200);
  });

  it("answers text the database cannot store with 400, not 500", async () => {
    const cookie = await signIn(demo.organiser);
    const r = await api.call("/api/v1/me", { method: "PATCH", cookie, json: { name: "a\u0000b" } });
    expect(r.status).toBe(400);
  });

  it("speaks Urdu with Accept-Language: ur or the language cookie", async () => {
    const byHeader = await api.call("/api/v1/auth/sign-up", { json: {}, headers: { "accept-language": "ur-PK,ur;q=0.9" } });
    expect(byHeader.body.error.message).toBe(translate("ur", "error.validation_failed"));
    expect(byHeader.body.error.fields[0].message).toBe(translate("ur", "validation.required"));
    const byCookie = await api.call("/api/v1/me", { headers: { cookie: "numaish_lang=ur" } });
    expect(byCookie.status).toBe(401);
    expect(byCookie.body.error.message).toBe(translate("ur", "error.unauthenticated"));
    const english = await api.call("/api/v1/me");
    expect(english.body.error.message).toBe(translate("en", "error.unauthenticated"));
    expect(english.body.error.message).not.toBe(byCookie.body.error.message);
  });

  it("answers unknown API paths with a JSON 404", async () => {
    for (const path of ["/api/v1/nope", "/api/v1/editions/current/extra", "/api/v1/"]) {
      const r = await api.call(path);
      expect(r.status, path).toBe(404);
      expect(r.body.error.code).toBe("not_found");
    }
  });

  it("has /healthz answer 200 when the database does", async () => {
    const r = await api.call("/healthz");
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: "ok" });
  });
});

describe("headers and cookies", () => {
  it("sends security headers with a fresh CSP nonce", async () => {
    const a = await api.call("/api/v1/editions/current");
    const b = await api.call("/api/v1/me");
    for (const r of [a, b]) {
      const csp = r.headers.get("content-security-policy")!;
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}'/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    }
    const nonce = (h: Headers) => h.get("content-security-policy")!.match(/nonce-([^']+)/)![1];
    expect(nonce(a.headers)).not.toBe(nonce(b.headers));
  });

  it("lets other sites frame the agenda widget only: every other page refuses framing", async () => {
    const widget = await api.call("/editions/showcase-2026/programme/embed");
    expect(widget.headers.get("content-security-policy")).toContain("frame-ancestors *");
    expect(widget.headers.get("content-security-policy")).not.toContain("frame-ancestors 'none'");
    expect(widget.headers.get("x-frame-options")).toBeNull();
    for (const path of ["/editions/showcase-2026/programme", "/editions/showcase-2026/programme/embed/x", "/editions/showcase-2026/programme/embedded", "/api/v1/editions/current"]) {
      const r = await api.call(path);
      expect(r.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
      expect(r.headers.get("x-frame-options"), path).toBe("DENY");
    }
  });

  it("sends HSTS only when the public address is https", async () => {
    expect((await api.call("/api/v1/editions/current")).headers.get("strict-transport-security")).toBeNull();
    const https = createApp({ services: { ...api.services, config: { ...api.services.config, publicUrl: "https://numaish.test" } } });
    const r = await https.request("https://numaish.test/api/v1/editions/current", { headers: { accept: "application/json" } });
    expect(r.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  });

  it("sets the session cookie HttpOnly and SameSite=Lax", async () => {
    const r = await api.call("/api/v1/auth/sign-in", { json: { email: demo.visitor, password: demo.password } });
    const cookie = r.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^numaish_session=[^;]{20,};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Path=/");
    expect(JSON.stringify(r.body)).not.toMatch(/password|secret|hash/i);
  });
});

describe("CSRF", () => {
  it("refuses cookie-authenticated writes from another origin or without one", async () => {
    const cookie = await signIn(demo.organiser);
    const json = { name: "csrf", scopes: ["catalogue:read"] };
    for (const origin of ["https://evil.example", null, "null"]) {
      const r = await api.call("/api/v1/api-tokens", { cookie, json, origin });
      expect(r.status, String(origin)).toBe(403);
      expect(r.body.error.code).toBe("csrf_failed");
    }
    const list = await api.call("/api/v1/api-tokens", { cookie });
    expect(list.body.filter((x: { name: string }) => x.name === "csrf")).toHaveLength(0);
    const same = await api.call("/api/v1/api-tokens", { cookie, json });
    expect(same.status).toBe(201);
  });

  it("lets a client with neither a session cookie nor Origin through (nothing to forge), but not a foreign Origin", async () => {
    const r = await api.call("/api/v1/auth/password-reset", { origin: null, json: { email: demo.visitor } });
    expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
    const foreign = await api.call("/api/v1/auth/password-reset", { origin: "https://evil.example", json: { email: demo.visitor } });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe("csrf_failed");
  });

  it("lets a bearer-token request without Origin through", async () => {
    const cookie = await signIn(demo.organiser);
    const { body } = await api.call("/api/v1/api-tokens", { cookie, json: { name: "writer", scopes: ["catalogue:write"] } });
    const r = await api.call(`/api/v1/editions/${editionId}/sectors`, {
      bearer: body.token,
      origin: null,
      json: { code: "csrf-check", nameEn: "CSRF check", nameUr: "جانچ" },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  });
});

describe("ill-formed text", () => {
  it("refuses a lone surrogate in any field with a field error (400), never a 500, and stores nothing", async () => {
    const lone = "Amna \ud800";
    const signUp = await api.call("/api/v1/auth/sign-up", { json: { email: "surrogate@example.pk", name: lone } });
    expect(signUp.status).toBe(400);
    expect(signUp.body.error.fields).toEqual([expect.objectContaining({ path: "name", code: "ill_formed_text" })]);
    const cookie = (await api.call("/api/v1/auth/sign-in", { json: { email: demo.visitor, password: demo.password } })).headers.get("set-cookie")!.split(";")[0]!;
    const me = await api.call("/api/v1/me", { method: "PATCH", cookie, json: { name: "\udfff tail" } });
    expect(me.status).toBe(400);
    expect(me.body.error.fields[0]).toMatchObject({ path: "name", code: "ill_formed_text" });
    // A well-formed pair (an emoji) is fine.
    expect((await api.call("/api/v1/me", { method: "PATCH", cookie, json: { name: "Visitor \ud83d\ude00" } })).status).toBe(200);
    const ur = await api.call("/api/v1/auth/sign-up", { json: { email: "s2@example.pk", name: lone }, headers: { "accept-language": "ur" } });
    expect(ur.status).toBe(400);
  });
});

describe("sign-in rate limit", () => {
  it("blocks the sixth attempt after five wrong passwords, even with the right one", async () => {
    const attempt = (password: string, ip: string) =>
      api.call("/api/v1/auth/sign-in", { json: { email: demo.gate, password }, headers: { "x-forwarded-for": ip } });
    for (let i = 0; i < 5; i++) {
      const r = await attempt(`wrong-password-${i}`, `192.0.2.${i}`);
      expect(r.status).toBe(401);
      expect(r.body.error.code).toBe("invalid_credentials");
    }
    const sixth = await attempt(demo.password, "192.0.2.99");
    expect(sixth.status).toBe(429);
    expect(sixth.body.error.code).toBe("rate_limited");
    expect(sixth.headers.get("retry-after")).toBe("900");
    expect(sixth.headers.get("set-cookie")).toBeNull();
    // Other accounts are not affected.
    await signIn(demo.reviewer, "192.0.2.100");
  });
});
