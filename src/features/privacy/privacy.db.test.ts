import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq, inArray, isNull, sql } from "drizzle-orm";
import { actorFor, ctxFor, demo, demoShow, openTestDb, type TestDb } from "../../../tests/support/db";
import { fixedClock } from "../../platform/clock";
import { rowsOf } from "../../platform/db/rows";
import { recordAudit } from "../../platform/audit/record";
import { queueEmail } from "../../platform/mail/outbox";
import { users } from "../../platform/auth/tables";
import { b2bMeetings, b2bParticipants, b2bRequests } from "../b2b/tables";
import { baselineDashboard } from "../baseline/operations/dashboard";
import { badges } from "../checkin/tables";
import { outcomeDashboard } from "../meetday/operations/organiser";
import { meetingOutcomes } from "../meetday/tables";
import { nominations } from "../nominations/tables";
import { registrations } from "../registration/tables";
import { randomUUID } from "node:crypto";
import { inTransaction } from "../../platform/context";
import { b2bProgrammes } from "../b2b/tables";
import { demoEditionIds, insertApprovedRegistration } from "../checkin/fixtures";
import { issueBadge } from "../checkin/operations/issue-badge";
import { enterprises } from "../editions/enterprise-tables";
import { anonymisePerson } from "./operations/anonymise";
import { invalid } from "../../../tests/support/invalid";

// Erasure on request (issue #15, part 7) on the demo 2026 edition: a buyer with meetings, outcomes
// and a badge is erased by email; every figure (registration counts, the meeting-day dashboard, the
// baseline dashboard) is the same before and after; their name, Urdu name, phone and email are
// nowhere in the database any more (every table searched); their badges are revoked; a second run
// changes nothing; and only organiser staff may do it (platform admins for the account).

let t: TestDb;
let editionId: string;
let registrationId: string;
const NAME = "Zarghuna Privacytest";
const NAME_UR = "زرغونہ پرائیویسی";
const EMAIL = "Zarghuna.Privacy@Example.pk";
const PHONE = "+92 300 7654321";
const at = fixedClock("2026-02-10T08:00:00Z");
const organiser = async () => ctxFor(t.db, await actorFor(t.db, demo.organiser), "en", at);
const refusal = (p: Promise<unknown>) => p.then(() => "ok", (e: { code?: string }) => e.code ?? String(e));

/** Tables (and how many rows) whose rows mention any of `needles` in any column, case-insensitively. */
async function mentions(...needles: string[]): Promise<Record<string, number>> {
  const tables = rowsOf<{ name: string }>(await t.db.execute(sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`));
  const any = sql.join(needles.map((n) => sql`strpos(lower(x::text), lower(${n})) > 0`), sql` or `);
  const found: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from ${sql.identifier(name)} x where ${any}`));
    if (row!.n > 0) found[name] = row!.n;
  }
  return found;
}

async function figures() {
  const ctx = await organiser();
  const regs = await t.db
    .select({ status: registrations.status, categoryId: registrations.categoryId, n: count() })
    .from(registrations)
    .where(eq(registrations.editionId, editionId))
    .groupBy(registrations.status, registrations.categoryId)
    .orderBy(registrations.status, registrations.categoryId);
  return { regs, meetday: await outcomeDashboard(ctx, { editionId }), baseline: await baselineDashboard(ctx, { editionId, by: "province" }) };
}

