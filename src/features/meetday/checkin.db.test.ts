import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { actorFor, ctxFor, demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { testApp } from "../../../tests/support/http";
import { fixedClock } from "../../platform/clock";
import { inTransaction } from "../../platform/context";
import { translate } from "../../platform/i18n/translate";
import { hashSecret } from "../../platform/ids";
import { outboxMessages } from "../../platform/mail/tables";
import { auditEntries } from "../../platform/audit/tables";
import { b2bMeetings, b2bParticipants, b2bProgrammes, b2bRepairs, b2bRequests } from "../b2b/tables";
import { decodeBadge, encodeBadge, generateEditionKeyPair, verifyBadge } from "../checkin/core/badge-code";
import { newScanNonce } from "../checkin/core/offline-sync";
import { demoEditionIds, insertApprovedRegistration } from "../checkin/fixtures";
import { issueBadge } from "../checkin/operations/issue-badge";
import { badges, staffBadges } from "../checkin/tables";
import { enterprises } from "../editions/enterprise-tables";
import { loungeBoard, loungeEditionId } from "./operations/board";
import { gateSetup } from "../checkin/operations/gate-setup";
import { editions } from "../editions/tables";
import { roleGrants } from "../accounts/tables";
import { users } from "../../platform/auth/tables";
import { can } from "../../platform/permissions/policy";
import { bothHere, scanAtMeeting, uploadMeetingScans } from "./operations/checkin";
import { markNoShows, noShowCounts, setMeetdaySettings } from "./operations/no-shows";
import { meetingArrivals, meetingNoShows, meetingOutcomes, meetingScans, outcomeLinks } from "./tables";
import { outcomeForm, recordOutcome } from "./operations/outcomes";
import { sendOutcomeMail } from "./operations/outcome-mail";
import { outcomeDashboard, outcomeDashboardCsv, outcomesSideBySide } from "./operations/organiser";
import * as ownOutcomePage from "./pages/own-outcome";
import * as meetingsPage from "../b2b/pages/meetings";

// Meeting check-in (issue #14, item 1) and no-shows (item 2) on the demo edition: badges of a
// meeting's two sides check it in, any other badge is refused with its reason, a nonce is
// recorded once (retries and replayed offline uploads), lounge staff and the meeting's own
// participants may check in, nobody else; the board; no-shows marked once and the present side told.

let t: TestDb;
let editionId: string;
let sme: string[];
let buyer: string[];
/** Badge codes of the three firms' staff, their three buyers and a stranger. */
type Holder = "stranger" | `sme${0 | 1 | 2}` | `buyer${0 | 1 | 2}`;
const codes = {} as Record<Holder, string>;
const tok = (side: string, i: number) => `md-${side}-token-${i}-abcdefghijklmnop`;
const refusal = (p: Promise<unknown>) => p.then(() => "ok", (e: { code?: string }) => e.code ?? String(e));
// 10:05 in Lahore on the first day (2026-01-24).
const at = (iso = "2026-01-24T05:05:00Z") => fixedClock(iso);
const lounge = async (iso?: string) => ctxFor(t.db, await actorFor(t.db, demo.gate), "en", at(iso));
const organiser = async (iso?: string) => ctxFor(t.db, await actorFor(t.db, demo.organiser), "en", at(iso));

async function badge(email: string, enterpriseId?: string) {
  const reg = await insertApprovedRegistration(t.db, editionId, { email, name: email.split("@")[0], category: enterpriseId ? "corporate_buyer" : "corporate_buyer" });
  if (enterpriseId) await t.db.insert(staffBadges).values({ registrationId: reg.id, editionId, enterpriseId });
  await inTransaction(await organiser(), (tx, ctx) => issueBadge(tx, ctx, reg.id));
  const [b] = await t.db.select().from(badges).where(eq(badges.registrationId, reg.id));
  return { reg, code: b!.code };
}

async function meeting(i: number, j: number, start: number, table: number, day = 1) {
  const [r] = await t.db.insert(b2bRequests).values({ editionId, smeParticipantId: sme[i]!, buyerParticipantId: buyer[j]!, requestedBy: "buyer", status: "accepted" }).returning();
  const [m] = await t.db
    .insert(b2bMeetings)
    .values({ editionId, requestId: r!.id, smeParticipantId: sme[i]!, buyerParticipantId: buyer[j]!, day, startMinute: start, place: "table", tableNo: table, uid: `${randomUUID()}@numaish.test` })
    .returning();
  return m!;
}

beforeAll(async () => {
  t = await openTestDb();
  const { edition } = await demoEditionIds(t.db);
  editionId = edition.id;
  await t.db.delete(b2bRequests).where(eq(b2bRequests.editionId, editionId));
  await t.db.delete(b2bParticipants).where(eq(b2bParticipants.editionId, editionId));
  await t.db.delete(b2bProgrammes).where(eq(b2bProgrammes.editionId, editionId));
  await t.db.insert(b2bProgrammes).values({ editionId, enabled: true, days: [{ day: 1, sessions: [{ start: 600, end: 720 }] }], slotMinutes: 20, loungeTables: 3, interpreters: {} });
  const firms = await t.db.select().from(enterprises).where(eq(enterprises.organiserId, edition.organiserId)).limit(3);
  sme = [];
  buyer = [];
  for (const [k, firm] of firms.entries()) {
    const [s] = await t.db.insert(b2bParticipants).values({ editionId, side: "sme", kind: "sme", enterpriseId: firm.id, approved: true, optedIn: true, accessTokenHash: hashSecret(tok("sme", k)) }).returning();
    sme.push(s!.id);
    codes[`sme${k}` as Holder] = (await badge(`md-staff${k}@example.pk`, firm.id)).code;
    const b = await badge(`md-buyer${k}@example.pk`);
    codes[`buyer${k}` as Holder] = b.code;
    const [p] = await t.db
      .insert(b2bParticipants)
      .values({ editionId, side: "buyer", kind: "buyer_procurement", registrationId: b.reg.id, approved: true, optedIn: true, locale: k === 1 ? "ur" : "en", accessTokenHash: hashSecret(tok("buyer", k)) })
      .returning();
    buyer.push(p!.id);
  }
  codes.stranger = (await badge("md-stranger@example.pk")).code;
}, 60_000);
afterAll(async () => t?.close());

describe(`meeting check-in (${process.env.NUMAISH_TEST_DB ?? "pglite"})`, () => {
  it("both sides' badges start the meeting; another badge is refused with a reason; a retried nonce is recorded once", async () => {
    const m = await meeting(0, 0, 600, 1);
    const ctx = await lounge();
    const stranger = await scanAtMeeting(ctx, { meetingId: m.id, code: codes.stranger });
    expect(stranger).toMatchObject({ result: "refuse", reason: "not_in_meeting", started: false });
    // Another meeting's participant is refused the same way.
    expect(await scanAtMeeting(ctx, { meetingId: m.id, code: codes.buyer1 })).toMatchObject({ result: "refuse", reason: "not_in_meeting" });
    expect(await scanAtMeeting(ctx, { meetingId: m.id, code: "not a badge" })).toMatchObject({ result: "refuse", reason: "unknown_code" });
    // Forged (signed by a key of nobody's): refused as such, whether it claims the buyer's
    // registration or a number beyond any (the read looks up what a code claims before the
    // signature is checked; neither may count).
    const claims = decodeBadge(codes.buyer0!);
    if (!claims.ok) throw new Error("the buyer's badge must decode");
    const { keyId, version: _v, ...claimed } = claims.badge;
    const forger = generateEditionKeyPair();
    for (const registrationNo of [claimed.registrationNo, 0xffffffff])
      for (const id of [keyId, keyId + 1])
        expect(await scanAtMeeting(ctx, { meetingId: m.id, code: encodeBadge({ ...claimed, registrationNo }, forger.privateKey, id) })).toMatchObject({ result: "refuse", reason: "bad_signature" });
    const nonce = newScanNonce();
    const first = await scanAtMeeting(ctx, { meetingId: m.id, code: codes.buyer0, nonce });
    expect(first).toMatchObject({ result: "arrived", reason: "ok", side: "buyer", started: false, message: "Arrived" });
    const retried = await scanAtMeeting(ctx, { meetingId: m.id, code: codes.buyer0, nonce });
    expect(retried).toMatchObject({ result: "arrived", reason: "ok", side: "buyer" });
    expect(await t.db.select().from(meetingScans).where(and(eq(meetingScans.editionId, editionId), eq(meetingScans.nonce, nonce)))).toHaveLength(1);
    // Scanned again under a new nonce: said plainly, recorded as a refusal, no second arrival.
    expect(await scanAtMeeting(await lounge(), { meetingId: m.id, code: codes.buyer0 })).toMatchObject({ result: "refuse", reason: "already_arrived" });
    const sme0 = await scanAtMeeting(ctxFor(t.db, await actorFor(t.db, demo.gate), "ur", at()), { meetingId: m.id, code: codes.sme0 });
    expect(sme0).toMatchObject({ result: "arrived", side: "sme", started: true, message: "پہنچ گئے" });
    expect(await t.db.select().from(meetingArrivals).where(eq(meetingArrivals.meetingId, m.id))).toHaveLength(2);
  });

  it("the database keeps one arrival per meeting and side, and one scan per nonce", async () => {
    const m = await meeting(1, 1, 600, 2);
    const now = new Date();
    await t.db.insert(meetingArrivals).values({ meetingId: m.id, side: "sme", editionId, at: now, method: "both_here" });
    await expect(t.db.insert(meetingArrivals).values({ meetingId: m.id, side: "sme", editionId, at: now, method: "scan" })).rejects.toThrow();
    const row = { editionId, meetingId: m.id, nonce: "same-nonce-aaaaaaaaaaaa", method: "scan" as const, result: "refuse" as const, reason: "unknown_code", scannedAt: now, uploadedAt: now };
    await t.db.insert(meetingScans).values(row);
    await expect(t.db.insert(meetingScans).values(row)).rejects.toThrow();
  });

  it("an offline queue uploaded twice is recorded once, each item decided again by the server", async () => {
    const m = await meeting(1, 0, 620, 1);
    const items = [
      { nonce: newScanNonce(), meetingId: m.id, code: codes.buyer0, at: "2026-01-24T05:21:00Z", deviceId: "lounge-phone" },
      { nonce: newScanNonce(), meetingId: m.id, code: codes.stranger, at: "2026-01-24T05:21:30Z", deviceId: "lounge-phone" },
      { nonce: "bad" },
    ];
    const first = await uploadMeetingScans(await lounge("2026-01-24T05:30:00Z"), { editionId, scans: items });
    expect(first).toMatchObject({ recorded: 2, duplicates: 0 });
    expect(first.invalid.map((i) => i.index)).toEqual([2]);
    expect(first.answers.map((a) => a.reason)).toEqual(["ok", "not_in_meeting"]);
    const again = await uploadMeetingScans(await lounge("2026-01-24T05:31:00Z"), { editionId, scans: items.slice(0, 2) });
    expect(again).toMatchObject({ recorded: 0, duplicates: 2 });
    expect(again.answers.map((a) => a.reason)).toEqual(["ok", "not_in_meeting"]);
    const rows = await t.db.select().from(meetingScans).where(eq(meetingScans.meetingId, m.id));
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.offline)).toBe(true);
    const [arrival] = await t.db.select().from(meetingArrivals).where(eq(meetingArrivals.meetingId, m.id));
    expect(arrival!.at.toISOString()).toBe("2026-01-24T05:21:00.000Z");
  });

  it("each queued scan says whether the phone was offline when it scanned, and the server stores it (left out: offline)", async () => {
    const m = await meeting(0, 2, 700, 1);
    const item = (code: string, extra: object) => ({ nonce: newScanNonce(), meetingId: m.id, code, at: "2026-01-24T06:19:00Z", deviceId: "lounge-phone", ...extra });
    const scans = [item(codes.buyer2!, { offline: false }), item(codes.stranger!, { offline: true }), item(codes.stranger!, {}), item(codes.stranger!, { offline: "no" })];
    const out = await uploadMeetingScans(await lounge("2026-01-24T06:20:00Z"), { editionId, scans });
    expect(out).toMatchObject({ recorded: 3, duplicates: 0 });
    expect(out.invalid).toEqual([{ index: 3, issues: ["offline: invalid_type"] }]);
    const rows = await t.db.select().from(meetingScans).where(eq(meetingScans.meetingId, m.id));
    expect(Object.fromEntries(rows.map((r) => [r.nonce, r.offline]))).toEqual({ [scans[0]!.nonce]: false, [scans[1]!.nonce]: true, [scans[2]!.nonce]: true });
  });

  it("one batch holding a nonce twice records it once; a badge not of the meeting is refused with its reason in words", async () => {
    const m = await meeting(1, 2, 640, 2);
    const twice = { nonce: newScanNonce(), meetingId: m.id, code: codes.buyer2, at: "2026-01-24T05:41:00Z", deviceId: "lounge-phone" };
    const out = await uploadMeetingScans(ctxFor(t.db, await actorFor(t.db, demo.gate), "ur", at("2026-01-24T05:45:00Z")), {
      editionId,
      scans: [twice, { ...twice }, { nonce: newScanNonce(), meetingId: m.id, code: codes.buyer1, at: "2026-01-24T05:42:00Z", deviceId: "lounge-phone" }],
    });
    expect(out).toMatchObject({ recorded: 2, duplicates: 1, invalid: [] });
    expect(out.answers.map((a) => [a.result, a.reason])).toEqual([
      ["arrived", "ok"],
      ["arrived", "ok"],
      ["refuse", "not_in_meeting"],
    ]);
    // The reason in the caller's words (Urdu here), the same text the page shows.
    expect(out.answers[2]!.message).toBe(translate("ur", "meetday.reason.not_in_meeting"));
    expect(await t.db.select().from(meetingScans).where(and(eq(meetingScans.editionId, editionId), eq(meetingScans.nonce, twice.nonce)))).toHaveLength(1);
    expect(await t.db.select().from(meetingArrivals).where(eq(meetingArrivals.meetingId, m.id))).toEqual([expect.objectContaining({ side: "buyer" })]);
  });

  it("lounge staff and the meeting's own participants check in; nobody else, and another's meeting reads as missing", async () => {
    const m = await meeting(0, 1, 640, 1);
    expect(await refusal(bothHere(ctxFor(t.db, await actorFor(t.db, demo.visitor), "en", at()), { meetingId: m.id }))).toBe("forbidden");
    expect(await refusal(bothHere(ctxFor(t.db, undefined, "en", at()), { meetingId: m.id }))).toBe("unauthenticated");
    expect(await refusal(bothHere(ctxFor(t.db, undefined, "en", at()), { meetingId: m.id, token: tok("sme", 1) }))).toBe("b2b_meeting_not_found");
    expect(await refusal(uploadMeetingScans(ctxFor(t.db, await actorFor(t.db, demo.visitor)), { editionId, scans: [] }))).toBe("forbidden");
    const ok = await bothHere(ctxFor(t.db, undefined, "en", at()), { meetingId: m.id, token: tok("sme", 0) });
    expect(ok).toMatchObject({ result: "arrived", started: true });
    // Again: idempotent.
    await bothHere(await lounge(), { meetingId: m.id });
    expect(await t.db.select().from(meetingArrivals).where(eq(meetingArrivals.meetingId, m.id))).toHaveLength(2);
  });

  it("lounge staff (the gate-staff role scoped to the lounge) run the lounge and nothing else of the gates", async () => {
    const loungeOnly = ctxFor(t.db, await actorFor(t.db, demo.lounge), "en", at());
    // A buyer of its own (every pair of the file's first three is taken), on day 2 at table 3.
    const guest = await badge("md-lounge@example.pk");
    const [p] = await t.db
      .insert(b2bParticipants)
      .values({ editionId, side: "buyer", kind: "buyer_procurement", registrationId: guest.reg.id, approved: true, optedIn: true, locale: "en", accessTokenHash: hashSecret(tok("buyer", 8)) })
      .returning();
    const m = await meeting(0, buyer.push(p!.id) - 1, 700, 3, 2);
    expect(await bothHere(loungeOnly, { meetingId: m.id })).toMatchObject({ result: "arrived", started: true });
    expect((await loungeBoard(loungeOnly, { editionId, day: 2 })).tables.flatMap((x) => [x.current?.id, x.next?.id])).toContain(m.id);
    // `/lounge` opens one of the organiser's editions.
    const [own] = await t.db.select({ organiserId: editions.organiserId }).from(editions).where(eq(editions.id, editionId));
    const opened = await loungeEditionId(loungeOnly);
    expect((await t.db.select({ organiserId: editions.organiserId }).from(editions).where(eq(editions.id, opened)))[0]!.organiserId).toBe(own!.organiserId);
    // Not the gates, the desk or a person's lookup.
    const actor = await actorFor(t.db, demo.lounge);
    for (const p of ["checkin.scan", "checkin.findPerson", "registration.walkIn"] as const) expect(can(actor, p, { organiserId: own!.organiserId }), p).toBe(false);
    expect(await refusal(gateSetup(loungeOnly))).toBe("forbidden");
    expect(await refusal(loungeEditionId(ctxFor(t.db, await actorFor(t.db, demo.visitor))))).toBe("forbidden");
    // The database keeps every grant bound: a lounge grant without its organiser, or a role nobody knows, is refused.
    const [u] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, demo.lounge));
    await expect(t.db.insert(roleGrants).values({ userId: u!.id, role: "lounge_staff" })).rejects.toThrow();
    await expect(t.db.insert(roleGrants).values({ userId: u!.id, role: "door_keeper" as "gate_staff", organiserId: own!.organiserId })).rejects.toThrow();
  });

  it("the lounge board shows each table's current and next meeting, who is here and who is late", async () => {
    // 10:25: table 1 runs the 10:20 meeting (buyer 0 here, SME 1 late), next the 10:40 one.
    const board = await loungeBoard(await lounge("2026-01-24T05:25:00Z"), { editionId });
    expect(board).toMatchObject({ day: 1, now: "10:25" });
    const t1 = board.tables.find((x) => x.tableNo === 1)!;
    expect(t1.current).toMatchObject({ start: "10:20", started: false });
    expect(t1.current!.sides.map((s) => [s.side, s.arrived, s.late])).toEqual([["sme", false, true], ["buyer", true, false]]);
    expect(t1.next).toMatchObject({ start: "10:40", started: true });
    // A walk-up meeting is marked apart on the board.
    expect(t1.current!.walkUp).toBe(false);
    await t.db.update(b2bMeetings).set({ kind: "walk_up" }).where(eq(b2bMeetings.id, t1.next!.id));
    const marked = await loungeBoard(await lounge("2026-01-24T05:25:00Z"), { editionId });
    expect(marked.tables.find((x) => x.tableNo === 1)!.next).toMatchObject({ id: t1.next!.id, walkUp: true });
    await t.db.update(b2bMeetings).set({ kind: "planned" }).where(eq(b2bMeetings.id, t1.next!.id));
    // What a lounge phone needs offline: the keys verify the badges, whose numbers are the sides'.
    const no = (code: string) => {
      const v = verifyBadge(code, board.offline.keys, board.offline.edition);
      return v.ok ? v.payload.registrationNo : null;
    };
    expect(t1.current!.numbers.buyer).toBe(no(codes.buyer0!));
    expect(t1.current!.numbers.sme).toContain(no(codes.sme1!));
    expect(t1.current!.numbers.sme).not.toContain(no(codes.stranger!));
    // A past day, as at a time of it.
    const asAt = await loungeBoard(await lounge("2026-12-01T05:00:00Z"), { editionId, day: 1, at: "10:25" });
    expect(asAt.tables.find((x) => x.tableNo === 1)!.current).toMatchObject({ start: "10:20" });
    expect(await refusal(loungeBoard(ctxFor(t.db, await actorFor(t.db, demo.visitor)), { editionId }))).toBe("forbidden");
  });
});

