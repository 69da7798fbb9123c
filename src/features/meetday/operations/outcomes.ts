import { and, desc, eq } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { hashSecret } from "../../../platform/ids";
import { parseInput, type Input } from "../../../platform/validation";
import { localInstant } from "#features/b2b";
import { frameOf, partiesOf, slotTimes } from "#features/b2b";
import { ownParticipant, type ParticipantRef } from "#features/b2b";
import { b2bMeetings } from "#features/b2b";
import { editions } from "#features/editions";
import { followUpDates, isPositive } from "../core/outcomes";
import type { Side } from "../core/meeting-scan";
import { kindIssue, outcomeAnswerInput, outcomeLinkInput, ownOutcomeInput } from "../outcome-schemas";
import { meetingOutcomes, outcomeLinks, type OutcomeStage } from "../tables";

// Outcomes (issue #14, items 4–5): each side of a meeting answers for itself, by the email link
// (no sign-in: only the SHA-256 of the link's token is kept) or from its meetings page (account or
// B2B link). Every answer is a new entry: a correction or a follow-up never overwrites. A
// positive outcome with follow-up consent schedules the 30-day and 6-month follow-ups (rows in
// meetday_outcome_links, sent by operations/outcome-mail.ts when due, which checks the consent
// again: it is that side's latest answer that counts). A participant reads only its own side's answers.

type Target = { meetingId: string; side: Side; stage: OutcomeStage; participantId: string };

async function targetOf(db: Executor, ctx: Ctx, input: { link?: string; meetingId?: string } & Partial<ParticipantRef>): Promise<Target> {
  if (input.link !== undefined) {
    const [l] = await db
      .select({ l: outcomeLinks, sme: b2bMeetings.smeParticipantId, buyer: b2bMeetings.buyerParticipantId })
      .from(outcomeLinks)
      .innerJoin(b2bMeetings, eq(b2bMeetings.id, outcomeLinks.meetingId))
      .where(eq(outcomeLinks.tokenHash, hashSecret(input.link)));
    if (!l) throw new DomainError("token_invalid");
    return { meetingId: l.l.meetingId, side: l.l.side, stage: l.l.stage, participantId: l.l.side === "sme" ? l.sme : l.buyer };
  }
  const { participant } = await ownParticipant(db, ctx, { participantId: input.participantId, token: input.token } as ParticipantRef);
  const [m] = await db.select().from(b2bMeetings).where(eq(b2bMeetings.id, input.meetingId!));
  if (!m || (m.smeParticipantId !== participant.id && m.buyerParticipantId !== participant.id)) throw new DomainError("b2b_meeting_not_found");
  return { meetingId: m.id, side: m.smeParticipantId === participant.id ? "sme" : "buyer", stage: "meeting", participantId: participant.id };
}

/** Record one side's answer. Refused before the meeting has started (`meetday_outcome_too_early`). */
export async function recordOutcome(ctx: Ctx, raw: Input<typeof outcomeAnswerInput>) {
  const input = parseInput(outcomeAnswerInput, raw);
  return inTransaction(ctx, async (tx) => {
    const target = await targetOf(tx, ctx, input);
    const issue = kindIssue(target.stage, input);
    if (issue) throw new DomainError("validation_failed", { fields: [{ path: "kind", code: issue }] });
    const [m] = await tx.select().from(b2bMeetings).where(eq(b2bMeetings.id, target.meetingId)).for("update");
    const frame = await frameOf(tx, m!.editionId);
    const now = ctx.clock.now();
    if (now < slotTimes(frame, m!.day, m!.startMinute).startsAt) throw new DomainError("meetday_outcome_too_early");
    const [entry] = await tx
      .insert(meetingOutcomes)
      .values({
        editionId: m!.editionId,
        meetingId: m!.id,
        side: target.side,
        stage: target.stage,
        happened: target.stage === "meeting" ? input.happened : true,
        kind: input.kind ?? null,
        valueAmount: input.valueAmount ?? null,
        currency: input.valueAmount === undefined ? null : input.currency!,
        timeline: input.timeline ?? null,
        followUpConsent: input.followUpConsent,
        note: input.note,
        createdAt: now,
        byUserId: ctx.actor.kind === "user" ? ctx.actor.userId : null,
      })
      .returning();
    await tx
      .insert(outcomeLinks)
      .values({ meetingId: m!.id, side: target.side, stage: target.stage, editionId: m!.editionId, dueAt: now, answeredAt: now })
      .onConflictDoUpdate({ target: [outcomeLinks.meetingId, outcomeLinks.side, outcomeLinks.stage], set: { answeredAt: now } });
    let followUps = false;
    if (target.stage === "meeting" && input.happened && isPositive(input.kind) && input.followUpConsent) followUps = await scheduleFollowUps(tx, m!.editionId, m!.id, target.side);
    await recordAudit(tx, ctx, { action: "meetday.outcome_recorded", entityType: "b2b_meeting", entityId: m!.id, editionId: m!.editionId, data: { side: target.side, stage: target.stage, kind: input.kind ?? null } });
    return { id: entry!.id, meetingId: m!.id, side: target.side, stage: target.stage, followUpsScheduled: followUps };
  });
}

