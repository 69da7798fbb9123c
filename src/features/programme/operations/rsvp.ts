import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { hashSecret } from "../../../platform/ids";
import { authorize } from "../../../platform/permissions/policy";
import { parseInput, type Input } from "../../../platform/validation";
import { editions } from "#features/editions";
import { registrations } from "#features/registration";
import type { SessionSnapshot } from "../engine/changes";
import { holderInput, rsvpInput } from "../schemas";
import { programmeInvitations, programmeRsvps } from "../tables";
import { sessionsCalendar } from "./calendar";
import { lastRelease, releaseSequences } from "./release";
import { lockSession, promoteWaitlist, refusingFull, rsvpState, seatCounts, waitlistPositions } from "./seats";

// RSVPs (issue #13, agenda item 4). A registered person (an approved registration of the edition:
// their own when signed in, or the holder of its manage link) reserves a seat in a released
// session, or a place on its waitlist when it is full (operations/seats.ts). No oversell under
// concurrency: every RSVP locks the session's row (FOR UPDATE), counts the seats and compares with
// the room's capacity in the same transaction, so concurrent RSVPs for one session run one after
// the other (and a trigger checks again); the partial unique index refuses a second active RSVP
// of one person. Invitation-only sessions take only invited registrations; by-category
// sessions only registrations of a listed category.

type Holder = z.infer<typeof holderInput>;
type Registration = typeof registrations.$inferSelect;

/** The caller's registration: by its manage link, or their own by id (signed in). */
export async function holderRegistration(db: Executor, ctx: Ctx, holder: Holder): Promise<Registration> {
  // Without the link, only a signed-in person can name their registration.
  if (!("token" in holder)) authorize(ctx.actor, "session.signedIn");
  const where = "token" in holder ? eq(registrations.manageTokenHash, hashSecret(holder.token)) : eq(registrations.id, holder.registrationId);
  const [reg] = await db.select().from(registrations).where(where);
  if (!reg) throw "token" in holder ? new DomainError("token_invalid") : new DomainError("not_found", { params: { what: "registration" } });
  if (!("token" in holder)) authorize(ctx.actor, "registration.manageOwn", { userId: reg.userId });
  if (reg.status !== "approved") throw new DomainError("programme_not_registered");
  return reg;
}

const by = (reg: Registration) => ({ registrationId: reg.id, label: reg.email });

/** Reserve a seat, or a place on the waitlist when the session is full (or others already wait).
 *  Idempotent: a second RSVP of the same person returns the first, with its place in line. */
export async function rsvpSession(ctx: Ctx, raw: Input<typeof rsvpInput>) {
  const { sessionId, holder } = parseInput(rsvpInput, raw);
  return inTransaction(ctx, async (tx) => {
    const reg = await holderRegistration(tx, ctx, holder);
    // The lock that orders every RSVP of this session (and its moves and cancellation).
    const locked = await lockSession(tx, sessionId);
    const session = locked?.session;
    if (!session || session.editionId !== reg.editionId) throw new DomainError("not_found", { params: { what: "session" } });
    const release = await lastRelease(tx, session.editionId);
    if (session.cancelled || !release?.sessions.some((s) => s.id === session.id)) throw new DomainError("programme_not_released");
    const existing = await rsvpState(tx, session.id, reg.id);
    if (existing) return { rsvpId: existing.id, already: true, status: existing.status, position: existing.position };
    if (session.access === "invitation") {
      const [invited] = await tx
        .select()
        .from(programmeInvitations)
        .where(and(eq(programmeInvitations.sessionId, session.id), eq(programmeInvitations.registrationId, reg.id)));
      if (!invited) throw new DomainError("programme_invitation_only");
    }
    if (session.access === "by_category" && !session.categoryIds.includes(reg.categoryId)) throw new DomainError("programme_category_not_admitted");
    const { seated, waiting } = await seatCounts(tx, session.id);
    // Nobody jumps the line: with people waiting, a newcomer waits too.
    const status = seated < locked.room.capacity && waiting === 0 ? "seated" : "waitlisted";
    const [row] = await refusingFull(() => tx.insert(programmeRsvps).values({ sessionId: session.id, registrationId: reg.id, createdAt: ctx.clock.now(), status }).returning());
    const [edition] = await tx.select({ organiserId: editions.organiserId }).from(editions).where(eq(editions.id, session.editionId));
    await recordAudit(tx, ctx, {
      action: status === "seated" ? "programme.rsvp_made" : "programme.rsvp_waitlisted",
      entityType: "programme_session",
      entityId: session.id,
      organiserId: edition!.organiserId,
      editionId: session.editionId,
      data: { registrationId: reg.id },
      by: by(reg),
    });
    return { rsvpId: row!.id, already: false, status, position: status === "seated" ? null : waiting + 1 };
  });
}

