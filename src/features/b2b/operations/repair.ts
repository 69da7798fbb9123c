import { randomUUID } from "node:crypto";
import { and, eq, gt, inArray, or } from "drizzle-orm";
import { z } from "zod";
import type { AuditBy } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { parseInput, type Input } from "../../../platform/validation";
import { editionFor, editionForChange } from "#features/editions";
import { RepairSession } from "#features/matchmaking";
import type { MeetingRequest, Participant as EngineParticipant, ScheduleInput, ScheduleOutput, Slot as EngineSlot } from "#features/matchmaking";
import { interpreterFor } from "../core/run-input";
import { hhmm, minutesOf, openTables, programmeSlots, slotId, type ClosedTable } from "../core/slots";
import { closedTables } from "./closed-tables";
import { refusingB2b } from "../db-errors";
import { b2bMeetings, b2bParticipants, b2bProfiles, b2bProgrammes, b2bRepairs, b2bRequests } from "../tables";
import { cancelRows, settleChange, type Outcome, type Where } from "./changes";
import { slotTimes, frameOf, type Meeting } from "./meeting-rows";

// Changes to a published schedule (issue #11, "Changes after publication"). A cancelled meeting
// or a withdrawn participant frees time that stays free (nobody else moves); a removed lounge table
// or slot, or a request accepted late, goes through the scheduler's repair
// (matchmaking/engine/repair.ts), which keeps every meeting it can where it is and moves as few as
// it must. Each change is one transaction: the programme row is locked first, so two repairs of
// one edition never interleave, and the database's partial unique indexes refuse a double booking
// whatever happens. Then changes.ts tells only those affected and records the change.

type Programme = typeof b2bProgrammes.$inferSelect;

/** The tables of one slot that are still in use, in number order (the shared rule: openTables). */
const tablesOf = (p: Programme, closed: ClosedTable[], day: number, startMinute: number): number[] => openTables({ loungeTables: p.loungeTables, closed }, day, startMinute);

interface Built {
  input: ScheduleInput;
  previous: ScheduleOutput;
  /** Scheduled meetings whose slot or table is gone: to be placed again. */
  displaced: Meeting[];
  byRequest: Map<string, Meeting>;
  tables: Map<string, number[]>;
  /** The programme's interpreters by language (only languages it offers). */
  interpreters: Record<string, number>;
  frozenBefore?: string;
  /** The first slot that has not started yet (none once the last has). */
  next?: string;
}

/** The engine's view of the edition's published schedule: its slots (without closed tables), the
 *  scheduled meetings as the previous output, plus the requests to place. */
export async function build(tx: Executor, ctx: Pick<Ctx, "clock">, p: Programme, closed: ClosedTable[], extra: readonly { smeParticipantId: string; buyerParticipantId: string }[]): Promise<Built> {
  const pslots = programmeSlots(p);
  const tables = new Map(pslots.map((s) => [s.id, tablesOf(p, closed, s.day, s.start)]));
  const interpreters = Object.fromEntries(Object.entries(p.interpreters).filter(([, n]) => n > 0));
  const slots: EngineSlot[] = pslots.map((s) => ({ id: s.id, day: s.day, start: hhmm(s.start), length: p.slotMinutes, tables: tables.get(s.id)!.length, ...(Object.keys(interpreters).length ? { interpreters } : {}) }));
  const rows = await tx
    .select({ m: b2bMeetings, priority: b2bRequests.priority })
    .from(b2bMeetings)
    .innerJoin(b2bRequests, eq(b2bRequests.id, b2bMeetings.requestId))
    .where(and(eq(b2bMeetings.editionId, p.editionId), eq(b2bMeetings.status, "scheduled")));
  const meetings = rows.map((r) => r.m);
  const reqs = rows.map((r) => ({ id: r.m.requestId, smeParticipantId: r.m.smeParticipantId, buyerParticipantId: r.m.buyerParticipantId, priority: r.priority }));
  const all = [...reqs, ...extra];
  const partIds = new Set(all.flatMap((r) => [r.smeParticipantId, r.buyerParticipantId]));
  const parts = (await tx.select({ id: b2bParticipants.id, side: b2bParticipants.side, hostsAtStall: b2bParticipants.hostsAtStall }).from(b2bParticipants).where(eq(b2bParticipants.editionId, p.editionId))).filter((x) => partIds.has(x.id));
  const participants: EngineParticipant[] = parts.map((x) => ({ id: x.id, side: x.side, dayCap: p.maxMeetingsPerDay, languages: [], hostsAtStall: p.stallMeetings && x.side === "sme" && x.hostsAtStall }));
  const byRequest = new Map(meetings.map((m) => [m.requestId, m]));
  const request = (r: (typeof reqs)[number]): MeetingRequest => ({ id: r.id, a: r.smeParticipantId, b: r.buyerParticipantId, weight: r.priority === "must" ? 2 : 1, interpreter: byRequest.get(r.id)?.interpreterLanguage ?? null });
  const displaced: Meeting[] = [];
  const placements: ScheduleOutput["meetings"] = [];
  const fixed: ScheduleInput["fixed"] = [];
  for (const m of meetings) {
    const id = slotId(m.day, m.startMinute);
    const list = tables.get(id);
    const k = m.place === "table" ? (list?.indexOf(m.tableNo!) ?? -1) + 1 : 0;
    if (!list || (m.place === "table" && k === 0)) {
      displaced.push(m);
      continue;
    }
    const at = { request: m.requestId, slot: id, table: m.place === "stall" ? ("stall" as const) : k };
    placements.push(at);
    if (m.pinned) fixed.push(at);
  }
  const gone = new Set(displaced.map((m) => m.requestId));
  const now = ctx.clock.now();
  const frame = await frameOf(tx, p.editionId);
  const next = pslots.find((s) => slotTimes(frame, s.day, s.start).startsAt > now);
  const input: ScheduleInput = { version: 1, seed: 1, slots, participants, requests: reqs.filter((r) => !gone.has(r.id)).map(request), fixed };
  const previous: ScheduleOutput = { version: 1, seed: 1, meetings: placements, unscheduled: [], stats: { requests: 0, scheduled: 0, weight: 0, zeroMeeting: 0, gaps: 0 } };
  return { input, previous, displaced, byRequest, tables, interpreters, frozenBefore: next?.id ?? pslots.at(-1)?.id, next: next?.id };
}

