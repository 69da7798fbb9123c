import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record";
import { users } from "../../../platform/auth/tables";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import type { Permission } from "../../../platform/permissions/policy";
import { parseInput, type Input } from "../../../platform/validation";
import { roleGrants } from "#features/accounts";
import { editionFor, editionForChange, partForChange, sectors } from "#features/editions";
import { isUniqueViolation } from "../../../platform/db/errors";
import { shortlistOnClose } from "./board";
import { editionInput, removeJudgeInput, saveCategoryInput, saveCriterionInput, setJudgeInput, setRoundInput } from "../schemas";
import { awardCategories, awardCriteria, awardEntries, awardJudges, awardRounds, awardRoundKinds, type AwardRoundKind } from "../tables";

// The organiser's set-up of an edition's awards (issue #13, awards items 1 and 3): categories with
// their eligibility rules, each with its two rounds (created with the category), the rounds'
// criteria and judges. Every change locks the edition row and is audited.

/** A category for changing it: the edition locked, the caller authorised. */
export async function categoryForChange(tx: Executor, ctx: Ctx, categoryId: string, permission: Permission = "awards.manage") {
  const [row] = await tx.select().from(awardCategories).where(eq(awardCategories.id, categoryId));
  const { part, edition } = await partForChange(tx, ctx.actor, row, permission, "award_category");
  return { category: part, edition };
}

export async function roundOf(db: Executor, categoryId: string, kind: AwardRoundKind) {
  const [round] = await db.select().from(awardRounds).where(and(eq(awardRounds.categoryId, categoryId), eq(awardRounds.kind, kind)));
  if (!round) throw new DomainError("not_found", { params: { what: "award_round" } });
  return round;
}

/** Everything the awards back office shows for an edition. */
export async function getAwardsSetup(ctx: Ctx, raw: Input<typeof editionInput>) {
  const { editionId } = parseInput(editionInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, editionId, "awards.manage");
  const db = ctx.db;
  const categories = await db.select().from(awardCategories).where(eq(awardCategories.editionId, edition.id)).orderBy(asc(awardCategories.sort), asc(awardCategories.nameEn));
  const ids = categories.map((c) => c.id);
  const rounds = ids.length ? await db.select().from(awardRounds).where(inArray(awardRounds.categoryId, ids)) : [];
  const roundIds = rounds.map((r) => r.id);
  const criteria = roundIds.length ? await db.select().from(awardCriteria).where(inArray(awardCriteria.roundId, roundIds)).orderBy(asc(awardCriteria.sort)) : [];
  const judges = roundIds.length
    ? await db
        .select({ roundId: awardJudges.roundId, userId: awardJudges.userId, clusterSlugs: awardJudges.clusterSlugs, lead: awardJudges.lead, name: users.name, email: users.email })
        .from(awardJudges)
        .innerJoin(users, eq(users.id, awardJudges.userId))
        .where(inArray(awardJudges.roundId, roundIds))
        .orderBy(asc(users.name))
    : [];
  const counts = ids.length
    ? await db
        .select({ categoryId: awardEntries.categoryId, entries: sql<number>`count(*) filter (where not ${awardEntries.withdrawn})::int`, shortlisted: sql<number>`count(*) filter (where ${awardEntries.shortlisted} and not ${awardEntries.withdrawn})::int` })
        .from(awardEntries)
        .where(inArray(awardEntries.categoryId, ids))
        .groupBy(awardEntries.categoryId)
    : [];
  const reviewers = await db
    .selectDistinct({ id: users.id, name: users.name, email: users.email })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.role, "reviewer"), eq(roleGrants.organiserId, edition.organiserId)))
    .orderBy(asc(users.name));
  return {
    edition,
    reviewers,
    categories: categories.map((c) => {
      const n = counts.find((x) => x.categoryId === c.id);
      return {
        ...c,
        entries: Number(n?.entries ?? 0),
        shortlisted: Number(n?.shortlisted ?? 0),
        rounds: awardRoundKinds.map((kind) => {
          const r = rounds.find((x) => x.categoryId === c.id && x.kind === kind)!;
          return { ...r, criteria: criteria.filter((k) => k.roundId === r.id), judges: judges.filter((j) => j.roundId === r.id) };
        }),
      };
    }),
  };
}

