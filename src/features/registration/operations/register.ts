import { and, eq, inArray, ne, or, sql } from "drizzle-orm";
import { inTransaction, type Ctx } from "../../../platform/context";
import { isUniqueViolation } from "../../../platform/db/errors";
import type { Executor } from "../../../platform/db/types";
import { prepared } from "../../../platform/db/prepared";
import { DomainError, type FieldIssue } from "../../../platform/errors";
import { authorize, can, type Permission } from "../../../platform/permissions/policy";
import { isGroupCategory } from "../core/groups";
import { parseInput } from "../../../platform/validation";
import { STAFF_CATEGORY } from "../categories";
import { editions, visitorCategories } from "../../editions/tables";
import { requestFingerprint } from "../core/idempotency";
import { checkPastDays } from "../core/past-days";
import { groupInput, registerInput, walkInInput } from "../schemas";
import { registrations } from "../tables";
import { checkAnswers, questionsFor } from "./questions";
import { fewAtATime } from "./queue";
import { insertPeople, numbersAndKey, type PeopleInput, type Source } from "./register-insert";

type Registration = typeof registrations.$inferSelect;

/** What a registrant (or the desk) gets back: no hashes, no keys. */
export function publicView(r: Registration) {
  return {
    id: r.id,
    editionId: r.editionId,
    number: r.number,
    categoryId: r.categoryId,
    name: r.name,
    email: r.email,
    status: r.status,
    days: r.days,
    groupId: r.groupId,
    createdAt: r.createdAt.toISOString(),
  };
}
export type RegistrationView = ReturnType<typeof publicView>;

export interface RegisterResult {
  registrations: RegistrationView[];
  /** false when an earlier request (same key, or same email) already made them. */
  created: boolean;
  /** The manage-link secrets, only in the answer to the request that created them. */
  manageTokens?: string[];
}

export function editionDayCount(e: { startsOn: string; endsOn: string }): number {
  return Math.round((Date.parse(e.endsOn) - Date.parse(e.startsOn)) / 86_400_000) + 1;
}

const editionAndCategory = (db: Executor, name: string) =>
  // The category joined to its edition (a category of another edition is no match).
  db
    .select({ edition: editions, category: visitorCategories })
    .from(editions)
    .leftJoin(visitorCategories, and(eq(visitorCategories.id, sql.placeholder("categoryId")), eq(visitorCategories.editionId, editions.id)))
    .where(eq(editions.id, sql.placeholder("editionId")))
    .prepare(name);

export async function loadEditionAndCategory(db: Executor, editionId: string, categoryId: string) {
  const [row] = await prepared(db, "registration_edition_category", editionAndCategory).execute({ editionId, categoryId });
  if (!row) throw new DomainError("not_found", { params: { what: "edition" } });
  if (!row.category) throw new DomainError("validation_failed", { fields: [{ path: "categoryId", code: "invalid_value" }] });
  return { edition: row.edition, category: row.category };
}

export function checkDays(days: number[], dayCount: number, path = "days"): FieldIssue[] {
  return days.some((d) => d >= dayCount) ? [{ path, code: "registration_day_out_of_range", params: { max: dayCount } }] : [];
}

/** Public registration of one person. */
export async function register(ctx: Ctx, raw: unknown): Promise<RegisterResult> {
  const { editionId, categoryId, idempotencyKey, locale, ...person } = parseInput(registerInput, raw);
  return registerPeople(ctx, { editionId, categoryId, idempotencyKey, locale, members: [person] }, "self", "registration.register");
}

/** A delegation: one leader registers everyone; admitted (or waitlisted) together. */
export async function registerGroup(ctx: Ctx, raw: unknown): Promise<RegisterResult> {
  const input = parseInput(groupInput, raw);
  return registerPeople(ctx, input, "group", "registration.register");
}

/** At the desk: approved at once when there is room, whatever the category. */
export async function registerWalkIn(ctx: Ctx, raw: unknown): Promise<RegisterResult> {
  const { editionId, categoryId, idempotencyKey, locale, ...person } = parseInput(walkInInput, raw);
  return registerPeople(ctx, { editionId, categoryId, idempotencyKey, locale, members: [person] }, "walk_in", "registration.walkIn");
}

/** A few registrations of an edition at a time, first come first served (queue.ts): in a rush each
 *  waits its turn here instead of in the connection pool, so waits stay short and even. */
function registerPeople(ctx: Ctx, input: PeopleInput, source: Source, permission: Permission): Promise<RegisterResult> {
  return fewAtATime(input.editionId, () => registerPeopleNow(ctx, input, source, permission));
}

