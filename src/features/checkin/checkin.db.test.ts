import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditEntries } from "../../platform/audit/tables";
import { fixedClock } from "../../platform/clock";
import { inTransaction } from "../../platform/context";
import { outboxMessages } from "../../platform/mail/tables";
import { actorFor, ctxFor, demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { decodeBadge, editionShortId, encodeBadge, epochDay, generateEditionKeyPair } from "./core/badge-code";
import { newScanNonce, type UploadedScan } from "./core/offline-sync";
import { demoEditionIds, insertApprovedRegistration } from "./fixtures";
import { issueBadge } from "./operations/issue-badge";
import { getBadge, reprintBadge, revokeBadge, rotateBadgeKey } from "./operations/manage-badges";
import { gateBundle, uploadOfflineScans } from "./operations/offline";
import { recordScan } from "./operations/scan";
import { footfall } from "./operations/footfall";
import { badges, doubleAdmissions, gates, scans } from "./tables";

let t: TestDb;
let ids: Awaited<ReturnType<typeof demoEditionIds>>;
// 10:00 in Lahore on the first day of the demo edition (2026-01-24).
const day0 = () => fixedClock("2026-01-24T05:00:00Z");
const gateCtx = async (locale: "en" | "ur" = "en") => ctxFor(t.db, await actorFor(t.db, demo.gate), locale, day0());
const staffCtx = async () => ctxFor(t.db, await actorFor(t.db, demo.organiser), "en", day0());

async function badgeFor(email: string, opts: Parameters<typeof insertApprovedRegistration>[2] extends infer O ? Partial<O> : never = {}) {
  const reg = await insertApprovedRegistration(t.db, ids.edition.id, { email, ...opts });
  await inTransaction(await staffCtx(), (tx, ctx) => issueBadge(tx, ctx, reg.id));
  const [badge] = await t.db.select().from(badges).where(eq(badges.registrationId, reg.id));
  return { reg, code: badge!.code };
}

beforeAll(async () => {
  t = await openTestDb();
  ids = await demoEditionIds(t.db);
  // These tests are about the no-re-entry rule between halls; the demo's hall entrances allow
  // re-entry (seed.ts), so they are switched off here as an organiser would.
  await t.db.update(gates).set({ reentryAllowed: false }).where(eq(gates.editionId, ids.edition.id));
});
afterAll(async () => t?.close());

describe(`gate check-in (${process.env.NUMAISH_TEST_DB ?? "pglite"})`, () => {
  it("issue → admitted → again refused (already inside) → revoked → refused, in the staff member's language", async () => {
    const { reg, code } = await badgeFor("buyer1@example.pk");
    const mail = await t.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, "buyer1@example.pk"));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.bodyText).toContain(`/badges/${reg.id}`);
    // Both languages: the registration records none.
    expect(mail[0]!.bodyText).toContain("Your badge for");
    expect(mail[0]!.bodyText).toContain("آپ کا بیج تیار ہے");
    // Issuing again keeps the badge (no new serial, no second email).
    await inTransaction(await staffCtx(), (tx, ctx) => issueBadge(tx, ctx, reg.id));
    expect(await t.db.select().from(badges).where(eq(badges.registrationId, reg.id))).toHaveLength(1);
    expect(await t.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, "buyer1@example.pk"))).toHaveLength(1);

    const gate = ids.gate("hall1").id;
    const first = await recordScan(await gateCtx(), { gateId: gate, code: `${code}\n`, deviceId: "phone-1" });
    expect(first).toMatchObject({ result: "admit", reason: "ok", person: { registrationNo: reg.number, name: "Ayesha Khan" } });
    const again = await recordScan(await gateCtx("ur"), { gateId: gate, code, deviceId: "phone-1" });
    expect(again).toMatchObject({ result: "refuse", reason: "already_inside" });
    expect(again.message).toBe("پہلے ہی اندر ہیں (دوبارہ داخلہ بند)");
    // Another hall is the same zone (general entrance): still already inside.
    expect((await recordScan(await gateCtx(), { gateId: ids.gate("hall2").id, code })).reason).toBe("already_inside");

    await revokeBadge(await staffCtx(), { registrationId: reg.id, reason: "Badge reported stolen" });
    const revoked = await recordScan(await gateCtx(), { gateId: ids.gate("hall3").id, code });
    expect(revoked).toMatchObject({ result: "refuse", reason: "revoked", message: "Badge revoked" });
    const audit = await t.db.select().from(auditEntries).where(and(eq(auditEntries.action, "badge.revoked"), eq(auditEntries.entityId, reg.id)));
    expect(audit[0]!.data).toMatchObject({ reason: "Badge reported stolen" });
    const recorded = await t.db.select().from(scans).where(eq(scans.registrationId, reg.id));
    expect(recorded.map((s) => s.reason).sort()).toEqual(["already_inside", "already_inside", "ok", "revoked"]);
  });

  it("admits a badge scanned at two halls at the same moment once", async () => {
    const { reg, code } = await badgeFor("race@example.pk");
    const answers = await Promise.all(
      ["hall1", "hall2", "hall3", "hall1", "hall2", "hall3"].map(async (g) => recordScan(await gateCtx(), { gateId: ids.gate(g).id, code })),
    );
    expect(answers.filter((a) => a.result === "admit")).toHaveLength(1);
    expect(answers.filter((a) => a.reason === "already_inside")).toHaveLength(5);
    expect(await t.db.select().from(scans).where(eq(scans.registrationId, reg.id))).toHaveLength(6);
  });

  it("answers a retried request (same nonce) with the first decision and records it once", async () => {
    const { code } = await badgeFor("retry@example.pk");
    const nonce = newScanNonce();
    const a = await recordScan(await gateCtx(), { gateId: ids.gate("hall1").id, code, nonce });
    const b = await recordScan(await gateCtx(), { gateId: ids.gate("hall1").id, code, nonce });
    expect([a.result, b.result]).toEqual(["admit", "admit"]);
    expect(await t.db.select().from(scans).where(eq(scans.nonce, nonce))).toHaveLength(1);
  });

  it("never answers for another code sent with a used nonce: that code is decided on its own", async () => {
    const { code } = await badgeFor("nonce-owner@example.pk");
    const { reg: other, code: revoked } = await badgeFor("nonce-other@example.pk");
    await revokeBadge(await staffCtx(), { registrationId: other.id, reason: "Badge reported lost" });
    const nonce = newScanNonce();
    const first = await recordScan(await gateCtx(), { gateId: ids.gate("hall2").id, code, nonce });
    expect(first.result).toBe("admit");
    for (const junk of [revoked, "1234"]) {
      const replay = await recordScan(await gateCtx(), { gateId: ids.gate("hall2").id, code: junk, nonce });
      expect(replay.result).toBe("refuse");
      expect(replay.person?.registrationNo ?? null).not.toBe(first.person?.registrationNo);
      expect(replay.nonce).not.toBe(nonce);
    }
    expect(await t.db.select().from(scans).where(eq(scans.nonce, nonce))).toHaveLength(1);
  });

  it("refuses a replaced serial after a reprint and admits the new one", async () => {
    const { reg, code: old } = await badgeFor("reprint@example.pk");
    expect(await reprintBadge(await staffCtx(), { registrationId: reg.id })).toEqual({ serial: 1 });
    const view = await getBadge(await staffCtx(), { registrationId: reg.id });
    expect(view.badge!.serial).toBe(1);
    expect((await recordScan(await gateCtx(), { gateId: ids.gate("hall1").id, code: old })).reason).toBe("replaced");
    expect((await recordScan(await gateCtx(), { gateId: ids.gate("hall1").id, code: view.badge!.code })).result).toBe("admit");
    const bundle = await gateBundle(await gateCtx(), { editionId: ids.edition.id });
    expect(bundle.replacedBadges).toContainEqual([reg.number, 0]);
  });

  it("checks zones and days", async () => {
    const { code: hallOnly } = await badgeFor("zones1@example.pk");
    const { code: ceremony } = await badgeFor("zones2@example.pk", { zones: ["opening_ceremony"] });
    const { code: lastDay } = await badgeFor("zones3@example.pk", { days: [2] });
    const auditorium = ids.gate("auditorium").id;
    expect((await recordScan(await gateCtx(), { gateId: auditorium, code: hallOnly })).reason).toBe("zone_not_allowed");
    expect((await recordScan(await gateCtx(), { gateId: auditorium, code: ceremony })).result).toBe("admit");
    expect((await recordScan(await gateCtx(), { gateId: ids.gate("hall1").id, code: lastDay })).reason).toBe("not_valid_today");
    // Before the exhibition opens nobody is valid.
    const early = ctxFor(t.db, await actorFor(t.db, demo.gate), "en", fixedClock("2026-01-20T05:00:00Z"));
    expect((await recordScan(early, { gateId: ids.gate("hall2").id, code: ceremony })).reason).toBe("not_valid_today");
  });

  it("refuses tampered, truncated, foreign-edition and random codes with a clear reason, never a crash", async () => {
    const { code } = await badgeFor("tamper@example.pk");
    const gateId = ids.gate("hall1").id;
    const flipped = code.slice(0, 100) + ((Number(code[100]) + 1) % 10) + code.slice(101);
    const foreign = encodeBadge(
      { edition: (editionShortId(ids.edition.id) + 1) % 65536, registrationNo: 5, category: 0, days: 7, zones: 0, serial: 0, validFrom: epochDay("2026-01-24"), validTo: epochDay("2026-01-26") },
      generateEditionKeyPair().privateKey,
      1,
    );
    const decoded = decodeBadge(code);
    if (!decoded.ok) throw new Error("badge does not decode");
    const { version: _v, keyId, ...claims } = decoded.badge;
    // Same claims and key id, signed with a key that is not the edition's.
    const forged = encodeBadge(claims, generateEditionKeyPair().privateKey, keyId);
    const cases: [string, string][] = [
      [flipped, "bad_signature"],
      [code.slice(0, 150), "unknown_code"],
      [code.slice(0, 10), "unknown_code"],
      [foreign, "foreign_edition"],
      [forged, "bad_signature"],
      ["https://example.com/?q=hello", "unknown_code"],
      ["", "unknown_code"],
      ["9".repeat(200), "unknown_code"],
      ["x".repeat(5000), "unknown_code"],
    ];
    for (const [text, reason] of cases) {
      const answer = await recordScan(await gateCtx(), { gateId, code: text });
      expect(answer, text.slice(0, 30)).toMatchObject({ result: "refuse", reason });
      expect(answer.message).not.toMatch(/checkin\./);
    }
  });

  it("keeps badges signed with an older key valid after rotation; new badges use the new key", async () => {
    const { code: before } = await badgeFor("rotate1@example.pk");
    const rotated = await rotateBadgeKey(await staffCtx(), { editionId: ids.edition.id });
    const { code: after } = await badgeFor("rotate2@example.pk");
    const keyOf = (c: string) => (decodeBadge(c) as { badge: { keyId: number } }).badge.keyId;
    expect(keyOf(after)).toBe(rotated.keyId);
    expect(keyOf(before)).toBeLessThan(rotated.keyId);
    expect((await recordScan(await gateCtx(), { gateId: ids.gate("hall2").id, code: before })).result).toBe("admit");
    expect((await recordScan(await gateCtx(), { gateId: ids.gate("hall2").id, code: after })).result).toBe("admit");
    expect(Object.keys((await gateBundle(await gateCtx(), { editionId: ids.edition.id })).publicKeys).length).toBeGreaterThanOrEqual(2);
  });

  it("lets only gate and organiser staff scan, and only organisers revoke", async () => {
    const visitor = ctxFor(t.db, await actorFor(t.db, demo.visitor), "en", day0());
    await expect(recordScan(visitor, { gateId: ids.gate("hall1").id, code: "1" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(recordScan(ctxFor(t.db), { gateId: ids.gate("hall1").id, code: "1" })).rejects.toMatchObject({ code: "unauthenticated" });
    const { reg } = await badgeFor("perm@example.pk");
    await expect(revokeBadge(await gateCtx(), { registrationId: reg.id, reason: "x" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(revokeBadge(await staffCtx(), { registrationId: reg.id, reason: "" })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(recordScan(await gateCtx(), { gateId: "not-a-uuid", code: "1" })).rejects.toMatchObject({ code: "validation_failed" });
  });
});

describe("offline queue", () => {
  const queued = (over: Partial<UploadedScan>): UploadedScan => ({
    nonce: newScanNonce(),
    gateId: ids.gate("hall1").id,
    deviceId: "phone-9",
    at: "2026-01-24T05:10:00.000Z",
    code: "",
    registrationNo: null,
    zone: null,
    result: "admit",
    reason: "ok",
    offline: true,
    ...over,
  });

  it("records each scan once when the same queue is uploaded twice", async () => {
    const { reg, code } = await badgeFor("offline1@example.pk");
    const queue = [queued({ code, registrationNo: reg.number }), queued({ code: "junk", result: "refuse", reason: "unknown_code" })];
    const first = await uploadOfflineScans(await gateCtx(), { editionId: ids.edition.id, scans: queue });
    expect(first).toMatchObject({ recorded: 2, duplicates: 0, flagged: 0 });
    const second = await uploadOfflineScans(await gateCtx(), { editionId: ids.edition.id, scans: [...queue, { nonce: "bad" }] });
    expect(second).toMatchObject({ recorded: 0, duplicates: 2 });
    expect(second.invalid).toHaveLength(1);
    for (const s of queue) expect(await t.db.select().from(scans).where(eq(scans.nonce, s.nonce))).toHaveLength(1);
    // The admission uploaded counts online too: the same badge is now already inside.
    expect((await recordScan(await gateCtx(), { gateId: ids.gate("hall2").id, code })).reason).toBe("already_inside");
  });

  it("checks every uploaded admit itself: a device's admit of a code that is no badge (or not the badge it names) is a refusal, never footfall", async () => {
    const { reg, code } = await badgeFor("genuine-upload@example.pk");
    const junk = queued({ code: "NOT-A-BADGE", registrationNo: null });
    const forged = queued({ code: code.slice(0, -4) + (code.endsWith("0000") ? "1111" : "0000"), registrationNo: reg.number });
    const misnamed = queued({ code, registrationNo: reg.number + 1000 });
    const genuine = queued({ code, registrationNo: reg.number });
    const answer = await uploadOfflineScans(await gateCtx(), { editionId: ids.edition.id, scans: [junk, forged, misnamed, genuine] });
    expect(answer).toMatchObject({ recorded: 4, incidents: 3 });
    const row = async (nonce: string) => (await t.db.select().from(scans).where(eq(scans.nonce, nonce)))[0]!;
    expect(await row(junk.nonce)).toMatchObject({ result: "refuse", reason: "unknown_code", registrationNo: null, offline: true });
    expect((await row(forged.nonce)).result).toBe("refuse");
    expect(await row(misnamed.nonce)).toMatchObject({ result: "refuse", registrationNo: reg.number });
    expect(await row(genuine.nonce)).toMatchObject({ result: "admit", reason: "ok", registrationNo: reg.number });
    const admits = await t.db.select().from(scans).where(and(eq(scans.editionId, ids.edition.id), eq(scans.code, "NOT-A-BADGE"), eq(scans.result, "admit")));
    expect(admits).toHaveLength(0);
  });

  it("flags a badge admitted at two gates of one zone while offline", async () => {
    const { reg, code } = await badgeFor("shared@example.pk");
    const a = queued({ code, registrationNo: reg.number, gateId: ids.gate("hall1").id, deviceId: "phone-a" });
    const b = queued({ code, registrationNo: reg.number, gateId: ids.gate("hall2").id, deviceId: "phone-b", at: "2026-01-24T05:13:00.000Z" });
    await uploadOfflineScans(await gateCtx(), { editionId: ids.edition.id, scans: [a] });
    expect((await uploadOfflineScans(await gateCtx(), { editionId: ids.edition.id, scans: [b] })).flagged).toBe(1);
    expect((await uploadOfflineScans(await gateCtx(), { editionId: ids.edition.id, scans: [a, b] })).flagged).toBe(0);
    const flags = await t.db.select().from(doubleAdmissions).where(eq(doubleAdmissions.registrationNo, reg.number));
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ firstNonce: a.nonce, secondNonce: b.nonce, gapMs: 180_000 });
  });

  it("counts footfall per day, gate and category with unique visitors, and lists the flags (organisers only)", async () => {
    const f = await footfall(await staffCtx(), { editionId: ids.edition.id });
    const all = await t.db.select().from(scans).where(eq(scans.editionId, ids.edition.id));
    const admits = all.filter((s) => s.result === "admit");
    expect(f.totals).toEqual({
      entries: admits.length,
      unique: new Set(admits.map((s) => s.registrationNo)).size,
      refused: all.length - admits.length,
    });
    expect(f.totals.unique).toBeLessThan(f.totals.entries);
    expect(f.byDay).toEqual([{ day: 0, entries: admits.length, unique: f.totals.unique }]);
    expect(f.byHour.reduce((n, h) => n + h.entries, 0)).toBe(admits.length);
    expect(f.byHour.map((h) => h.hour)).toContain(10);
    expect(f.byGate.reduce((n, g) => n + g.entries, 0)).toBe(admits.length);
    expect(f.byCategory.find((c) => c.nameEn === "Corporate buyer")!.entries).toBe(admits.length);
    expect(f.flags).toHaveLength(1);
    expect(f.flags[0]).toMatchObject({ firstGate: "hall1", secondGate: "hall2", gapMs: 180_000 });
    await expect(footfall(await gateCtx(), { editionId: ids.edition.id })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("refuses an upload to another organiser's edition or from a visitor", async () => {
    const visitor = ctxFor(t.db, await actorFor(t.db, demo.visitor), "en", day0());
    await expect(uploadOfflineScans(visitor, { editionId: ids.edition.id, scans: [] })).rejects.toMatchObject({ code: "forbidden" });
  });
});
