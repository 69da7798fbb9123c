import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { demo, openTestDb, type TestDb } from "../../tests/support/db";
import { testApp } from "../../tests/support/http";
import { auditEntries } from "../platform/audit/tables";
import { apiTokens } from "../features/accounts/tables";
import { clusters, editions, organisers, venues } from "../features/editions/tables";

// Who may do what through the API: API tokens and their scopes, organisers kept
// apart, and every role that is not organiser staff refused the back office
// (the "a visitor cannot read or change anything that is not its own").

let t: TestDb;
let api: ReturnType<typeof testApp>;
let editionId: string;
let clusterId: string;
let otherEditionId: string;
let staffTokenId: string;
let staffCookie: string;

async function signIn(email: string) {
  const r = await api.call("/api/v1/auth/sign-in", { json: { email, password: demo.password } });
  expect(r.status, `${email}: ${JSON.stringify(r.body)}`).toBe(200);
  return r.headers.get("set-cookie")!.split(";")[0]!;
}

async function createToken(name: string, scopes: string[]) {
  const r = await api.call("/api/v1/api-tokens", { cookie: staffCookie, json: { name, scopes } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  expect(r.body.token).toMatch(/^nmsh_/);
  return r.body as { id: string; token: string };
}

beforeAll(async () => {
  t = await openTestDb();
  api = testApp(t.db);
  const [e] = await t.db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
  editionId = e!.id;
  const [c] = await t.db.select().from(clusters).where(eq(clusters.editionId, editionId)).limit(1);
  clusterId = c!.id;
  // A second organiser with its own edition, written directly.
  const [org] = await t.db.insert(organisers).values({ slug: "other-org", nameEn: "Other", nameUr: "دوسرا", shortName: "OTH" }).returning();
  const [venue] = await t.db
    .insert(venues)
    .values({ organiserId: org!.id, slug: "other-hall", nameEn: "Other Hall", nameUr: "دوسرا ہال", address: "Karachi" })
    .returning();
  const [other] = await t.db
    .insert(editions)
    .values({
      organiserId: org!.id,
      slug: "other-2026",
      year: 2026,
      nameEn: "Other Fair 2026",
      nameUr: "دوسرا میلہ",
      startsOn: "2026-03-01",
      endsOn: "2026-03-02",
      timezone: "Asia/Karachi",
      venueId: venue!.id,
      status: "draft",
    })
    .returning();
  otherEditionId = other!.id;
  staffCookie = await signIn(demo.organiser);
  staffTokenId = (await createToken("fixture", ["catalogue:read"])).id;
});
afterAll(async () => t?.close());

const clusterBody = { slug: "intruder", nameEn: "Intruder", nameUr: "گھس بیٹھیا", district: "Lahore", province: "Punjab" };

/** Every route that belongs to organiser staff (or their tokens), with a body that would be valid. */
const staffRoutes = () =>
  [
    ["GET", "/api/v1/editions"],
    ["PATCH", `/api/v1/editions/${editionId}`, { nameEn: "Taken over" }],
    ["POST", `/api/v1/editions/${editionId}/copy`, { slug: "taken-2027", year: 2027, startsOn: "2027-01-23" }],
    ["POST", `/api/v1/editions/${editionId}/sectors`, { code: "intruders", nameEn: "Intruders", nameUr: "گھس بیٹھیے" }],
    ["POST", `/api/v1/editions/${editionId}/clusters`, clusterBody],
    ["PATCH", `/api/v1/clusters/${clusterId}`, { nameEn: "Taken over" }],
    ["DELETE", `/api/v1/clusters/${clusterId}`],
    ["POST", `/api/v1/editions/${editionId}/trade-bodies`, { slug: "intruders", kind: "association", nameEn: "Intruders", nameUr: "گھس بیٹھیے" }],
    ["GET", "/api/v1/audit"],
    ["GET", "/api/v1/outbox"],
    ["GET", "/api/v1/api-tokens"],
    ["POST", "/api/v1/api-tokens", { name: "mine", scopes: ["catalogue:write"] }],
    ["DELETE", `/api/v1/api-tokens/${staffTokenId}`],
    ["POST", "/api/v1/invitations", { email: "friend@example.pk", role: "organiser_staff" }],
  ] as [string, string, unknown?][];

async function expectNothingChanged() {
  const [e] = await t.db.select().from(editions).where(eq(editions.id, editionId));
  expect(e!.nameEn).toBe("Made in Pakistan: SME Cluster Showcase 2026");
  const [c] = await t.db.select().from(clusters).where(eq(clusters.id, clusterId));
  expect(c?.nameEn).not.toBe("Taken over");
  const [tok] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, staffTokenId));
  expect(tok!.revokedAt).toBeNull();
  expect(await t.db.select().from(editions).where(eq(editions.slug, "taken-2027"))).toHaveLength(0);
}

