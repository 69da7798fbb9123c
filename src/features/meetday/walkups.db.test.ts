import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { actorFor, ctxFor, demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { fixedClock } from "../../platform/clock";
import { hashSecret } from "../../platform/ids";
import { outboxMessages } from "../../platform/mail/tables";
import { calendarFeed, calendarLink, myMeetings } from "../b2b/operations/meetings";
import { b2bMeetings, b2bParticipants, b2bProgrammes, b2bRequests, b2bRuns } from "../b2b/tables";
import { demoEditionIds, insertApprovedRegistration } from "../checkin/fixtures";
import { enterprises } from "../editions/enterprise-tables";
import { outcomeDashboard, outcomeDashboardXlsx } from "./operations/organiser";
import { answerWalkUp, proposeWalkUp, walkUpByLink, walkUpPage, withdrawWalkUp } from "./operations/walkups";
import { walkUps } from "./tables";

// Walk-up meetings (issue #14, item 3) on the demo edition, day 1 with one lounge table and slots
// 10:00–11:40: the times offered are those where both are free and the table is (the engine's free
// slots), a proposal is answered only by the participant it was made to (by its page or the emailed
// link), a confirmation writes the meeting (kind walk_up) into both schedules and calendar feeds,
// two confirmations racing for the last table get one meeting and one translated refusal.

let t: TestDb;
let editionId: string;
let sme: string[];
let buyer: string[];
const tok = (side: string, i: number) => `wu-${side}-token-${i}-abcdefghijklmnop`;
const refusal = (p: Promise<unknown>) => p.then(() => "ok", (e: { code?: string }) => e.code ?? String(e));
// 10:05 in Lahore on the first day (2026-01-24).
const at = (iso = "2026-01-24T05:05:00Z") => fixedClock(iso);
const as = (side: "sme" | "buyer", i: number, iso?: string) => ({ ctx: ctxFor(t.db, undefined, "en", at(iso)), ref: { token: tok(side, i) } });
const propose = (s: "sme" | "buyer", i: number, to: string, start: string, iso?: string) => {
  const { ctx, ref } = as(s, i, iso);
  return proposeWalkUp(ctx, { ...ref, to, day: 1, start });
};
const answer = (s: "sme" | "buyer", i: number, walkUpId: string, decision: "confirm" | "decline", iso?: string) => {
  const { ctx, ref } = as(s, i, iso);
  return answerWalkUp(ctx, { ...ref, walkUpId, decision });
};

beforeAll(async () => {
  t = await openTestDb();
  const { edition } = await demoEditionIds(t.db);
  editionId = edition.id;
  await t.db.delete(b2bRequests).where(eq(b2bRequests.editionId, editionId));
  await t.db.delete(b2bRuns).where(eq(b2bRuns.editionId, editionId));
  await t.db.delete(b2bParticipants).where(eq(b2bParticipants.editionId, editionId));
  await t.db.delete(b2bProgrammes).where(eq(b2bProgrammes.editionId, editionId));
  await t.db.insert(b2bProgrammes).values({ editionId, enabled: true, days: [{ day: 1, sessions: [{ start: 600, end: 720 }] }], slotMinutes: 20, loungeTables: 1, interpreters: {} });
  await t.db.insert(b2bRuns).values({ editionId, status: "done", publishedAt: new Date("2026-01-20T00:00:00Z") });
  const firms = await t.db.select().from(enterprises).where(eq(enterprises.organiserId, edition.organiserId)).limit(3);
  sme = [];
  buyer = [];
  for (const [k, firm] of firms.entries()) {
    const [s] = await t.db.insert(b2bParticipants).values({ editionId, side: "sme", kind: "sme", enterpriseId: firm.id, approved: true, optedIn: true, accessTokenHash: hashSecret(tok("sme", k)) }).returning();
    sme.push(s!.id);
    const reg = await insertApprovedRegistration(t.db, editionId, { email: `wu-buyer${k}@example.pk`, name: `Walkup Buyer ${k}`, category: "corporate_buyer" });
    const [p] = await t.db
      .insert(b2bParticipants)
      .values({ editionId, side: "buyer", kind: "buyer_procurement", registrationId: reg.id, approved: true, optedIn: true, locale: k === 1 ? "ur" : "en", accessTokenHash: hashSecret(tok("buyer", k)) })
      .returning();
    buyer.push(p!.id);
  }
  // A planned meeting holds the one table at 10:20.
  const [r] = await t.db.insert(b2bRequests).values({ editionId, smeParticipantId: sme[0]!, buyerParticipantId: buyer[0]!, requestedBy: "buyer", status: "accepted" }).returning();
  await t.db.insert(b2bMeetings).values({ editionId, requestId: r!.id, smeParticipantId: sme[0]!, buyerParticipantId: buyer[0]!, day: 1, startMinute: 620, place: "table", tableNo: 1, uid: `${randomUUID()}@numaish.test` });
});

afterAll(async () => {
  await t?.close();
});

describe("walk-up meetings", () => {
  it("offers the times when both are free and the table is, from the next slot on", async () => {
    const { ctx, ref } = as("sme", 1);
    const page = await walkUpPage(ctx, { ...ref, q: "walkup buyer" });
    expect(page.open).toBe(true);
    expect(page.matches.map((m) => m.id).sort()).toEqual([...buyer].sort());
    const withB1 = await walkUpPage(ctx, { ...ref, with: buyer[1] });
    // 10:00 has started, 10:20's table is taken.
    expect(withB1.proposal!.places.map((p) => [p.start, p.place, p.tableNo])).toEqual([
      ["10:40", "table", 1],
      ["11:00", "table", 1],
      ["11:20", "table", 1],
      ["11:40", "table", 1],
    ]);
    // Before the show, nothing is open.
    const before = as("sme", 1, "2026-01-20T05:00:00Z");
    expect((await walkUpPage(before.ctx, before.ref)).open).toBe(false);
    expect(await refusal(propose("sme", 1, buyer[1]!, "10:40", "2026-01-20T05:00:00Z"))).toBe("meetday_walkup_closed");
    // A pair that already meets, a time not free, the same side.
    expect((await walkUpPage(as("sme", 0).ctx, { ...as("sme", 0).ref, with: buyer[0] })).proposal!.alreadyMeeting).toBe(true);
    expect(await refusal(propose("sme", 0, buyer[0]!, "10:40"))).toBe("meetday_walkup_already_meeting");
    expect(await refusal(propose("sme", 1, buyer[1]!, "10:20"))).toBe("meetday_walkup_slot_taken");
    expect(await refusal(propose("sme", 1, sme[2]!, "10:40"))).toBe("b2b_same_side");
  });

  it("is answered only by the one it was proposed to; confirmed by the emailed link, it is in both schedules and feeds", async () => {
    const p = await propose("sme", 1, buyer[1]!, "10:40");
    expect(p.status).toBe("proposed");
    expect(await refusal(propose("sme", 1, buyer[1]!, "11:00"))).toBe("meetday_walkup_pending");
    expect(await refusal(propose("buyer", 1, sme[1]!, "11:00"))).toBe("meetday_walkup_pending");
    // The proposer, a stranger of either side, an organiser without a participant: refused alike.
    expect(await refusal(answer("sme", 1, p.id, "confirm"))).toBe("meetday_walkup_not_found");
    expect(await refusal(answer("sme", 2, p.id, "confirm"))).toBe("meetday_walkup_not_found");
    expect(await refusal(answer("buyer", 2, p.id, "confirm"))).toBe("meetday_walkup_not_found");
    expect(await refusal(answerWalkUp(ctxFor(t.db, await actorFor(t.db, demo.organiser), "en", at()), { participantId: buyer[1], walkUpId: p.id, decision: "confirm" }))).toBe("forbidden");
    expect(await refusal(withdrawWalkUp(as("buyer", 1).ctx, { ...as("buyer", 1).ref, walkUpId: p.id }))).toBe("meetday_walkup_not_found");
    // The buyer (Urdu) got the link by email.
    const [mail] = await t.db.select().from(outboxMessages).where(and(eq(outboxMessages.kind, "meetday_walkup_proposed"), eq(outboxMessages.toAddress, "wu-buyer1@example.pk")));
    const link = /\/walk-up\/([A-Za-z0-9_-]+)/.exec(mail!.bodyText)![1]!;
    expect(mail!.subject).toContain("ملاقات");
    const seen = await walkUpByLink(ctxFor(t.db, undefined, "en", at()), { link });
    expect(seen.walkUp).toMatchObject({ status: "proposed", start: "10:40", place: "table", tableNo: 1 });
    const done = await answerWalkUp(ctxFor(t.db, undefined, "en", at()), { link, decision: "confirm" });
    expect(done.status).toBe("confirmed");
    const again = await answerWalkUp(ctxFor(t.db, undefined, "en", at()), { link, decision: "confirm" });
    expect(again.meetingId).toBe(done.meetingId);
    expect(await refusal(answerWalkUp(ctxFor(t.db, undefined, "en", at()), { link, decision: "decline" }))).toBe("meetday_walkup_decided");
    const [m] = await t.db.select().from(b2bMeetings).where(eq(b2bMeetings.id, done.meetingId!));
    expect(m).toMatchObject({ kind: "walk_up", status: "scheduled", day: 1, startMinute: 640, place: "table", tableNo: 1, smeParticipantId: sme[1], buyerParticipantId: buyer[1] });
    const [r] = await t.db.select().from(b2bRequests).where(eq(b2bRequests.id, m!.requestId));
    expect(r!.status).toBe("accepted");
    for (const [side, i] of [["sme", 1], ["buyer", 1]] as const) {
      const { ctx, ref } = as(side, i);
      const mine = await myMeetings(ctx, ref);
      expect(mine.days.flatMap((d) => d.meetings).map((x) => x.id)).toContain(m!.id);
      const feed = await calendarFeed(ctx, { calendarToken: /\/b2b\/calendar\/(.+)$/.exec((await calendarLink(ctx, ref)).https)![1]! });
      expect(feed).toContain(`UID:${m!.uid}`);
    }
    // The table at 10:40 is no longer offered to anyone.
    expect((await walkUpPage(as("sme", 2).ctx, { ...as("sme", 2).ref, with: buyer[2] })).proposal!.places.map((x) => x.start)).toEqual(["11:00", "11:20", "11:40"]);
  });

  it("declined or withdrawn, nothing is written; the organiser sees walk-up meetings apart", async () => {
    const d = await propose("buyer", 2, sme[2]!, "11:00");
    expect((await answer("sme", 2, d.id, "decline")).status).toBe("declined");
    // The proposer is told, in its language.
    expect(await t.db.select().from(outboxMessages).where(and(eq(outboxMessages.kind, "meetday_walkup_declined"), eq(outboxMessages.toAddress, "wu-buyer2@example.pk")))).toHaveLength(1);
    const w = await propose("sme", 2, buyer[2]!, "11:20");
    expect((await withdrawWalkUp(as("sme", 2).ctx, { ...as("sme", 2).ref, walkUpId: w.id })).status).toBe("withdrawn");
    expect(await refusal(answer("buyer", 2, w.id, "confirm"))).toBe("meetday_walkup_decided");
    expect(await t.db.select().from(b2bMeetings).where(and(eq(b2bMeetings.editionId, editionId), eq(b2bMeetings.kind, "walk_up")))).toHaveLength(1);
    const organiser = ctxFor(t.db, await actorFor(t.db, demo.organiser), "en", at());
    const all = await outcomeDashboard(organiser, { editionId });
    expect(all.funnel).toMatchObject({ scheduled: 2, walkUp: 1 });
    const only = await outcomeDashboard(organiser, { editionId, kind: "walk_up" });
    expect(only.funnel).toMatchObject({ scheduled: 1, walkUp: 1 });
    expect((await outcomeDashboard(organiser, { editionId, kind: "planned" })).funnel).toMatchObject({ scheduled: 1, walkUp: 0 });
    const xlsx = await outcomeDashboardXlsx(organiser, { editionId });
    expect(xlsx.subarray(0, 2).toString()).toBe("PK");
  });

  it("two confirmations racing for the last table: one meeting, one translated refusal", async () => {
    // sme2–buyer2 and sme0–buyer1 both free at 11:00, where the one table is free.
    const a = await propose("sme", 2, buyer[2]!, "11:00");
    const b = await propose("buyer", 1, sme[0]!, "11:00");
    const results = await Promise.allSettled([answer("buyer", 2, a.id, "confirm"), answer("sme", 0, b.id, "confirm", undefined)]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost.map((r) => (r.reason as { code?: string }).code)).toEqual(["meetday_walkup_slot_taken"]);
    expect(await t.db.select().from(b2bMeetings).where(and(eq(b2bMeetings.editionId, editionId), eq(b2bMeetings.startMinute, 660), eq(b2bMeetings.status, "scheduled")))).toHaveLength(1);
    // The loser's proposal stays open (its partner may pick another time) and lapses when 11:00 starts.
    const loser = results[0]!.status === "rejected" ? a : b;
    const [row] = await t.db.select().from(walkUps).where(eq(walkUps.id, loser.id));
    expect(row!.status).toBe("proposed");
    const side = loser === a ? (["buyer", 2] as const) : (["sme", 0] as const);
    expect(await refusal(answer(side[0], side[1], loser.id, "confirm", "2026-01-24T06:01:00Z"))).toBe("meetday_walkup_lapsed");
  });
});