/** Places `toPlace` one by one with the engine, then writes the differences: moved meetings keep
 *  their uid and get sequence + 1; what could not be placed is cancelled (reason no_place). */
async function repairAndWrite(tx: Executor, ctx: Ctx, b: Built, toPlace: (typeof b2bRequests.$inferSelect)[]): Promise<Pick<Outcome, "moved" | "cancelled" | "added">> {
  const session = new RepairSession(b.input, b.previous, 1);
  const weightOf = (r: (typeof toPlace)[number]) => (r.priority === "must" ? 2 : 1);
  // A new meeting gets its interpreter by the runs' rule, from the two profiles' languages.
  const ids = [...new Set(toPlace.flatMap((r) => [r.smeParticipantId, r.buyerParticipantId]))];
  const spoken = new Map(
    ids.length ? (await tx.select({ id: b2bProfiles.participantId, languages: b2bProfiles.languages }).from(b2bProfiles).where(inArray(b2bProfiles.participantId, ids))).map((x) => [x.id, x.languages]) : [],
  );
  const interpreterOf = new Map(
    toPlace.map((r) => [r.id, b.byRequest.get(r.id)?.interpreterLanguage ?? interpreterFor(spoken.get(r.smeParticipantId) ?? [], spoken.get(r.buyerParticipantId) ?? [], b.interpreters)]),
  );
  for (const r of [...toPlace].sort((x, y) => weightOf(y) - weightOf(x))) {
    session.apply({ kind: "add", request: { id: r.id, a: r.smeParticipantId, b: r.buyerParticipantId, weight: weightOf(r), interpreter: interpreterOf.get(r.id) ?? null } }, { frozenBefore: b.frozenBefore });
  }
  const out = session.output();
  const placed = new Map(out.meetings.map((m) => [m.request, m]));
  const now = ctx.clock.now();
  const target = (m: (typeof out.meetings)[number]): Where => {
    const s = b.input.slots.find((x) => x.id === m.slot)!;
    return { day: s.day, startMinute: minutesOf(s.start)!, place: m.table === "stall" ? "stall" : "table", tableNo: m.table === "stall" ? null : b.tables.get(m.slot)![m.table - 1]! };
  };
  const changes: { meeting: Meeting; to: Where }[] = [];
  for (const [requestId, m] of placed) {
    const old = b.byRequest.get(requestId);
    if (!old) continue;
    const to = target(m);
    if (old.day !== to.day || old.startMinute !== to.startMinute || old.place !== to.place || old.tableNo !== to.tableNo) changes.push({ meeting: old, to });
  }
  // Two steps so that a chain of moves never meets itself in the unique indexes half-way: out of
  // the schedule first, then each into its new place.
  if (changes.length) await tx.update(b2bMeetings).set({ status: "cancelled" }).where(inArray(b2bMeetings.id, changes.map((c) => c.meeting.id)));
  const moved: Outcome["moved"] = [];
  for (const c of changes) {
    const [row] = await refusingB2b(() =>
      tx.update(b2bMeetings).set({ ...c.to, status: "scheduled", sequence: c.meeting.sequence + 1, updatedAt: now }).where(eq(b2bMeetings.id, c.meeting.id)).returning(),
    );
    moved.push({ meeting: row!, from: c.meeting });
  }
  const lost = b.displaced.filter((m) => !placed.has(m.requestId));
  const cancelled = (await cancelRows(tx, ctx, lost.map((m) => m.id))).map((meeting) => ({ meeting, reason: "no_place" as const }));
  const added: Meeting[] = [];
  for (const r of toPlace) {
    const m = placed.get(r.id);
    if (!m || b.byRequest.has(r.id)) continue;
    const to = { ...target(m), interpreterLanguage: interpreterOf.get(r.id) ?? null };
    const [existing] = await tx.select().from(b2bMeetings).where(eq(b2bMeetings.requestId, r.id));
    const [row] = await refusingB2b(() =>
      existing
        ? tx.update(b2bMeetings).set({ ...to, status: "scheduled", sequence: existing.sequence + 1, updatedAt: now }).where(eq(b2bMeetings.id, existing.id)).returning()
        : tx
            .insert(b2bMeetings)
            .values({ editionId: r.editionId, requestId: r.id, smeParticipantId: r.smeParticipantId, buyerParticipantId: r.buyerParticipantId, ...to, uid: `${randomUUID()}@numaish`, createdAt: now, updatedAt: now })
            .returning(),
    );
    added.push(row!);
  }
  return { moved, cancelled, added };
}

