import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { testApp } from "../../../tests/support/http";
import { editions } from "./tables";

// The edition routes doing their job for organiser staff: partial updates,
// copies, sectors, clusters and trade bodies, each visible in the audit log.

let t: TestDb;
let api: ReturnType<typeof testApp>;
let editionId: string;
let cookie: string;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

beforeAll(async () => {
  t = await openTestDb();
  api = testApp(t.db);
  const [e] = await t.db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
  editionId = e!.id;
  const r = await api.call("/api/v1/auth/sign-in", { json: { email: demo.organiser, password: demo.password } });
  cookie = r.headers.get("set-cookie")!.split(";")[0]!;
});
afterAll(async () => t?.close());

const cluster = {
  slug: "wazirabad-cutlery-2",
  nameEn: "Wazirabad Cutlery (annex)",
  nameUr: "وزیرآباد کٹلری",
  district: "Gujranwala",
  province: "Punjab",
  hsCodes: ["8211", "8215"],
};

describe("editions over the API", () => {
  it("lists the organiser's editions with ISO timestamps", async () => {
    const r = await api.call("/api/v1/editions", { cookie });
    expect(r.status).toBe(200);
    const e = r.body.find((x: { id: string }) => x.id === editionId);
    expect(e).toMatchObject({ slug: "showcase-2026", startsOn: "2026-01-24", endsOn: "2026-01-26", status: "published" });
    expect(e.createdAt).toMatch(ISO);
    expect(e.updatedAt).toMatch(ISO);
  });

  it("PATCH changes only the fields sent, and validates the result", async () => {
    const r = await api.call(`/api/v1/editions/${editionId}`, { method: "PATCH", cookie, json: { taglineEn: "Made here, sold everywhere" } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ taglineEn: "Made here, sold everywhere", nameEn: "Made in Pakistan: SME Cluster Showcase 2026", startsOn: "2026-01-24" });
    const bad = await api.call(`/api/v1/editions/${editionId}`, { method: "PATCH", cookie, json: { endsOn: "2026-01-20" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toMatchObject([{ path: "endsOn", code: "ends_before_start" }]);
    const latin = await api.call(`/api/v1/editions/${editionId}`, { method: "PATCH", cookie, json: { nameUr: "Not Urdu" } });
    expect(latin.body.error.fields).toMatchObject([{ path: "nameUr", code: "urdu_script" }]);
    const missing = await api.call(`/api/v1/editions/00000000-0000-4000-8000-000000000000`, { method: "PATCH", cookie, json: {} });
    expect(missing.status).toBe(404);
  });

  it("copies an edition into a draft that only staff can see", async () => {
    const r = await api.call(`/api/v1/editions/${editionId}/copy`, { cookie, json: { slug: "showcase-2027", year: 2027, startsOn: "2027-01-23" } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ slug: "showcase-2027", status: "draft", endsOn: "2027-01-25", copiedFromId: editionId });
    expect((await api.call("/api/v1/editions/showcase-2027")).status).toBe(404);
    const staffView = await api.call("/api/v1/editions/showcase-2027", { cookie });
    expect(staffView.status).toBe(200);
    expect(staffView.body.clusters).toHaveLength(36);
    const again = await api.call(`/api/v1/editions/${editionId}/copy`, { cookie, json: { slug: "showcase-2027", year: 2027, startsOn: "2027-01-23" } });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: "slug_taken", fields: [{ path: "slug", code: "slug_taken" }] });
  });

  it("adds a sector and refuses a duplicate code", async () => {
    const body = { code: "toys", nameEn: "Toys and games", nameUr: "کھلونے" };
    const r = await api.call(`/api/v1/editions/${editionId}/sectors`, { cookie, json: body });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ ...body, editionId });
    const dup = await api.call(`/api/v1/editions/${editionId}/sectors`, { cookie, json: body });
    expect(dup.status).toBe(409);
    expect(dup.body.error.fields).toMatchObject([{ path: "code" }]);
  });

  it("creates, patches and deletes a cluster, each audited", async () => {
    const created = await api.call(`/api/v1/editions/${editionId}/clusters`, { cookie, json: cluster });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ ...cluster, sectorId: null, editionId });
    const id = created.body.id as string;
    const badHs = await api.call(`/api/v1/clusters/${id}`, { method: "PATCH", cookie, json: { hsCodes: ["82"] } });
    expect(badHs.status).toBe(400);
    expect(badHs.body.error.fields).toMatchObject([{ path: "hsCodes.0", code: "invalid_hs_code" }]);
    const patched = await api.call(`/api/v1/clusters/${id}`, { method: "PATCH", cookie, json: { district: "Wazirabad" } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ ...cluster, district: "Wazirabad" });
    expect((await api.call(`/api/v1/clusters/${id}`, { method: "DELETE", cookie })).status).toBe(204);
    expect((await api.call(`/api/v1/clusters/${id}`, { method: "DELETE", cookie })).status).toBe(404);
    expect((await api.call(`/api/v1/clusters/${id}`, { method: "PATCH", cookie, json: {} })).status).toBe(404);

    const audit = await api.call("/api/v1/audit?entityType=cluster", { cookie });
    expect(audit.status).toBe(200);
    const mine = audit.body.entries.filter((e: { entityId: string }) => e.entityId === id);
    expect(mine.map((e: { action: string }) => e.action)).toEqual(["cluster.deleted", "cluster.updated", "cluster.created"]);
    expect(mine[0].actorLabel).toBe(demo.organiser);
    expect(mine[0].at).toMatch(ISO);
    const deletes = await api.call("/api/v1/audit?action=cluster.deleted", { cookie });
    expect(deletes.body.entries.every((e: { action: string }) => e.action === "cluster.deleted")).toBe(true);
    const later = await api.call("/api/v1/audit?from=2027-01-01", { cookie });
    expect(later.body.entries).toEqual([]);
  });

  it("adds a trade body with the default quota, and refuses adding it twice", async () => {
    const body = { slug: "sialkot-womens-chamber-2", kind: "women_chamber", nameEn: "Sialkot Women's Chamber", nameUr: "سیالکوٹ ویمن چیمبر", city: "Sialkot", province: "Punjab" };
    const r = await api.call(`/api/v1/editions/${editionId}/trade-bodies`, { cookie, json: body });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ ...body, nominationQuota: 10 });
    const twice = await api.call(`/api/v1/editions/${editionId}/trade-bodies`, { cookie, json: body });
    expect(twice.status).toBe(409);
    const bad = await api.call(`/api/v1/editions/${editionId}/trade-bodies`, { cookie, json: { ...body, kind: "guild", nominationQuota: -1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(["kind", "nominationQuota"]);
  });
});