/** Give the seat back, or leave the waitlist. A freed seat goes to the first person waiting. */
export async function cancelRsvp(ctx: Ctx, raw: Input<typeof rsvpInput>) {
  const { sessionId, holder } = parseInput(rsvpInput, raw);
  return inTransaction(ctx, async (tx) => {
    const reg = await holderRegistration(tx, ctx, holder);
    const session = (await lockSession(tx, sessionId))?.session;
    if (!session || session.editionId !== reg.editionId) throw new DomainError("not_found", { params: { what: "session" } });
    const rows = await tx
      .update(programmeRsvps)
      .set({ cancelledAt: ctx.clock.now() })
      .where(and(eq(programmeRsvps.sessionId, session.id), eq(programmeRsvps.registrationId, reg.id), isNull(programmeRsvps.cancelledAt)))
      .returning({ id: programmeRsvps.id, status: programmeRsvps.status });
    let promoted: string[] = [];
    if (rows.length) {
      if (rows[0]!.status === "seated") promoted = await promoteWaitlist(tx, ctx, session.id);
      const [edition] = await tx.select({ organiserId: editions.organiserId }).from(editions).where(eq(editions.id, session.editionId));
      await recordAudit(tx, ctx, {
        action: rows[0]!.status === "seated" ? "programme.rsvp_cancelled" : "programme.waitlist_left",
        entityType: "programme_session",
        entityId: session.id,
        organiserId: edition!.organiserId,
        editionId: session.editionId,
        data: { registrationId: reg.id, promoted },
        by: by(reg),
      });
    }
    return { cancelled: rows.length > 0, was: rows[0]?.status ?? null, promoted: promoted.length };
  });
}

const myAgendaInput = z.strictObject({ holder: holderInput, locale: z.enum(["en", "ur"]).default("en") });

/** "My agenda": the released sessions the registration holds a seat in, and their calendar. */
export async function myAgenda(ctx: Ctx, raw: Input<typeof myAgendaInput>) {
  const { holder, locale } = parseInput(myAgendaInput, raw);
  const reg = await holderRegistration(ctx.db, ctx, holder);
  const [edition] = await ctx.db.select().from(editions).where(eq(editions.id, reg.editionId));
  const release = await lastRelease(ctx.db, reg.editionId);
  const mine = await ctx.db
    .select({ sessionId: programmeRsvps.sessionId, status: programmeRsvps.status })
    .from(programmeRsvps)
    .where(and(eq(programmeRsvps.registrationId, reg.id), isNull(programmeRsvps.cancelledAt)))
    .orderBy(asc(programmeRsvps.createdAt));
  const ids = new Set(mine.filter((m) => m.status === "seated").map((m) => m.sessionId));
  const order = (a: SessionSnapshot, b: SessionSnapshot) => a.day - b.day || a.startMinute - b.startMinute;
  const sessions = (release?.sessions ?? []).filter((s) => ids.has(s.id)).sort(order);
  const positions = await waitlistPositions(ctx.db, reg.id);
  const waitlisted = (release?.sessions ?? [])
    .filter((s) => positions.has(s.id))
    .sort(order)
    .map((s) => ({ ...s, position: positions.get(s.id)! }));
  // The calendar holds the seats only: a place in line is not yet a seat.
  const ics = sessionsCalendar(edition!, sessions, await releaseSequences(ctx.db, reg.editionId), locale, ctx.clock.now());
  return { edition: { slug: edition!.slug, nameEn: edition!.nameEn, nameUr: edition!.nameUr, startsOn: edition!.startsOn }, registrationId: reg.id, sessions, waitlisted, ics };
}

/** The approved registrations of the signed-in caller for an edition (to RSVP without a link). */
export async function ownRegistrationFor(ctx: Ctx, editionId: string): Promise<string | null> {
  if (ctx.actor.kind !== "user") return null;
  const [reg] = await ctx.db
    .select({ id: registrations.id })
    .from(registrations)
    .where(and(eq(registrations.editionId, editionId), eq(registrations.userId, ctx.actor.userId), eq(registrations.status, "approved")))
    .limit(1);
  return reg?.id ?? null;
}