beforeAll(async () => {
  t = await openTestDb();
  editionId = (await demoShow(t.db)).editionId;
  // A buyer with a badge, a B2B request and a meeting with outcomes from both sides (as the
  // meeting-day tests set one up): the person to erase.
  const { edition } = await demoEditionIds(t.db);
  await t.db.delete(b2bRequests).where(eq(b2bRequests.editionId, editionId));
  await t.db.delete(b2bParticipants).where(eq(b2bParticipants.editionId, editionId));
  await t.db.delete(b2bProgrammes).where(eq(b2bProgrammes.editionId, editionId));
  await t.db.insert(b2bProgrammes).values({ editionId, enabled: true, days: [{ day: 1, sessions: [{ start: 600, end: 720 }] }], slotMinutes: 20, loungeTables: 3, interpreters: {} });
  const [firm] = await t.db.select().from(enterprises).where(eq(enterprises.organiserId, edition.organiserId)).limit(1);
  const reg = await insertApprovedRegistration(t.db, editionId, { email: EMAIL, name: NAME, category: "corporate_buyer" });
  registrationId = reg.id;
  await t.db.update(registrations).set({ nameUr: NAME_UR, phone: PHONE, organisation: "Privacytest Traders" }).where(eq(registrations.id, registrationId));
  await inTransaction(await organiser(), (tx, ctx) => issueBadge(tx, ctx, registrationId));
  const [sme] = await t.db.insert(b2bParticipants).values({ editionId, side: "sme", kind: "sme", enterpriseId: firm!.id, approved: true, optedIn: true }).returning();
  const [buyer] = await t.db.insert(b2bParticipants).values({ editionId, side: "buyer", kind: "buyer_procurement", registrationId, approved: true, optedIn: true }).returning();
  const [request] = await t.db
    .insert(b2bRequests)
    .values({ editionId, smeParticipantId: sme!.id, buyerParticipantId: buyer!.id, requestedBy: "buyer", status: "accepted", message: `Dear ${NAME}, let us meet` })
    .returning();
  const [m] = await t.db
    .insert(b2bMeetings)
    .values({ editionId, requestId: request!.id, smeParticipantId: sme!.id, buyerParticipantId: buyer!.id, day: 1, startMinute: 600, place: "table", tableNo: 1, uid: `${randomUUID()}@numaish.test` })
    .returning();
  const createdAt = new Date("2026-01-24T06:00:00Z");
  await t.db.insert(meetingOutcomes).values([
    { editionId, meetingId: m!.id, side: "sme", stage: "meeting", happened: true, kind: "quotation_requested", valueAmount: 500_000, currency: "PKR", followUpConsent: true, note: `Met ${NAME}, call ${PHONE}`, createdAt },
    { editionId, meetingId: m!.id, side: "buyer", stage: "meeting", happened: true, kind: "samples_requested", note: "Samples next week", createdAt },
  ]);
  const ctx = await organiser();
  await recordAudit(t.db, ctx, { action: "registration.updated", entityType: "registration", entityId: registrationId, editionId, data: { name: NAME, email: EMAIL.toLowerCase() } });
  await queueEmail(t.db, ctx.clock, { kind: "test", to: EMAIL, subject: `Welcome ${NAME}`, text: `Hello ${NAME_UR}` });
  expect(Object.keys(await mentions(NAME)).sort()).toEqual(expect.arrayContaining(["audit_entries", "b2b_requests", "meetday_outcomes", "registrations"]));
});

afterAll(async () => {
  await t?.close();
});