describe(`no-shows (${process.env.NUMAISH_TEST_DB ?? "pglite"})`, () => {
  it("N minutes after the start, the absent side is marked once and the present side told in its language", async () => {
    // Nothing is marked before the organiser sets the rule.
    expect(await markNoShows(await organiser("2026-01-24T06:30:00Z"), editionId)).toEqual({ marked: 0, told: 0, limited: 0 });
    expect(await refusal(setMeetdaySettings(await lounge(), { editionId, noShowMinutes: 10 }))).toBe("forbidden");
    expect(await refusal(setMeetdaySettings(await organiser(), { editionId, noShowMinutes: 0 }))).toBe("validation_failed");
    await setMeetdaySettings(await organiser(), { editionId, noShowMinutes: 10 });
    // 11:00 meeting at table 3: buyer 1 (Urdu) arrives, SME 2 does not.
    const m = await meeting(2, 1, 660, 3);
    await scanAtMeeting(await lounge("2026-01-24T06:01:00Z"), { meetingId: m.id, code: codes.buyer1 });
    await markNoShows(await organiser("2026-01-24T06:09:00Z"), editionId);
    expect(await t.db.select().from(meetingNoShows).where(eq(meetingNoShows.meetingId, m.id))).toHaveLength(0);
    const before = await countNoShows();
    const swept = await markNoShows(await organiser("2026-01-24T06:10:00Z"), editionId);
    expect(swept.marked).toBeGreaterThanOrEqual(1);
    const mine = await t.db.select().from(meetingNoShows).where(eq(meetingNoShows.meetingId, m.id));
    expect(mine.map((n) => [n.side, n.otherTold])).toEqual([["sme", true]]);
    const mail = await t.db.select().from(outboxMessages).where(and(eq(outboxMessages.kind, "meetday_no_show"), eq(outboxMessages.toAddress, "md-buyer1@example.pk")));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.bodyText).toContain("غیر حاضر");
    expect(mail[0]!.bodyText).toContain(`/b2b/${buyer[1]}/meetings`);
    // Run again (another process, a later tick): nothing new, nobody told twice.
    expect(await markNoShows(await organiser("2026-01-24T06:40:00Z"), editionId)).toMatchObject({ told: 0 });
    expect(await countNoShows()).toBe(before + swept.marked);
    expect(await t.db.select().from(outboxMessages).where(and(eq(outboxMessages.kind, "meetday_no_show"), eq(outboxMessages.toAddress, "md-buyer1@example.pk")))).toHaveLength(1);
    const counts = await noShowCounts(await organiser(), { editionId });
    expect(counts.find((c) => c.participantId === sme[2])!.noShows).toBeGreaterThanOrEqual(1);
    expect(await refusal(noShowCounts(await lounge(), { editionId }))).toBe("forbidden");
  });
});

