import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { parseInput, type Input } from "../../../platform/validation";
import { editionDayCount } from "#features/editions";
import { editionFor, editionForChange, type Edition } from "#features/editions";
import { visitorCategories } from "#features/editions";
import { areaPlaces } from "#features/floor";
import { namesSession, scheduleWarnings } from "../engine/warnings";
import { attendanceBySession, promoteInRoom, promoteWaitlist } from "./seats";
import { editionInput, moveSessionInput, saveRoomInput, saveSessionInput, saveSpeakerInput, sessionRefInput, setHoursInput } from "../schemas";
import {
  programmeReleases,
  programmeRooms,
  programmeRsvps,
  programmeSessionSpeakers,
  programmeSessions,
  programmeSettings,
  programmeSpeakers,
} from "../tables";

// The organiser's private draft of the agenda (issue #13, agenda item 2): rooms, speakers and
// sessions, edited freely; nothing here is public until a release (operations/release.ts). Every
// change locks the edition row, so two editors' changes run one after the other, and is audited.

export const DEFAULT_HOURS = { opensMinute: 540, closesMinute: 1140 };

export async function hoursOf(db: Executor, editionId: string) {
  const [row] = await db.select().from(programmeSettings).where(eq(programmeSettings.editionId, editionId));
  return row ? { opensMinute: row.opensMinute, closesMinute: row.closesMinute } : DEFAULT_HOURS;
}

/** The draft's sessions (cancelled ones too) with their speakers and active RSVP counts. */
export async function draftSessions(db: Executor, editionId: string) {
  const rows = await db
    .select()
    .from(programmeSessions)
    .where(eq(programmeSessions.editionId, editionId))
    .orderBy(asc(programmeSessions.day), asc(programmeSessions.startMinute), asc(programmeSessions.titleEn));
  const links = await db
    .select({ sessionId: programmeSessionSpeakers.sessionId, speakerId: programmeSessionSpeakers.speakerId, role: programmeSessionSpeakers.role })
    .from(programmeSessionSpeakers)
    .where(eq(programmeSessionSpeakers.editionId, editionId))
    .orderBy(asc(programmeSessionSpeakers.sort));
  const counts = await db
    .select({ sessionId: programmeRsvps.sessionId, n: sql<number>`count(*) filter (where ${programmeRsvps.status} = 'seated')::int`, w: sql<number>`count(*) filter (where ${programmeRsvps.status} = 'waitlisted')::int` })
    .from(programmeRsvps)
    .innerJoin(programmeSessions, eq(programmeSessions.id, programmeRsvps.sessionId))
    .where(and(eq(programmeSessions.editionId, editionId), isNull(programmeRsvps.cancelledAt)))
    .groupBy(programmeRsvps.sessionId);
  const rsvps = new Map(counts.map((c) => [c.sessionId, Number(c.n)]));
  const waiting = new Map(counts.map((c) => [c.sessionId, Number(c.w)]));
  return rows.map((s) => ({
    ...s,
    speakers: links.filter((l) => l.sessionId === s.id).map((l) => ({ speakerId: l.speakerId, role: l.role })),
    rsvps: rsvps.get(s.id) ?? 0,
    waiting: waiting.get(s.id) ?? 0,
  }));
}

type DraftRow = Awaited<ReturnType<typeof draftSessions>>[number];

/** The warnings of the draft's live (not cancelled) sessions. */
function warningsOf(sessions: readonly DraftRow[], rooms: readonly { id: string; capacity: number }[], hours: { opensMinute: number; closesMinute: number }) {
  const live = sessions.filter((s) => !s.cancelled);
  return scheduleWarnings(
    live.map((s) => ({ id: s.id, titleEn: s.titleEn, day: s.day, startMinute: s.startMinute, endMinute: s.endMinute, roomId: s.roomId, kind: s.kind, speakerIds: s.speakers.map((p) => p.speakerId), rsvps: s.rsvps })),
    rooms,
    hours,
  );
}