describe("a visitor", () => {
  it("is refused every back-office route with 403 and changes nothing", async () => {
    const cookie = await signIn(demo.visitor);
    for (const [method, path, json] of staffRoutes()) {
      const r = await api.call(path, { method, cookie, json });
      expect(r.status, `${method} ${path}: ${JSON.stringify(r.body)}`).toBe(403);
      expect(r.body.error.code).toBe("forbidden");
    }
    await expectNothingChanged();
  });

  it("reads and changes only its own account", async () => {
    const cookie = await signIn(demo.visitor);
    const me = await api.call("/api/v1/me", { cookie });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(demo.visitor);
    expect(me.body.grants).toEqual([{ role: "visitor", organiserId: null, tradeBodyId: null, enterpriseId: null }]);
    expect(JSON.stringify(me.body)).not.toMatch(/passwordHash|secret/);
    // PATCH /me cannot name another account: there is no id to give.
    const other = await api.call("/api/v1/me", { method: "PATCH", cookie, json: { name: "Renamed", id: me.body.id } });
    expect(other.status).toBe(400);
    const renamed = await api.call("/api/v1/me", { method: "PATCH", cookie, json: { name: "Visitor Renamed" } });
    expect(renamed.body).toMatchObject({ email: demo.visitor, name: "Visitor Renamed" });
    const staff = await api.call("/api/v1/me", { cookie: staffCookie });
    expect(staff.body.email).toBe(demo.organiser);
  });
});

