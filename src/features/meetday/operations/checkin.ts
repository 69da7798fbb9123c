import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { translate } from "../../../platform/i18n/translate";
import { editionFor } from "../../editions/for-change";
import { editionShortId, verifyBadge } from "../../checkin/core/badge-code";
import { newScanNonce } from "../../checkin/core/offline-sync";
import { parseQueuedItems, type ScanUploadAnswer } from "../../checkin/core/scan-queue";
import { editionPublicKeys } from "../../checkin/keys";
import { parseInput } from "../../../platform/validation";
import { decideMeetingScan, started, type MeetingScanReason, type Side } from "../core/meeting-scan";
import { bothHereInput, meetingScanInput, uploadedMeetingScan, uploadMeetingScansInput } from "../schemas";
import { meetingArrivals, meetingScans } from "../tables";
import { badgeFacts, meetingFacts, meetingForCheckIn, type MeetingFacts } from "./meeting-facts";

// Meeting check-in (issue #14, item 1): a side of a meeting arrives when one of its badges is
// scanned at the meeting (lounge staff or the meeting's own participant), or both at once by
// "both here". Every attempt is kept with its nonce (unique per edition: a retried request or a
// replayed offline upload is recorded once and answered as the first time); an arrival is kept
// once per meeting and side (primary key), so two phones scanning one person at once record it once.

export interface MeetingScanAnswer {
  result: "arrived" | "refuse";
  reason: MeetingScanReason;
  message: string;
  nonce: string;
  side: Side | null;
  /** Both sides are here: the meeting has started. */
  started: boolean;
}

type Who = { byUserId: string | null; byParticipantId: string | null };

const answer = (ctx: Ctx, result: "arrived" | "refuse", reason: MeetingScanReason, nonce: string, side: Side | null, isStarted: boolean): MeetingScanAnswer => ({
  result,
  reason,
  message: translate(ctx.locale, `meetday.reason.${reason}`),
  nonce,
  side,
  started: isStarted,
});

/** Decide one scan against the meeting and record it (inside the caller's transaction). */
async function decideAndRecord(
  tx: Executor,
  ctx: Ctx,
  facts: MeetingFacts,
  item: { code: string; nonce: string; deviceId: string; at: Date; offline: boolean },
  who: Who,
): Promise<MeetingScanAnswer> {
  const [prior] = await tx.select().from(meetingScans).where(and(eq(meetingScans.editionId, facts.editionId), eq(meetingScans.nonce, item.nonce)));
  if (prior) return replay(ctx, facts, prior, item);
  const verification = verifyBadge(item.code, await editionPublicKeys(tx, facts.editionId), editionShortId(facts.editionId));
  const standing = verification.ok ? await badgeFacts(tx, facts.editionId, verification.payload.registrationNo, verification.payload.serial) : { registrationId: null, badge: null };
  const decision = decideMeetingScan({ verification, badge: standing.badge, meeting: { status: facts.status, smeNumbers: facts.smeNumbers, buyerNumber: facts.buyerNumber }, arrived: facts.arrived });
  const [row] = await tx
    .insert(meetingScans)
    .values({
      editionId: facts.editionId,
      meetingId: facts.id,
      nonce: item.nonce,
      method: "scan",
      code: item.code,
      deviceId: item.deviceId,
      registrationId: standing.registrationId,
      side: decision.side ?? null,
      result: decision.result,
      reason: decision.reason,
      scannedAt: item.at,
      uploadedAt: ctx.clock.now(),
      offline: item.offline,
      ...who,
    })
    .onConflictDoNothing()
    .returning();
  // The same nonce committed by another request meanwhile: answer as it was recorded.
  if (!row) {
    const [first] = await tx.select().from(meetingScans).where(and(eq(meetingScans.editionId, facts.editionId), eq(meetingScans.nonce, item.nonce)));
    return replay(ctx, facts, first!, item);
  }
  if (decision.result !== "arrived") return answer(ctx, "refuse", decision.reason, item.nonce, decision.side ?? null, started(facts.arrived));
  const inserted = await tx
    .insert(meetingArrivals)
    .values({ meetingId: facts.id, side: decision.side, editionId: facts.editionId, at: item.at, method: "scan", scanId: row.id })
    .onConflictDoNothing()
    .returning({ side: meetingArrivals.side });
  if (!inserted.length) {
    // Another phone recorded this side a moment ago.
    await tx.update(meetingScans).set({ result: "refuse", reason: "already_arrived" }).where(eq(meetingScans.id, row.id));
    return answer(ctx, "refuse", "already_arrived", item.nonce, decision.side, started(facts.arrived));
  }
  facts.arrived.add(decision.side);
  return answer(ctx, "arrived", "ok", item.nonce, decision.side, started(facts.arrived));
}