async function registerPeopleNow(ctx: Ctx, input: PeopleInput, source: Source, permission: Permission): Promise<RegisterResult> {
  const { edition, category } = await loadEditionAndCategory(ctx.db, input.editionId, input.categoryId);
  authorize(ctx.actor, permission, { organiserId: edition.organiserId });
  // Staff badges come only from an exhibitor's own account, within the quota organisers set
  // (checkin/operations/staff-badges.ts); neither the public form nor the desk may bypass it.
  if (category.code === STAFF_CATEGORY) {
    throw new DomainError("validation_failed", { fields: [{ path: "categoryId", code: "registration_category_not_public" }] });
  }
  // Delegations are for the categories that arrive as one (core/groups.ts); organisers may group anyone.
  if (source === "group" && !isGroupCategory(category.code) && !can(ctx.actor, "registration.configure", { organiserId: edition.organiserId })) {
    throw new DomainError("validation_failed", { fields: [{ path: "categoryId", code: "registration_category_not_group" }] });
  }
  if (edition.status !== "published" && permission === "registration.register") {
    authorize(ctx.actor, "registration.configure", { organiserId: edition.organiserId });
  }
  const many = input.members.length > 1 || source === "group";
  const at = (i: number, field: string) => (many ? `members.${i}.${field}` : field);
  const questions = await questionsFor(ctx.db, edition.id, category.id);
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  input.members.forEach((m, i) => {
    issues.push(...checkDays(m.days, editionDayCount(edition), at(i, "days")));
    // The public form offers only days still to come (core/past-days.ts); the desk is not limited.
    if (permission === "registration.register") issues.push(...checkPastDays(m.days, edition, ctx.clock.now(), at(i, "days")));
    // At the desk the queue cannot wait for optional paperwork: answers are checked, not required.
    issues.push(...checkAnswers(source === "walk_in" ? questions.map((q) => ({ ...q, required: false })) : questions, m.answers, at(i, "answers")));
    if (seen.has(m.email)) issues.push({ path: at(i, "email"), code: "registration_email_repeated" });
    seen.add(m.email);
  });
  if (issues.length) throw new DomainError("validation_failed", { fields: issues });

  const who = ctx.actor.kind === "user" ? ctx.actor.userId : ctx.actor.kind === "token" ? ctx.actor.tokenId : "anon";
  const scopedKey = input.idempotencyKey ? `${source}:${who}:${input.idempotencyKey}` : null;
  const { idempotencyKey: _ignored, ...body } = input;
  const fingerprint = requestFingerprint({ ...body, source });

  const emails = input.members.map((m) => m.email);
  // Earlier registrations this request may repeat: same idempotency key, or same email.
  const earlier = () =>
    ctx.db
      .select()
      .from(registrations)
      .where(
        and(
          eq(registrations.editionId, edition.id),
          or(
            scopedKey ? sql`split_part(${registrations.idempotencyKey}, '#', 1) = ${scopedKey}` : sql`false`,
            and(inArray(sql`lower(${registrations.email})`, emails), ne(registrations.status, "cancelled")),
          ),
        ),
      );
  const answerFrom = (rows: Registration[]): RegisterResult | undefined => {
    const sameKey = scopedKey ? rows.filter((r) => r.idempotencyKey?.split("#")[0] === scopedKey) : [];
    if (sameKey.length > 0) {
      if (sameKey[0]!.requestFingerprint !== fingerprint) throw new DomainError("idempotency_key_reused");
      return { registrations: sameKey.sort((a, b) => a.number - b.number).map(publicView), created: false };
    }
    const found = rows.filter((r) => r.status !== "cancelled" && emails.includes(r.email.toLowerCase()));
    if (found.length === 0) return undefined;
    // One person registering again gets their registration back; in a delegation, a member
    // already registered is a field error (the group comes together or not at all).
    if (!many) return { registrations: found.map(publicView), created: false };
    const taken = new Set(found.map((f) => f.email.toLowerCase()));
    throw new DomainError("validation_failed", {
      fields: input.members.flatMap((m, i) => (taken.has(m.email) ? [{ path: at(i, "email"), code: "registration_email_registered" }] : [])),
    });
  };

  const early = answerFrom(await earlier());
  if (early) return early;
  // Outside the transaction, so it stays short: numbers from the edition's sequence, and the
  // signing key of the badge that a registration approved at once gets.
  const { numbers, key } = await numbersAndKey(ctx.db, ctx, edition.id, input.members.length, !category.needsApproval || source === "walk_in");

  try {
    const { rows, tokens } = await inTransaction(ctx, (tx) => insertPeople(tx, ctx, { edition, category, input, source, scopedKey, fingerprint, numbers, key }));
    return { registrations: rows.map(publicView), created: true, manageTokens: tokens };
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    // Lost a race with an identical request (same key or same email): answer as the winner did.
    const after = answerFrom(await earlier());
    if (after) return after;
    throw e;
  }
}