export async function saveCategory(ctx: Ctx, raw: Input<typeof saveCategoryInput>) {
  const input = parseInput(saveCategoryInput, raw);
  return inTransaction(ctx, async (tx) => {
    const edition = await editionForChange(tx, ctx.actor, input.editionId, "awards.manage");
    const { id, ...values } = input;
    if (values.sectorCodes.length) {
      const known = new Set((await tx.select({ code: sectors.code }).from(sectors).where(eq(sectors.editionId, edition.id))).map((r) => r.code));
      if (values.sectorCodes.some((c) => !known.has(c))) throw new DomainError("validation_failed", { fields: [{ path: "sectorCodes", code: "awards_no_such_sector" }] });
    }
    let categoryId = id;
    try {
      if (id) {
        const [row] = await tx.update(awardCategories).set(values).where(and(eq(awardCategories.id, id), eq(awardCategories.editionId, edition.id))).returning({ id: awardCategories.id, lockedAt: awardCategories.lockedAt });
        if (!row) throw new DomainError("not_found", { params: { what: "award_category" } });
      } else {
        const [row] = await tx.insert(awardCategories).values(values).returning({ id: awardCategories.id });
        categoryId = row!.id;
        await tx.insert(awardRounds).values(awardRoundKinds.map((kind) => ({ editionId: edition.id, categoryId: categoryId!, kind, judgesPerEntry: kind === "shortlist" ? 2 : 3 })));
      }
    } catch (e) {
      if (isUniqueViolation(e)) throw new DomainError("validation_failed", { fields: [{ path: "slug", code: "awards_slug_taken" }] });
      throw e;
    }
    await recordAudit(tx, ctx, { action: "award.category_saved", entityType: "award_category", entityId: categoryId!, organiserId: edition.organiserId, editionId: edition.id, data: { slug: input.slug, created: !id } });
    return { id: categoryId! };
  });
}

export async function saveCriterion(ctx: Ctx, raw: Input<typeof saveCriterionInput>) {
  const input = parseInput(saveCriterionInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { category, edition } = await categoryForChange(tx, ctx, input.categoryId);
    const round = await roundOf(tx, category.id, input.round);
    if (round.status !== "draft") throw new DomainError("award_round_not_open");
    const { id, categoryId: _c, round: _r, ...values } = input;
    let criterionId = id;
    try {
      if (id) {
        const [row] = await tx.update(awardCriteria).set(values).where(and(eq(awardCriteria.id, id), eq(awardCriteria.roundId, round.id))).returning({ id: awardCriteria.id });
        if (!row) throw new DomainError("not_found", { params: { what: "award_criterion" } });
      } else {
        criterionId = (await tx.insert(awardCriteria).values({ ...values, roundId: round.id }).returning({ id: awardCriteria.id }))[0]!.id;
      }
    } catch (e) {
      if (isUniqueViolation(e)) throw new DomainError("validation_failed", { fields: [{ path: "slug", code: "awards_slug_taken" }] });
      throw e;
    }
    await recordAudit(tx, ctx, { action: "award.criterion_saved", entityType: "award_category", entityId: category.id, organiserId: edition.organiserId, editionId: edition.id, data: { round: input.round, slug: input.slug, weight: input.weight } });
    return { id: criterionId! };
  });
}

/** Moves a round along (draft → open → closed; never back from closed) or changes its numbers.
 *  Closing the shortlist round shortlists its best `advance` entries for the final. */
