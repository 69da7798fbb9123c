import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import { executeNamed } from "../../../platform/db/prepared";
import { rowsOf } from "../../../platform/db/rows";
import type { Executor } from "../../../platform/db/types";
import { translate } from "../../../platform/i18n/translate";
import { editionFor } from "#features/editions";
import { decodeBadge, editionShortId, verifyBadge } from "#features/checkin";
import { newScanNonce } from "#features/checkin";
import { publicKeysAt } from "#features/checkin";
import { parseQueuedItems, type ScanUploadAnswer } from "#features/checkin";
import { parseInput, type Input } from "../../../platform/validation";
import { decideMeetingScan, started, type MeetingScanReason, type Side } from "../core/meeting-scan";
import { bothHereInput, meetingScanInput, uploadedMeetingScan, uploadMeetingScansInput } from "../schemas";
import { meetingArrivals, meetingScans } from "../tables";
import { lockedCheckInRead, meetingForCheckIn, type CheckInProbe, type CheckInRead, type MeetingFacts, type PriorScan } from "./meeting-facts";

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

/** Decide one scan against the meeting read (and locked) by lockedCheckInRead, and record it in
 *  one statement (the scan with its nonce and, when it checks a side in, the arrival). */
async function decideAndRecord(
  tx: Executor,
  ctx: Ctx,
  read: CheckInRead,
  item: { code: string; nonce: string; deviceId: string; at: Date; offline: boolean },
  who: Who,
): Promise<MeetingScanAnswer> {
  const { facts, prior } = read;
  if (prior) return replay(ctx, facts, prior, item);
  const short = editionShortId(facts.editionId);
  let verification = verifyBadge(item.code, await publicKeysAt(ctx.db, tx, facts.editionId, read.setupVersion), short);
  if (!verification.ok && verification.code === "unknown_key") verification = verifyBadge(item.code, await publicKeysAt(ctx.db, tx, facts.editionId, read.setupVersion, true), short);
  // The read looked the badge up by what its code claims (probeOf, the same bytes verifyBadge
  // decodes); that counts only once the signature holds.
  const standing = verification.ok ? read.standing : { registrationId: null, badge: null };
  const decision = decideMeetingScan({ verification, badge: standing.badge, meeting: { status: facts.status, smeNumbers: facts.smeNumbers, buyerNumber: facts.buyerNumber }, arrived: facts.arrived });
  const arrive = decision.result === "arrived";
  const [row] = rowsOf<{ scan_id: string | null; arrived: boolean }>(
    await executeNamed(tx, "meetday_checkin_write", sql`
      with s as (
        insert into meetday_scans (edition_id, meeting_id, nonce, method, code, device_id, registration_id, side, result, reason, scanned_at, uploaded_at, offline, by_user_id, by_participant_id)
        values (${facts.editionId}, ${facts.id}, ${item.nonce}, 'scan', ${item.code}, ${item.deviceId}, ${standing.registrationId}::uuid, ${decision.side ?? null}::text, ${decision.result}, ${decision.reason},
          ${item.at.toISOString()}::timestamptz, ${ctx.clock.now().toISOString()}::timestamptz, ${item.offline}, ${who.byUserId}::uuid, ${who.byParticipantId}::uuid)
        on conflict do nothing
        returning id
      ), a as (
        insert into meetday_arrivals (meeting_id, side, edition_id, at, method, scan_id)
        select ${facts.id}, ${decision.side ?? null}::text, ${facts.editionId}, ${item.at.toISOString()}::timestamptz, 'scan', s.id from s where ${arrive}
        on conflict do nothing
        returning side
      )
      select (select id from s) as scan_id, exists (select 1 from a) as arrived`),
  );
  // The same nonce committed by another request meanwhile: answer as it was recorded.
  if (!row?.scan_id) {
    const [first] = await tx.select().from(meetingScans).where(and(eq(meetingScans.editionId, facts.editionId), eq(meetingScans.nonce, item.nonce)));
    return replay(ctx, facts, { ...first!, reason: first!.reason as MeetingScanReason }, item);
  }
  if (!arrive) return answer(ctx, "refuse", decision.reason, item.nonce, decision.side ?? null, started(facts.arrived));
  if (!row.arrived) {
    // Another phone recorded this side a moment ago.
    await tx.update(meetingScans).set({ result: "refuse", reason: "already_arrived" }).where(eq(meetingScans.id, row.scan_id));
    return answer(ctx, "refuse", "already_arrived", item.nonce, decision.side, started(facts.arrived));
  }
  facts.arrived.add(decision.side);
  return answer(ctx, "arrived", "ok", item.nonce, decision.side, started(facts.arrived));
}

