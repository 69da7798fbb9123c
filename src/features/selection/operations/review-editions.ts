import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import { editions } from "#features/editions";
import { nominations, reviews } from "#features/nominations";

/** The editions where the signed-in reviewer has assignments, newest first, with how many are
 *  still to score. A reviewer's work outlives "the current edition": once next year's edition is
 *  published, this year's assignments must still be reachable from /review. */
export async function myReviewEditions(ctx: Ctx) {
  if (ctx.actor.kind !== "user") return [];
  const reviewerId = ctx.actor.userId;
  const rows = await ctx.db
    .select({ id: editions.id, slug: editions.slug, nameEn: editions.nameEn, nameUr: editions.nameUr, startsOn: editions.startsOn, all: count() })
    .from(reviews)
    .innerJoin(nominations, eq(nominations.id, reviews.nominationId))
    .innerJoin(editions, eq(editions.id, nominations.editionId))
    .where(eq(reviews.reviewerId, reviewerId))
    .groupBy(editions.id)
    .orderBy(desc(editions.startsOn));
  const todo = await ctx.db
    .select({ id: nominations.editionId, n: count() })
    .from(reviews)
    .innerJoin(nominations, eq(nominations.id, reviews.nominationId))
    .where(and(eq(reviews.reviewerId, reviewerId), isNull(reviews.submittedAt)))
    .groupBy(nominations.editionId);
  return rows.map((r) => ({ id: r.id, slug: r.slug, nameEn: r.nameEn, nameUr: r.nameUr, all: Number(r.all), todo: Number(todo.find((t) => t.id === r.id)?.n ?? 0) }));
}

/** Which edition /review opens on without ?edition: the newest with something still to score,
 *  else the newest with any assignment; undefined when there are none (the page then shows the
 *  current edition). */
export function defaultReviewEdition<E extends { todo: number }>(list: E[]): E | undefined {
  return list.find((e) => e.todo > 0) ?? list[0];
}
