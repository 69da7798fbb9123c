import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { rowsOf } from "../../../platform/db/rows";
import { DomainError } from "../../../platform/errors";
import { authorize, can } from "../../../platform/permissions/policy";
import { parseInput, type Input } from "../../../platform/validation";
import { enterprises } from "#features/editions";
import { editions } from "#features/editions";
import { refusingAwards } from "../db-errors";
import { assignJudges } from "../engine/assignment";
import { scoreInput, conflictInput } from "../schemas";
import { awardRoundKinds, awardAssignments, awardCategories, awardConflicts, awardCriteria, awardEntries, awardJudges, awardRounds, awardScores } from "../tables";
import { categoryForChange, roundOf } from "./setup";
import { evidenceOf } from "./evidence";
import { roundModeration } from "./moderation";

// Judging (issue #13, awards item 3): load-balanced assignment with automatic recusal, a judge's
// own assigned entries and scores, conflict declarations. A judge never sees another judge's
// scores; the round's leaderboard is in operations/board.ts.

type Round = typeof awardRounds.$inferSelect;

/** The entries a round judges: every entry not withdrawn in the shortlist round, the shortlisted
 *  ones in the final. */
export async function roundEntryIds(db: Executor, round: Round) {
  const rows = await db
    .select({ id: awardEntries.id })
    .from(awardEntries)
    .where(and(eq(awardEntries.categoryId, round.categoryId), eq(awardEntries.withdrawn, false), ...(round.kind === "final" ? [eq(awardEntries.shortlisted, true)] : [])))
    .orderBy(asc(awardEntries.id));
  return rows.map((r) => r.id);
}

/** Pairs of the round's judges and entries the database's recusal rule excludes. */
export async function recusedPairs(db: Executor, roundId: string, entryIds: readonly string[]) {
  if (entryIds.length === 0) return [];
  const r = await db.execute(sql`
    SELECT e.id AS "entryId", j.user_id AS "judgeId" FROM award_entries e
    JOIN award_judges j ON j.round_id = ${roundId}
    WHERE e.id IN (${sql.join(entryIds.map((id) => sql`${id}::uuid`), sql`, `)}) AND awards_recused(${roundId}::uuid, e.id, j.user_id)`);
  return rowsOf<{ entryId: string; judgeId: string }>(r);
}

const assignRoundInput = z.strictObject({ categoryId: z.uuid(), round: z.enum(awardRoundKinds), seed: z.number().int().default(1) });

/** Assigns the round's entries to its judges (keeping still-eligible assignments), balancing load. */
export async function assignRound(ctx: Ctx, raw: Input<typeof assignRoundInput>) {
  const input = parseInput(assignRoundInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { category, edition } = await categoryForChange(tx, ctx, input.categoryId);
    if (category.lockedAt) throw new DomainError("award_results_locked");
    const round = await roundOf(tx, category.id, input.round);
    if (round.status === "closed") throw new DomainError("award_round_not_open");
    const entryIds = await roundEntryIds(tx, round);
    const judgeIds = (await tx.select({ id: awardJudges.userId }).from(awardJudges).where(eq(awardJudges.roundId, round.id))).map((j) => j.id);
    const existing = (await tx.select().from(awardAssignments).where(eq(awardAssignments.roundId, round.id))).map((a) => ({ entryId: a.entryId, judgeId: a.userId }));
    const recused = await recusedPairs(tx, round.id, entryIds);
    const result = assignJudges({ entryIds, judgeIds, recused, existing, judgesPerEntry: round.judgesPerEntry, seed: input.seed });
    const keep = new Set(result.assignments.map((a) => `${a.entryId}|${a.judgeId}`));
    for (const a of existing) {
      if (!keep.has(`${a.entryId}|${a.judgeId}`))
        await tx.delete(awardAssignments).where(and(eq(awardAssignments.roundId, round.id), eq(awardAssignments.entryId, a.entryId), eq(awardAssignments.userId, a.judgeId)));
    }
    const fresh = result.assignments.filter((a) => !a.existing);
    if (fresh.length) await refusingAwards(() => tx.insert(awardAssignments).values(fresh.map((a) => ({ roundId: round.id, entryId: a.entryId, userId: a.judgeId }))));
    await recordAudit(tx, ctx, { action: "award.assigned", entityType: "award_category", entityId: category.id, organiserId: edition.organiserId, editionId: edition.id, data: { round: round.kind, added: fresh.length, shortfalls: result.shortfalls.length, recused: recused.length } });
    return { added: fresh.length, total: result.assignments.length, loads: result.loads, shortfalls: result.shortfalls, recused: recused.length };
  });
}