export async function programmeForChange(tx: Executor, editionId: string): Promise<Programme> {
  const [p] = await tx.select().from(b2bProgrammes).where(eq(b2bProgrammes.editionId, editionId)).for("update");
  if (!p) throw new DomainError("b2b_matchmaking_off");
  return p;
}

/**
 * A participant withdrew after publication: every scheduled meeting of it is cancelled (sequence
 * + 1); the time freed stays free. Call inside the withdrawal's transaction.
 */
export async function cancelMeetingsOfParticipant(tx: Executor, ctx: Ctx, participantId: string, by?: AuditBy) {
  const rows = await tx
    .select({ id: b2bMeetings.id, editionId: b2bMeetings.editionId })
    .from(b2bMeetings)
    .where(and(or(eq(b2bMeetings.smeParticipantId, participantId), eq(b2bMeetings.buyerParticipantId, participantId)), eq(b2bMeetings.status, "scheduled")))
    .for("update");
  if (rows.length === 0) return { cancelled: 0, notified: 0 };
  const cancelled = await cancelRows(tx, ctx, rows.map((r) => r.id));
  const done = await settleChange(tx, ctx, rows[0]!.editionId, { kind: "withdraw", change: { participantId }, moved: [], cancelled: cancelled.map((meeting) => ({ meeting, reason: "withdrawn" })), added: [] }, by);
  return { cancelled: cancelled.length, notified: done.notified };
}

/**
 * A participant that missed too many meetings (meetday's repeat no-show limit): its scheduled
 * meetings on days after `lastMissedDay` are cancelled, as a withdrawal's are (sequence + 1, both
 * sides emailed, the change listed for organisers). Call inside the marking transaction; nothing
 * is left to cancel the second time.
 */
export async function cancelLaterMeetingsOf(tx: Executor, ctx: Ctx, participantId: string, lastMissedDay: number, by?: AuditBy) {
  const rows = await tx
    .select({ id: b2bMeetings.id, editionId: b2bMeetings.editionId })
    .from(b2bMeetings)
    .where(and(or(eq(b2bMeetings.smeParticipantId, participantId), eq(b2bMeetings.buyerParticipantId, participantId)), eq(b2bMeetings.status, "scheduled"), gt(b2bMeetings.day, lastMissedDay)))
    .for("update");
  if (rows.length === 0) return { cancelled: 0, notified: 0 };
  const cancelled = await cancelRows(tx, ctx, rows.map((r) => r.id));
  const outcome = { kind: "no_show_limit" as const, change: { participantId, fromDay: lastMissedDay + 1 }, moved: [], cancelled: cancelled.map((meeting) => ({ meeting, reason: "no_shows" as const })), added: [] };
  const done = await settleChange(tx, ctx, rows[0]!.editionId, outcome, by);
  return { cancelled: cancelled.length, notified: done.notified };
}

/**
 * A request accepted after publication: placed by the engine's repair in a slot free for both (a
 * meeting in the way may move, as the engine decides; then its two are told). Call inside the
 * accepting transaction. `placed: false` when no time is free for both (the request stays
 * accepted, for the next run).
 */
