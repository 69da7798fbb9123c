import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor, Tx } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { hashSecret } from "../../../platform/ids";
import { authorize } from "../../../platform/permissions/policy";
import { parseInput, type Input } from "../../../platform/validation";
import { editions, visitorCategories } from "#features/editions";
import { badgePort } from "../badge-port";
import { admitOrWaitlist, releasePlaces } from "../core/capacity";
import { checkPastDays } from "../core/past-days";
import { ownEditInput } from "../schemas";
import { registrations } from "../tables";
import { sendRegistrationEmail } from "./emails";
import { holdCapacityShared, holds, lockBuckets, promoteAndWrite, releaseAndPromote, stateOf } from "./places";
import { checkAnswers, questionsFor } from "./questions";
import { checkDays } from "./register";
import { editionDayCount } from "#features/editions";

// A registrant manages their own registration either signed in (it is linked to their account)
// or through the link in their confirmation email (a random token, stored hashed).

const which = z.union([z.strictObject({ registrationId: z.uuid() }), z.strictObject({ token: z.string().min(20).max(100) })]);
type Which = { registrationId?: string; token?: string };

export async function findOwn(db: Executor, ctx: Ctx, w: Which) {
  const where = w.token ? eq(registrations.manageTokenHash, hashSecret(w.token)) : eq(registrations.id, w.registrationId!);
  const [reg] = await db.select().from(registrations).where(where);
  if (!reg) throw w.token ? new DomainError("token_invalid") : new DomainError("not_found", { params: { what: "registration" } });
  // The link is the credential; without it, the registration must be the caller's own.
  if (!w.token) authorize(ctx.actor, "registration.manageOwn", { userId: reg.userId });
  return reg;
}

async function details(db: Executor, reg: typeof registrations.$inferSelect) {
  const [edition] = await db.select().from(editions).where(eq(editions.id, reg.editionId));
  const [category] = await db.select().from(visitorCategories).where(eq(visitorCategories.id, reg.categoryId));
  const questions = await questionsFor(db, reg.editionId, reg.categoryId);
  return { edition: edition!, category: category!, questions, dayCount: editionDayCount(edition!) };
}

/** One registration with what its manage page needs. */
export async function getOwnRegistration(ctx: Ctx, raw: Input<typeof which>) {
  const reg = await findOwn(ctx.db, ctx, parseInput(which, raw));
  return { registration: ownRegistrationView(reg), ...(await details(ctx.db, reg)) };
}

/** What the registrant is shown of their registration: an allow-list, so a new column (or a
 *  secret such as the manage-token hash, the idempotency key or the request fingerprint) is never
 *  shown until someone adds it here. */
function ownRegistrationView(r: typeof registrations.$inferSelect) {
  const { id, editionId, number, categoryId, userId, email, name, nameUr, organisation, designation, phone, status, days, answers } = r;
  const { consentData, consentScan, groupId, source, waitlistedAt, locale, refusalReason, decidedAt, decidedBy, createdAt, updatedAt } = r;
  return { id, editionId, number, categoryId, userId, email, name, nameUr, organisation, designation, phone, status, days, answers, consentData, consentScan, groupId, source, waitlistedAt, locale, refusalReason, decidedAt, decidedBy, createdAt, updatedAt };
}

export async function listOwnRegistrations(ctx: Ctx) {
  authorize(ctx.actor, "session.signedIn");
  if (ctx.actor.kind !== "user") return [];
  return ctx.db
    .select({
      id: registrations.id,
      number: registrations.number,
      status: registrations.status,
      days: registrations.days,
      createdAt: registrations.createdAt,
      editionNameEn: editions.nameEn,
      editionNameUr: editions.nameUr,
      categoryNameEn: visitorCategories.nameEn,
      categoryNameUr: visitorCategories.nameUr,
    })
    .from(registrations)
    .innerJoin(editions, eq(editions.id, registrations.editionId))
    .innerJoin(visitorCategories, eq(visitorCategories.id, registrations.categoryId))
    .where(eq(registrations.userId, ctx.actor.userId))
    .orderBy(desc(registrations.createdAt));
}

/**
 * The registration's holder as the actor of their own change: through the manage link they have
 * no session, so the log names the registration (and its email); signed in, their account too.
 */
export function holderOf(reg: { id: string; email: string }) {
  return { registrationId: reg.id, label: reg.email };
}

/** Lock the edition's capacity rows, then the registration row (the lock order of places.ts). */
async function lockForChange(tx: Tx, reg: typeof registrations.$inferSelect) {
  await holdCapacityShared(tx, reg.editionId);
  const rows = await lockBuckets(tx, reg.editionId);
  const [locked] = await tx.select().from(registrations).where(eq(registrations.id, reg.id)).for("update");
  return { rows, locked: locked! };
}

