import { and, asc, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { authorize, can } from "../../../platform/permissions/policy";
import { parseInput, type Input } from "../../../platform/validation";
import { editionDayCount } from "#features/editions";
import { findEdition } from "#features/editions";
import { areaPlaces, type AreaPlace } from "#features/floor";
import type { SessionSnapshot } from "../engine/changes";
import { programmeReleases, programmeRooms, programmeRsvps, programmeSessions, programmeSpeakers } from "../tables";
import { sessionsCalendar } from "./calendar";
import { frabSchedule } from "../engine/frab";
import { lastRelease, releaseSequences } from "./release";

// The public agenda (issue #13, agenda item 3): the last release only, never the draft. Who sees
// it: everyone for a published edition, the organiser's staff for a draft one.

const slugInput = z.strictObject({ slug: z.string().min(1).max(100) });

export async function visibleEdition(ctx: Ctx, slug: string) {
  authorize(ctx.actor, "edition.read");
  const edition = await findEdition(ctx.db, { slug });
  if (!edition || (edition.status !== "published" && !can(ctx.actor, "edition.update", { organiserId: edition.organiserId })))
    throw new DomainError("not_found", { params: { what: "edition" } });
  return edition;
}

const editionView = (e: { id: string; slug: string; nameEn: string; nameUr: string; startsOn: string; endsOn: string; timezone: string }) => ({
  id: e.id,
  slug: e.slug,
  nameEn: e.nameEn,
  nameUr: e.nameUr,
  startsOn: e.startsOn,
  timezone: e.timezone,
  dayCount: editionDayCount(e),
});

/** Active RSVPs and capacity of released sessions (seats left are public). */
async function seats(db: Executor, editionId: string) {
  const rows = await db
    .select({ id: programmeSessions.id, capacity: programmeRooms.capacity, taken: sql<number>`(select count(*)::int from ${programmeRsvps} r where r.session_id = ${programmeSessions.id} and r.cancelled_at is null and r.status = 'seated')`, waiting: sql<number>`(select count(*)::int from ${programmeRsvps} r where r.session_id = ${programmeSessions.id} and r.cancelled_at is null and r.status = 'waitlisted')` })
    .from(programmeSessions)
    .innerJoin(programmeRooms, eq(programmeRooms.id, programmeSessions.roomId))
    .where(eq(programmeSessions.editionId, editionId));
  return new Map(rows.map((r) => [r.id, { capacity: r.capacity, taken: Number(r.taken), waiting: Number(r.waiting) }]));
}

/** The released agenda: sessions by day and time, the rooms and tracks that appear in it. */
export async function publicAgenda(ctx: Ctx, raw: Input<typeof slugInput>) {
  const { slug } = parseInput(slugInput, raw);
  const edition = await visibleEdition(ctx, slug);
  const release = await lastRelease(ctx.db, edition.id);
  const sessions = [...(release?.sessions ?? [])].sort((a, b) => a.day - b.day || a.startMinute - b.startMinute || a.roomEn.localeCompare(b.roomEn));
  const rooms = [...new Map(sessions.map((s) => [s.roomId, { id: s.roomId, nameEn: s.roomEn, nameUr: s.roomUr }])).values()];
  return {
    edition: editionView(edition),
    release: release ? { number: release.number, name: release.name, releasedAt: release.releasedAt.toISOString() } : null,
    sessions,
    rooms,
    tracks: [...new Set(sessions.map((s) => s.track))],
    kinds: [...new Set(sessions.map((s) => s.kind))],
  };
}

const publicSessionInput = z.strictObject({ slug: z.string().min(1).max(100), sessionId: z.uuid() });

/** Where a room is on the floor map (its area of the edition's plan), or null. */
async function roomOnFloor(db: Executor, edition: { id: string; slug: string }, roomId: string) {
  const [room] = await db.select({ areaId: programmeRooms.floorAreaId }).from(programmeRooms).where(and(eq(programmeRooms.id, roomId), eq(programmeRooms.editionId, edition.id)));
  if (!room?.areaId) return null;
  const [area] = await areaPlaces(db, edition, [room.areaId]);
  return area ? floorPlace(area) : null;
}

const floorPlace = (a: AreaPlace) => ({ areaCode: a.code, nameEn: a.nameEn, nameUr: a.nameUr, hall: a.hall, href: a.href });

/** One released session, with its seats and where its room is on the floor map. */
export async function publicSession(ctx: Ctx, raw: Input<typeof publicSessionInput>) {
  const { slug, sessionId } = parseInput(publicSessionInput, raw);
  const edition = await visibleEdition(ctx, slug);
  const release = await lastRelease(ctx.db, edition.id);
  const session = release?.sessions.find((s) => s.id === sessionId);
  if (!session) throw new DomainError("not_found", { params: { what: "session" } });
  const seat = (await seats(ctx.db, edition.id)).get(session.id) ?? { capacity: 0, taken: 0, waiting: 0 };
  return { edition: editionView(edition), session, seats: seat, onFloor: await roomOnFloor(ctx.db, edition, session.roomId) };
}

const publicSpeakerInput = z.strictObject({ slug: z.string().min(1).max(100), speaker: z.string().min(1).max(60) });

/** One speaker of the released agenda: bio and sessions (no email, no account). */
export async function publicSpeaker(ctx: Ctx, raw: Input<typeof publicSpeakerInput>) {
  const { slug, speaker } = parseInput(publicSpeakerInput, raw);
  const edition = await visibleEdition(ctx, slug);
  const release = await lastRelease(ctx.db, edition.id);
  const sessions = (release?.sessions ?? []).filter((s) => s.speakers.some((p) => p.slug === speaker));
  const [row] = sessions.length ? await ctx.db.select().from(programmeSpeakers).where(and(eq(programmeSpeakers.editionId, edition.id), eq(programmeSpeakers.slug, speaker))) : [];
  if (!row) throw new DomainError("not_found", { params: { what: "speaker" } });
  const { id, slug: s, name, nameUr, organisation, role, bioEn, bioUr, photoUrl } = row;
  return { edition: editionView(edition), speaker: { id, slug: s, name, nameUr, organisation, role, bioEn, bioUr, photoUrl }, sessions };
}

/** Every release, newest first, with its change log. */
export async function publicChanges(ctx: Ctx, raw: Input<typeof slugInput>) {
  const { slug } = parseInput(slugInput, raw);
  const edition = await visibleEdition(ctx, slug);
  const releases = await ctx.db
    .select({ number: programmeReleases.number, name: programmeReleases.name, releasedAt: programmeReleases.releasedAt, changes: programmeReleases.changes })
    .from(programmeReleases)
    .where(eq(programmeReleases.editionId, edition.id))
    .orderBy(desc(programmeReleases.number));
  return { edition: editionView(edition), releases: releases.map((r) => ({ ...r, releasedAt: r.releasedAt.toISOString() })) };
}

const agendaCalendarInput = z.strictObject({ slug: z.string().min(1).max(100), sessionId: z.uuid().optional(), locale: z.enum(["en", "ur"]) });

/** The whole released agenda (or one session of it) as iCalendar text. */
export async function agendaCalendar(ctx: Ctx, raw: Input<typeof agendaCalendarInput>) {
  const { slug, sessionId, locale } = parseInput(agendaCalendarInput, raw);
  const edition = await visibleEdition(ctx, slug);
  const release = await lastRelease(ctx.db, edition.id);
  let sessions: SessionSnapshot[] = release?.sessions ?? [];
  if (sessionId) {
    sessions = sessions.filter((s) => s.id === sessionId);
    if (!sessions.length) throw new DomainError("not_found", { params: { what: "session" } });
  }
  return sessionsCalendar(edition, sessions, await releaseSequences(ctx.db, edition.id), locale, ctx.clock.now());
}

const agendaFrabXmlInput = z.strictObject({ slug: z.string().min(1).max(100), locale: z.enum(["en", "ur"]) });

/** The released agenda as frab's schedule.xml (conference apps read it; engine/frab.ts). */
export async function agendaFrabXml(ctx: Ctx, raw: Input<typeof agendaFrabXmlInput>) {
  const { slug, locale } = parseInput(agendaFrabXmlInput, raw);
  const edition = await visibleEdition(ctx, slug);
  const release = await lastRelease(ctx.db, edition.id);
  const base = `${ctx.config.publicUrl}/editions/${edition.slug}/programme/sessions/`;
  return frabSchedule(editionView(edition), release, release?.sessions ?? [], locale, (id) => `${base}${id}${locale === "ur" ? "?lang=ur" : ""}`);
}

/** Rooms of the edition, publicly (name, capacity, and where each is on the floor map). */
export async function publicRooms(ctx: Ctx, raw: Input<typeof slugInput>) {
  const { slug } = parseInput(slugInput, raw);
  const edition = await visibleEdition(ctx, slug);
  const rows = await ctx.db
    .select({ id: programmeRooms.id, slug: programmeRooms.slug, nameEn: programmeRooms.nameEn, nameUr: programmeRooms.nameUr, capacity: programmeRooms.capacity, areaId: programmeRooms.floorAreaId })
    .from(programmeRooms)
    .where(eq(programmeRooms.editionId, edition.id))
    .orderBy(asc(programmeRooms.sort));
  const areas = new Map((await areaPlaces(ctx.db, edition, rows.flatMap((r) => (r.areaId ? [r.areaId] : [])))).map((a) => [a.id, a]));
  const rooms = rows.map(({ areaId, ...r }) => ({ ...r, onFloor: areaId && areas.has(areaId) ? floorPlace(areas.get(areaId)!) : null }));
  return { edition: editionView(edition), rooms };
}
