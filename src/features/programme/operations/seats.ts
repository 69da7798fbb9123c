import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import { constraintName, sqlStateOf } from "../../../platform/db/errors";
import { rowsOf } from "../../../platform/db/rows";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { translate } from "../../../platform/i18n/translate";
import type { Locale } from "../../../platform/i18n/locales";
import { queueEmails, type EmailMessage } from "../../../platform/mail/outbox";
import { editionDayDate } from "#features/editions";
import { editions } from "#features/editions";
import { registrations } from "#features/registration";
import { hhmm } from "../engine/warnings";
import { programmeDoorScans, programmeRooms, programmeRsvps, programmeSessions } from "../tables";

// Seats and the waitlist of a session (issue #13, agenda item 4). Every change to who sits locks
// the session's row first (FOR UPDATE): RSVPs, cancellations, promotions, a move to another room
// and a room's new capacity, so they run one after the other per session. The database checks the
// count again (trigger of migration 0027). The waitlist is served in arrival order (`seq`); a seat
// that frees goes to the first waiting person in the same transaction, who is emailed (outbox) in
// the language they registered in.

export const localeOf = (l: string): Locale => (l === "ur" ? "ur" : "en");

/** Seated and waiting counts of a session (its row locked or not). */
export async function seatCounts(db: Executor, sessionId: string) {
  const [row] = (await db
    .select({
      seated: sql<number>`count(*) filter (where ${programmeRsvps.status} = 'seated')::int`,
      waiting: sql<number>`count(*) filter (where ${programmeRsvps.status} = 'waitlisted')::int`,
    })
    .from(programmeRsvps)
    .where(and(eq(programmeRsvps.sessionId, sessionId), isNull(programmeRsvps.cancelledAt)))) as [{ seated: number; waiting: number }];
  return { seated: Number(row.seated), waiting: Number(row.waiting) };
}

/**
 * Runs a write that may seat someone and turns the database's refusal of a seat over the room's
 * capacity (the trigger `programme_rsvps_capacity`, migration 0029) into `programme_session_full`
 * (409). The operations count seats under the session's lock first, so this is the refusal left
 * for a race the lock does not order: the room's capacity lowered while an RSVP was deciding.
 */
export async function refusingFull<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (sqlStateOf(e) === "23514" && constraintName(e) === "programme_rsvps_capacity") throw new DomainError("programme_session_full");
    throw e;
  }
}

/** The active RSVP of a registration in a session and, when waiting, its place in line (1 = next). */
export async function rsvpState(db: Executor, sessionId: string, registrationId: string) {
  const [row] = await db
    .select()
    .from(programmeRsvps)
    .where(and(eq(programmeRsvps.sessionId, sessionId), eq(programmeRsvps.registrationId, registrationId), isNull(programmeRsvps.cancelledAt)));
  if (!row) return null;
  if (row.status === "seated") return { id: row.id, status: "seated" as const, position: null };
  const [{ n }] = (await db
    .select({ n: sql<number>`count(*)::int` })
    .from(programmeRsvps)
    .where(and(eq(programmeRsvps.sessionId, sessionId), eq(programmeRsvps.status, "waitlisted"), isNull(programmeRsvps.cancelledAt), sql`${programmeRsvps.seq} <= ${row.seq}`))) as [{ n: number }];
  return { id: row.id, status: "waitlisted" as const, position: Number(n) };
}

/** Places in line of a registration's waiting RSVPs, per session. */
export async function waitlistPositions(db: Executor, registrationId: string): Promise<Map<string, number>> {
  const rows = await db.execute(sql`
    select w.session_id as "sessionId",
      (select count(*)::int from programme_rsvps o
        where o.session_id = w.session_id and o.status = 'waitlisted' and o.cancelled_at is null and o.seq <= w.seq) as position
    from programme_rsvps w
    where w.registration_id = ${registrationId} and w.status = 'waitlisted' and w.cancelled_at is null`);
  return new Map(rowsOf<{ sessionId: string; position: number }>(rows).map((r) => [r.sessionId, Number(r.position)]));
}