/** Everything the schedule editor shows: rooms, speakers, sessions, warnings, releases. */
export async function getDraft(ctx: Ctx, raw: Input<typeof editionInput>) {
  const { editionId } = parseInput(editionInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, editionId, "programme.manage");
  const db = ctx.db;
  const rooms = await db.select().from(programmeRooms).where(eq(programmeRooms.editionId, edition.id)).orderBy(asc(programmeRooms.sort), asc(programmeRooms.nameEn));
  const speakers = await db.select().from(programmeSpeakers).where(eq(programmeSpeakers.editionId, edition.id)).orderBy(asc(programmeSpeakers.name));
  const attended = await attendanceBySession(db, edition.id);
  const sessions = (await draftSessions(db, edition.id)).map((s) => ({ ...s, attended: attended.get(s.id) ?? 0 }));
  const hours = await hoursOf(db, edition.id);
  const releases = await db
    .select({ id: programmeReleases.id, number: programmeReleases.number, name: programmeReleases.name, releasedAt: programmeReleases.releasedAt, changes: programmeReleases.changes })
    .from(programmeReleases)
    .where(eq(programmeReleases.editionId, edition.id))
    .orderBy(desc(programmeReleases.number));
  const categories = await db.select({ id: visitorCategories.id, nameEn: visitorCategories.nameEn, nameUr: visitorCategories.nameUr }).from(visitorCategories).where(eq(visitorCategories.editionId, edition.id)).orderBy(asc(visitorCategories.sort));
  const warnings = warningsOf(sessions, rooms, hours);
  // Where a room can be placed on the floor map: the areas of the edition's plan.
  const floorAreas = (await areaPlaces(db, edition)).map((a) => ({ id: a.id, nameEn: a.nameEn, nameUr: a.nameUr, hall: a.hall }));
  return {
    edition: { id: edition.id, slug: edition.slug, nameEn: edition.nameEn, nameUr: edition.nameUr, startsOn: edition.startsOn, timezone: edition.timezone, dayCount: editionDayCount(edition) },
    rooms,
    speakers,
    sessions,
    hours,
    releases,
    categories,
    warnings,
    floorAreas,
  };
}

const audit = (tx: Executor, ctx: Ctx, edition: Edition, action: Parameters<typeof recordAudit>[2]["action"], entityType: Parameters<typeof recordAudit>[2]["entityType"], entityId: string, data: Record<string, unknown>) =>
  recordAudit(tx, ctx, { action, entityType, entityId, organiserId: edition.organiserId, editionId: edition.id, data });

/** A unique-constraint refusal as a field error (a slug taken), anything else rethrown. */
async function slugGuard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const text = String((e as { cause?: unknown })?.cause ?? "") + String((e as Error)?.message ?? "");
    if (/_slug_uq/.test(text)) throw new DomainError("validation_failed", { fields: [{ path: "slug", code: "programme_slug_taken" }] });
    throw e;
  }
}

/** Add a room, or change one (by id). */
export async function saveRoom(ctx: Ctx, raw: Input<typeof saveRoomInput>) {
  const { editionId, id, ...values } = parseInput(saveRoomInput, raw);
  return inTransaction(ctx, async (tx) => {
    const edition = await editionForChange(tx, ctx.actor, editionId, "programme.manage");
    if (values.floorAreaId && !(await areaPlaces(tx, edition, [values.floorAreaId])).length)
      throw new DomainError("validation_failed", { fields: [{ path: "floorAreaId", code: "programme_room_area" }] });
    const [row] = await slugGuard(() =>
      id
        ? tx.update(programmeRooms).set(values).where(and(eq(programmeRooms.id, id), eq(programmeRooms.editionId, edition.id))).returning()
        : tx.insert(programmeRooms).values({ ...values, editionId: edition.id }).returning(),
    );
    if (!row) throw new DomainError("not_found", { params: { what: "room" } });
    // More seats: the first people waiting in the room's sessions get them now.
    const promoted = id ? await promoteInRoom(tx, ctx, row.id) : [];
    await audit(tx, ctx, edition, "programme.room_saved", "programme_room", row.id, { created: !id, ...values, promoted: promoted.length });
    return row;
  });
}

