import { and, asc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { translate } from "../../../platform/i18n/translate";
import { queueEmails } from "../../../platform/mail/outbox";
import { parseInput, type Input } from "../../../platform/validation";
import { editionDayDate } from "#features/editions";
import { editionFor, editionForChange, type Edition } from "#features/editions";
import { visitorCategories } from "#features/editions";
import { registrations } from "#features/registration";
import { hhmm } from "../engine/warnings";
import { inviteByCategoryInput, inviteInput, invitationsInput } from "../schemas";
import { programmeInvitations, programmeRooms, programmeRsvps, programmeSessions } from "../tables";
import { localeOf } from "./seats";

// Invitations to a session (issue #13, agenda item 4): the organiser invites people by visitor
// category (every approved registration of the chosen categories) or one by one (found by name or
// email). Invitations are idempotent; each new invitee is emailed, in the language they registered
// in, a link to the session's page where they reserve their seat. Audited.

async function sessionOf(db: Executor, edition: Edition, sessionId: string) {
  const [session] = await db.select().from(programmeSessions).where(and(eq(programmeSessions.id, sessionId), eq(programmeSessions.editionId, edition.id)));
  if (!session) throw new DomainError("not_found", { params: { what: "session" } });
  return session;
}

/** Write the invitations of `registrationIds` (approved registrations of the edition), email the new ones, audit. */
async function invite(tx: Executor, ctx: Ctx, edition: Edition, session: typeof programmeSessions.$inferSelect, registrationIds: string[], how: Record<string, unknown>) {
  const rows = registrationIds.length
    ? await tx
        .insert(programmeInvitations)
        .values(registrationIds.map((id) => ({ sessionId: session.id, registrationId: id, createdAt: ctx.clock.now() })))
        .onConflictDoNothing()
        .returning({ id: programmeInvitations.registrationId })
    : [];
  const fresh = rows.map((r) => r.id);
  if (fresh.length) {
    const [room] = await tx.select().from(programmeRooms).where(eq(programmeRooms.id, session.roomId));
    const people = await tx
      .select({ email: registrations.email, name: registrations.name, nameUr: registrations.nameUr, locale: registrations.locale })
      .from(registrations)
      .where(inArray(registrations.id, fresh));
    const link = `${ctx.config.publicUrl}/editions/${edition.slug}/programme/sessions/${session.id}`;
    await queueEmails(
      tx,
      ctx.clock,
      people.map((p) => {
        const locale = localeOf(p.locale);
        const t = (key: string, params: Record<string, string | number> = {}) => translate(locale, key, params);
        const title = locale === "ur" ? session.titleUr : session.titleEn;
        return {
          kind: "programme.invited",
          to: p.email,
          subject: t("programme.invite.subject", { session: title }),
          text: [
            t("programme.email.greeting", { name: locale === "ur" && p.nameUr ? p.nameUr : p.name }),
            "",
            t("programme.invite.body", { session: title, edition: locale === "ur" ? edition.nameUr : edition.nameEn }),
            `- ${editionDayDate(edition.startsOn, session.day - 1)} ${hhmm(session.startMinute)}–${hhmm(session.endMinute)}, ${locale === "ur" ? room!.nameUr : room!.nameEn}`,
            "",
            t("programme.invite.rsvp", { link }),
          ].join("\n"),
        };
      }),
    );
  }
  await recordAudit(tx, ctx, { action: "programme.invited", entityType: "programme_session", entityId: session.id, organiserId: edition.organiserId, editionId: edition.id, data: { ...how, invited: fresh.length } });
  return { invited: fresh.length, already: registrationIds.length - fresh.length };
}

/** Organisers invite registrations, by id, to a session (idempotent). */
export async function inviteToSession(ctx: Ctx, raw: Input<typeof inviteInput>) {
  const { editionId, sessionId, registrationIds } = parseInput(inviteInput, raw);
  return inTransaction(ctx, async (tx) => {
    const edition = await editionForChange(tx, ctx.actor, editionId, "programme.manage");
    const session = await sessionOf(tx, edition, sessionId);
    const ids = [...new Set(registrationIds)];
    const regs = await tx
      .select({ id: registrations.id })
      .from(registrations)
      .where(and(eq(registrations.editionId, edition.id), eq(registrations.status, "approved"), inArray(registrations.id, ids)));
    if (regs.length !== ids.length) throw new DomainError("validation_failed", { fields: [{ path: "registrationIds", code: "programme_no_such_registration" }] });
    return invite(tx, ctx, edition, session, ids, { by: "person", count: ids.length });
  });
}

/** Organisers invite every approved registration of the chosen visitor categories. */
export async function inviteByCategory(ctx: Ctx, raw: Input<typeof inviteByCategoryInput>) {
  const { editionId, sessionId, categoryIds } = parseInput(inviteByCategoryInput, raw);
  return inTransaction(ctx, async (tx) => {
    const edition = await editionForChange(tx, ctx.actor, editionId, "programme.manage");
    const session = await sessionOf(tx, edition, sessionId);
    const found = await tx.select({ id: visitorCategories.id }).from(visitorCategories).where(and(eq(visitorCategories.editionId, edition.id), inArray(visitorCategories.id, categoryIds)));
    if (found.length !== new Set(categoryIds).size) throw new DomainError("validation_failed", { fields: [{ path: "categoryIds", code: "programme_no_such_category" }] });
    const regs = await tx
      .select({ id: registrations.id })
      .from(registrations)
      .where(and(eq(registrations.editionId, edition.id), eq(registrations.status, "approved"), inArray(registrations.categoryId, categoryIds)));
    return invite(tx, ctx, edition, session, regs.map((r) => r.id), { by: "category", categoryIds });
  });
}

/** The invitation page: the session, who is invited (with their seat), categories, and a search. */
export async function sessionInvitations(ctx: Ctx, raw: Input<typeof invitationsInput>) {
  const { editionId, sessionId, q } = parseInput(invitationsInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, editionId, "programme.manage");
  const session = await sessionOf(ctx.db, edition, sessionId);
  const invited = await ctx.db
    .select({
      id: registrations.id,
      number: registrations.number,
      name: registrations.name,
      email: registrations.email,
      organisation: registrations.organisation,
      categoryId: registrations.categoryId,
      rsvp: sql<string | null>`(select r.status from ${programmeRsvps} r where r.session_id = ${session.id} and r.registration_id = ${registrations.id} and r.cancelled_at is null)`,
    })
    .from(programmeInvitations)
    .innerJoin(registrations, eq(registrations.id, programmeInvitations.registrationId))
    .where(eq(programmeInvitations.sessionId, session.id))
    .orderBy(asc(registrations.name));
  const categories = await ctx.db
    .select({ id: visitorCategories.id, nameEn: visitorCategories.nameEn, nameUr: visitorCategories.nameUr })
    .from(visitorCategories)
    .where(eq(visitorCategories.editionId, edition.id))
    .orderBy(asc(visitorCategories.sort));
  const needle = q?.trim();
  const found = needle
    ? await ctx.db
        .select({ id: registrations.id, number: registrations.number, name: registrations.name, email: registrations.email, organisation: registrations.organisation, categoryId: registrations.categoryId })
        .from(registrations)
        .where(
          and(
            eq(registrations.editionId, edition.id),
            eq(registrations.status, "approved"),
            or(ilike(registrations.name, `%${needle.replace(/[\\%_]/g, "\\$&")}%`), ilike(registrations.email, `%${needle.replace(/[\\%_]/g, "\\$&")}%`)),
          ),
        )
        .orderBy(asc(registrations.name))
        .limit(50)
    : [];
  return {
    edition: { id: edition.id, slug: edition.slug, nameEn: edition.nameEn, nameUr: edition.nameUr, startsOn: edition.startsOn },
    session: { id: session.id, titleEn: session.titleEn, titleUr: session.titleUr, access: session.access, day: session.day, startMinute: session.startMinute, endMinute: session.endMinute },
    invited,
    categories,
    found: found.map((f) => ({ ...f, invited: invited.some((i) => i.id === f.id) })),
    q: needle ?? "",
  };
}
