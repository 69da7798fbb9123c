import { and, asc, eq, sql } from "drizzle-orm";
import { users } from "../../../platform/auth/tables";
import type { Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { rowsOf } from "../../../platform/db/rows";
import { DomainError } from "../../../platform/errors";
import { authorize, can } from "../../../platform/permissions/policy";
import { parseInput, type Input } from "../../../platform/validation";
import { enterprises } from "#features/editions";
import { editions } from "#features/editions";
import { leaderboard, type ScoreRow } from "../engine/leaderboard";
import { roundInput } from "../schemas";
import { awardAssignments, awardCategories, awardCriteria, awardEntries, awardJudges, awardRounds } from "../tables";

// A round's progress and leaderboard (issue #13, awards item 3): organisers see both while judging
// runs (moderation); a lead judge sees progress; every judge of the round sees the leaderboard
// once the round is closed, never another judge's scores before. Once a category's results are
// locked, nobody sees its leaderboard until the publication time ("sealed").

type Round = typeof awardRounds.$inferSelect;
type Category = typeof awardCategories.$inferSelect;

/** Sealed: locked, and its publication time not reached. */
export const isSealed = (category: Pick<Category, "lockedAt" | "publishAt">, now: Date) => !!category.lockedAt && (!category.publishAt || category.publishAt > now);

/** The round's scores that count: not by a judge since recused, not of a withdrawn entry. */
export async function countingScores(db: Executor, roundId: string): Promise<ScoreRow[]> {
  const r = await db.execute(sql`
    SELECT s.entry_id AS "entryId", s.user_id AS "judgeId", s.criterion_id AS "criterionId", s.score
    FROM award_scores s JOIN award_entries e ON e.id = s.entry_id
    WHERE s.round_id = ${roundId} AND NOT e.withdrawn AND NOT awards_recused(s.round_id, s.entry_id, s.user_id)`);
  return rowsOf<ScoreRow>(r).map((x) => ({ ...x, score: Number(x.score) }));
}

export async function roundLeaderboard(db: Executor, round: Round) {
  const criteria = await db.select({ id: awardCriteria.id, weight: awardCriteria.weight }).from(awardCriteria).where(eq(awardCriteria.roundId, round.id));
  return leaderboard({ criteria, scores: await countingScores(db, round.id) });
}

/** Closing the shortlist round shortlists its best `advance` entries for the final. */
export async function shortlistOnClose(tx: Executor, round: Round) {
  if (round.kind !== "shortlist") return;
  const board = await roundLeaderboard(tx, round);
  const chosen = board.slice(0, round.advance).map((r) => r.entryId);
  await tx.update(awardEntries).set({ shortlisted: false }).where(eq(awardEntries.categoryId, round.categoryId));
  for (const id of chosen) await tx.update(awardEntries).set({ shortlisted: true }).where(eq(awardEntries.id, id));
}

export async function roundBoard(ctx: Ctx, raw: Input<typeof roundInput>) {
  const { roundId } = parseInput(roundInput, raw);
  const [row] = await ctx.db
    .select({ round: awardRounds, category: awardCategories, organiserId: editions.organiserId })
    .from(awardRounds)
    .innerJoin(awardCategories, eq(awardCategories.id, awardRounds.categoryId))
    .innerJoin(editions, eq(editions.id, awardCategories.editionId))
    .where(eq(awardRounds.id, roundId));
  const scope = { organiserId: row?.organiserId ?? "none" };
  const organiser = can(ctx.actor, "awards.manage", scope);
  const judge =
    !organiser && row && ctx.actor.kind === "user" && can(ctx.actor, "awards.judge", scope)
      ? (await ctx.db.select().from(awardJudges).where(and(eq(awardJudges.roundId, row.round.id), eq(awardJudges.userId, ctx.actor.userId))))[0]
      : undefined;
  if (!organiser && !judge) {
    authorize(ctx.actor, "awards.manage", scope);
    authorize(ctx.actor, "awards.judge", { organiserId: "none" });
  }
  if (!row) throw new DomainError("not_found", { params: { what: "award_round" } });
  if (isSealed(row.category, ctx.clock.now())) throw new DomainError("award_results_sealed");
  if (!organiser && !judge!.lead && row.round.status !== "closed") throw new DomainError("award_round_not_closed");

  const criteria = await ctx.db.select().from(awardCriteria).where(eq(awardCriteria.roundId, row.round.id)).orderBy(asc(awardCriteria.sort));
  const assignments = await ctx.db.select().from(awardAssignments).where(eq(awardAssignments.roundId, row.round.id));
  const scores = await countingScores(ctx.db, row.round.id);
  const complete = (entryId: string, judgeId: string) => criteria.length > 0 && criteria.every((c) => scores.some((s) => s.entryId === entryId && s.judgeId === judgeId && s.criterionId === c.id));
  const judges = await ctx.db
    .select({ userId: awardJudges.userId, name: users.name, lead: awardJudges.lead })
    .from(awardJudges)
    .innerJoin(users, eq(users.id, awardJudges.userId))
    .where(eq(awardJudges.roundId, row.round.id))
    .orderBy(asc(users.name));
  const entries = await ctx.db
    .select({ id: awardEntries.id, nameEn: enterprises.nameEn, nameUr: enterprises.nameUr, withdrawn: awardEntries.withdrawn, shortlisted: awardEntries.shortlisted })
    .from(awardEntries)
    .innerJoin(enterprises, eq(enterprises.id, awardEntries.enterpriseId))
    .where(eq(awardEntries.categoryId, row.category.id))
    .orderBy(asc(enterprises.nameEn));
  const progress = {
    judges: judges.map((j) => {
      const mine = assignments.filter((a) => a.userId === j.userId);
      return { ...j, assigned: mine.length, complete: mine.filter((a) => complete(a.entryId, j.userId)).length };
    }),
    entries: entries.map((e) => {
      const theirs = assignments.filter((a) => a.entryId === e.id);
      return { ...e, assigned: theirs.length, complete: theirs.filter((a) => complete(e.id, a.userId)).length };
    }),
  };
  // A lead judge moderates progress; the leaderboard waits for the round to close like every judge's.
  const showBoard = organiser || row.round.status === "closed";
  const board = showBoard
    ? (await roundLeaderboard(ctx.db, row.round)).map((b) => ({ ...b, nameEn: entries.find((e) => e.id === b.entryId)?.nameEn ?? "", nameUr: entries.find((e) => e.id === b.entryId)?.nameUr ?? null }))
    : null;
  return { round: row.round, category: row.category, criteria, progress, board };
}