/** Add a speaker, or change one (by id). */
export async function saveSpeaker(ctx: Ctx, raw: Input<typeof saveSpeakerInput>) {
  const { editionId, id, ...values } = parseInput(saveSpeakerInput, raw);
  return inTransaction(ctx, async (tx) => {
    const edition = await editionForChange(tx, ctx.actor, editionId, "programme.manage");
    const [row] = await slugGuard(() =>
      id
        ? tx.update(programmeSpeakers).set(values).where(and(eq(programmeSpeakers.id, id), eq(programmeSpeakers.editionId, edition.id))).returning()
        : tx.insert(programmeSpeakers).values({ ...values, editionId: edition.id }).returning(),
    );
    if (!row) throw new DomainError("not_found", { params: { what: "speaker" } });
    await audit(tx, ctx, edition, "programme.speaker_saved", "programme_speaker", row.id, { created: !id, name: values.name });
    return row;
  });
}

async function checkPlace(tx: Executor, edition: Edition, s: { day: number; roomId: string }) {
  if (s.day > editionDayCount(edition)) throw new DomainError("validation_failed", { fields: [{ path: "day", code: "programme_day_outside", params: { days: editionDayCount(edition) } }] });
  const [room] = await tx.select({ id: programmeRooms.id }).from(programmeRooms).where(and(eq(programmeRooms.id, s.roomId), eq(programmeRooms.editionId, edition.id)));
  if (!room) throw new DomainError("validation_failed", { fields: [{ path: "roomId", code: "programme_no_such_room" }] });
}

/** Add a session to the draft, or change one (by id): its texts, place, access and speakers. */
export async function saveSession(ctx: Ctx, raw: Input<typeof saveSessionInput>) {
  const { editionId, id, speakers, ...values } = parseInput(saveSessionInput, raw);
  return inTransaction(ctx, async (tx) => {
    const edition = await editionForChange(tx, ctx.actor, editionId, "programme.manage");
    await checkPlace(tx, edition, values);
    if (values.categoryIds.length) {
      const found = await tx.select({ id: visitorCategories.id }).from(visitorCategories).where(and(eq(visitorCategories.editionId, edition.id), inArray(visitorCategories.id, values.categoryIds)));
      if (found.length !== new Set(values.categoryIds).size) throw new DomainError("validation_failed", { fields: [{ path: "categoryIds", code: "programme_no_such_category" }] });
    }
    const speakerIds = [...new Set(speakers.map((p) => p.speakerId))];
    if (speakerIds.length) {
      const found = await tx.select({ id: programmeSpeakers.id }).from(programmeSpeakers).where(and(eq(programmeSpeakers.editionId, edition.id), inArray(programmeSpeakers.id, speakerIds)));
      if (found.length !== speakerIds.length) throw new DomainError("validation_failed", { fields: [{ path: "speakers", code: "programme_no_such_speaker" }] });
    }
    const now = ctx.clock.now();
    const [row] = id
      ? await tx
          .update(programmeSessions)
          .set({ ...values, updatedAt: now })
          .where(and(eq(programmeSessions.id, id), eq(programmeSessions.editionId, edition.id)))
          .returning()
      : await tx
          .insert(programmeSessions)
          .values({ ...values, editionId: edition.id, updatedAt: now })
          .returning();
    if (!row) throw new DomainError("not_found", { params: { what: "session" } });
    await tx.delete(programmeSessionSpeakers).where(eq(programmeSessionSpeakers.sessionId, row.id));
    const unique = speakers.filter((p, i) => speakers.findIndex((q) => q.speakerId === p.speakerId) === i);
    if (unique.length)
      await tx.insert(programmeSessionSpeakers).values(unique.map((p, i) => ({ editionId: edition.id, sessionId: row.id, speakerId: p.speakerId, role: p.role, sort: i })));
    if (id) await promoteWaitlist(tx, ctx, row.id);
    await audit(tx, ctx, edition, "programme.session_saved", "programme_session", row.id, { created: !id, titleEn: values.titleEn, day: values.day, startMinute: values.startMinute, endMinute: values.endMinute, roomId: values.roomId });
    return row;
  });
}