function replay(ctx: Ctx, facts: MeetingFacts, prior: PriorScan, item: { code: string; nonce: string }): MeetingScanAnswer {
  // A nonce only makes a repeat of the same scan harmless; another code under it is not that scan.
  if (prior.code !== item.code || prior.meetingId !== facts.id) return answer(ctx, "refuse", "unknown_code", item.nonce, null, started(facts.arrived));
  return answer(ctx, prior.result, prior.reason, item.nonce, prior.side ?? null, started(facts.arrived));
}

const whoOf = (ctx: Ctx, byParticipantId: string | null): Who => ({ byUserId: ctx.actor.kind === "user" ? ctx.actor.userId : null, byParticipantId });

/** What the read looks up for a scanned code: its nonce and the badge it claims to be. */
function probeOf(code: string, nonce: string | undefined): CheckInProbe {
  const decoded = decodeBadge(code);
  return { nonce: nonce ?? null, registrationNo: decoded.ok ? decoded.badge.registrationNo : null, serial: decoded.ok ? decoded.badge.serial : null };
}

/** One scanned badge at a meeting, online. The common case costs one locked read and one write. */
export async function scanAtMeeting(ctx: Ctx, raw: Input<typeof meetingScanInput>): Promise<MeetingScanAnswer> {
  const input = parseInput(meetingScanInput, raw);
  const probe = probeOf(input.code, input.nonce);
  return inTransaction(ctx, async (tx) => {
    const { read, byParticipantId } = await meetingForCheckIn(tx, ctx, input.meetingId, input, probe);
    return decideAndRecord(tx, ctx, read, { code: input.code, nonce: input.nonce ?? newScanNonce(), deviceId: input.deviceId, at: ctx.clock.now(), offline: false }, whoOf(ctx, byParticipantId));
  });
}

/** "Both here": both sides arrive at once (staff see them, or the participant says so). Idempotent. */
export async function bothHere(ctx: Ctx, raw: Input<typeof bothHereInput>): Promise<MeetingScanAnswer> {
  const input = parseInput(bothHereInput, raw);
  return inTransaction(ctx, async (tx) => {
    const nonce = input.nonce ?? newScanNonce();
    const { read, byParticipantId } = await meetingForCheckIn(tx, ctx, input.meetingId, input, { nonce });
    const { facts, prior } = read;
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

/** A lounge phone's queue (every scan with JavaScript goes through it, online or not, each item
 *  saying whether the phone was offline): every item decided again by the server (the phone's
 *  word is no arrival), each kept once by its nonce; a replayed upload records nothing new. */
export async function uploadMeetingScans(ctx: Ctx, raw: Input<typeof uploadMeetingScansInput>): Promise<MeetingUploadAnswer> {
  const input = parseInput(uploadMeetingScansInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, input.editionId, "meetday.lounge");
  const { items, invalid } = parseQueuedItems(uploadedMeetingScan, input.scans);
  const out: MeetingUploadAnswer = { recorded: 0, duplicates: 0, invalid, answers: [] };
  await inTransaction(ctx, async (tx) => {
    for (const { index, item: s } of items) {
      const read = await lockedCheckInRead(tx, s.meetingId, { ...probeOf(s.code, s.nonce), editionId: edition.id });
      if (!read) {
        out.invalid.push({ index, issues: ["meetingId: unknown_meeting"] });
        continue;
      }
      const dup = read.prior;
      const a = await decideAndRecord(tx, ctx, read, { code: s.code, nonce: s.nonce, deviceId: s.deviceId, at: new Date(s.at), offline: s.offline }, whoOf(ctx, null));
      if (dup) out.duplicates++;
      else out.recorded++;
      out.answers.push({ nonce: s.nonce, result: a.result, reason: a.reason, message: a.message });
    }
  });
  out.invalid.sort((a, b) => a.index - b.index);
  return out;
}