/** The 30-day and 6-month follow-ups of one side, once (primary key meeting + side + stage). */
async function scheduleFollowUps(tx: Executor, editionId: string, meetingId: string, side: Side): Promise<boolean> {
  const [e] = await tx.select({ endsOn: editions.endsOn, timezone: editions.timezone }).from(editions).where(eq(editions.id, editionId));
  const dates = followUpDates(e!.endsOn);
  const rows = await tx
    .insert(outcomeLinks)
    .values((["d30", "m6"] as const).map((stage) => ({ meetingId, side, stage, editionId, dueAt: localInstant(dates[stage], 10 * 60, e!.timezone) })))
    .onConflictDoNothing()
    .returning({ stage: outcomeLinks.stage });
  return rows.length > 0;
}

/** What the outcome page shows: the meeting, the stage asked, this side's earlier answers. */
export async function outcomeForm(ctx: Ctx, raw: Input<typeof outcomeLinkInput> | Input<typeof ownOutcomeInput>) {
  const input = "link" in (raw as object) ? parseInput(outcomeLinkInput, raw) : parseInput(ownOutcomeInput, raw);
  const target = await targetOf(ctx.db, ctx, input);
  const [m] = await ctx.db.select().from(b2bMeetings).where(eq(b2bMeetings.id, target.meetingId));
  const frame = await frameOf(ctx.db, m!.editionId);
  const times = slotTimes(frame, m!.day, m!.startMinute);
  const partnerId = target.side === "sme" ? m!.buyerParticipantId : m!.smeParticipantId;
  const partner = (await partiesOf(ctx.db, [partnerId])).get(partnerId);
  const history = await ownHistory(ctx.db, m!.id, target.side);
  return {
    meeting: { id: m!.id, date: times.date, start: times.start, end: times.end, place: m!.place, tableNo: m!.tableNo },
    edition: { nameEn: frame.nameEn, nameUr: frame.nameUr },
    partner: { name: partner?.name ?? "", nameUr: partner?.nameUr ?? null, organisation: partner?.organisation ?? null },
    side: target.side,
    stage: target.stage,
    history,
  };
}

/** One side's answers about one meeting, newest first: never the other side's. */
async function ownHistory(db: Executor, meetingId: string, side: Side) {
  const rows = await db
    .select()
    .from(meetingOutcomes)
    .where(and(eq(meetingOutcomes.meetingId, meetingId), eq(meetingOutcomes.side, side)))
    .orderBy(desc(meetingOutcomes.createdAt));
  return rows.map(present);
}

export const present = (r: typeof meetingOutcomes.$inferSelect) => ({
  id: r.id,
  stage: r.stage,
  happened: r.happened,
  kind: r.kind,
  valueAmount: r.valueAmount,
  currency: r.currency,
  timeline: r.timeline,
  followUpConsent: r.followUpConsent,
  note: r.note,
  at: r.createdAt.toISOString(),
});