describe("erasing a person on request", () => {
  it("refuses visitors and exhibitors, and the account to organiser staff", async () => {
    for (const who of [demo.visitor, demo.exhibitor]) {
      const ctx = ctxFor(t.db, await actorFor(t.db, who), "en", at);
      expect(await refusal(anonymisePerson(ctx, { editionId, email: EMAIL, confirm: "on" }))).toBe("forbidden");
    }
    expect(await refusal(anonymisePerson(await organiser(), { editionId, email: EMAIL, withAccount: "on", confirm: "on" }))).toBe("forbidden");
    expect(await refusal(anonymisePerson(await organiser(), invalid({ editionId, email: EMAIL })))).toBe("validation_failed");
    expect(await refusal(anonymisePerson(await organiser(), { editionId, email: "nobody-here@example.pk", confirm: "on" }))).toBe("privacy_person_not_found");
  });

  it("keeps every figure, removes the identity everywhere, revokes the badges, and is idempotent", async () => {
    const before = await figures();
    const done = await anonymisePerson(await organiser(), { editionId, email: EMAIL.toUpperCase(), confirm: "on" });
    expect(done.registrations).toBeGreaterThanOrEqual(1);
    expect(done.parts.meetday!.outcomes).toBeGreaterThanOrEqual(1);
    expect(done.parts.b2b!.requests).toBeGreaterThanOrEqual(1);

    expect(await figures()).toEqual(before);
    expect(await mentions(NAME, NAME_UR, EMAIL, PHONE, "Privacytest")).toEqual({});

    const [reg] = await t.db.select().from(registrations).where(eq(registrations.id, registrationId));
    expect(reg).toMatchObject({ name: "anonymised", nameUr: null, phone: null, organisation: null, manageTokenHash: null, userId: null });
    expect(reg!.email).toBe(`anonymised-${registrationId}@invalid`);
    const valid = await t.db.select().from(badges).where(and(eq(badges.registrationId, registrationId), isNull(badges.revokedAt)));
    expect(valid).toEqual([]);

    // Mail for the stand-in address (an outcome follow-up, say) is never sent.
    await queueEmail(t.db, at, { kind: "test", to: reg!.email, subject: "Follow-up", text: "How did it go?" });
    const [dead] = rowsOf<{ status: string }>(await t.db.execute(sql`select status from outbox_messages where to_address = ${reg!.email}`));
    expect(dead!.status).toBe("dead");

    // The audit log records the erasure, without the person.
    const [entry] = rowsOf<{ data: Record<string, unknown> }>(await t.db.execute(sql`select data from audit_entries where action = 'privacy.anonymised' and entity_id = ${registrationId}`));
    expect(entry!.data).toMatchObject({ registrations: done.registrations, account: false });

    // Again: by email there is nobody left; by registration it changes nothing more.
    expect(await refusal(anonymisePerson(await organiser(), { editionId, email: EMAIL, confirm: "on" }))).toBe("privacy_person_not_found");
    const again = await anonymisePerson(await organiser(), { editionId, registrationId, confirm: "on" });
    expect(again.parts.checkin!.badgesRevoked).toBe(0);
    expect(again.parts.meetday!.outcomes).toBe(0);
    expect(again.parts.log).toEqual({ auditEntries: 0, emails: 0 });
    expect(await figures()).toEqual(before);
  });

  it("closes the account of an exhibitor for a platform admin, keeping the baseline's figures", async () => {
    const [account] = await t.db.select().from(users).where(eq(users.email, demo.exhibitor));
    const before = await figures();
    const admin = ctxFor(t.db, await actorFor(t.db, demo.admin), "en", at);
    const done = await anonymisePerson(admin, { editionId, email: demo.exhibitor, withAccount: "on", confirm: "on" });
    expect(done.account).toBe(true);
    expect(await figures()).toEqual(before);
    const [closed] = await t.db.select().from(users).where(eq(users.id, account!.id));
    expect(closed).toMatchObject({ name: "anonymised", passwordHash: null, email: `anonymised-${account!.id}@invalid` });
    expect(closed!.disabledAt).not.toBeNull();
    expect(await mentions(demo.exhibitor)).toEqual({});
    const grants = rowsOf(await t.db.execute(sql`select 1 from role_grants where user_id = ${account!.id}`));
    expect(grants).toEqual([]);
    expect(await t.db.select().from(registrations).where(inArray(registrations.userId, [account!.id]))).toEqual([]);
  });

  it("finds a person known only as a nomination's contact (no registration, no account) and erases them there", async () => {
    const CONTACT = "Nuzhat Contactonly";
    const CONTACT_EMAIL = "Nuzhat.Contactonly@Example.pk";
    const CONTACT_PHONE = "+92 301 5550001";
    const [nomination] = await t.db.select({ id: nominations.id }).from(nominations).where(eq(nominations.editionId, editionId)).limit(1);
    await t.db.update(nominations).set({ contactName: CONTACT, email: CONTACT_EMAIL, phone: CONTACT_PHONE }).where(eq(nominations.id, nomination!.id));
    await recordAudit(t.db, await organiser(), { action: "nomination.link_reissued", entityType: "nomination", entityId: nomination!.id, editionId, data: { contact: CONTACT } });
    expect(await t.db.select().from(registrations).where(sql`lower(${registrations.email}) = ${CONTACT_EMAIL.toLowerCase()}`)).toEqual([]);
    expect(await t.db.select().from(users).where(sql`lower(${users.email}) = ${CONTACT_EMAIL.toLowerCase()}`)).toEqual([]);

    const done = await anonymisePerson(await organiser(), { editionId, email: CONTACT_EMAIL.toLowerCase(), confirm: "on" });
    expect(done).toMatchObject({ registrations: 0, account: false, parts: { nominations: { nominations: 1 } } });
    const [after] = await t.db.select().from(nominations).where(eq(nominations.id, nomination!.id));
    expect(after).toMatchObject({ contactName: "anonymised", email: null, phone: null });
    // Their name is scrubbed from the audit log too; the erasure itself is recorded.
    expect(await mentions(CONTACT, CONTACT_EMAIL, CONTACT_PHONE, "Contactonly")).toEqual({});
    const [entry] = rowsOf<{ data: Record<string, unknown> }>(await t.db.execute(sql`select data from audit_entries where action = 'privacy.anonymised' and data->'parts'->'nominations'->>'nominations' = '1' and (data->>'registrations')::int = 0`));
    expect(entry).toBeDefined();
    // Nothing is left under that email: a second request finds nobody.
    expect(await refusal(anonymisePerson(await organiser(), { editionId, email: CONTACT_EMAIL, confirm: "on" }))).toBe("privacy_person_not_found");
  });
});
