import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { testApp } from "../../../tests/support/http";
import { auditEntries } from "../../platform/audit/tables";
import { editions } from "../editions/tables";
import { gates, staffQuotas, zones } from "./tables";

// The check-in set-up over the API: zones, gates and staff quotas, read and changed by organiser
// staff only; everyone else gets 403 and nothing changes.

let t: TestDb;
let api: ReturnType<typeof testApp>;
let editionId: string;
const signIn = async (email: string) =>
  (await api.call("/api/v1/auth/sign-in", { json: { email, password: demo.password } })).headers.get("set-cookie")!.split(";")[0]!;

beforeAll(async () => {
  t = await openTestDb();
  api = testApp(t.db);
  const [e] = await t.db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
  editionId = e!.id;
});
afterAll(async () => t?.close());

describe("check-in set-up API", () => {
  it("organiser staff read zones, gates and quotas, add and change zones and gates (audited)", async () => {
    const cookie = await signIn(demo.organiser);
    const setup = await api.call(`/api/v1/editions/${editionId}/checkin-setup`, { cookie });
    expect(setup.status).toBe(200);
    expect(setup.body.zones.map((z: { bit: number }) => z.bit)).toEqual([0, 1, 2]);
    expect(setup.body.exhibitors.length).toBeGreaterThan(0);
    expect((await api.call(`/api/v1/editions/${editionId}/zones`, { cookie })).body).toEqual(setup.body.zones);
    expect((await api.call(`/api/v1/editions/${editionId}/gates`, { cookie })).body).toEqual(setup.body.gates);

    const zone = await api.call(`/api/v1/editions/${editionId}/zones`, { cookie, json: { code: "VIP", nameEn: "VIP lounge", nameUr: "وی آئی پی لاؤنج" } });
    expect(zone.status).toBe(201);
    expect(zone.body).toMatchObject({ code: "vip", bit: 3 });
    const again = await api.call(`/api/v1/editions/${editionId}/zones`, { cookie, json: { code: "vip", nameEn: "Again", nameUr: "دوبارہ" }, headers: { "accept-language": "ur" } });
    expect(again.status).toBe(400);
    expect(again.body.error.fields[0]).toMatchObject({ path: "code", code: "checkin_code_taken" });
    // The bit is the server's: a client cannot choose it.
    expect((await api.call(`/api/v1/editions/${editionId}/zones`, { cookie, json: { code: "x1", nameEn: "X", nameUr: "ایکس", bit: 0 } })).status).toBe(400);
    const renamed = await api.call(`/api/v1/zones/${zone.body.id}`, { method: "PUT", cookie, json: { nameEn: "VIP hall", nameUr: "وی آئی پی ہال" } });
    expect(renamed.status).toBe(200);
    expect((await t.db.select().from(zones).where(eq(zones.id, zone.body.id)))[0]).toMatchObject({ nameEn: "VIP hall", code: "vip", bit: 3 });

    const gate = await api.call(`/api/v1/editions/${editionId}/gates`, { cookie, json: { code: "vip-door", nameEn: "VIP door", nameUr: "وی آئی پی دروازہ", zoneId: zone.body.id } });
    expect(gate.status).toBe(201);
    const changed = await api.call(`/api/v1/gates/${gate.body.id}`, { method: "PUT", cookie, json: { nameEn: "VIP door", nameUr: "وی آئی پی دروازہ", zoneId: null, reentryAllowed: true } });
    expect(changed.status).toBe(200);
    expect((await t.db.select().from(gates).where(eq(gates.id, gate.body.id)))[0]).toMatchObject({ zoneId: null, reentryAllowed: true });
    // A zone of nothing, or an unknown gate, is a clear answer.
    expect((await api.call(`/api/v1/gates/${gate.body.id}`, { method: "PUT", cookie, json: { nameEn: "A", nameUr: "ا", zoneId: "00000000-0000-4000-8000-000000000000", reentryAllowed: false } })).body.error.fields[0]).toMatchObject({ path: "zoneId" });
    expect((await api.call(`/api/v1/gates/00000000-0000-4000-8000-000000000000`, { method: "PUT", cookie, json: { nameEn: "A", nameUr: "ا", zoneId: null, reentryAllowed: false } })).status).toBe(404);

    const enterpriseId = setup.body.exhibitors[0].id as string;
    const quota = await api.call(`/api/v1/editions/${editionId}/exhibitors/${enterpriseId}/staff-quota`, { method: "PUT", cookie, json: { quota: 7 } });
    expect(quota.status).toBe(200);
    const quotas = await api.call(`/api/v1/editions/${editionId}/staff-quotas`, { cookie });
    expect(quotas.body.quotas).toContainEqual(expect.objectContaining({ enterpriseId, quota: 7 }));

    const audit = await t.db.select().from(auditEntries).where(and(eq(auditEntries.editionId, editionId)));
    const actions = audit.map((a) => a.action);
    for (const a of ["checkin.zone_created", "checkin.zone_updated", "checkin.gate_created", "checkin.gate_updated"]) expect(actions).toContain(a);
  });

  it("refuses everyone else with 403 and changes nothing", async () => {
    const zoneCount = (await t.db.select().from(zones).where(eq(zones.editionId, editionId))).length;
    const gateCount = (await t.db.select().from(gates).where(eq(gates.editionId, editionId))).length;
    const quotaRows = await t.db.select().from(staffQuotas);
    const [zone] = await t.db.select().from(zones).where(eq(zones.editionId, editionId));
    const [gate] = await t.db.select().from(gates).where(eq(gates.editionId, editionId));
    const organiserCookie = await signIn(demo.organiser);
    const enterpriseId = (await api.call(`/api/v1/editions/${editionId}/checkin-setup`, { cookie: organiserCookie })).body.exhibitors[0].id;
    const calls = [
      { path: `/api/v1/editions/${editionId}/checkin-setup` },
      { path: `/api/v1/editions/${editionId}/zones` },
      { path: `/api/v1/editions/${editionId}/gates` },
      { path: `/api/v1/editions/${editionId}/staff-quotas` },
      { path: `/api/v1/editions/${editionId}/zones`, json: { code: "intruder", nameEn: "I", nameUr: "ا" } },
      { path: `/api/v1/zones/${zone!.id}`, method: "PUT", json: { nameEn: "Hacked", nameUr: "ہیک" } },
      { path: `/api/v1/editions/${editionId}/gates`, json: { code: "intruder", nameEn: "I", nameUr: "ا" } },
      { path: `/api/v1/gates/${gate!.id}`, method: "PUT", json: { nameEn: "Hacked", nameUr: "ہیک", zoneId: null, reentryAllowed: true } },
      { path: `/api/v1/editions/${editionId}/exhibitors/${enterpriseId}/staff-quota`, method: "PUT", json: { quota: 999 } },
    ];
    for (const who of [demo.visitor, demo.gate, demo.exhibitor, demo.chamber, demo.reviewer]) {
      const cookie = await signIn(who);
      for (const call of calls) {
        const res = await api.call(call.path, { ...call, cookie });
        expect({ who, path: call.path, status: res.status }).toEqual({ who, path: call.path, status: 403 });
      }
    }
    // An API token (even with write scope) is not organiser staff in person; no sign-in at all is 401.
    const staff = await signIn(demo.organiser);
    const token = (await api.call("/api/v1/api-tokens", { cookie: staff, json: { name: "setup", scopes: ["catalogue:write"] } })).body.token as string;
    expect((await api.call(`/api/v1/editions/${editionId}/zones`, { bearer: token, json: { code: "tok", nameEn: "T", nameUr: "ٹ" } })).status).toBe(403);
    expect((await api.call(`/api/v1/editions/${editionId}/zones`)).status).toBe(401);
    expect((await t.db.select().from(zones).where(eq(zones.editionId, editionId))).length).toBe(zoneCount);
    expect((await t.db.select().from(gates).where(eq(gates.editionId, editionId))).length).toBe(gateCount);
    expect(await t.db.select().from(staffQuotas)).toEqual(quotaRows);
    expect((await t.db.select().from(gates).where(eq(gates.id, gate!.id)))[0]!.nameEn).toBe(gate!.nameEn);
  });

  it("is in the OpenAPI document", async () => {
    const doc = (await api.call("/api/v1/openapi.json")).body;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/editions/{id}/checkin-setup", "/editions/{id}/zones", "/zones/{id}", "/editions/{id}/gates", "/gates/{id}", "/editions/{id}/staff-quotas"]));
    expect(doc.paths["/zones/{id}"].put.requestBody).toBeDefined();
  });
});