/** Lock a session's row and read it with its room's capacity. */
export async function lockSession(tx: Executor, sessionId: string) {
  const [session] = await tx.select().from(programmeSessions).where(eq(programmeSessions.id, sessionId)).for("update");
  if (!session) return null;
  const [room] = await tx.select({ capacity: programmeRooms.capacity, nameEn: programmeRooms.nameEn, nameUr: programmeRooms.nameUr }).from(programmeRooms).where(eq(programmeRooms.id, session.roomId));
  return { session, room: room! };
}

/**
 * Give the free seats of a session (its row locked by the caller, or locked here) to the first
 * waiting people, in order; queue their emails. Returns the registrations promoted. A cancelled
 * session promotes no one.
 */
export async function promoteWaitlist(tx: Executor, ctx: Ctx, sessionId: string): Promise<string[]> {
  const locked = await lockSession(tx, sessionId);
  if (!locked || locked.session.cancelled) return [];
  const { session, room } = locked;
  const { seated, waiting } = await seatCounts(tx, sessionId);
  const free = room.capacity - seated;
  if (free <= 0 || waiting === 0) return [];
  const next = await tx
    .select({ id: programmeRsvps.id, registrationId: programmeRsvps.registrationId })
    .from(programmeRsvps)
    .where(and(eq(programmeRsvps.sessionId, sessionId), eq(programmeRsvps.status, "waitlisted"), isNull(programmeRsvps.cancelledAt)))
    .orderBy(asc(programmeRsvps.seq))
    .limit(free);
  if (!next.length) return [];
  const now = ctx.clock.now();
  await tx
    .update(programmeRsvps)
    .set({ status: "seated", promotedAt: now })
    .where(inArray(programmeRsvps.id, next.map((n) => n.id)));
  const [edition] = await tx.select().from(editions).where(eq(editions.id, session.editionId));
  const people = await tx
    .select({ id: registrations.id, email: registrations.email, name: registrations.name, nameUr: registrations.nameUr, locale: registrations.locale })
    .from(registrations)
    .where(inArray(registrations.id, next.map((n) => n.registrationId)));
  const emails: EmailMessage[] = people.map((p) => {
    const locale = localeOf(p.locale);
    const t = (key: string, params: Record<string, string | number> = {}) => translate(locale, key, params);
    const title = locale === "ur" ? session.titleUr : session.titleEn;
    return {
      kind: "programme.waitlist_promoted",
      to: p.email,
      subject: t("programme.seats.promotedSubject", { session: title }),
      text: [
        t("programme.email.greeting", { name: locale === "ur" && p.nameUr ? p.nameUr : p.name }),
        "",
        t("programme.seats.promotedBody", { session: title, edition: locale === "ur" ? edition!.nameUr : edition!.nameEn }),
        `- ${editionDayDate(edition!.startsOn, session.day - 1)} ${hhmm(session.startMinute)}–${hhmm(session.endMinute)}, ${locale === "ur" ? room.nameUr : room.nameEn}`,
        "",
        t("programme.seats.sessionLink", { link: `${ctx.config.publicUrl}/editions/${edition!.slug}/programme/sessions/${session.id}` }),
      ].join("\n"),
    };
  });
  await queueEmails(tx, ctx.clock, emails);
  return next.map((n) => n.registrationId);
}

/** After a room's capacity changed: promote in every live session held in it (in id order, so two
 *  such changes lock the sessions in the same order). */
export async function promoteInRoom(tx: Executor, ctx: Ctx, roomId: string): Promise<string[]> {
  const sessions = await tx
    .select({ id: programmeSessions.id })
    .from(programmeSessions)
    .where(and(eq(programmeSessions.roomId, roomId), eq(programmeSessions.cancelled, false)))
    .orderBy(asc(programmeSessions.id));
  const out: string[] = [];
  for (const s of sessions) out.push(...(await promoteWaitlist(tx, ctx, s.id)));
  return out;
}

/** People admitted at the door per session of an edition (the editor's counts, the dashboards). */
export async function attendanceBySession(db: Executor, editionId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ sessionId: programmeDoorScans.sessionId, n: sql<number>`count(distinct ${programmeDoorScans.registrationId})::int` })
    .from(programmeDoorScans)
    .where(and(eq(programmeDoorScans.editionId, editionId), eq(programmeDoorScans.result, "admit")))
    .groupBy(programmeDoorScans.sessionId);
  return new Map(rows.map((r) => [r.sessionId, Number(r.n)]));
}