describe(`outcomes and follow-ups (${process.env.NUMAISH_TEST_DB ?? "pglite"})`, () => {
  const fields = (p: Promise<unknown>) => p.then(() => [], (e: { fields?: { path: string; code: string }[] }) => (e.fields ?? []).map((f) => `${f.path}:${f.code}`));
  const linkFor = async (meetingId: string, side: "sme" | "buyer", stage: "meeting" | "d30" | "m6", to: string) => {
    const [row] = await t.db.select().from(outcomeLinks).where(and(eq(outcomeLinks.meetingId, meetingId), eq(outcomeLinks.side, side), eq(outcomeLinks.stage, stage)));
    const mails = await t.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, to));
    const tokens = mails.flatMap((m) => [...m.bodyText.matchAll(/\/outcome\/([A-Za-z0-9_-]+)/g)].map((x) => x[1]!));
    return tokens.find((k) => hashSecret(k) === row?.tokenHash);
  };

  it("after the meeting both sides are asked; answers are kept apart, appended, validated; positive ones get follow-ups with reminders", async () => {
    await setMeetdaySettings(await organiser(), { editionId, noShowMinutes: 10 });
    // 11:40–12:00 on day 1, table 2: both here.
    const m = await meeting(2, 0, 700, 2);
    await bothHere(await lounge("2026-01-24T06:41:00Z"), { meetingId: m.id });
    expect(await refusal(recordOutcome(ctxFor(t.db, undefined, "en", at("2026-01-24T06:39:00Z")), { token: tok("sme", 2), meetingId: m.id, happened: "yes", kind: "mou" }))).toBe("meetday_outcome_too_early");
    const sweep = await sendOutcomeMail(ctxFor(t.db, undefined, "en", at("2026-01-24T07:01:00Z")), editionId);
    expect(sweep.owed).toBeGreaterThanOrEqual(2);
    const link = await linkFor(m.id, "buyer", "meeting", "md-buyer0@example.pk");
    expect(link).toBeDefined();
    const anon = (iso = "2026-01-24T08:00:00Z", locale: "en" | "ur" = "en") => ctxFor(t.db, undefined, locale, at(iso));
    // Translated field errors, nothing 500s.
    expect(await fields(recordOutcome(anon(), { link, happened: "yes", kind: "samples_requested", valueAmount: "1,250,000" }))).toEqual(["currency:meetday_currency_required"]);
    expect(await fields(recordOutcome(anon(), { link, happened: "yes", valueAmount: "twelve", currency: "XXX" }))).toEqual(["valueAmount:meetday_value_number", "currency:invalid_value"]);
    expect(await fields(recordOutcome(anon(), { link, happened: "yes" }))).toEqual(["kind:required"]);
    expect(await fields(recordOutcome(anon(), { link, happened: "yes", kind: "order_placed" }))).toEqual(["kind:invalid_value"]);
    expect(await refusal(recordOutcome(anon(), { link: "x".repeat(30), happened: "no" }))).toBe("token_invalid");
    const saved = await recordOutcome(anon(), { link, happened: "yes", kind: "samples_requested", valueAmount: "1,250,000", currency: "PKR", timeline: "within_3_months", followUpConsent: "on", note: "Wants 200 samples" });
    expect(saved).toMatchObject({ side: "buyer", stage: "meeting", followUpsScheduled: true });
    // The SME side answers from its meetings page (B2B link): "my meetings" offers the form once the
    // meeting started; a wrong value stays on the page with what was typed; the answer is kept
    // apart, and a neutral outcome gets no follow-up.
    const page = <T,>(fn: (a: never) => Promise<T>, who: string, meetingId: string, form?: Record<string, string>, iso?: string) => {
      const url = `http://numaish.test/b2b/${who}/meetings/${meetingId}/outcome`;
      const body = new FormData();
      for (const [k, v] of Object.entries(form ?? {})) body.set(k, v);
      const request = form ? new Request(url, { method: "POST", body }) : new Request(url);
      return fn({ request, params: { who, meetingId }, context: { ctx: anon(iso) } } as never);
    };
    const listed = await page(meetingsPage.loader, tok("sme", 2), m.id);
    const shown = listed.days.flatMap((d) => d.meetings).find((x) => x.id === m.id)!;
    expect(Date.parse(shown.startsAt) <= Date.parse(listed.now)).toBe(true);
    expect(await page(ownOutcomePage.loader, tok("sme", 2), m.id)).toMatchObject({ side: "sme", stage: "meeting", history: [], done: false });
    expect(await page(ownOutcomePage.action, tok("sme", 2), m.id, { happened: "yes", kind: "information_exchanged", valueAmount: "ten", currency: "PKR" })).toMatchObject({
      init: { status: 400 },
      data: { code: "validation_failed", values: { valueAmount: "ten" } },
    });
    const posted = (await page(ownOutcomePage.action, tok("sme", 2), m.id, { happened: "yes", kind: "information_exchanged" })) as Response;
    expect([posted.status, posted.headers.get("location")]).toEqual([302, `/b2b/${tok("sme", 2)}/meetings/${m.id}/outcome?done=1`]);
    expect(await t.db.select().from(outcomeLinks).where(and(eq(outcomeLinks.meetingId, m.id), eq(outcomeLinks.side, "sme"), eq(outcomeLinks.stage, "d30")))).toEqual([]);
    // Another participant's meeting is not found there; before its start, it is too early.
    expect(await page(ownOutcomePage.loader, tok("sme", 0), m.id).then(() => "no error", (e: unknown) => e)).toMatchObject({ init: { status: 404 }, data: { code: "b2b_meeting_not_found" } });
    expect(await page(ownOutcomePage.action, tok("sme", 2), m.id, { happened: "yes", kind: "mou" }, "2026-01-24T06:39:00Z")).toMatchObject({ init: { status: 409 }, data: { code: "meetday_outcome_too_early" } });
    // Another participant cannot answer for this meeting.
    expect(await refusal(recordOutcome(anon(), { token: tok("sme", 0), meetingId: m.id, happened: "yes", kind: "mou" }))).toBe("b2b_meeting_not_found");
    // A correction adds an entry; the database refuses to change one.
    await recordOutcome(anon("2026-01-24T09:00:00Z"), { link, happened: "yes", kind: "quotation_requested", valueAmount: 2000000, currency: "PKR", followUpConsent: "yes" });
    const buyerEntries = await t.db.select().from(meetingOutcomes).where(and(eq(meetingOutcomes.meetingId, m.id), eq(meetingOutcomes.side, "buyer")));
    expect(buyerEntries).toHaveLength(2);
    await expect(t.db.update(meetingOutcomes).set({ note: "changed" }).where(eq(meetingOutcomes.id, buyerEntries[0]!.id))).rejects.toThrow();
    // Each side reads only its own answers.
    const form = await outcomeForm(anon(), { link: link! });
    expect(form.side).toBe("buyer");
    expect(form.history.map((h) => h.kind)).toEqual(["quotation_requested", "samples_requested"]);
    const smeForm = await outcomeForm(anon(), { token: tok("sme", 2), meetingId: m.id });
    expect(smeForm.history.map((h) => h.kind)).toEqual(["information_exchanged"]);
    // Organisers see both, side by side; nobody else.
    const side = (await outcomesSideBySide(await organiser(), { editionId })).find((x) => x.meetingId === m.id)!;
    expect([side.sme.answers.length, side.buyer.answers.length]).toEqual([1, 2]);
    expect(await refusal(outcomesSideBySide(await lounge(), { editionId }))).toBe("forbidden");

    // Follow-ups: 30 days after the last day (2026-01-26), 10:00 local; 6 months after.
    const due = await t.db.select().from(outcomeLinks).where(and(eq(outcomeLinks.meetingId, m.id), eq(outcomeLinks.side, "buyer")));
    expect(due.filter((l) => l.stage !== "meeting").map((l) => [l.stage, l.dueAt.toISOString()]).sort()).toEqual([["d30", "2026-02-25T05:00:00.000Z"], ["m6", "2026-07-26T05:00:00.000Z"]]);
    expect(due.some((l) => l.side === "sme" && l.stage !== "meeting")).toBe(false);
    await sendOutcomeMail(anon("2026-02-25T04:59:00Z"), editionId);
    expect(await linkFor(m.id, "buyer", "d30", "md-buyer0@example.pk")).toBeUndefined();
    await sendOutcomeMail(anon("2026-02-25T05:00:00Z"), editionId);
    const d30 = await linkFor(m.id, "buyer", "d30", "md-buyer0@example.pk");
    expect(d30).toBeDefined();
    await recordOutcome(anon("2026-02-26T05:00:00Z"), { link: d30, happened: "yes", kind: "order_placed", valueAmount: 900000, currency: "PKR", followUpConsent: "yes" });
    // 6 months: sent, unanswered, reminded once a week later with a new link; the first stops working.
    await sendOutcomeMail(anon("2026-07-26T05:00:00Z"), editionId);
    const m6 = await linkFor(m.id, "buyer", "m6", "md-buyer0@example.pk");
    await sendOutcomeMail(anon("2026-08-02T05:00:00Z"), editionId);
    await sendOutcomeMail(anon("2026-08-20T05:00:00Z"), editionId);
    const reminders = await t.db.select().from(outboxMessages).where(and(eq(outboxMessages.kind, "meetday_outcome_m6"), eq(outboxMessages.toAddress, "md-buyer0@example.pk")));
    expect(reminders.map((r) => r.subject.startsWith("Reminder:"))).toEqual([false, true]);
    expect(await refusal(outcomeForm(anon(), { link: m6! }))).toBe("token_invalid");
    const history = await t.db.select().from(meetingOutcomes).where(and(eq(meetingOutcomes.meetingId, m.id), eq(meetingOutcomes.side, "buyer")));
    expect(history.map((h) => h.stage).sort()).toEqual(["d30", "meeting", "meeting"]);

    // The dashboard: funnel, figures, CSV; published figures hide small cells.
    const dash = await outcomeDashboard(await organiser(), { editionId });
    expect(dash.funnel).toMatchObject({ scheduled: expect.any(Number), held: expect.any(Number) });
    expect(dash.funnel.held).toBeGreaterThanOrEqual(1);
    expect(dash.total.converted).toBe(1);
    expect(dash.followUps.find((f) => f.stage === "d30")).toMatchObject({ answered: 1, states: { order_placed: 1 } });
    const pub = await outcomeDashboard(await organiser(), { editionId, published: "true" });
    expect(pub.hiddenCells).toBeGreaterThan(0);
    const csv = await outcomeDashboardCsv(await organiser(), { editionId, published: "true" });
    expect(csv).toContain("suppressed");
    expect(await refusal(outcomeDashboard(await lounge(), { editionId }))).toBe("forbidden");
  });
  it("follow-up consent: a side whose latest answer says no gets no follow-up and no reminder; a side that said yes gets them until it says no", async () => {
    await setMeetdaySettings(await organiser(), { editionId, noShowMinutes: 10 });
    // A fourth exhibitor (every pair of the first three has met by now).
    const used = new Set((await t.db.select().from(b2bParticipants).where(eq(b2bParticipants.editionId, editionId))).map((p) => p.enterpriseId));
    const firm = (await t.db.select().from(enterprises).limit(20)).find((f) => !used.has(f.id))!;
    const [s3] = await t.db.insert(b2bParticipants).values({ editionId, side: "sme", kind: "sme", enterpriseId: firm.id, approved: true, optedIn: true, accessTokenHash: hashSecret(tok("sme", 3)) }).returning();
    sme.push(s3!.id);
    // 11:20–11:40 on day 1, table 3: both here, both positive.
    const m = await meeting(3, 1, 680, 3);
    await bothHere(await lounge("2026-01-24T06:21:00Z"), { meetingId: m.id });
    const anon = (iso: string) => ctxFor(t.db, undefined, "en", at(iso));
    // The buyer consents. The SME first consents, then corrects its answer to "no" (the rows of its
    // follow-ups exist by then: the sweep, not the form, is what keeps them from being sent).
    await recordOutcome(anon("2026-01-24T08:00:00Z"), { token: tok("buyer", 1), meetingId: m.id, happened: "yes", kind: "mou", followUpConsent: "yes" });
    expect(await recordOutcome(anon("2026-01-24T08:00:00Z"), { token: tok("sme", 3), meetingId: m.id, happened: "yes", kind: "mou", followUpConsent: "yes" })).toMatchObject({ followUpsScheduled: true });
    expect(await recordOutcome(anon("2026-01-24T08:30:00Z"), { token: tok("sme", 3), meetingId: m.id, happened: "yes", kind: "mou", followUpConsent: "no" })).toMatchObject({ followUpsScheduled: false });
    const links = (side: "sme" | "buyer", stage: "d30" | "m6") =>
      t.db.select().from(outcomeLinks).where(and(eq(outcomeLinks.meetingId, m.id), eq(outcomeLinks.side, side), eq(outcomeLinks.stage, stage))).then((r) => r[0]);
    // 30 days, then a week later (the reminders' time).
    await sendOutcomeMail(anon("2026-02-25T05:00:00Z"), editionId);
    await sendOutcomeMail(anon("2026-03-04T05:00:00Z"), editionId);
    expect(await links("sme", "d30")).toMatchObject({ sentAt: null, remindedAt: null });
    expect(await links("buyer", "d30")).toMatchObject({ sentAt: expect.any(Date), remindedAt: expect.any(Date) });
    expect((await t.db.select().from(outboxMessages).where(and(eq(outboxMessages.kind, "meetday_outcome_d30"), eq(outboxMessages.toAddress, "md-buyer1@example.pk")))).length).toBe(2);
    // A side that answered "no" outright never gets follow-up rows.
    const other = await meeting(3, 2, 660, 1);
    await bothHere(await lounge("2026-01-24T06:01:00Z"), { meetingId: other.id });
    expect(await recordOutcome(anon("2026-01-24T08:00:00Z"), { token: tok("sme", 3), meetingId: other.id, happened: "yes", kind: "purchase_order" })).toMatchObject({ followUpsScheduled: false });
    // The buyer answers its 30-day follow-up and says no more contact: the 6-month one is not sent.
    const d30 = await linkFor(m.id, "buyer", "d30", "md-buyer1@example.pk");
    expect(d30).toBeDefined();
    await recordOutcome(anon("2026-03-05T05:00:00Z"), { link: d30, happened: "yes", kind: "negotiation_started", followUpConsent: "no" });
    await sendOutcomeMail(anon("2026-07-26T05:00:00Z"), editionId);
    await sendOutcomeMail(anon("2026-08-03T05:00:00Z"), editionId);
    expect(await links("buyer", "m6")).toMatchObject({ sentAt: null, remindedAt: null });
    expect(await links("sme", "m6")).toMatchObject({ sentAt: null, remindedAt: null });
    expect(await t.db.select().from(outboxMessages).where(and(eq(outboxMessages.kind, "meetday_outcome_m6"), eq(outboxMessages.toAddress, "md-buyer1@example.pk")))).toEqual([]);
  });
});