/** Cancel: frees the places and promotes the waitlist in order, telling those promoted. */
export async function cancelOwnRegistration(ctx: Ctx, raw: Input<typeof which>) {
  const w = parseInput(which, raw);
  const reg = await findOwn(ctx.db, ctx, w);
  return inTransaction(ctx, async (tx) => {
    const { edition, category } = await details(tx, reg);
    const { rows, locked } = await lockForChange(tx, reg);
    if (locked.status === "cancelled" || locked.status === "refused") return { status: locked.status, promoted: [] as string[] };
    const now = ctx.clock.now();
    const [after] = await tx.update(registrations).set({ status: "cancelled", updatedAt: now }).where(eq(registrations.id, reg.id)).returning();
    await badgePort().revoke(tx, ctx, reg.id, "registration_cancelled");
    await sendRegistrationEmail(tx, ctx, edition, after!, "cancelled");
    const freed = holds(locked.status) ? [{ category: category.code, days: locked.days }] : [];
    const promoted = freed.length ? await releaseAndPromote(tx, ctx, edition, rows, stateOf(rows), freed) : [];
    await recordAudit(tx, ctx, {
      action: "registration.cancelled",
      entityType: "registration",
      entityId: reg.id,
      organiserId: edition.organiserId,
      editionId: edition.id,
      data: { registrationNo: locked.number, changes: { status: { before: locked.status, after: "cancelled" } }, promotedCount: promoted.length },
      by: holderOf(locked),
    });
    return { status: "cancelled" as const, promoted };
  });
}

/** Change the days and answers. A holder keeps their place only if the new days all fit. */
export async function updateOwnRegistration(ctx: Ctx, raw: Input<typeof ownEditInput>) {
  const input = parseInput(ownEditInput, raw);
  if (!input.registrationId === !input.token) throw new DomainError("bad_request");
  const reg = await findOwn(ctx.db, ctx, input);
  return inTransaction(ctx, async (tx) => {
    const { edition, category, questions, dayCount } = await details(tx, reg);
    // A day that has passed cannot be added (one already held may be kept).
    const added = input.days.filter((d) => !reg.days.includes(d));
    const issues = [...checkDays(input.days, dayCount), ...checkPastDays(added, edition, ctx.clock.now()), ...checkAnswers(questions, input.answers)];
    if (issues.length) throw new DomainError("validation_failed", { fields: issues });
    const { rows, locked } = await lockForChange(tx, reg);
    if (locked.status === "cancelled" || locked.status === "refused") throw new DomainError("registration_inactive");
    const days = [...new Set(input.days)].sort((a, b) => a - b);
    if (holds(locked.status)) {
      const released = releasePlaces(stateOf(rows), [{ category: category.code, days: locked.days }]);
      const d = admitOrWaitlist(released, { category: category.code, days });
      if (d.decision === "waitlist") {
        throw new DomainError("validation_failed", { fields: [{ path: "days", code: "registration_days_full" }] });
      }
      await tx.update(registrations).set({ days, answers: input.answers, updatedAt: ctx.clock.now() }).where(eq(registrations.id, reg.id));
      // Writes the new counts; fewer days may have freed a place someone is waiting for.
      await promoteAndWrite(tx, ctx, edition, rows, d.state);
    } else {
      await tx.update(registrations).set({ days, answers: input.answers, updatedAt: ctx.clock.now() }).where(eq(registrations.id, reg.id));
    }
    // The badge signs the days: new days need a new badge (the old serial is then refused as replaced).
    if (locked.status === "approved") await badgePort().issue(tx, ctx, reg.id);
    const [after] = await tx.select().from(registrations).where(eq(registrations.id, reg.id));
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    if (JSON.stringify(locked.days) !== JSON.stringify(after!.days)) changes.days = { before: locked.days, after: after!.days };
    if (JSON.stringify(locked.answers) !== JSON.stringify(after!.answers)) changes.answers = { before: locked.answers, after: after!.answers };
    if (locked.status !== after!.status) changes.status = { before: locked.status, after: after!.status };
    if (Object.keys(changes).length > 0) {
      await recordAudit(tx, ctx, {
        action: "registration.updated",
        entityType: "registration",
        entityId: reg.id,
        organiserId: edition.organiserId,
        editionId: edition.id,
        data: { registrationNo: after!.number, changes },
        by: holderOf(locked),
      });
    }
    return { id: after!.id, status: after!.status, days: after!.days };
  });
}