function replay(ctx: Ctx, facts: MeetingFacts, prior: typeof meetingScans.$inferSelect, item: { code: string; nonce: string }): MeetingScanAnswer {
  // A nonce only makes a repeat of the same scan harmless; another code under it is not that scan.
  if (prior.code !== item.code || prior.meetingId !== facts.id) return answer(ctx, "refuse", "unknown_code", item.nonce, null, started(facts.arrived));
  return answer(ctx, prior.result, prior.reason as MeetingScanReason, item.nonce, prior.side ?? null, started(facts.arrived));
}

const whoOf = (ctx: Ctx, byParticipantId: string | null): Who => ({ byUserId: ctx.actor.kind === "user" ? ctx.actor.userId : null, byParticipantId });

/** One scanned badge at a meeting, online. */
export async function scanAtMeeting(ctx: Ctx, raw: unknown): Promise<MeetingScanAnswer> {
  const input = parseInput(meetingScanInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { facts, byParticipantId } = await meetingForCheckIn(tx, ctx, input.meetingId, input);
    // Lock the meeting's row so a scan and a "both here" of one meeting run one after the other.
    await tx.execute(sql`select 1 from b2b_meetings where id = ${facts.id} for update`);
    return decideAndRecord(tx, ctx, facts, { code: input.code, nonce: input.nonce ?? newScanNonce(), deviceId: input.deviceId, at: ctx.clock.now(), offline: false }, whoOf(ctx, byParticipantId));
  });
}

/** "Both here": both sides arrive at once (staff see them, or the participant says so). Idempotent. */
export async function bothHere(ctx: Ctx, raw: unknown): Promise<MeetingScanAnswer> {
  const input = parseInput(bothHereInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { facts, byParticipantId } = await meetingForCheckIn(tx, ctx, input.meetingId, input);
    await tx.execute(sql`select 1 from b2b_meetings where id = ${facts.id} for update`);
    const nonce = input.nonce ?? newScanNonce();
    const [prior] = await tx.select().from(meetingScans).where(and(eq(meetingScans.editionId, facts.editionId), eq(meetingScans.nonce, nonce)));
    if (prior) return replay(ctx, facts, prior, { code: "", nonce });
    const now = ctx.clock.now();
    const refused = facts.status !== "scheduled";
    const [row] = await tx
      .insert(meetingScans)
      .values({ editionId: facts.editionId, meetingId: facts.id, nonce, method: "both_here", code: "", deviceId: input.deviceId, result: refused ? "refuse" : "arrived", reason: refused ? "meeting_cancelled" : "ok", scannedAt: now, uploadedAt: now, ...whoOf(ctx, byParticipantId) })
      .returning();
    if (refused) return answer(ctx, "refuse", "meeting_cancelled", nonce, null, false);
    await tx
      .insert(meetingArrivals)
      .values((["sme", "buyer"] as const).map((side) => ({ meetingId: facts.id, side, editionId: facts.editionId, at: now, method: "both_here" as const, scanId: row!.id })))
      .onConflictDoNothing();
    await recordAudit(tx, ctx, { action: "meetday.both_here", entityType: "b2b_meeting", entityId: facts.id, editionId: facts.editionId, data: { byParticipantId } });
    return answer(ctx, "arrived", "ok", nonce, null, true);
  });
}

export type MeetingUploadAnswer = ScanUploadAnswer<{ nonce: string; result: "arrived" | "refuse"; reason: MeetingScanReason; message: string }>;

/** A lounge phone's offline queue: every item decided again by the server (the phone's word is no
 *  arrival), each kept once by its nonce; a replayed upload records nothing new. */
export async function uploadMeetingScans(ctx: Ctx, raw: unknown): Promise<MeetingUploadAnswer> {
  const input = parseInput(uploadMeetingScansInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, input.editionId, "meetday.lounge");
  const { items, invalid } = parseQueuedItems(uploadedMeetingScan, input.scans);
  const out: MeetingUploadAnswer = { recorded: 0, duplicates: 0, invalid, answers: [] };
  await inTransaction(ctx, async (tx) => {
    for (const { index, item: s } of items) {
      const facts = await meetingFacts(tx, s.meetingId);
      if (!facts || facts.editionId !== edition.id) {
        out.invalid.push({ index, issues: ["meetingId: unknown_meeting"] });
        continue;
      }
      await tx.execute(sql`select 1 from b2b_meetings where id = ${facts.id} for update`);
      const [dup] = await tx.select({ id: meetingScans.id }).from(meetingScans).where(and(eq(meetingScans.editionId, edition.id), eq(meetingScans.nonce, s.nonce)));
      const a = await decideAndRecord(tx, ctx, facts, { code: s.code, nonce: s.nonce, deviceId: s.deviceId, at: new Date(s.at), offline: true }, whoOf(ctx, null));
      if (dup) out.duplicates++;
      else out.recorded++;
      out.answers.push({ nonce: s.nonce, result: a.result, reason: a.reason, message: a.message });
    }
  });
  out.invalid.sort((a, b) => a.index - b.index);
  return out;
}