/**
 * Move a session in the grid: day, start, end, room (on the 5-minute grid: the database checks).
 * The same for the form and the drag in the browser. Returns the session and the draft's warnings
 * that name it after the move (a speaker in two places, two sessions in one room, a room too small,
 * outside the venue's hours): a warning never refuses a move.
 */
export async function moveSession(ctx: Ctx, raw: Input<typeof moveSessionInput>) {
  const { editionId, id, ...place } = parseInput(moveSessionInput, raw);
  return inTransaction(ctx, async (tx) => {
    const edition = await editionForChange(tx, ctx.actor, editionId, "programme.manage");
    await checkPlace(tx, edition, place);
    if (place.startMinute % 5 || place.endMinute % 5) throw new DomainError("validation_failed", { fields: [{ path: "startMinute", code: "programme_snap" }] });
    const [row] = await tx
      .update(programmeSessions)
      .set({ ...place, updatedAt: ctx.clock.now() })
      .where(and(eq(programmeSessions.id, id), eq(programmeSessions.editionId, edition.id)))
      .returning();
    if (!row) throw new DomainError("not_found", { params: { what: "session" } });
    // A larger room: the first people waiting get the new seats.
    const promoted = await promoteWaitlist(tx, ctx, row.id);
    await audit(tx, ctx, edition, "programme.session_saved", "programme_session", row.id, { moved: place, promoted: promoted.length });
    const rooms = await tx.select({ id: programmeRooms.id, capacity: programmeRooms.capacity }).from(programmeRooms).where(eq(programmeRooms.editionId, edition.id));
    const warnings = warningsOf(await draftSessions(tx, edition.id), rooms, await hoursOf(tx, edition.id));
    return { session: row, warnings: warnings.filter((w) => namesSession(w, row.id)) };
  });
}

/** Cancel a session (or bring it back): it leaves (or rejoins) the next release; RSVPs stay. */
export async function cancelSession(ctx: Ctx, raw: Input<typeof sessionRefInput>, cancelled = true) {
  const { editionId, id } = parseInput(sessionRefInput, raw);
  return inTransaction(ctx, async (tx) => {
    const edition = await editionForChange(tx, ctx.actor, editionId, "programme.manage");
    const [row] = await tx
      .update(programmeSessions)
      .set({ cancelled, updatedAt: ctx.clock.now() })
      .where(and(eq(programmeSessions.id, id), eq(programmeSessions.editionId, edition.id)))
      .returning();
    if (!row) throw new DomainError("not_found", { params: { what: "session" } });
    if (!cancelled) await promoteWaitlist(tx, ctx, row.id);
    await audit(tx, ctx, edition, "programme.session_cancelled", "programme_session", row.id, { cancelled });
    return row;
  });
}

/** The venue's daily hours for the agenda (sessions outside them are warned of). */
export async function setHours(ctx: Ctx, raw: Input<typeof setHoursInput>) {
  const { editionId, opensMinute, closesMinute } = parseInput(setHoursInput, raw);
  return inTransaction(ctx, async (tx) => {
    const edition = await editionForChange(tx, ctx.actor, editionId, "programme.manage");
    await tx
      .insert(programmeSettings)
      .values({ editionId: edition.id, opensMinute, closesMinute })
      .onConflictDoUpdate({ target: programmeSettings.editionId, set: { opensMinute, closesMinute } });
    await audit(tx, ctx, edition, "programme.hours_set", "edition", edition.id, { opensMinute, closesMinute });
    return { opensMinute, closesMinute };
  });
}