const reassignEntryInput = z.strictObject({ categoryId: z.uuid(), round: z.enum(awardRoundKinds), entryId: z.uuid(), fromUserId: z.uuid(), toUserId: z.uuid() });

/**
 * Moderation: moves one entry's judging in a round from one judge to another. The organiser, or
 * the round's lead judge, may. Refusals: the results locked (award_results_locked), the round
 * closed (award_round_not_open), the entry not with `from` (award_not_assigned), `from` has scored
 * it (award_assignment_scored), `to` not a judge of the round (not_found), already on the entry
 * (award_already_assigned) or recused from it (award_judge_recused: the database's rule). Audited.
 */
export async function reassignEntry(ctx: Ctx, raw: Input<typeof reassignEntryInput>) {
  const input = parseInput(reassignEntryInput, raw);
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx
      .select({ category: awardCategories, organiserId: editions.organiserId })
      .from(awardCategories)
      .innerJoin(editions, eq(editions.id, awardCategories.editionId))
      .where(eq(awardCategories.id, input.categoryId));
    const scope = { organiserId: row?.organiserId ?? "none" };
    const round = row ? await roundOf(tx, row.category.id, input.round) : null;
    const organiser = can(ctx.actor, "awards.manage", scope);
    const lead =
      !organiser && round && ctx.actor.kind === "user" && can(ctx.actor, "awards.judge", scope)
        ? (await tx.select({ lead: awardJudges.lead }).from(awardJudges).where(and(eq(awardJudges.roundId, round.id), eq(awardJudges.userId, ctx.actor.userId))))[0]?.lead === true
        : false;
    if (!organiser && !lead) authorize(ctx.actor, "awards.manage", scope);
    if (!row || !round) throw new DomainError("not_found", { params: { what: "award_category" } });
    if (row.category.lockedAt) throw new DomainError("award_results_locked");
    if (round.status === "closed") throw new DomainError("award_round_not_open");
    // The round's assignments of this entry, locked: two moderators moving it at once queue here.
    const held = await tx.select().from(awardAssignments).where(and(eq(awardAssignments.roundId, round.id), eq(awardAssignments.entryId, input.entryId))).for("update");
    if (!held.some((a) => a.userId === input.fromUserId)) throw new DomainError("award_not_assigned");
    if (held.some((a) => a.userId === input.toUserId)) throw new DomainError("award_already_assigned");
    const [judge] = await tx.select({ userId: awardJudges.userId }).from(awardJudges).where(and(eq(awardJudges.roundId, round.id), eq(awardJudges.userId, input.toUserId)));
    if (!judge) throw new DomainError("not_found", { params: { what: "award_judge" } });
    const [scored] = await tx.select({ n: sql<number>`count(*)::int` }).from(awardScores).where(and(eq(awardScores.roundId, round.id), eq(awardScores.entryId, input.entryId), eq(awardScores.userId, input.fromUserId)));
    if (Number(scored?.n ?? 0) > 0) throw new DomainError("award_assignment_scored");
    await tx.delete(awardAssignments).where(and(eq(awardAssignments.roundId, round.id), eq(awardAssignments.entryId, input.entryId), eq(awardAssignments.userId, input.fromUserId)));
    // The recusal trigger refuses a judge affiliated with the entry's cluster or trade body, or
    // with a declared conflict: the same rule as the automatic assignment.
    await refusingAwards(() => tx.insert(awardAssignments).values({ roundId: round.id, entryId: input.entryId, userId: input.toUserId }));
    await recordAudit(tx, ctx, { action: "award.reassigned", entityType: "award_entry", entityId: input.entryId, organiserId: row.organiserId, editionId: row.category.editionId, data: { round: round.kind, from: input.fromUserId, to: input.toUserId } });
    return { entryId: input.entryId, from: input.fromUserId, to: input.toUserId };
  });
}

