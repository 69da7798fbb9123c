import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { actorFor, ctxFor, demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { testApp } from "../../../tests/support/http";
import { fixedClock } from "../../platform/clock";
import { rowsOf } from "../../platform/db/rows";
import { hashSecret } from "../../platform/ids";
import { newScanNonce } from "../checkin/core/offline-sync";
import { demoEditionIds, insertApprovedRegistration } from "../checkin/fixtures";
import { scans } from "../checkin/tables";
import { copyEdition } from "../editions/operations/copy-edition";
import { editions } from "../editions/tables";
import { meetingScans } from "../meetday/tables";
import { registrations } from "../registration/tables";
import { retentionSweep } from "./operations/retention";
import { privacyRetention } from "./tables";

// "Download my data" (issue #15, part 7) through the API: a signed-in person gets their own
// account and registrations and nobody else's; a registrant gets one registration by its manage
// link's token. The retention setting per edition: set by organiser staff only, swept on a fixed
// clock (nothing before the day, the edition's badge and meeting scans after it, other editions'
// untouched, a second sweep finds nothing), copied with the edition.

let t: TestDb;
let api: ReturnType<typeof testApp>;
let editionId: string;
let otherEditionId: string;
let gateId: string;
const TOKEN = "privacy-link-token-abcdefghijklmnopqrstuvwxyz";

async function signIn(email: string) {
  const r = await api.call("/api/v1/auth/sign-in", { json: { email, password: demo.password } });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.headers.get("set-cookie")!.split(";")[0]!;
}

async function scan(edition: string, gate: string, registrationNo: number) {
  const now = new Date("2026-01-25T06:00:00Z");
  await t.db.insert(scans).values({ editionId: edition, nonce: newScanNonce(), gateId: gate, deviceId: "privacy-test", code: "x", registrationNo, dayIndex: 1, scannedAt: now, uploadedAt: now, offline: false, result: "refuse", reason: "unknown_code" });
  await t.db.insert(meetingScans).values({ editionId: edition, nonce: newScanNonce(), method: "scan", code: "x", result: "refuse", reason: "unknown_code", scannedAt: now, uploadedAt: now });
}

const countOf = async (table: typeof scans | typeof meetingScans, edition: string) =>
  rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from ${table} where edition_id = ${edition}`))[0]!.n;

beforeAll(async () => {
  t = await openTestDb();
  api = testApp(t.db);
  const { edition } = await demoEditionIds(t.db);
  editionId = edition.id;
  gateId = rowsOf<{ id: string }>(await t.db.execute(sql`select id from checkin_gates where edition_id = ${editionId} limit 1`))[0]!.id;
  const [other] = await t.db.select().from(editions).where(and(eq(editions.organiserId, edition.organiserId), sql`${editions.id} <> ${editionId}`)).limit(1);
  otherEditionId = other!.id;
});

afterAll(async () => {
  await t?.close();
});

describe("download my data", () => {
  it("gives a signed-in person their own data, and refuses anonymous callers", async () => {
    expect((await api.call("/api/v1/me/personal-data")).status).toBe(401);
    // Registered with the account's email (in another case), not linked to it: theirs all the same.
    const own = await insertApprovedRegistration(t.db, editionId, { email: demo.visitor.toUpperCase(), name: "Demo Visitor" });
    await insertApprovedRegistration(t.db, editionId, { email: "someone-else@example.pk", name: "Someone Else" });
    const cookie = await signIn(demo.visitor);
    const r = await api.call("/api/v1/me/personal-data", { cookie });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.via).toBe("account");
    expect(Object.keys(r.body.parts)).toEqual(expect.arrayContaining(["account", "registration", "checkin", "b2b", "programme", "meetday", "baseline"]));
    expect(r.body.parts.account.email).toBe(demo.visitor);
    const regs = r.body.parts.registration as { email: string }[];
    expect(regs.map((x) => (x as unknown as { id: string }).id)).toContain(own.id);
    for (const reg of regs) expect(reg.email.toLowerCase()).toBe(demo.visitor);
    // Never a secret.
    expect(r.text).not.toMatch(/manageTokenHash|passwordHash|tokenHash|someone-else/);
  });

  it("gives a registrant their one registration by the manage link's token", async () => {
    const reg = await insertApprovedRegistration(t.db, editionId, { email: "privacy-link@example.pk", name: "Link Holder" });
    await t.db.update(registrations).set({ manageTokenHash: hashSecret(TOKEN) }).where(eq(registrations.id, reg.id));
    const r = await api.call("/api/v1/registrations/personal-data", { json: { token: TOKEN } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ via: "link", parts: { account: null, registration: [{ id: reg.id, email: "privacy-link@example.pk", name: "Link Holder" }] } });
    expect((await api.call("/api/v1/registrations/personal-data", { json: { token: `${TOKEN}x` } })).status).toBe(410);
  });
});

describe("retention per edition", () => {
  it("is set by organiser staff only, within bounds", async () => {
    const visitor = await signIn(demo.visitor);
    expect((await api.call(`/api/v1/editions/${editionId}/retention`, { method: "PUT", cookie: visitor, json: { scanDays: 30, leadDays: 90 } })).status).toBe(403);
    const staff = await signIn(demo.organiser);
    const bad = await api.call(`/api/v1/editions/${editionId}/retention`, { method: "PUT", cookie: staff, json: { scanDays: -1, leadDays: null } });
    expect(bad.status).toBe(400);
    const r = await api.call(`/api/v1/editions/${editionId}/retention`, { method: "PUT", cookie: staff, json: { scanDays: 30, leadDays: 90 } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ editionId, endsOn: "2026-01-26", scanDays: 30, leadDays: 90, sweptAt: null });
    expect((await api.call(`/api/v1/editions/${editionId}/retention`, { cookie: staff })).body).toMatchObject({ scanDays: 30 });
  });

  it("deletes the edition's scans once the days have passed, and only then", async () => {
    const [otherGate] = rowsOf<{ id: string }>(await t.db.execute(sql`select id from checkin_gates where edition_id = ${otherEditionId} limit 1`));
    await scan(editionId, gateId, 1);
    if (otherGate) await scan(otherEditionId, otherGate.id, 1);
    await t.db.insert(privacyRetention).values({ editionId: otherEditionId, scanDays: 30, leadDays: null, updatedAt: new Date() }).onConflictDoNothing();
    const otherBefore = await countOf(scans, otherEditionId);
    const ctx = (iso: string) => ctxFor(t.db, undefined, "en", fixedClock(iso));

    // The 2026 show ends on 26 January: 30 days after its last day is 26 February, 00:00 UTC.
    expect((await retentionSweep(ctx("2026-02-25T23:00:00Z")))[editionId]).toBeUndefined();
    expect(await countOf(scans, editionId)).toBeGreaterThan(0);
    expect(await countOf(meetingScans, editionId)).toBeGreaterThan(0);

    const swept = await retentionSweep(ctx("2026-02-26T01:00:00Z"));
    expect(swept[editionId]!.gateScans).toBeGreaterThan(0);
    expect(swept[editionId]!.meetingScans).toBeGreaterThan(0);
    expect(await countOf(scans, editionId)).toBe(0);
    expect(await countOf(meetingScans, editionId)).toBe(0);
    // The other edition (a later one) is not due yet.
    if (swept[otherEditionId] === undefined) expect(await countOf(scans, otherEditionId)).toBe(otherBefore);
    const audit = rowsOf<{ data: Record<string, number> }>(await t.db.execute(sql`select data from audit_entries where action = 'privacy.retention_swept' and edition_id = ${editionId}`));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.data.gateScans).toBe(swept[editionId]!.gateScans);

    const again = await retentionSweep(ctx("2026-02-26T02:00:00Z"));
    expect(again[editionId]).toEqual({ gateScans: 0, meetingScans: 0 });
    expect(rowsOf(await t.db.execute(sql`select 1 from audit_entries where action = 'privacy.retention_swept' and edition_id = ${editionId}`))).toHaveLength(1);
  });

  it("is copied with the edition", async () => {
    const staff = ctxFor(t.db, await actorFor(t.db, demo.organiser));
    const copy = await copyEdition(staff, { editionId, slug: "privacy-copy-2030", year: 2030, startsOn: "2030-01-24" });
    const [row] = await t.db.select().from(privacyRetention).where(eq(privacyRetention.editionId, copy.id));
    expect(row).toMatchObject({ scanDays: 30, leadDays: 90, sweptAt: null });
  });
});
