import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import { rowsOf } from "../../../platform/db/rows";
import { DomainError } from "../../../platform/errors";
import { parseInput, type Input } from "../../../platform/validation";
import { enterprises } from "#features/editions";
import { editions } from "#features/editions";
import { exhibitorProfiles } from "#features/exhibitors";
import { floorHalls, floorStalls } from "#features/floor";
import { placesOf } from "../engine/leaderboard";
import { awardsReport } from "../engine/transparency";
import { certificateInput, editionSlugInput, lockInput } from "../schemas";
import { awardCategories, awardCriteria, awardEntries, awardResults, awardRounds } from "../tables";
import { isSealed, roundLeaderboard } from "./board";
import { categoryForChange, roundOf } from "./setup";
import { localDateTime } from "../../../platform/zone";

// Results (issue #13, awards item 4): an organiser locks a category once its final round is closed:
// the final leaderboard's winners and runners-up are written and sealed (the database refuses any
// later change), with the time they become public. Until then nobody sees them, organisers
// included; from then the winners page, the certificates and the transparency page show them.

export async function lockResults(ctx: Ctx, raw: Input<typeof lockInput>) {
  const input = parseInput(lockInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { category, edition } = await categoryForChange(tx, ctx, input.categoryId);
    if (category.lockedAt) throw new DomainError("award_results_locked");
    const final = await roundOf(tx, category.id, "final");
    if (final.status !== "closed") throw new DomainError("award_rounds_not_closed");
    const publishAt = typeof input.publishAt === "string" ? localDateTime(input.publishAt, edition.timezone) : input.publishAt;
    if (!publishAt) throw new DomainError("validation_failed", { fields: [{ path: "publishAt", code: "invalid_date" }] });
    const places = placesOf(await roundLeaderboard(tx, final), category.winners, category.runnersUp);
    if (places.length) await tx.insert(awardResults).values(places.map((p, i) => ({ categoryId: category.id, entryId: p.entryId, place: p.place, rank: i + 1, meanNormalised: Math.round(p.meanNormalised * 100) })));
    const now = ctx.clock.now();
    await tx.update(awardCategories).set({ lockedAt: now, publishAt: publishAt < now ? now : publishAt }).where(eq(awardCategories.id, category.id));
    await recordAudit(tx, ctx, { action: "award.results_locked", entityType: "award_category", entityId: category.id, organiserId: edition.organiserId, editionId: edition.id, data: { places: places.length, publishAt: publishAt.toISOString() } });
    return { places: places.length, publishAt: publishAt < now ? now : publishAt };
  });
}

async function publishedEdition(ctx: Ctx, slug: string) {
  const [edition] = await ctx.db.select().from(editions).where(and(eq(editions.slug, slug), eq(editions.status, "published")));
  if (!edition) throw new DomainError("not_found", { params: { what: "edition" } });
  return edition;
}

/** The public winners of an edition: categories whose results are published, each with its winners
 *  and runners-up, their stall (confirmed on the floor) and catalogue profile (when published). */
export async function publicWinners(ctx: Ctx, raw: Input<typeof editionSlugInput>) {
  const { slug } = parseInput(editionSlugInput, raw);
  const edition = await publishedEdition(ctx, slug);
  const now = ctx.clock.now();
  const categories = (await ctx.db.select().from(awardCategories).where(eq(awardCategories.editionId, edition.id)).orderBy(asc(awardCategories.sort), asc(awardCategories.nameEn))).filter(
    (c) => c.lockedAt && c.publishAt && c.publishAt <= now,
  );
  const ids = categories.map((c) => c.id);
  const results = ids.length
    ? await ctx.db
        .select({ categoryId: awardResults.categoryId, entryId: awardResults.entryId, place: awardResults.place, rank: awardResults.rank, enterpriseId: enterprises.id, slug: enterprises.slug, nameEn: enterprises.nameEn, nameUr: enterprises.nameUr })
        .from(awardResults)
        .innerJoin(awardEntries, eq(awardEntries.id, awardResults.entryId))
        .innerJoin(enterprises, eq(enterprises.id, awardEntries.enterpriseId))
        .where(inArray(awardResults.categoryId, ids))
        .orderBy(asc(awardResults.rank))
    : [];
  const entIds = [...new Set(results.map((r) => r.enterpriseId))];
  const stalls = entIds.length
    ? await ctx.db
        .select({ enterpriseId: floorStalls.enterpriseId, number: floorStalls.number, hall: floorHalls.code })
        .from(floorStalls)
        .innerJoin(floorHalls, eq(floorHalls.id, floorStalls.hallId))
        .where(and(eq(floorStalls.editionId, edition.id), eq(floorStalls.state, "confirmed"), inArray(floorStalls.enterpriseId, entIds)))
    : [];
  const profiles = entIds.length
    ? await ctx.db.select({ enterpriseId: exhibitorProfiles.enterpriseId }).from(exhibitorProfiles).where(and(eq(exhibitorProfiles.editionId, edition.id), eq(exhibitorProfiles.published, true), inArray(exhibitorProfiles.enterpriseId, entIds)))
    : [];
  return {
    edition,
    categories: categories.map((c) => ({
      id: c.id,
      slug: c.slug,
      nameEn: c.nameEn,
      nameUr: c.nameUr,
      publishAt: c.publishAt!,
      places: results
        .filter((r) => r.categoryId === c.id)
        .map((r) => {
          const stall = stalls.find((s) => s.enterpriseId === r.enterpriseId);
          return { entryId: r.entryId, place: r.place, rank: r.rank, nameEn: r.nameEn, nameUr: r.nameUr, stall: stall ? { hall: stall.hall, number: stall.number } : null, profileSlug: profiles.some((p) => p.enterpriseId === r.enterpriseId) ? r.slug : null };
        }),
    })),
  };
}

