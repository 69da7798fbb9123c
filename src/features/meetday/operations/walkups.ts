import { and, desc, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { AuditAction } from "../../../platform/audit/actions";
import { recordAudit, type AuditBy } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import { constraintName, sqlStateOf } from "../../../platform/db/errors";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import type { Locale } from "../../../platform/i18n/locales";
import { hashSecret, newSecret } from "../../../platform/ids";
import { parseInput, type Input } from "../../../platform/validation";
import { localInstant, minutesOf } from "#features/b2b";
import { frameOf, placeText, slotTimes, type MeetingFrame } from "#features/b2b";
import { ownParticipant, type Participant } from "#features/b2b";
import { contactOf, mailParticipant, organiserOf, participantById, publicSummaries, type PublicSummary } from "#features/b2b";
import { bookWalkUpMeeting, freePlacesForPair, type FreePlace } from "#features/b2b";
import { b2bMeetings, b2bParticipants, b2bProgrammes, b2bRuns } from "#features/b2b";
import { editions } from "#features/editions";
import { refFields } from "../schemas";
import { walkUps, type WalkUpStatus } from "../tables";

// Walk-up meetings (issue #14, item 3): during the event, one participant proposes a meeting on
// the spot to a participant of the other side, in a slot where both are free and a lounge table
// (or the SME's stall) is free — the engine's free-slot logic over the published schedule
// (b2b/operations/walk-up-slots.ts), never a second scheduler. The other side confirms or declines
// from its walk-up page or from the emailed link (no sign-in: only the SHA-256 of the link's token
// is kept). On confirmation the meeting is written in the same transaction (kind walk_up), under the
// programme's lock and the database's no-double-booking indexes: of two confirmations racing for
// the last table of a slot one wins, the other is refused `meetday_walkup_slot_taken`. Only the
// two participants ever see or answer a proposal; another's id is `meetday_walkup_not_found`.

const id = z.uuid();
const oneRef = (r: { participantId?: string; token?: string }) => (r.participantId === undefined) !== (r.token === undefined);
const refIssue = { params: { code: "b2b_participant_ref" } };
const link = z.string().min(16).max(128);
const hhmmText = z.string().max(5).refine((s) => minutesOf(s) !== undefined, { params: { code: "b2b_time_format" } });

export const walkUpPageInput = z.strictObject({ ...refFields, with: id.optional(), q: z.string().trim().max(100).optional() }).refine(oneRef, refIssue);
export const proposeWalkUpInput = z
  .strictObject({ ...refFields, to: id, day: z.coerce.number().int().min(1).max(16), start: hhmmText, message: z.string().trim().max(300).default("") })
  .refine(oneRef, refIssue);
export const answerWalkUpInput = z
  .strictObject({ ...refFields, walkUpId: id.optional(), link: link.optional(), decision: z.enum(["confirm", "decline"]) })
  .refine((r) => (r.link !== undefined ? r.participantId === undefined && r.token === undefined && r.walkUpId === undefined : oneRef(r) && r.walkUpId !== undefined), refIssue);
export const withdrawWalkUpInput = z.strictObject({ ...refFields, walkUpId: id }).refine(oneRef, refIssue);

/** Most proposals one participant may have waiting at once. */
export const MAX_OPEN_PROPOSALS = 5;
type Row = typeof walkUps.$inferSelect;
const RACE_CODES = new Set(["b2b_table_taken", "b2b_double_booked", "b2b_interpreter_full"]);

/** Walk-up meetings are open while the event runs and its schedule is published. */
async function assertOpen(db: Executor, ctx: Ctx, editionId: string): Promise<void> {
  const [e] = await db.select({ startsOn: editions.startsOn, endsOn: editions.endsOn, timezone: editions.timezone, enabled: b2bProgrammes.enabled }).from(editions).leftJoin(b2bProgrammes, eq(b2bProgrammes.editionId, editions.id)).where(eq(editions.id, editionId));
  const now = ctx.clock.now();
  const during = !!e && localInstant(e.startsOn, 0, e.timezone) <= now && now < localInstant(e.endsOn, 24 * 60, e.timezone);
  const [published] = during && e?.enabled ? await db.select({ id: b2bRuns.id }).from(b2bRuns).where(and(eq(b2bRuns.editionId, editionId), isNotNull(b2bRuns.publishedAt))).limit(1) : [];
  if (!published) throw new DomainError("meetday_walkup_closed");
}

/** A participant one may propose to: same edition, other side, approved, opted in, not withdrawn. */
async function partnerOf(db: Executor, me: Participant, to: string): Promise<Participant> {
  const [p] = await db.select().from(b2bParticipants).where(eq(b2bParticipants.id, to));
  if (!p || p.editionId !== me.editionId || !p.approved || !p.optedIn || p.withdrawnAt) throw new DomainError("b2b_no_such_participant");
  if (p.side === me.side) throw new DomainError("b2b_same_side");
  return p;
}

const pairOf = (me: Participant, other: Participant) => (me.side === "sme" ? { smeParticipantId: me.id, buyerParticipantId: other.id } : { smeParticipantId: other.id, buyerParticipantId: me.id });
const proposerId = (w: Row) => (w.proposedBy === "sme" ? w.smeParticipantId : w.buyerParticipantId);
const recipientOf = (w: Row) => (w.proposedBy === "sme" ? w.buyerParticipantId : w.smeParticipantId);
const lapsed = (frame: MeetingFrame, w: Row, now: Date) => w.status === "proposed" && slotTimes(frame, w.day, w.startMinute).startsAt <= now;

/** A proposal as either of its two sees it: the partner's public face, the time, the place. */
function present(frame: MeetingFrame, w: Row, me: string, summaries: Map<string, PublicSummary>, now: Date) {
  const t = slotTimes(frame, w.day, w.startMinute);
  const status: WalkUpStatus | "lapsed" = lapsed(frame, w, now) ? "lapsed" : w.status;
  return {
    id: w.id,
    status,
    mine: proposerId(w) === me,
    partner: summaries.get(w.smeParticipantId === me ? w.buyerParticipantId : w.smeParticipantId)!,
    day: w.day,
    date: t.date,
    start: t.start,
    end: t.end,
    startsAt: t.startsAt.toISOString(),
    place: w.place,
    tableNo: w.tableNo,
    message: w.message,
    meetingId: w.meetingId,
  };
}
export type WalkUpView = ReturnType<typeof present>;

/**
 * The participant's walk-up page: whether proposals are open now, its proposals both ways (newest
 * first), participants of the other side matching `q` (at most 20), and with `with` the partner
 * and the places where the two could meet (none when they already have a meeting).
 */
export async function walkUpPage(ctx: Ctx, raw: Input<typeof walkUpPageInput>) {
  const input = parseInput(walkUpPageInput, raw);
  const { participant: me } = await ownParticipant(ctx.db, ctx, input);
  const frame = await frameOf(ctx.db, me.editionId);
  const now = ctx.clock.now();
  const open = await assertOpen(ctx.db, ctx, me.editionId).then(
    () => true,
    (e: unknown) => (e instanceof DomainError ? false : Promise.reject(e)),
  );
  const rows = await ctx.db.select().from(walkUps).where(or(eq(walkUps.smeParticipantId, me.id), eq(walkUps.buyerParticipantId, me.id))).orderBy(desc(walkUps.createdAt)).limit(100);
  const others = await ctx.db
    .select({ id: b2bParticipants.id })
    .from(b2bParticipants)
    .where(and(eq(b2bParticipants.editionId, me.editionId), eq(b2bParticipants.side, me.side === "sme" ? "buyer" : "sme"), eq(b2bParticipants.approved, true), eq(b2bParticipants.optedIn, true), sql`${b2bParticipants.withdrawnAt} is null`));
  const q = input.q?.toLocaleLowerCase();
  const summaries = await publicSummaries(ctx.db, [...rows.flatMap((w) => [w.smeParticipantId, w.buyerParticipantId]), ...(q ? others.map((o) => o.id) : []), ...(input.with ? [input.with] : [])]);
  const matches = q
    ? others
        .map((o) => summaries.get(o.id)!)
        .filter((s) => [s.nameEn, s.nameUr, s.organisation].some((x) => x?.toLocaleLowerCase().includes(q)))
        .sort((a, b) => a.nameEn.localeCompare(b.nameEn))
        .slice(0, 20)
    : [];
  let proposal: { partner: PublicSummary; places: (FreePlace & { date: string; end: string })[]; alreadyMeeting: boolean } | null = null;
  if (input.with && open) {
    const partner = await partnerOf(ctx.db, me, input.with);
    const pair = pairOf(me, partner);
    const [m] = await ctx.db.select({ id: b2bMeetings.id }).from(b2bMeetings).where(and(eq(b2bMeetings.smeParticipantId, pair.smeParticipantId), eq(b2bMeetings.buyerParticipantId, pair.buyerParticipantId), eq(b2bMeetings.status, "scheduled")));
    const free = m ? [] : (await freePlacesForPair(ctx.db, ctx, me.editionId, pair.smeParticipantId, pair.buyerParticipantId)).slice(0, 24);
    const places = free.map((p) => {
      const at = slotTimes(frame, p.day, p.startMinute);
      return { ...p, date: at.date, end: at.end };
    });
    proposal = { partner: summaries.get(partner.id)!, places, alreadyMeeting: !!m };
  }
  const views = rows.map((w) => present(frame, w, me.id, summaries, now));
  return {
    participant: { id: me.id, side: me.side, editionId: me.editionId },
    edition: { id: frame.editionId, nameEn: frame.nameEn, nameUr: frame.nameUr, timezone: frame.timezone },
    open,
    incoming: views.filter((v) => !v.mine),
    outgoing: views.filter((v) => v.mine),
    matches,
    proposal,
  };
}

async function mailWalkUp(db: Executor, ctx: Ctx, w: Row, to: Participant, what: "proposed" | "confirmed" | "declined", url?: string) {
  const frame = await frameOf(db, w.editionId);
  const summaries = await publicSummaries(db, [w.smeParticipantId, w.buyerParticipantId]);
  const other = summaries.get(to.id === w.smeParticipantId ? w.buyerParticipantId : w.smeParticipantId);
  const t = slotTimes(frame, w.day, w.startMinute);
  return mailParticipant(db, ctx, to, `meetday_walkup_${what}`, { subject: `meetday.walkup.mail.${what}.subject`, body: `meetday.walkup.mail.${what}.body` }, (locale: Locale) => ({
    partner: (locale === "ur" && other?.nameUr) || other?.nameEn || "",
    day: w.day,
    date: t.date,
    time: `${t.start}–${t.end}`,
    place: placeText(w, locale),
    message: w.message || "—",
    link: url ?? `${ctx.config.publicUrl}/b2b`,
    edition: locale === "ur" ? frame.nameUr : frame.nameEn,
  }));
}

const audit = async (tx: Executor, ctx: Ctx, w: Row, action: AuditAction, by: AuditBy | undefined, data: Record<string, unknown> = {}) =>
  recordAudit(tx, ctx, { action, entityType: "meetday_walkup", entityId: w.id, organiserId: (await organiserOf(tx, w.editionId)).organiserId, editionId: w.editionId, data, by });

/**
 * A participant proposes a walk-up meeting to a participant of the other side, at a time the two
 * have free with a place free (`meetday_walkup_slot_taken` when no longer so). Refused outside the
 * event or before the schedule is published (`meetday_walkup_closed`), for a pair that already has
 * a meeting (`meetday_walkup_already_meeting`) or an open proposal (`meetday_walkup_pending`: the
 * pair's partial unique index is the guard), beyond MAX_OPEN_PROPOSALS waiting (`meetday_walkup_cap`).
 * The other side is emailed, in its language, with a link that answers without signing in. Audited.
 */
export async function proposeWalkUp(ctx: Ctx, raw: Input<typeof proposeWalkUpInput>) {
  const input = parseInput(proposeWalkUpInput, raw);
  const startMinute = minutesOf(input.start)!;
  return inTransaction(ctx, async (tx) => {
    const { participant: me, by } = await ownParticipant(tx, ctx, input);
    // The proposer's row, locked so its proposals go one at a time (the cap holds). NO KEY UPDATE,
    // as requests do: the proposal's foreign keys take KEY SHARE on both participants, and two of
    // them proposing to each other at once must meet at the pair's index, not in a deadlock.
    await tx.select({ id: b2bParticipants.id }).from(b2bParticipants).where(eq(b2bParticipants.id, me.id)).for("no key update");
    if (me.withdrawnAt) throw new DomainError("b2b_participant_withdrawn");
    await assertOpen(tx, ctx, me.editionId);
    const partner = await partnerOf(tx, me, input.to);
    const pair = pairOf(me, partner);
    const mine = me.side === "sme" ? walkUps.smeParticipantId : walkUps.buyerParticipantId;
    const [{ n }] = (await tx.select({ n: sql<number>`count(*)::int` }).from(walkUps).where(and(eq(mine, me.id), eq(walkUps.proposedBy, me.side), eq(walkUps.status, "proposed")))) as [{ n: number }];
    const [already] = await tx.select({ id: b2bMeetings.id }).from(b2bMeetings).where(and(eq(b2bMeetings.smeParticipantId, pair.smeParticipantId), eq(b2bMeetings.buyerParticipantId, pair.buyerParticipantId), eq(b2bMeetings.status, "scheduled")));
    if (already) throw new DomainError("meetday_walkup_already_meeting");
    const frame = await frameOf(tx, me.editionId);
    const now = ctx.clock.now();
    // Proposals of the pair whose time has passed no longer hold the pair's one open place.
    const open = await tx.select().from(walkUps).where(and(eq(walkUps.smeParticipantId, pair.smeParticipantId), eq(walkUps.buyerParticipantId, pair.buyerParticipantId), eq(walkUps.status, "proposed"))).for("update");
    const stale = open.filter((w) => lapsed(frame, w, now));
    if (stale.length) await tx.update(walkUps).set({ status: "withdrawn", decidedAt: now }).where(inArray(walkUps.id, stale.map((w) => w.id)));
    if (open.length > stale.length) throw new DomainError("meetday_walkup_pending");
    if (n - stale.filter((w) => w.proposedBy === me.side).length >= MAX_OPEN_PROPOSALS) throw new DomainError("meetday_walkup_cap", { params: { max: MAX_OPEN_PROPOSALS } });
    const place = (await freePlacesForPair(tx, ctx, me.editionId, pair.smeParticipantId, pair.buyerParticipantId)).find((p) => p.day === input.day && p.startMinute === startMinute);
    if (!place) throw new DomainError("meetday_walkup_slot_taken");
    const secret = newSecret(24);
    let row: Row;
    try {
      [row] = (await tx
        .insert(walkUps)
        .values({ editionId: me.editionId, ...pair, proposedBy: me.side, day: place.day, startMinute: place.startMinute, place: place.place, tableNo: place.tableNo, message: input.message, answerTokenHash: hashSecret(secret), createdAt: now, createdBy: ctx.actor.kind === "user" ? ctx.actor.userId : null })
        .returning()) as [Row];
    } catch (e) {
      if (sqlStateOf(e) === "23505" && constraintName(e) === "meetday_walkups_open_pair_uq") throw new DomainError("meetday_walkup_pending");
      throw e;
    }
    await mailWalkUp(tx, ctx, row, partner, "proposed", `${ctx.config.publicUrl}/walk-up/${secret}`);
    await audit(tx, ctx, row, "meetday.walkup_proposed", by, { to: partner.id, day: row.day, startMinute: row.startMinute });
    return { id: row.id, status: row.status, day: row.day, start: input.start, place: row.place, tableNo: row.tableNo };
  });
}

/**
 * The other side confirms or declines: by account or B2B link with the proposal's id, or by the
 * emailed link alone. Only the proposal's recipient (anyone else, the proposer included, is
 * `meetday_walkup_not_found`); the row is locked, so the same answer twice is one (idempotent, no
 * second email), the other answer `meetday_walkup_decided`; a proposal whose slot has started is
 * `meetday_walkup_lapsed`. Confirming writes the meeting (b2b's bookWalkUpMeeting) in the same
 * transaction; a slot no longer free, or lost to a racing confirmation at the database, is
 * `meetday_walkup_slot_taken` and nothing is written. The proposer is emailed. Audited.
 */
export async function answerWalkUp(ctx: Ctx, raw: Input<typeof answerWalkUpInput>) {
  const input = parseInput(answerWalkUpInput, raw);
  return inTransaction(ctx, async (tx) => {
    let w: Row | undefined;
    let by: AuditBy | undefined;
    let me: Participant;
    if (input.link !== undefined) {
      [w] = await tx.select().from(walkUps).where(eq(walkUps.answerTokenHash, hashSecret(input.link))).for("update");
      if (!w) throw new DomainError("token_invalid");
      me = await participantById(tx, recipientOf(w));
      if (me.registrationId) by = { registrationId: me.registrationId, label: (await contactOf(tx, me)).name };
    } else {
      ({ participant: me, by } = await ownParticipant(tx, ctx, input));
      [w] = await tx.select().from(walkUps).where(eq(walkUps.id, input.walkUpId!)).for("update");
      if (!w || recipientOf(w) !== me.id) throw new DomainError("meetday_walkup_not_found");
    }
    const target = input.decision === "confirm" ? "confirmed" : "declined";
    if (w.status === target) return { id: w.id, status: w.status, meetingId: w.meetingId };
    if (w.status !== "proposed") throw new DomainError("meetday_walkup_decided");
    const frame = await frameOf(tx, w.editionId);
    const now = ctx.clock.now();
    if (lapsed(frame, w, now)) throw new DomainError("meetday_walkup_lapsed");
    if (me.withdrawnAt) throw new DomainError("b2b_participant_withdrawn");
    let meetingId: string | null = null;
    if (target === "confirmed") {
      const booked = await bookWalkUpMeeting(tx, ctx, { editionId: w.editionId, smeId: w.smeParticipantId, buyerId: w.buyerParticipantId, requestedBy: w.proposedBy, day: w.day, startMinute: w.startMinute }).catch((e: unknown) => {
        throw e instanceof DomainError && RACE_CODES.has(e.code) ? new DomainError("meetday_walkup_slot_taken") : e;
      });
      if (!booked.ok) throw new DomainError(booked.reason === "already_meeting" ? "meetday_walkup_already_meeting" : "meetday_walkup_slot_taken");
      meetingId = booked.meeting.id;
      w = { ...w, place: booked.meeting.place, tableNo: booked.meeting.tableNo };
    }
    const [row] = (await tx.update(walkUps).set({ status: target, decidedAt: now, meetingId, place: w.place, tableNo: w.tableNo }).where(eq(walkUps.id, w.id)).returning()) as [Row];
    await mailWalkUp(tx, ctx, row, await participantById(tx, proposerId(row)), target);
    await audit(tx, ctx, row, target === "confirmed" ? "meetday.walkup_confirmed" : "meetday.walkup_declined", by, { by: me.id, meetingId, via: input.link !== undefined ? "email_link" : input.token !== undefined ? "link" : "account" });
    return { id: row.id, status: row.status, meetingId };
  });
}

/** The proposer withdraws its waiting proposal. Idempotent; an answered one is `meetday_walkup_decided`. */
export async function withdrawWalkUp(ctx: Ctx, raw: Input<typeof withdrawWalkUpInput>) {
  const input = parseInput(withdrawWalkUpInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { participant: me, by } = await ownParticipant(tx, ctx, input);
    const [w] = await tx.select().from(walkUps).where(eq(walkUps.id, input.walkUpId)).for("update");
    if (!w || proposerId(w) !== me.id) throw new DomainError("meetday_walkup_not_found");
    if (w.status === "withdrawn") return { id: w.id, status: w.status };
    if (w.status !== "proposed") throw new DomainError("meetday_walkup_decided");
    const [row] = (await tx.update(walkUps).set({ status: "withdrawn", decidedAt: ctx.clock.now() }).where(eq(walkUps.id, w.id)).returning()) as [Row];
    await audit(tx, ctx, row, "meetday.walkup_withdrawn", by);
    return { id: row.id, status: row.status };
  });
}

const walkUpByLinkInput = z.strictObject({ link });

/** What the emailed link opens, without signing in: the proposal, who proposes, to whom. */
export async function walkUpByLink(ctx: Ctx, raw: Input<typeof walkUpByLinkInput>) {
  const { link: secret } = parseInput(walkUpByLinkInput, raw);
  const [w] = await ctx.db.select().from(walkUps).where(eq(walkUps.answerTokenHash, hashSecret(secret)));
  if (!w) throw new DomainError("token_invalid");
  const frame = await frameOf(ctx.db, w.editionId);
  const summaries = await publicSummaries(ctx.db, [w.smeParticipantId, w.buyerParticipantId]);
  return { walkUp: present(frame, w, recipientOf(w), summaries, ctx.clock.now()), from: summaries.get(proposerId(w))!, to: summaries.get(recipientOf(w))! };
}
