import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { actorFor, ctxFor, demo, demoShow, openTestDb, type DemoCategories, type TestDb } from "../../../tests/support/db";
import { testApp } from "../../../tests/support/http";
import { auditEntries } from "../../platform/audit/tables";
import { fixedClock } from "../../platform/clock";
import { inTransaction } from "../../platform/context";
import { anonymous } from "../../platform/permissions/actor";
import { copyEdition } from "../editions/operations/copy-edition";
import { visitorCategories } from "../editions/tables";
import { register } from "../registration/operations/register";
import { decodeBadge, verifyBadge } from "./core/badge-code";
import { decideScan } from "./core/decide";
import { bundleSets, bundleZoneMask, scanDay } from "./core/gate-bundle";
import { demoEditionIds, insertApprovedRegistration } from "./fixtures";
import { editionPublicKeys } from "./keys";
import { issueBadge } from "./operations/issue-badge";
import { getBadge, reprintBadge } from "./operations/manage-badges";
import { gateBundle } from "./operations/offline";
import { badgeDateCheck } from "./operations/reissue-badges";
import { recordScan } from "./operations/scan";
import { grantZone, revokeZoneGrant, setZoneRules, zoneAccess } from "./operations/zone-access";
import { badges, gates, zoneCategories, zoneGrants, zones } from "./tables";

// Who enters which zone: the category × zone rules, grants to one registration, the mask signed in
// badges, and gates (online and offline) deciding by the current mask.

let t: TestDb;
let ids: Awaited<ReturnType<typeof demoEditionIds>>;
let cat: DemoCategories;
/** The demo's zones' ids by code. */
let zoneId: Record<"opening_ceremony" | "b2b_lounge" | "media_enclave", string> & Record<string, string>;
// 10:00 in Lahore on the first day of the demo edition (2026-01-24).
const day0 = () => fixedClock("2026-01-24T05:00:00Z");
const gateCtx = async () => ctxFor(t.db, await actorFor(t.db, demo.gate), "en", day0());
const staffCtx = async () => ctxFor(t.db, await actorFor(t.db, demo.organiser), "en", day0());
const BIT = { opening_ceremony: 0, b2b_lounge: 1, media_enclave: 2 } as const;

async function badgeFor(email: string, opts: { category?: string; zones?: string[] } = {}) {
  const reg = await insertApprovedRegistration(t.db, ids.edition.id, { email, ...opts });
  await inTransaction(await staffCtx(), (tx, ctx) => issueBadge(tx, ctx, reg.id));
  const [badge] = await t.db.select().from(badges).where(eq(badges.registrationId, reg.id));
  return { reg, code: badge!.code };
}
const scanAt = async (gate: string, code: string) => (await recordScan(await gateCtx(), { gateId: ids.gate(gate).id, code, deviceId: "zone-test" })).reason;
const signedZones = (code: string) => {
  const d = decodeBadge(code);
  if (!d.ok) throw new Error("undecodable badge");
  return d.badge.zones;
};
/** The offline decision of a scanner page with the current bundle (as client/gate-offline.ts decides). */
async function offline(gate: string, code: string) {
  const bundle = await gateBundle(await gateCtx(), { editionId: ids.edition.id });
  const verification = verifyBadge(code, await editionPublicKeys(t.db, ids.edition.id), bundle.edition);
  const g = bundle.gates.find((x) => x.id === ids.gate(gate).id)!;
  const zoneMask = verification.ok ? bundleZoneMask(bundle, verification.payload) : undefined;
  return decideScan({ verification, ...bundleSets(bundle), today: scanDay(day0().now(), bundle), gateZone: g.zone, reentryAllowed: true, history: [], zoneMask }).reason;
}
/** Every rule now, as "category:zone" codes. */
async function rulesNow() {
  const view = await zoneAccess(await staffCtx(), { editionId: ids.edition.id });
  const catCode = new Map(view.categories.map((c) => [c.id, c.code]));
  const zoneCode = new Map(view.zones.map((z) => [z.id, z.code]));
  return view.rules.map((r) => `${catCode.get(r.categoryId)}:${zoneCode.get(r.zoneId)}`).sort();
}
const rule = (category: string, zone: string) => ({ categoryId: cat[category]!, zoneId: zoneId[zone]! });