describe("anonymous callers", () => {
  it("get 401 on every back-office route and on /me", async () => {
    for (const [method, path, json] of [...staffRoutes(), ["GET", "/api/v1/me"], ["PATCH", "/api/v1/me", { name: "x" }]] as const) {
      const r = await api.call(path, { method, json });
      expect(r.status, `${method} ${path}`).toBe(401);
      expect(r.body.error.code).toBe("unauthenticated");
    }
    await expectNothingChanged();
  });

  it("can read the published edition, but not a draft", async () => {
    const r = await api.call("/api/v1/editions/current");
    expect(r.status).toBe(200);
    expect(r.body.edition.slug).toBe("sme-showcase-2027"); // the latest published: the demo's next show
    expect(r.body.edition.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(r.body.clusters).toHaveLength(36);
    expect((await api.call("/api/v1/editions/showcase-2026")).status).toBe(200);
    expect((await api.call("/api/v1/editions/no-such-edition")).status).toBe(404);
    // Another organiser's draft: not for the public, nor for this organiser's staff.
    expect((await api.call("/api/v1/editions/other-2026")).status).toBe(404);
    expect((await api.call("/api/v1/editions/other-2026", { cookie: staffCookie })).status).toBe(404);
  });
});

describe.each([
  ["trade-body representative", demo.chamber],
  ["exhibitor", demo.exhibitor],
  ["reviewer", demo.reviewer],
  ["gate staff", demo.gate],
])("a %s", (_role, email) => {
  it("is refused the organiser-staff routes with 403", async () => {
    const cookie = await signIn(email);
    for (const [method, path, json] of staffRoutes()) {
      const r = await api.call(path, { method, cookie, json });
      expect(r.status, `${method} ${path}`).toBe(403);
    }
    const me = await api.call("/api/v1/me", { cookie });
    expect(me.body.email).toBe(email);
    await expectNothingChanged();
  });
});

describe("API tokens", () => {
  it("with only catalogue:read can list editions but not change them or read the audit log", async () => {
    const { token } = await createToken("reader", ["catalogue:read"]);
    const list = await api.call("/api/v1/editions", { bearer: token, origin: null });
    expect(list.status).toBe(200);
    expect(list.body.map((e: { id: string }) => e.id)).toContain(editionId);
    // Only its own organiser's editions.
    expect(list.body.map((e: { id: string }) => e.id)).not.toContain(otherEditionId);
    const patch = await api.call(`/api/v1/editions/${editionId}`, { method: "PATCH", bearer: token, json: { taglineEn: "x" } });
    expect(patch.status).toBe(403);
    expect((await api.call("/api/v1/audit", { bearer: token })).status).toBe(403);
    expect((await api.call("/api/v1/outbox", { bearer: token })).status).toBe(403);
    // Tokens cannot manage tokens, copy editions or invite: those need a person.
    expect((await api.call("/api/v1/api-tokens", { bearer: token })).status).toBe(403);
    expect((await api.call("/api/v1/me", { bearer: token })).status).toBe(403);
  });

  it("with catalogue:write change their own organiser's edition, audited under the token's name", async () => {
    const { token } = await createToken("writer", ["catalogue:write"]);
    const r = await api.call(`/api/v1/editions/${editionId}`, { method: "PATCH", bearer: token, origin: null, json: { taglineEn: "By token" } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.taglineEn).toBe("By token");
    expect(r.body.nameEn).toBe("Made in Pakistan: SME Cluster Showcase 2026");
    const [entry] = await t.db.select().from(auditEntries).where(eq(auditEntries.actorLabel, "token:writer"));
    expect(entry).toMatchObject({ action: "edition.updated", entityId: editionId });
    const copy = await api.call(`/api/v1/editions/${editionId}/copy`, { bearer: token, json: { slug: "by-token-2027", year: 2027, startsOn: "2027-01-23" } });
    expect(copy.status).toBe(403);
  });

  it("of organiser A cannot touch organiser B's edition, nor can A's staff", async () => {
    const { token } = await createToken("all", ["catalogue:read", "catalogue:write", "audit:read"]);
    for (const auth of [{ bearer: token }, { cookie: staffCookie }]) {
      const patch = await api.call(`/api/v1/editions/${otherEditionId}`, { method: "PATCH", ...auth, json: { nameEn: "Hijacked" } });
      expect(patch.status).toBe(403);
      const sector = await api.call(`/api/v1/editions/${otherEditionId}/sectors`, { ...auth, json: { code: "hijack", nameEn: "Hijack", nameUr: "قبضہ" } });
      expect(sector.status).toBe(403);
      const cluster = await api.call(`/api/v1/editions/${otherEditionId}/clusters`, { ...auth, json: clusterBody });
      expect(cluster.status).toBe(403);
    }
    const [other] = await t.db.select().from(editions).where(eq(editions.id, otherEditionId));
    expect(other!.nameEn).toBe("Other Fair 2026");
    // Nor read B's audit log by naming B.
    expect((await api.call(`/api/v1/audit?organiserId=${other!.organiserId}`, { bearer: token })).status).toBe(403);
    expect((await api.call(`/api/v1/audit?organiserId=${other!.organiserId}`, { cookie: staffCookie })).status).toBe(403);
    // A's audit log holds nothing of B.
    const audit = await api.call("/api/v1/audit", { bearer: token });
    expect(audit.status).toBe(200);
    expect(audit.body.entries.length).toBeGreaterThan(0);
    expect(audit.body.entries.every((e: { organiserId: string }) => e.organiserId !== other!.organiserId)).toBe(true);
  });

  it("stop working once revoked (401)", async () => {
    const { id, token } = await createToken("short-lived", ["catalogue:read"]);
    expect((await api.call("/api/v1/editions", { bearer: token })).status).toBe(200);
    const revoke = await api.call(`/api/v1/api-tokens/${id}`, { method: "DELETE", cookie: staffCookie });
    expect(revoke.status).toBe(204);
    const after = await api.call("/api/v1/editions", { bearer: token });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe("unauthenticated");
    const again = await api.call(`/api/v1/api-tokens/${id}`, { method: "DELETE", cookie: staffCookie });
    expect(again.status).toBe(404);
    const listed = await api.call("/api/v1/api-tokens", { cookie: staffCookie });
    const row = listed.body.find((x: { id: string }) => x.id === id);
    expect(row.revokedAt).toMatch(/Z$/);
    expect(row).not.toHaveProperty("tokenHash");
    expect(await api.call("/api/v1/editions", { bearer: "nmsh_made-up" })).toMatchObject({ status: 401 });
  });
});
