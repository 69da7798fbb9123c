import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { auditEntries } from "../../platform/audit/tables";
import { fixedClock } from "../../platform/clock";
import { inTransaction } from "../../platform/context";
import { isDomainError } from "../../platform/errors";
import { hashSecret } from "../../platform/ids";
import { outboxMessages } from "../../platform/mail/tables";
import { actorFor, ctxFor, demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { testApp } from "../../../tests/support/http";
import { editions } from "../editions/tables";
import { updateEdition } from "../editions/operations/update-edition";
import { registrationEmail } from "../registration/operations/emails";
import { registrations } from "../registration/tables";
import { demoEditionIds, insertApprovedRegistration } from "./fixtures";
import { issueBadge } from "./operations/issue-badge";
import { badgeForManageLink, getBadge, reprintBadge, revokeBadge } from "./operations/manage-badges";
import { badgeDateCheck, reissueEditionBadges } from "./operations/reissue-badges";
import { recordScan } from "./operations/scan";
import { demoGates, seedCheckinDemo } from "./seed";
import { badges, gates } from "./tables";

// Finding 1 (a registrant without an account reaches their badge: the badge link, the manage
// page), finding 3 (outdated badges after a date change, reissued in one go), finding 7 (hall
// entrances allow re-entry), finding 19 (whose badge the page is).

let t: TestDb;
let ids: Awaited<ReturnType<typeof demoEditionIds>>;
let api: ReturnType<typeof testApp>;
const day0 = () => fixedClock("2026-01-24T05:00:00Z");
const staffCtx = async () => ctxFor(t.db, await actorFor(t.db, demo.organiser), "en", day0());
const anon = () => ctxFor(t.db, undefined, "en", day0());

async function badgeFor(email: string) {
  const reg = await insertApprovedRegistration(t.db, ids.edition.id, { email });
  await inTransaction(await staffCtx(), (tx, ctx) => issueBadge(tx, ctx, reg.id));
  return reg;
}
/** The badge-link keys in the emails to `to` (several after a reissue; the clock is fixed, so no order). */
async function keysSent(to: string, regId: string) {
  const mails = await t.db.select().from(outboxMessages).where(and(eq(outboxMessages.toAddress, to), eq(outboxMessages.kind, "checkin.badge")));
  return mails.map((m) => keyIn(m.bodyText, regId)).filter((k): k is string => !!k);
}
const keyIn = (text: string, regId: string) => new RegExp(`/badges/${regId}\\?key=([A-Za-z0-9_-]{22})`).exec(text)?.[1];
const code = async (e: Promise<unknown>) => e.then(() => "ok", (err: unknown) => (isDomainError(err) ? err.code : String(err)));

beforeAll(async () => {
  t = await openTestDb();
  ids = await demoEditionIds(t.db);
  api = testApp(t.db, day0());
});
afterAll(async () => t?.close());

describe(`badge access without an account (${process.env.NUMAISH_TEST_DB ?? "pglite"})`, () => {
  it("the badge email's link opens the badge and its PDF, signed out; a wrong or outdated key does not", async () => {
    const reg = await badgeFor("nouser@example.pk");
    const [mail] = await t.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, "nouser@example.pk"));
    const key = keyIn(mail!.bodyText, reg.id);
    expect(key).toBeTruthy();
    expect(mail!.bodyText).toContain("no account or password needed");
    expect(mail!.bodyText).toContain("اکاؤنٹ یا پاس ورڈ کی ضرورت نہیں");

    const view = await getBadge(anon(), { registrationId: reg.id, key });
    expect(view).toMatchObject({ viewer: "holder", key, badge: { serial: 0 } });
    expect(await code(getBadge(anon(), { registrationId: reg.id }))).toBe("unauthenticated");
    expect(await code(getBadge(anon(), { registrationId: reg.id, key: "A".repeat(22) }))).toBe("token_invalid");
    // A key of another registration's badge opens nothing else.
    const other = await badgeFor("other@example.pk");
    expect(await code(getBadge(anon(), { registrationId: other.id, key }))).toBe("token_invalid");

    const pdf = await api.call(`/api/v1/registrations/${reg.id}/badge.pdf?key=${key}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect((await api.call(`/api/v1/registrations/${reg.id}/badge.pdf`)).status).toBe(401);
    expect((await api.call(`/api/v1/registrations/${reg.id}/badge.pdf?key=${"B".repeat(22)}`)).status).toBe(410);

    // A reprint kills the old link with the old QR; the new email carries a new one that works.
    await reprintBadge(await staffCtx(), { registrationId: reg.id });
    expect(await code(getBadge(anon(), { registrationId: reg.id, key }))).toBe("token_invalid");
    const sent = await keysSent("nouser@example.pk", reg.id);
    expect(sent).toHaveLength(2);
    const newKey = sent.find((k) => k !== key);
    expect(newKey).toBeTruthy();
    expect((await getBadge(anon(), { registrationId: reg.id, key: newKey })).badge?.serial).toBe(1);
    // Organiser staff see someone else's badge: the page says whose.
    expect((await getBadge(await staffCtx(), { registrationId: reg.id })).viewer).toBe("staff");
  });

  it("the manage link shows the approved badge with its link; nothing when pending or revoked", async () => {
    const reg = await badgeFor("manage@example.pk");
    const token = "manage-token-for-tests-0123456789";
    await t.db.update(registrations).set({ manageTokenHash: hashSecret(token) }).where(eq(registrations.id, reg.id));
    const found = await badgeForManageLink(anon(), { token });
    expect(found).toMatchObject({ registrationId: reg.id, number: reg.number, name: "Ayesha Khan" });
    expect((await getBadge(anon(), { registrationId: reg.id, key: found!.key })).viewer).toBe("holder");
    expect(await code(badgeForManageLink(anon(), { token: "x".repeat(30) }))).toBe("token_invalid");
    await revokeBadge(await staffCtx(), { registrationId: reg.id, reason: "Lost" });
    expect(await badgeForManageLink(anon(), { token })).toBeNull();
  });

  it("later emails to someone without an account point to the first email and the lost-link page, not an account", async () => {
    const [reg] = await t.db.select().from(registrations).where(eq(registrations.email, "manage@example.pk"));
    const edition = ids.edition;
    const cat = { nameEn: "Corporate buyer", nameUr: "کارپوریٹ خریدار" };
    const noAccount = registrationEmail(await staffCtx(), edition, reg!, "approved", undefined, cat);
    expect(noAccount.text).toContain("/registration/lost-link");
    expect(noAccount.text).not.toContain("/account/registrations");
    const withAccount = registrationEmail(await staffCtx(), edition, { ...reg!, userId: "00000000-0000-4000-8000-000000000001" }, "approved", undefined, cat);
    expect(withAccount.text).toContain("/account/registrations");
  });
});

describe(`outdated badges after a date change (${process.env.NUMAISH_TEST_DB ?? "pglite"})`, () => {
  it("counts them, reissues them all in one go (new serials, emails, one audit entry), refuses the old ones", async () => {
    const edition = ids.edition;
    const a = await badgeFor("move-a@example.pk");
    const b = await badgeFor("move-b@example.pk");
    const revoked = await badgeFor("move-revoked@example.pk");
    await revokeBadge(await staffCtx(), { registrationId: revoked.id, reason: "Lost" });
    const before = await badgeDateCheck(await staffCtx(), { editionId: edition.id });
    expect(before!.stale).toBe(0);
    expect(before!.current).toBeGreaterThanOrEqual(2);
    // Gate staff and visitors are not told (the page shows nothing to them).
    expect(await badgeDateCheck(ctxFor(t.db, await actorFor(t.db, demo.gate)), { editionId: edition.id })).toBeNull();

    const [oldA] = await t.db.select().from(badges).where(eq(badges.registrationId, a.id));
    const [oldKey] = await keysSent("move-a@example.pk", a.id);
    // The show moves a week later.
    const { nameEn, nameUr, timezone, status } = edition;
    await updateEdition(await staffCtx(), { editionId: edition.id, nameEn, nameUr, timezone, status, startsOn: "2026-01-31", endsOn: "2026-02-02" });
    const after = await badgeDateCheck(await staffCtx(), { editionId: edition.id });
    expect(after).toEqual({ current: before!.current, stale: before!.current });

    expect(await code(reissueEditionBadges(ctxFor(t.db, await actorFor(t.db, demo.gate)), { editionId: edition.id }))).toBe("forbidden");
    const mailsBefore = (await t.db.select().from(outboxMessages)).length;
    const done = await reissueEditionBadges(await staffCtx(), { editionId: edition.id });
    expect(done).toEqual({ reissued: before!.current, skipped: 0 });
    expect((await t.db.select().from(outboxMessages)).length).toBe(mailsBefore + before!.current);
    expect(await badgeDateCheck(await staffCtx(), { editionId: edition.id })).toEqual({ current: before!.current, stale: 0 });
    // Again: nothing left to do, nothing sent.
    expect(await reissueEditionBadges(await staffCtx(), { editionId: edition.id })).toEqual({ reissued: 0, skipped: 0 });

    const listA = await t.db.select().from(badges).where(eq(badges.registrationId, a.id)).orderBy(badges.serial);
    expect(listA.map((x) => [x.serial, !!x.replacedAt])).toEqual([
      [0, true],
      [1, false],
    ]);
    expect((await t.db.select().from(badges).where(eq(badges.registrationId, b.id))).map((x) => x.serial).sort()).toEqual([0, 1]);
    // The revoked badge stays revoked and is not reissued.
    expect((await t.db.select().from(badges).where(eq(badges.registrationId, revoked.id))).map((x) => x.serial)).toEqual([0]);
    const key = (await keysSent("move-a@example.pk", a.id)).find((k) => k !== oldKey);
    expect((await getBadge(anon(), { registrationId: a.id, key })).badge?.serial).toBe(1);
    expect(await code(getBadge(anon(), { registrationId: a.id, key: oldKey }))).toBe("token_invalid");
    const [audit] = await t.db.select().from(auditEntries).where(and(eq(auditEntries.action, "badge.reissuedAll"), eq(auditEntries.editionId, edition.id)));
    expect(audit!.data).toMatchObject({ reissued: before!.current, startsOn: "2026-01-31" });

    // At the gate on the new first day: the new badge admits, the old one is refused as replaced.
    const gateCtx = ctxFor(t.db, await actorFor(t.db, demo.gate), "en", fixedClock("2026-01-31T05:00:00Z"));
    expect((await recordScan(gateCtx, { gateId: ids.gate("hall1").id, code: oldA!.code })).reason).toBe("replaced");
    expect((await recordScan(gateCtx, { gateId: ids.gate("hall1").id, code: listA[1]!.code })).reason).toBe("ok");
    await t.db.update(editions).set({ startsOn: edition.startsOn, endsOn: edition.endsOn }).where(eq(editions.id, edition.id));
  });
});

describe(`seeded gates (${process.env.NUMAISH_TEST_DB ?? "pglite"})`, () => {
  it("hall entrances allow re-entry, zone doors do not; seeding again keeps what organisers set", async () => {
    const rows = await t.db.select().from(gates).where(eq(gates.editionId, ids.edition.id));
    const by = new Map(rows.map((g) => [g.code, g.reentryAllowed]));
    expect(Object.fromEntries(demoGates.map((g) => [g.code, by.get(g.code)]))).toEqual({
      hall1: true,
      hall2: true,
      hall3: true,
      auditorium: false,
      b2b_lounge: false,
      media_enclave: false,
    });
    await t.db.update(gates).set({ reentryAllowed: false }).where(and(eq(gates.editionId, ids.edition.id), eq(gates.code, "hall3")));
    await inTransaction(await staffCtx(), (tx) => seedCheckinDemo(tx, ids.edition.id, null));
    const again = await t.db.select().from(gates).where(and(eq(gates.editionId, ids.edition.id), inArray(gates.code, ["hall1", "hall3"])));
    expect(Object.fromEntries(again.map((g) => [g.code, g.reentryAllowed]))).toEqual({ hall1: true, hall3: false });
    expect(await t.db.select().from(gates).where(eq(gates.editionId, ids.edition.id))).toHaveLength(rows.length);
  });
});