function judgeId(ctx: Ctx): string {
  if (ctx.actor.kind !== "user") authorize(ctx.actor, "awards.judge");
  return (ctx.actor as { userId: string }).userId;
}

/** The signed-in judge's rounds, each with its criteria and the judge's assigned entries and OWN
 *  scores; never another judge's. */
const noInput = z.strictObject({});

export async function myJudging(ctx: Ctx, raw: Input<typeof noInput> = {}) {
  parseInput(noInput, raw);
  const userId = judgeId(ctx);
  const rounds = await ctx.db
    .select({ round: awardRounds, category: awardCategories, lead: awardJudges.lead, edition: { id: editions.id, slug: editions.slug, nameEn: editions.nameEn, nameUr: editions.nameUr, organiserId: editions.organiserId } })
    .from(awardJudges)
    .innerJoin(awardRounds, eq(awardRounds.id, awardJudges.roundId))
    .innerJoin(awardCategories, eq(awardCategories.id, awardRounds.categoryId))
    .innerJoin(editions, eq(editions.id, awardCategories.editionId))
    .where(and(eq(awardJudges.userId, userId), inArray(awardRounds.status, ["open", "closed"])))
    .orderBy(asc(editions.startsOn), asc(awardCategories.sort), asc(awardRounds.kind));
  const out = [];
  for (const r of rounds) {
    authorize(ctx.actor, "awards.judge", { organiserId: r.edition.organiserId });
    const criteria = await ctx.db.select().from(awardCriteria).where(eq(awardCriteria.roundId, r.round.id)).orderBy(asc(awardCriteria.sort));
    const entries = await ctx.db
      .select({ id: awardEntries.id, nameEn: enterprises.nameEn, nameUr: enterprises.nameUr, statement: awardEntries.statement, sizeClass: enterprises.sizeClass, womenLed: enterprises.womenLed, clusterSlug: enterprises.clusterSlug, district: enterprises.district, descriptionEn: enterprises.descriptionEn, descriptionUr: enterprises.descriptionUr })
      .from(awardAssignments)
      .innerJoin(awardEntries, eq(awardEntries.id, awardAssignments.entryId))
      .innerJoin(enterprises, eq(enterprises.id, awardEntries.enterpriseId))
      .where(and(eq(awardAssignments.roundId, r.round.id), eq(awardAssignments.userId, userId), eq(awardEntries.withdrawn, false)))
      .orderBy(asc(enterprises.nameEn));
    const scores = await ctx.db
      .select({ entryId: awardScores.entryId, criterionId: awardScores.criterionId, score: awardScores.score, comment: awardScores.comment })
      .from(awardScores)
      .where(and(eq(awardScores.roundId, r.round.id), eq(awardScores.userId, userId)));
    const evidence = await evidenceOf(ctx.db, entries.map((e) => e.id));
    // The lead judge moderates an open round of a category whose results are not locked.
    const moderation = r.lead && r.round.status === "open" && !r.category.lockedAt ? await roundModeration(ctx.db, r.round.id) : null;
    out.push({
      ...r,
      moderation,
      criteria,
      entries: entries.map((e) => {
        const mine = scores.filter((s) => s.entryId === e.id);
        return { ...e, evidence: evidence.get(e.id) ?? [], scores: mine, complete: criteria.length > 0 && criteria.every((c) => mine.some((s) => s.criterionId === c.id)) };
      }),
    });
  }
  return out;
}