describe(`meeting day API (${process.env.NUMAISH_TEST_DB ?? "pglite"})`, () => {
  it("is in the OpenAPI document and keeps the operations' permissions", async () => {
    const api = testApp(t.db, at("2026-01-24T07:30:00Z"));
    const signIn = async (email: string) => (await api.call("/api/v1/auth/sign-in", { json: { email, password: demo.password } })).headers.get("set-cookie")!.split(";")[0]!;
    const doc = (await api.call("/api/v1/openapi.json")).body as { paths: Record<string, unknown> };
    for (const p of ["/meetings/{id}/scan", "/meetings/{id}/both-here", "/editions/{id}/meeting-scans", "/editions/{id}/lounge-board", "/meeting-outcomes", "/editions/{id}/outcome-dashboard"]) expect(doc.paths).toHaveProperty([p]);
    const gate = await signIn(demo.gate);
    const boss = await signIn(demo.organiser);
    const m = await meeting(2, 2, 600, 3);
    const scanned = await api.call(`/api/v1/meetings/${m.id}/scan`, { json: { code: codes.buyer2 }, cookie: gate });
    expect(scanned.status).toBe(200);
    expect(scanned.body).toMatchObject({ result: "arrived", side: "buyer" });
    expect((await api.call(`/api/v1/meetings/${m.id}/scan`, { json: { code: codes.buyer2 } })).status).toBe(401);
    expect((await api.call(`/api/v1/editions/${editionId}/lounge-board`, { cookie: gate })).status).toBe(200);
    expect((await api.call(`/api/v1/editions/${editionId}/outcome-dashboard`, { cookie: gate })).status).toBe(403);
    const csv = await api.call(`/api/v1/editions/${editionId}/outcome-dashboard?format=csv&published=true`, { cookie: boss });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const bad = await api.call("/api/v1/meeting-outcomes", { json: { token: tok("sme", 2), meetingId: m.id, happened: true, kind: "mou", valueAmount: "lots", currency: "PKR" }, headers: { "accept-language": "ur" } });
    expect(bad.status).toBe(400);
    const body = bad.body as { error: { code: string; fields: { path: string; message: string }[] } };
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.fields[0]).toMatchObject({ path: "valueAmount", message: "مالیت پورے عدد میں لکھیں، مثلاً 250000۔" });
  });
});