/** What a certificate says: only for a published place. */
export async function certificateOf(ctx: Ctx, raw: Input<typeof certificateInput>) {
  const input = parseInput(certificateInput, raw);
  const [row] = await ctx.db
    .select({ result: awardResults, category: awardCategories, edition: editions, nameEn: enterprises.nameEn, nameUr: enterprises.nameUr })
    .from(awardResults)
    .innerJoin(awardCategories, eq(awardCategories.id, awardResults.categoryId))
    .innerJoin(editions, eq(editions.id, awardCategories.editionId))
    .innerJoin(awardEntries, eq(awardEntries.id, awardResults.entryId))
    .innerJoin(enterprises, eq(enterprises.id, awardEntries.enterpriseId))
    .where(and(eq(awardResults.categoryId, input.categoryId), eq(awardResults.entryId, input.entryId)));
  if (!row || row.edition.status !== "published" || isSealed(row.category, ctx.clock.now())) throw new DomainError("not_found", { params: { what: "certificate" } });
  return { ...row, locale: input.locale };
}

/** The public transparency page: criteria and weights of both rounds per category, and aggregate
 *  figures with small cells withheld. Only for categories whose results are published. */
export async function awardsTransparency(ctx: Ctx, raw: Input<typeof editionSlugInput>) {
  const { slug } = parseInput(editionSlugInput, raw);
  const edition = await publishedEdition(ctx, slug);
  const now = ctx.clock.now();
  const categories = (await ctx.db.select().from(awardCategories).where(eq(awardCategories.editionId, edition.id)).orderBy(asc(awardCategories.sort))).filter((c) => c.lockedAt && !isSealed(c, now));
  const ids = categories.map((c) => c.id);
  const rounds = ids.length ? await ctx.db.select().from(awardRounds).where(inArray(awardRounds.categoryId, ids)) : [];
  const criteria = rounds.length ? await ctx.db.select().from(awardCriteria).where(inArray(awardCriteria.roundId, rounds.map((r) => r.id))).orderBy(asc(awardCriteria.sort)) : [];
  const figures = [];
  for (const c of categories) {
    const r = rowsOf<{ entries: number; shortlisted: number; judges: number; reviews: number }>(
      await ctx.db.execute(sql`
        SELECT (SELECT count(*) FROM award_entries e WHERE e.category_id = ${c.id} AND NOT e.withdrawn)::int AS entries,
               (SELECT count(*) FROM award_entries e WHERE e.category_id = ${c.id} AND e.shortlisted AND NOT e.withdrawn)::int AS shortlisted,
               (SELECT count(DISTINCT j.user_id) FROM award_judges j JOIN award_rounds r ON r.id = j.round_id WHERE r.category_id = ${c.id})::int AS judges,
               (SELECT count(DISTINCT (s.round_id, s.entry_id, s.user_id)) FROM award_scores s JOIN award_rounds r ON r.id = s.round_id WHERE r.category_id = ${c.id})::int AS reviews`),
    )[0]!;
    const spreads = [];
    for (const round of rounds.filter((x) => x.categoryId === c.id)) spreads.push(...(await roundLeaderboard(ctx.db, round)).filter((b) => b.reviews >= 2).map((b) => b.spread));
    figures.push({ categoryId: c.id, entries: Number(r.entries), shortlisted: Number(r.shortlisted), judges: Number(r.judges), reviews: Number(r.reviews), meanSpread: spreads.length ? Math.round((spreads.reduce((s, x) => s + x, 0) / spreads.length) * 10) / 10 : null });
  }
  const report = awardsReport(figures);
  return {
    edition,
    report,
    categories: categories.map((c) => ({
      ...c,
      rounds: rounds
        .filter((r) => r.categoryId === c.id)
        .sort((a, b) => (a.kind === "shortlist" ? -1 : 1) - (b.kind === "shortlist" ? -1 : 1))
        .map((r) => ({ kind: r.kind, judgesPerEntry: r.judgesPerEntry, advance: r.advance, criteria: criteria.filter((k) => k.roundId === r.id) })),
      figures: report.categories.find((f) => f.categoryId === c.id)!,
    })),
  };
}