export async function placeLateRequest(tx: Executor, ctx: Ctx, requestId: string, by?: AuditBy) {
  const [r] = await tx.select().from(b2bRequests).where(eq(b2bRequests.id, requestId));
  if (!r || r.status !== "accepted") return { placed: false as const };
  const p = await programmeForChange(tx, r.editionId);
  const [existing] = await tx.select().from(b2bMeetings).where(eq(b2bMeetings.requestId, r.id));
  if (existing?.status === "scheduled") return { placed: true as const, meetingId: existing.id, already: true };
  const b = await build(tx, ctx, p, await closedTables(tx, r.editionId), [r]);
  const result = await repairAndWrite(tx, ctx, b, [r]);
  await settleChange(tx, ctx, r.editionId, { kind: "late_request", change: { requestId }, ...result }, by);
  const meeting = result.added[0];
  return meeting ? { placed: true as const, meetingId: meeting.id, moved: result.moved.length } : { placed: false as const };
}

export const removeInput = z.strictObject({
  editionId: z.uuid(),
  day: z.coerce.number().int().min(1).max(16),
  start: z.string().max(5).refine((s) => /^([01]\d|2[0-3]):[0-5]\d$/.test(s), { params: { code: "b2b_time_format" } }),
  /** A lounge table taken out from this slot on; without it, the slot itself is removed. */
  tableNo: z.coerce.number().int().min(1).max(1000).optional(),
});

/**
 * Organisers take a lounge table out of use (from a slot on, to the end of the show) or remove one
 * slot (it becomes a break of the programme). The meetings there are placed again by the engine's
 * repair, others staying where they are as far as possible; what cannot be kept is cancelled and
 * listed with its reason in the change's record. Audited; only those affected are emailed.
 */
export async function removeTableOrSlot(ctx: Ctx, raw: Input<typeof removeInput>) {
  const input = parseInput(removeInput, raw);
  const startMinute = minutesOf(input.start)!;
  return inTransaction(ctx, async (tx) => {
    const edition = await editionForChange(tx, ctx.actor, input.editionId, "b2b.manage");
    const p = await programmeForChange(tx, edition.id);
    const slot = programmeSlots(p).find((s) => s.day === input.day && s.start === startMinute);
    if (!slot) throw new DomainError("b2b_no_such_slot");
    let closed = await closedTables(tx, edition.id);
    const change: Record<string, unknown> = { day: input.day, startMinute };
    let programme: Programme = p;
    if (input.tableNo !== undefined) {
      if (input.tableNo > p.loungeTables) throw new DomainError("b2b_no_such_table");
      closed = [...closed, { tableNo: input.tableNo, day: input.day, startMinute }];
      change.tableNo = input.tableNo;
    } else {
      const breaks = [...p.breaks, { day: input.day, start: startMinute, end: startMinute + p.slotMinutes }];
      [programme = p] = await tx.update(b2bProgrammes).set({ breaks, updatedAt: ctx.clock.now() }).where(eq(b2bProgrammes.id, p.id)).returning();
    }
    const b = await build(tx, ctx, programme, closed, []);
    const reqs = b.displaced.length ? await tx.select().from(b2bRequests).where(inArray(b2bRequests.id, b.displaced.map((m) => m.requestId))) : [];
    for (const m of b.displaced) b.byRequest.delete(m.requestId);
    const result = await repairAndWrite(tx, ctx, b, reqs);
    // A displaced meeting placed again is a move, not a new meeting.
    const before = new Map(b.displaced.map((m) => [m.id, m]));
    const moved = [...result.moved, ...result.added.filter((m) => before.has(m.id)).map((m) => ({ meeting: m, from: before.get(m.id)! }))];
    const kind = input.tableNo !== undefined ? "remove_table" : "remove_slot";
    const outcome: Outcome = { kind, change, moved, cancelled: result.cancelled, added: result.added.filter((m) => !before.has(m.id)) };
    const done = await settleChange(tx, ctx, edition.id, outcome, undefined, true);
    return {
      repairId: done.repairId,
      moved: moved.map((m) => ({ meetingId: m.meeting.id, requestId: m.meeting.requestId })),
      cancelled: result.cancelled.map((c) => ({ meetingId: c.meeting.id, requestId: c.meeting.requestId, reason: c.reason })),
      notified: done.notified,
    };
  });
}

const listRepairsInput = z.strictObject({ editionId: z.uuid() });

/** Organisers: the changes made to the edition's published schedule, newest first. */
export async function listRepairs(ctx: Ctx, raw: Input<typeof listRepairsInput>) {
  const { editionId } = parseInput(listRepairsInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, editionId, "b2b.manage");
  const rows = await ctx.db.select().from(b2bRepairs).where(eq(b2bRepairs.editionId, edition.id)).orderBy(b2bRepairs.at);
  return {
    edition: { id: edition.id, nameEn: edition.nameEn, nameUr: edition.nameUr, timezone: edition.timezone },
    repairs: rows.reverse().map((r) => ({ id: r.id, at: r.at.toISOString(), kind: r.kind, change: r.change, moved: r.moved, cancelled: r.cancelled, added: r.added, notified: r.notified, by: r.byLabel })),
  };
}
