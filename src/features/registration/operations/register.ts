import { and, eq, inArray, ne, or, sql } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import { isUniqueViolation } from "../../../platform/db/errors";
import type { Executor, Tx } from "../../../platform/db/types";
import { DomainError, type FieldIssue } from "../../../platform/errors";
import { hashSecret, newId, newSecret } from "../../../platform/ids";
import { authorize, type Permission } from "../../../platform/permissions/policy";
import { parseInput } from "../../../platform/validation";
import { issueBadge } from "../../checkin/operations/issue-badge";
import { STAFF_CATEGORY } from "../../checkin/seed";
import { editions, visitorCategories } from "../../editions/tables";
import { admitOrWaitlistGroup, bucketsFor } from "../core/capacity";
import { requestFingerprint } from "../core/idempotency";
import { groupInput, registerInput, walkInInput, type PersonInput } from "../schemas";
import { registrations, type RegistrationStatus } from "../tables";
import { sendRegistrationEmail } from "./emails";
import { allocateNumbers, lockBuckets, stateOf, writeUsed } from "./places";
import { checkAnswers, questionsFor } from "./questions";
import { oneAtATime } from "./queue";

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

export async function loadEditionAndCategory(db: Executor, editionId: string, categoryId: string) {
  // One round trip: the category joined to its edition (a category of another edition is no match).
  const [row] = await db
    .select({ edition: editions, category: visitorCategories })
    .from(editions)
    .leftJoin(visitorCategories, and(eq(visitorCategories.id, categoryId), eq(visitorCategories.editionId, editions.id)))
    .where(eq(editions.id, editionId));
  if (!row) throw new DomainError("not_found", { params: { what: "edition" } });
  if (!row.category) throw new DomainError("validation_failed", { fields: [{ path: "categoryId", code: "invalid_value" }] });
  return { edition: row.edition, category: row.category };
}

export function checkDays(days: number[], dayCount: number, path = "days"): FieldIssue[] {
  return days.some((d) => d >= dayCount) ? [{ path, code: "registration_day_out_of_range", params: { max: dayCount } }] : [];
}

type Source = "self" | "group" | "walk_in";

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

interface PeopleInput {
  editionId: string;
  categoryId: string;
  idempotencyKey?: string;
  locale?: "en" | "ur";
  members: PersonInput[];
}

async function registerPeople(ctx: Ctx, input: PeopleInput, source: Source, permission: Permission): Promise<RegisterResult> {
  const { edition, category } = await loadEditionAndCategory(ctx.db, input.editionId, input.categoryId);
  authorize(ctx.actor, permission, { organiserId: edition.organiserId });
  // Staff badges come only from an exhibitor's own account, within the quota organisers set
  // (checkin/operations/staff-badges.ts); neither the public form nor the desk may bypass it.
  if (category.code === STAFF_CATEGORY) {
    throw new DomainError("validation_failed", { fields: [{ path: "categoryId", code: "registration_category_not_public" }] });
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
      if (sameKey[0]!.requestFingerprint !== fingerprint) throw new DomainError("conflict", { params: { what: "idempotency_key" } });
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

  try {
    return await oneAtATime(edition.id, () =>
      inTransaction(ctx, (tx) => insertPeople(tx, ctx, { edition, category, input, source, scopedKey, fingerprint })),
    );
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    // Lost a race with an identical request (same key or same email): answer as the winner did.
    const after = answerFrom(await earlier());
    if (after) return after;
    throw e;
  }
}

async function insertPeople(
  tx: Tx,
  ctx: Ctx,
  a: {
    edition: typeof editions.$inferSelect;
    category: typeof visitorCategories.$inferSelect;
    input: PeopleInput;
    source: Source;
    scopedKey: string | null;
    fingerprint: string;
  },
): Promise<RegisterResult> {
  const { edition, category, input, source } = a;
  const numbers = await allocateNumbers(tx, edition.id, input.members.length);
  const requests = input.members.map((m) => ({ category: category.code, days: m.days }));
  const rows = await lockBuckets(tx, edition.id, [...new Set(requests.flatMap(bucketsFor))].sort());
  const decision = admitOrWaitlistGroup(stateOf(rows), requests);
  const admitted = decision.decision === "admit";
  if (admitted) await writeUsed(tx, edition.id, rows, decision.state);
  const status: RegistrationStatus = !admitted ? "waitlisted" : category.needsApproval && source !== "walk_in" ? "pending" : "approved";
  const now = ctx.clock.now();
  const groupId = input.members.length > 1 || source === "group" ? newId() : null;
  const tokens = input.members.map(() => newSecret(24));
  const userId = ctx.actor.kind === "user" && source === "self" ? ctx.actor.userId : null;
  const inserted = await tx
    .insert(registrations)
    .values(
      input.members.map((m, i) => ({
        editionId: edition.id,
        number: numbers[i]!,
        categoryId: category.id,
        userId,
        email: m.email,
        name: m.name,
        nameUr: m.nameUr,
        organisation: m.organisation,
        designation: m.designation,
        phone: m.phone,
        status,
        days: [...new Set(m.days)].sort((x, y) => x - y),
        answers: m.answers,
        consentData: m.consentData,
        consentScan: m.consentScan,
        groupId,
        idempotencyKey: a.scopedKey ? (i === 0 ? a.scopedKey : `${a.scopedKey}#${i}`) : null,
        requestFingerprint: a.scopedKey ? a.fingerprint : null,
        manageTokenHash: hashSecret(tokens[i]!),
        source,
        waitlistedAt: admitted ? null : now,
        decidedAt: status === "approved" ? now : null,
        decidedBy: status === "approved" && source === "walk_in" && ctx.actor.kind === "user" ? ctx.actor.userId : null,
        locale: input.locale ?? ctx.locale,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .returning();
  for (const [i, reg] of inserted.entries()) {
    if (reg.status === "approved") await issueBadge(tx, ctx, reg.id);
    const kind = reg.status === "waitlisted" ? "waitlisted" : reg.status === "approved" ? "approved" : "received";
    await sendRegistrationEmail(tx, ctx, edition, reg, kind, tokens[i], category);
  }
  if (source === "walk_in") {
    await recordAudit(tx, ctx, {
      action: "registration.walk_in",
      entityType: "registration",
      entityId: inserted[0]!.id,
      organiserId: edition.organiserId,
      editionId: edition.id,
      data: { number: inserted[0]!.number, status: inserted[0]!.status, category: category.code },
    });
  }
  return { registrations: inserted.map(publicView), created: true, manageTokens: tokens };
}