/** A judge scores an assigned entry on the round's criteria (each criterion with its comment); a
 *  second call changes the scores while the round is open. */
export async function scoreEntry(ctx: Ctx, raw: Input<typeof scoreInput>) {
  const input = parseInput(scoreInput, raw);
  const userId = judgeId(ctx);
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx
      .select({ round: awardRounds, organiserId: editions.organiserId, editionId: editions.id, lockedAt: awardCategories.lockedAt })
      .from(awardRounds)
      .innerJoin(awardCategories, eq(awardCategories.id, awardRounds.categoryId))
      .innerJoin(editions, eq(editions.id, awardCategories.editionId))
      .where(eq(awardRounds.id, input.roundId));
    authorize(ctx.actor, "awards.judge", { organiserId: row?.organiserId ?? "none" });
    if (!row) throw new DomainError("award_not_assigned");
    const [assigned] = await tx
      .select()
      .from(awardAssignments)
      .where(and(eq(awardAssignments.roundId, row.round.id), eq(awardAssignments.entryId, input.entryId), eq(awardAssignments.userId, userId)))
      .for("update");
    if (!assigned) throw new DomainError("award_not_assigned");
    const criteria = await tx.select({ id: awardCriteria.id }).from(awardCriteria).where(eq(awardCriteria.roundId, row.round.id));
    const ids = new Set(criteria.map((c) => c.id));
    const fields = input.scores.flatMap((s, i) => (ids.has(s.criterionId) ? [] : [{ path: `scores.${i}.criterionId`, code: "awards_no_such_criterion" }]));
    if (fields.length) throw new DomainError("validation_failed", { fields });
    const now = ctx.clock.now();
    await refusingAwards(() =>
      tx
        .insert(awardScores)
        .values(input.scores.map((s) => ({ roundId: row.round.id, entryId: input.entryId, userId, criterionId: s.criterionId, score: s.score, comment: s.comment, scoredAt: now })))
        .onConflictDoUpdate({ target: [awardScores.roundId, awardScores.entryId, awardScores.userId, awardScores.criterionId], set: { score: sql`excluded.score`, comment: sql`excluded.comment`, scoredAt: now } }),
    );
    await recordAudit(tx, ctx, { action: "award.scored", entityType: "award_entry", entityId: input.entryId, organiserId: row.organiserId, editionId: row.editionId, data: { round: row.round.kind, criteria: input.scores.length } });
    return { scored: input.scores.length };
  });
}

/** A judge declares a conflict with an entry it was given: recused from it in every round (the
 *  database removes its assignments of unclosed rounds, and its scores there). */
export async function declareConflict(ctx: Ctx, raw: Input<typeof conflictInput>) {
  const input = parseInput(conflictInput, raw);
  const userId = judgeId(ctx);
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx
      .select({ entry: awardEntries, organiserId: editions.organiserId })
      .from(awardEntries)
      .innerJoin(editions, eq(editions.id, awardEntries.editionId))
      .where(eq(awardEntries.id, input.entryId));
    authorize(ctx.actor, "awards.judge", { organiserId: row?.organiserId ?? "none" });
    const [judge] = row
      ? await tx
          .select({ roundId: awardJudges.roundId })
          .from(awardJudges)
          .innerJoin(awardRounds, eq(awardRounds.id, awardJudges.roundId))
          .where(and(eq(awardJudges.userId, userId), eq(awardRounds.categoryId, row.entry.categoryId)))
          .limit(1)
      : [];
    if (!row || !judge) throw new DomainError("award_not_assigned");
    await tx.insert(awardConflicts).values({ entryId: row.entry.id, userId, reason: input.reason, declaredAt: ctx.clock.now() }).onConflictDoNothing();
    await recordAudit(tx, ctx, { action: "award.conflict_declared", entityType: "award_entry", entityId: row.entry.id, organiserId: row.organiserId, editionId: row.entry.editionId, data: { reason: input.reason } });
    return { recused: true };
  });
}