export async function setRound(ctx: Ctx, raw: Input<typeof setRoundInput>) {
  const input = parseInput(setRoundInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { category, edition } = await categoryForChange(tx, ctx, input.categoryId);
    if (category.lockedAt) throw new DomainError("award_results_locked");
    const round = await roundOf(tx, category.id, input.round);
    const order = { draft: 0, open: 1, closed: 2 } as const;
    if (input.status && order[input.status] < order[round.status]) throw new DomainError("award_round_not_open");
    if (input.status === "open" && input.round === "final") {
      const shortlist = await roundOf(tx, category.id, "shortlist");
      if (shortlist.status !== "closed") throw new DomainError("award_rounds_not_closed");
    }
    const [updated] = await tx
      .update(awardRounds)
      .set({ ...(input.status ? { status: input.status } : {}), ...(input.judgesPerEntry ? { judgesPerEntry: input.judgesPerEntry } : {}), ...(input.advance ? { advance: input.advance } : {}) })
      .where(eq(awardRounds.id, round.id))
      .returning();
    if (input.status === "closed" && round.status !== "closed") await shortlistOnClose(tx, updated!);
    await recordAudit(tx, ctx, { action: "award.round_set", entityType: "award_category", entityId: category.id, organiserId: edition.organiserId, editionId: edition.id, data: { round: input.round, from: round.status, to: updated!.status, judgesPerEntry: updated!.judgesPerEntry, advance: updated!.advance } });
    return updated!;
  });
}

/** Adds a judge to a round (or changes its clusters or lead flag): an account with the reviewer
 *  role of the edition's organiser. */
export async function setJudge(ctx: Ctx, raw: Input<typeof setJudgeInput>) {
  const input = parseInput(setJudgeInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { category, edition } = await categoryForChange(tx, ctx, input.categoryId);
    const round = await roundOf(tx, category.id, input.round);
    const [grant] = await tx
      .select({ userId: roleGrants.userId })
      .from(roleGrants)
      .where(and(eq(roleGrants.userId, input.userId), eq(roleGrants.role, "reviewer"), eq(roleGrants.organiserId, edition.organiserId)))
      .limit(1);
    if (!grant) throw new DomainError("validation_failed", { fields: [{ path: "userId", code: "awards_not_a_reviewer" }] });
    await tx
      .insert(awardJudges)
      .values({ roundId: round.id, userId: input.userId, clusterSlugs: input.clusterSlugs, lead: input.lead })
      .onConflictDoUpdate({ target: [awardJudges.roundId, awardJudges.userId], set: { clusterSlugs: input.clusterSlugs, lead: input.lead } });
    // A new cluster affiliation recuses at once: its assignments in an unclosed round go (scores with them).
    if (round.status !== "closed")
      await tx.execute(sql`DELETE FROM award_assignments WHERE round_id = ${round.id} AND user_id = ${input.userId} AND awards_recused(round_id, entry_id, user_id)`);
    await recordAudit(tx, ctx, { action: "award.judge_set", entityType: "award_category", entityId: category.id, organiserId: edition.organiserId, editionId: edition.id, data: { round: input.round, userId: input.userId, clusterSlugs: input.clusterSlugs, lead: input.lead } });
    return { ok: true };
  });
}

export async function removeJudge(ctx: Ctx, raw: Input<typeof removeJudgeInput>) {
  const input = parseInput(removeJudgeInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { category, edition } = await categoryForChange(tx, ctx, input.categoryId);
    const round = await roundOf(tx, category.id, input.round);
    if (round.status === "closed") throw new DomainError("award_round_not_open");
    const removed = await tx.delete(awardJudges).where(and(eq(awardJudges.roundId, round.id), eq(awardJudges.userId, input.userId))).returning();
    if (removed.length) await recordAudit(tx, ctx, { action: "award.judge_removed", entityType: "award_category", entityId: category.id, organiserId: edition.organiserId, editionId: edition.id, data: { round: input.round, userId: input.userId } });
    return { removed: removed.length > 0 };
  });
}