async function countNoShows() {
  const [r] = await t.db.select({ n: sql<number>`count(*)::int` }).from(meetingNoShows).where(eq(meetingNoShows.editionId, editionId));
  return Number(r!.n);
}

describe(`repeat no-shows (${process.env.NUMAISH_TEST_DB ?? "pglite"})`, () => {
  it("a participant that reaches the organiser's limit loses its later days' meetings; the partners are told, the change is listed and audited, once", async () => {
    // The first day's earlier meetings of this file are swept first, without a limit.
    await setMeetdaySettings(await organiser(), { editionId, noShowMinutes: 10 });
    await markNoShows(await organiser("2026-01-24T11:59:00Z"), editionId);
    expect(await refusal(setMeetdaySettings(await organiser(), { editionId, noShowMinutes: 10, noShowLimit: 0 }))).toBe("validation_failed");
    expect(await refusal(setMeetdaySettings(await lounge(), { editionId, noShowMinutes: 10, noShowLimit: 2 }))).toBe("forbidden");
    expect(await setMeetdaySettings(await organiser(), { editionId, noShowMinutes: 10, noShowLimit: 2 })).toMatchObject({ noShowLimit: 2 });
    // Setting the minutes alone keeps the limit.
    expect(await setMeetdaySettings(await organiser(), { editionId, noShowMinutes: 10 })).toMatchObject({ noShowLimit: 2 });

    // A new buyer misses 17:00 and 17:20 on day 1 (its partners come); it has a meeting on day 2.
    const own = await badge("md-repeat@example.pk");
    const [p] = await t.db
      .insert(b2bParticipants)
      .values({ editionId, side: "buyer", kind: "buyer_procurement", registrationId: own.reg.id, approved: true, optedIn: true, locale: "en", accessTokenHash: hashSecret(tok("buyer", 9)) })
      .returning();
    const k = buyer.push(p!.id) - 1;
    const first = await meeting(0, k, 1020, 1);
    const second = await meeting(1, k, 1040, 1);
    const later = [await meeting(2, k, 600, 2, 2)];
    await scanAtMeeting(await lounge("2026-01-24T12:01:00Z"), { meetingId: first.id, code: codes.sme0 });
    await scanAtMeeting(await lounge("2026-01-24T12:21:00Z"), { meetingId: second.id, code: codes.sme1 });
    expect(await markNoShows(await organiser("2026-01-24T12:11:00Z"), editionId)).toEqual({ marked: 1, told: 1, limited: 0 });
    const status = async () => (await t.db.select().from(b2bMeetings).where(sql`${b2bMeetings.id} in (${sql.join(later.map((m) => sql`${m.id}::uuid`), sql`, `)})`)).map((m) => [m.status, m.sequence]);
    expect(await status()).toEqual([["scheduled", 0]]);

    const swept = await markNoShows(await organiser("2026-01-24T12:31:00Z"), editionId);
    expect(swept).toEqual({ marked: 1, told: 1, limited: 1 });
    expect(await status()).toEqual([["cancelled", 1]]);
    // Both sides of the cancelled meeting are emailed the change.
    const changed = await t.db.select().from(outboxMessages).where(and(eq(outboxMessages.kind, "b2b_meetings_changed"), eq(outboxMessages.toAddress, "md-repeat@example.pk")));
    expect(changed).toHaveLength(1);
    const [repair] = await t.db.select().from(b2bRepairs).where(and(eq(b2bRepairs.editionId, editionId), eq(b2bRepairs.kind, "no_show_limit")));
    expect(repair!.cancelled).toEqual([{ meetingId: later[0]!.id, reason: "no_shows" }]);
    expect(repair!.change).toEqual({ participantId: p!.id, fromDay: 2 });
    const [audit] = await t.db.select().from(auditEntries).where(and(eq(auditEntries.action, "meetday.no_show_limit_reached"), eq(auditEntries.entityId, p!.id)));
    expect(audit!.data).toMatchObject({ missed: 2, limit: 2, cancelled: 1, fromDay: 2 });
    expect((await noShowCounts(await organiser(), { editionId })).find((c) => c.participantId === p!.id)!.noShows).toBe(2);

    // Later sweeps find nothing left to cancel.
    expect(await markNoShows(await organiser("2026-01-24T13:00:00Z"), editionId)).toMatchObject({ limited: 0 });
    expect(await t.db.select().from(b2bRepairs).where(and(eq(b2bRepairs.editionId, editionId), eq(b2bRepairs.kind, "no_show_limit")))).toHaveLength(1);
  });
});