beforeAll(async () => {
  t = await openTestDb();
  ids = await demoEditionIds(t.db);
  cat = (await demoShow(t.db)).cat;
  const zoneRows = await t.db.select().from(zones).where(eq(zones.editionId, ids.edition.id));
  zoneId = Object.fromEntries(zoneRows.map((z) => [z.code, z.id])) as typeof zoneId;
});
afterAll(async () => t?.close());

describe(`zone access (${process.env.NUMAISH_TEST_DB ?? "pglite"})`, () => {
  it("the demo's rules: buyers enter the lounge, media the enclave, foreign missions the ceremony; the badge signs the mask", async () => {
    const rules = await rulesNow();
    expect(rules).toContain("corporate_buyer:b2b_lounge");
    expect(rules).toContain("foreign_mission:opening_ceremony");
    expect(rules).toContain("media:media_enclave");
    expect(rules.filter((r) => r.startsWith("general_public:") || r.startsWith("student:"))).toEqual([]);

    const buyer = await badgeFor("zone-buyer@example.pk");
    expect(signedZones(buyer.code)).toBe(1 << BIT.b2b_lounge);
    expect(await scanAt("b2b_lounge", buyer.code)).toBe("ok");
    expect(await scanAt("media_enclave", buyer.code)).toBe("zone_not_allowed");
    expect(await scanAt("auditorium", buyer.code)).toBe("zone_not_allowed");
    expect(await scanAt("hall1", buyer.code)).toBe("ok");

    const press = await badgeFor("zone-press@example.pk", { category: "media" });
    expect(await scanAt("media_enclave", press.code)).toBe("ok");
    expect(await scanAt("auditorium", press.code)).toBe("ok");
    const envoy = await badgeFor("zone-envoy@example.pk", { category: "foreign_mission" });
    expect(signedZones(envoy.code)).toBe((1 << BIT.b2b_lounge) | (1 << BIT.opening_ceremony));
    expect(await offline("auditorium", envoy.code)).toBe("ok");
    const visitor = await badgeFor("zone-public@example.pk", { category: "general_public" });
    expect(await scanAt("b2b_lounge", visitor.code)).toBe("zone_not_allowed");
    expect(await offline("b2b_lounge", visitor.code)).toBe("zone_not_allowed");
    // The badge page lists the zones the holder may enter.
    const view = await getBadge(await staffCtx(), { registrationId: envoy.reg.id });
    expect(view.zones.map((z) => z.code)).toEqual(["opening_ceremony", "b2b_lounge"]);
  });

  it("a rule change counts at the next scan, online and offline, without replacing any badge; badges signed afterwards carry it", async () => {
    const student = await badgeFor("zone-student@example.pk", { category: "student" });
    const buyer = await badgeFor("zone-buyer2@example.pk");
    expect(await scanAt("media_enclave", student.code)).toBe("zone_not_allowed");
    const before = await rulesNow();
    const s = await staffCtx();
    // The page posts the whole matrix: everything as it was, less buyers in the lounge, plus students in the enclave.
    const view = await zoneAccess(s, { editionId: ids.edition.id });
    const wanted = [...view.rules.filter((r) => !(r.categoryId === cat.corporate_buyer && r.zoneId === zoneId.b2b_lounge)), rule("student", "media_enclave")];
    expect(await setZoneRules(s, { editionId: ids.edition.id, rules: wanted })).toEqual({ added: 1, removed: 1 });
    expect(await rulesNow()).toEqual([...before.filter((r) => r !== "corporate_buyer:b2b_lounge"), "student:media_enclave"].sort());
    // The same matrix again changes nothing and writes no audit entry.
    expect(await setZoneRules(s, { editionId: ids.edition.id, rules: wanted })).toEqual({ added: 0, removed: 0 });
    const audit = await t.db.select().from(auditEntries).where(and(eq(auditEntries.action, "checkin.zone_rules_set"), eq(auditEntries.editionId, ids.edition.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.data).toEqual({ added: ["student→media_enclave"], removed: ["corporate_buyer→b2b_lounge"] });

    // Gates decide by the current mask: online at once, offline with the next bundle.
    expect(await scanAt("media_enclave", student.code)).toBe("ok");
    expect(await offline("media_enclave", student.code)).toBe("ok");
    expect(await scanAt("b2b_lounge", buyer.code)).toBe("zone_not_allowed");
    expect(await offline("b2b_lounge", buyer.code)).toBe("zone_not_allowed");
    const bundle = await gateBundle(await gateCtx(), { editionId: ids.edition.id });
    const [buyerIndex] = await t.db.select({ i: visitorCategories.badgeIndex }).from(visitorCategories).where(eq(visitorCategories.id, cat.corporate_buyer!));
    expect(bundle.categoryZones?.find(([i]) => i === buyerIndex!.i)).toBeUndefined();
    // Nobody's printed badge is replaced and the edition page reports nothing outdated.
    expect(await t.db.select().from(badges).where(inArray(badges.registrationId, [student.reg.id, buyer.reg.id]))).toHaveLength(2);
    expect((await badgeDateCheck(s, { editionId: ids.edition.id }))!.stale).toBe(0);
    // A badge signed now (a reprint) carries the new mask.
    await reprintBadge(s, { registrationId: student.reg.id });
    const [reprinted] = await t.db.select().from(badges).where(and(eq(badges.registrationId, student.reg.id), eq(badges.serial, 1)));
    expect(signedZones(reprinted!.code)).toBe(1 << BIT.media_enclave);
    // So does the first badge of a registration approved on the spot (the registration rush's path).
    const r = await register(ctxFor(t.db, anonymous, "en", fixedClock("2026-01-10T05:00:00Z")), {
      editionId: ids.edition.id,
      categoryId: cat.student,
      name: "Sana Rush",
      email: "zone-rush@example.pk",
      days: [0, 1, 2],
      consentData: true,
    });
    expect(r.registrations[0]!.status).toBe("approved");
    const [rushed] = await t.db.select().from(badges).where(eq(badges.registrationId, r.registrations[0]!.id));
    expect(signedZones(rushed!.code)).toBe(1 << BIT.media_enclave);

    // Put the demo's rule back for the tests below.
    await setZoneRules(s, { editionId: ids.edition.id, rules: [...wanted, rule("corporate_buyer", "b2b_lounge")] });
  });

  it("grants a zone to one registration (by number or email, with a reason) and revokes it; audited", async () => {
    const s = await staffCtx();
    const buyer = await badgeFor("Zone-Speaker@Example.pk");
    expect(await scanAt("media_enclave", buyer.code)).toBe("zone_not_allowed");
    const grant = await grantZone(s, { editionId: ids.edition.id, registration: String(buyer.reg.number), zoneId: zoneId.media_enclave, reason: "Speaks at the press briefing" });
    expect(grant).toMatchObject({ registrationId: buyer.reg.id, registrationNo: buyer.reg.number });
    await expect(grantZone(s, { editionId: ids.edition.id, registration: "zone-speaker@example.pk", zoneId: zoneId.media_enclave, reason: "again" })).rejects.toMatchObject({
      code: "zone_already_granted",
    });
    const byEmail = await grantZone(s, { editionId: ids.edition.id, registration: " ZONE-speaker@example.PK ", zoneId: zoneId.opening_ceremony, reason: "Guest of the chamber" });
    expect(byEmail.registrationId).toBe(buyer.reg.id);
    await expect(grantZone(s, { editionId: ids.edition.id, registration: "nobody@example.pk", zoneId: zoneId.media_enclave, reason: "x" })).rejects.toMatchObject({
      code: "validation_failed",
      fields: [{ path: "registration", code: "checkin_registration_unknown" }],
    });
    await expect(grantZone(s, { editionId: ids.edition.id, registration: "99999999", zoneId: zoneId.media_enclave, reason: "" })).rejects.toMatchObject({
      fields: [{ path: "reason", code: "required" }],
    });

    // Online and offline the gates admit by the grant; the bundle lists it by registration number.
    expect(await scanAt("media_enclave", buyer.code)).toBe("ok");
    expect(await offline("auditorium", buyer.code)).toBe("ok");
    const bundle = await gateBundle(await gateCtx(), { editionId: ids.edition.id });
    expect(bundle.zoneGrants).toContainEqual([buyer.reg.number, (1 << BIT.media_enclave) | (1 << BIT.opening_ceremony)]);
    const view = await zoneAccess(s, { editionId: ids.edition.id });
    expect(view.grants.filter((g) => g.registrationId === buyer.reg.id).map((g) => g.reason).sort()).toEqual(["Guest of the chamber", "Speaks at the press briefing"]);
    // A badge issued while granted signs the grant too.
    const [current] = await t.db.select().from(badges).where(eq(badges.registrationId, buyer.reg.id));
    expect(signedZones(current!.code)).toBe(1 << BIT.b2b_lounge);

    await revokeZoneGrant(s, { grantId: grant.id });
    expect(await scanAt("media_enclave", buyer.code)).toBe("zone_not_allowed");
    expect(await offline("media_enclave", buyer.code)).toBe("zone_not_allowed");
    expect(await offline("auditorium", buyer.code)).toBe("ok");
    await expect(revokeZoneGrant(s, { grantId: grant.id })).rejects.toMatchObject({ code: "not_found" });
    const audit = await t.db.select().from(auditEntries).where(and(eq(auditEntries.entityId, buyer.reg.id), inArray(auditEntries.action, ["checkin.zone_granted", "checkin.zone_grant_revoked"])));
    expect(audit.map((a) => a.action).sort()).toEqual(["checkin.zone_grant_revoked", "checkin.zone_granted", "checkin.zone_granted"]);
    expect(audit.find((a) => a.action === "checkin.zone_grant_revoked")!.data).toMatchObject({ registrationNo: buyer.reg.number, zone: "media_enclave", reason: "Speaks at the press briefing" });
  });

  it("only organiser staff: gate staff, exhibitors and anonymous callers are refused and nothing changes", async () => {
    const buyer = await insertApprovedRegistration(t.db, ids.edition.id, { email: "zone-perm@example.pk" });
    const [someGrant] = await t.db.select().from(zoneGrants).where(eq(zoneGrants.editionId, ids.edition.id)).limit(1);
    const rulesBefore = await rulesNow();
    for (const who of [demo.gate, demo.exhibitor, demo.visitor, null]) {
      const ctx = who ? ctxFor(t.db, await actorFor(t.db, who), "en", day0()) : ctxFor(t.db, anonymous, "en", day0());
      await expect(zoneAccess(ctx, { editionId: ids.edition.id })).rejects.toMatchObject({ code: who ? "forbidden" : "unauthenticated" });
      await expect(setZoneRules(ctx, { editionId: ids.edition.id, rules: [] })).rejects.toMatchObject({ code: who ? "forbidden" : "unauthenticated" });
      await expect(grantZone(ctx, { editionId: ids.edition.id, registration: String(buyer.number), zoneId: zoneId.media_enclave, reason: "x" })).rejects.toMatchObject({
        code: who ? "forbidden" : "unauthenticated",
      });
      await expect(revokeZoneGrant(ctx, { grantId: someGrant!.id })).rejects.toMatchObject({ code: who ? "forbidden" : "unauthenticated" });
    }
    expect(await rulesNow()).toEqual(rulesBefore);
    expect(await t.db.select().from(zoneGrants).where(eq(zoneGrants.registrationId, buyer.id))).toEqual([]);
    // Ids of another edition are a field error, not a rule.
    const next = (await t.db.select().from(zones).where(eq(zones.code, "media_enclave"))).find((z) => z.editionId !== ids.edition.id)!;
    await expect(setZoneRules(await staffCtx(), { editionId: ids.edition.id, rules: [{ categoryId: cat.media!, zoneId: next.id }] })).rejects.toMatchObject({
      code: "validation_failed",
      fields: [{ path: "rules", code: "invalid_value" }],
    });
    await expect(grantZone(await staffCtx(), { editionId: ids.edition.id, registration: String(buyer.number), zoneId: next.id, reason: "x" })).rejects.toMatchObject({
      fields: [{ path: "zoneId", code: "invalid_value" }],
    });
  });

  it("copying the edition copies zones (same bits), gates and the category → zone rules, not the grants", async () => {
    const copy = await copyEdition(await staffCtx(), { editionId: ids.edition.id, slug: "zones-copy-2031", year: 2031, startsOn: "2031-01-23" });
    const [srcZones, copyZones] = await Promise.all([ids.edition.id, copy.id].map((id) => t.db.select().from(zones).where(eq(zones.editionId, id))));
    const shape = (rows: (typeof zones.$inferSelect)[]) => rows.map((z) => `${z.code}@${z.bit}`).sort();
    expect(shape(copyZones!)).toEqual(shape(srcZones!));
    const copyGates = await t.db.select({ code: gates.code, zoneId: gates.zoneId, reentry: gates.reentryAllowed }).from(gates).where(eq(gates.editionId, copy.id));
    const copyZoneCode = new Map(copyZones!.map((z) => [z.id, z.code]));
    expect(Object.fromEntries(copyGates.map((g) => [g.code, g.zoneId ? copyZoneCode.get(g.zoneId) : null]))).toMatchObject({ hall1: null, b2b_lounge: "b2b_lounge", auditorium: "opening_ceremony" });
    const rules = await t.db
      .select({ category: visitorCategories.code, zone: zones.code, zoneEdition: zones.editionId, catEdition: visitorCategories.editionId })
      .from(zoneCategories)
      .innerJoin(zones, eq(zones.id, zoneCategories.zoneId))
      .innerJoin(visitorCategories, eq(visitorCategories.id, zoneCategories.categoryId))
      .where(eq(zoneCategories.editionId, copy.id));
    expect(rules.every((r) => r.zoneEdition === copy.id && r.catEdition === copy.id)).toBe(true);
    expect(rules.map((r) => `${r.category}:${r.zone}`).sort()).toEqual(await rulesNow());
    expect(await t.db.select().from(zoneGrants).where(eq(zoneGrants.editionId, copy.id))).toEqual([]);
    const [audit] = await t.db.select().from(auditEntries).where(and(eq(auditEntries.action, "edition.copied"), eq(auditEntries.entityId, copy.id)));
    expect(audit!.data).toMatchObject({ checkin: { zones: 3, gates: 6 } });
  });

  it("the API: read, set the rules, grant and revoke (organiser staff), with their operation ids' answers", async () => {
    const api = testApp(t.db);
    const signIn = async (email: string) =>
      (await api.call("/api/v1/auth/sign-in", { json: { email, password: demo.password } })).headers.get("set-cookie")!.split(";")[0]!;
    const cookie = await signIn(demo.organiser);
    const read = await api.call(`/api/v1/editions/${ids.edition.id}/zone-access`, { cookie });
    expect(read.status).toBe(200);
    const rules = read.body.rules as { categoryId: string; zoneId: string }[];
    const set = await api.call(`/api/v1/editions/${ids.edition.id}/zone-rules`, { cookie, method: "PUT", json: { rules } });
    expect(set).toMatchObject({ status: 200, body: { added: 0, removed: 0 } });
    const reg = await insertApprovedRegistration(t.db, ids.edition.id, { email: "zone-api@example.pk" });
    const granted = await api.call(`/api/v1/editions/${ids.edition.id}/zone-grants`, { cookie, json: { registration: String(reg.number), zoneId: zoneId.media_enclave, reason: "Photographer" } });
    expect(granted.status).toBe(201);
    const twice = await api.call(`/api/v1/editions/${ids.edition.id}/zone-grants`, { cookie, json: { registration: String(reg.number), zoneId: zoneId.media_enclave, reason: "Photographer" } });
    expect(twice).toMatchObject({ status: 409, body: { error: { code: "zone_already_granted" } } });
    expect((await api.call(`/api/v1/zone-grants/${granted.body.id}`, { cookie, method: "DELETE" })).status).toBe(200);
    const gateCookie = await signIn(demo.gate);
    expect((await api.call(`/api/v1/editions/${ids.edition.id}/zone-rules`, { cookie: gateCookie, method: "PUT", json: { rules: [] } })).status).toBe(403);
  });
});
