import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { RepairSession } from "#features/matchmaking";
import { interpreterFor } from "../core/run-input";
import { hhmm, minutesOf } from "../core/slots";
import { refusingB2b } from "../db-errors";
import { b2bMeetings, b2bProfiles, b2bProgrammes, b2bRequests, type ParticipantSide } from "../tables";
import { closedTables } from "./closed-tables";
import type { Meeting } from "./meeting-rows";
import { build, programmeForChange } from "./repair";

// Walk-up meetings (issue #14, item 3), the schedule's side. Where two participants could meet now
// without anybody else moving: the engine's free-slot logic (RepairSession.freeSlots) over the
// published schedule, from the first slot that has not started on — both free and under their
// day caps, a lounge table (or the SME's stall) and an interpreter free. And, once both agreed,
// the meeting itself (kind walk_up), written under the programme's lock like every repair, so the
// database's partial unique indexes and interpreter trigger are the last word on double booking.

export interface FreePlace {
  day: number;
  startMinute: number;
  start: string;
  place: "table" | "stall";
  tableNo: number | null;
  interpreterLanguage: string | null;
}

type Programme = typeof b2bProgrammes.$inferSelect;
const WALK_UP = "walk-up";

async function placesFor(tx: Executor, clock: Pick<Ctx, "clock">, p: Programme, smeId: string, buyerId: string): Promise<FreePlace[]> {
  const b = await build(tx, clock, p, await closedTables(tx, p.editionId), [{ smeParticipantId: smeId, buyerParticipantId: buyerId }]);
  if (!b.next) return [];
  const spoken = new Map((await tx.select({ id: b2bProfiles.participantId, languages: b2bProfiles.languages }).from(b2bProfiles).where(inArray(b2bProfiles.participantId, [smeId, buyerId]))).map((x) => [x.id, x.languages]));
  const interpreter = interpreterFor(spoken.get(smeId) ?? [], spoken.get(buyerId) ?? [], b.interpreters);
  const session = new RepairSession(b.input, b.previous, 1);
  const slots = new Map(b.input.slots.map((s) => [s.id, s]));
  return session.freeSlots({ id: WALK_UP, a: smeId, b: buyerId, weight: 1, interpreter }, { frozenBefore: b.next }).map((m) => {
    const s = slots.get(m.slot)!;
    const startMinute = minutesOf(s.start)!;
    return {
      day: s.day,
      startMinute,
      start: hhmm(startMinute),
      place: m.table === "stall" ? "stall" : "table",
      tableNo: m.table === "stall" ? null : b.tables.get(m.slot)![m.table - 1]!,
      interpreterLanguage: interpreter,
    };
  });
}

/** The places where the pair could meet from the next slot on, in time order (none when the
 *  edition has no programme, or its last slot has started). Reads only. */
export async function freePlacesForPair(db: Executor, clock: Pick<Ctx, "clock">, editionId: string, smeId: string, buyerId: string): Promise<FreePlace[]> {
  const [p] = await db.select().from(b2bProgrammes).where(eq(b2bProgrammes.editionId, editionId));
  if (!p?.enabled) return [];
  return placesFor(db, clock, p, smeId, buyerId);
}

export type WalkUpBooking =
  | { ok: true; meeting: Meeting }
  | { ok: false; reason: "slot_taken" | "already_meeting" };

/**
 * Writes the meeting two participants agreed on for `day`/`startMinute`, inside the caller's
 * transaction: the programme row is locked first (as every repair does), the slot must still be
 * free for both with a table (the lowest free one) or the stall, else `slot_taken`; a pair that
 * already has a scheduled meeting is `already_meeting`. The pair's request becomes accepted (or
 * is created accepted), its meeting is written with kind walk_up (a cancelled meeting of the pair
 * comes back with sequence + 1 and its uid). A unique index or the interpreter trigger refusing it
 * anyway (a race) throws its B2B refusal, which the caller turns into its own.
 */
export async function bookWalkUpMeeting(tx: Executor, ctx: Pick<Ctx, "clock">, a: { editionId: string; smeId: string; buyerId: string; requestedBy: ParticipantSide; day: number; startMinute: number; uid?: string }): Promise<WalkUpBooking> {
  const p = await programmeForChange(tx, a.editionId);
  const pair = and(eq(b2bRequests.smeParticipantId, a.smeId), eq(b2bRequests.buyerParticipantId, a.buyerId));
  const [request] = await tx.select().from(b2bRequests).where(pair).for("update");
  const [existing] = request ? await tx.select().from(b2bMeetings).where(eq(b2bMeetings.requestId, request.id)) : [];
  if (existing?.status === "scheduled") return { ok: false, reason: "already_meeting" };
  const place = (await placesFor(tx, ctx, p, a.smeId, a.buyerId)).find((x) => x.day === a.day && x.startMinute === a.startMinute);
  if (!place) return { ok: false, reason: "slot_taken" };
  const now = ctx.clock.now();
  const [r] = request
    ? request.status === "accepted"
      ? [request]
      : await tx.update(b2bRequests).set({ status: "accepted", decidedAt: now, declineReason: null, expiresAt: null }).where(eq(b2bRequests.id, request.id)).returning()
    : await refusingB2b(() =>
        tx.insert(b2bRequests).values({ editionId: a.editionId, smeParticipantId: a.smeId, buyerParticipantId: a.buyerId, requestedBy: a.requestedBy, status: "accepted", decidedAt: now, createdAt: now }).returning(),
      );
  const at = { day: place.day, startMinute: place.startMinute, place: place.place, tableNo: place.tableNo, interpreterLanguage: place.interpreterLanguage, status: "scheduled" as const, kind: "walk_up" as const, pinned: true, updatedAt: now };
  const [row] = await refusingB2b(() =>
    existing
      ? tx.update(b2bMeetings).set({ ...at, sequence: existing.sequence + 1, assignedStaffId: null }).where(eq(b2bMeetings.id, existing.id)).returning()
      : tx.insert(b2bMeetings).values({ editionId: a.editionId, requestId: r!.id, smeParticipantId: a.smeId, buyerParticipantId: a.buyerId, ...at, uid: a.uid ?? `${randomUUID()}@numaish`, createdAt: now }).returning(),
  );
  return { ok: true, meeting: row! };
}
