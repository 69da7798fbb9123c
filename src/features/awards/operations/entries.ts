import { and, asc, eq, sql } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { authorize } from "../../../platform/permissions/policy";
import { parseInput, type Input } from "../../../platform/validation";
import { clusters, enterprises, sectors } from "#features/editions";
import { editionFor } from "#features/editions";
import { editionExhibitorIds } from "#features/exhibitors";
import { ineligibleBecause } from "../engine/eligibility";
import { addEntryInput, applyInput, categoryInput, entryInput } from "../schemas";
import { awardCategories, awardEntries } from "../tables";
import { categoryForChange, roundOf } from "./setup";
import { exportScoresOf } from "#features/baseline";

// Entries of a category (issue #13, awards item 2): eligible exhibitors entered automatically, an
// exhibitor's own application with a short statement (application categories), an organiser's
// addition or withdrawal. Entries close when the shortlist round opens, except for organisers.

type Category = typeof awardCategories.$inferSelect;

/** The baseline's export-readiness scores of the category's edition, read only when a rule needs them. */
export const exportScoresFor = async (db: Executor, category: Category) => (category.minExportScore == null ? new Map<string, { score: number }>() : exportScoresOf(db, category.editionId));

/** The sector code of each cluster of the category's edition, read only when a rule needs them
 *  (an enterprise's sector is its cluster's in that edition). */
export async function sectorsFor(db: Executor, category: Category): Promise<Map<string, string>> {
  if (!category.sectorCodes.length) return new Map();
  const rows = await db.select({ slug: clusters.slug, code: sectors.code }).from(clusters).innerJoin(sectors, eq(sectors.id, clusters.sectorId)).where(eq(clusters.editionId, category.editionId));
  return new Map(rows.map((r) => [r.slug, r.code]));
}
export const sectorOf = (bySlug: ReadonlyMap<string, string>, clusterSlug: string | null) => (clusterSlug ? (bySlug.get(clusterSlug) ?? null) : null);

/** The category's eligible enterprises of the edition's organiser, with the facts that decide it. */
export async function eligibleEnterprises(db: Executor, category: Category, organiserId: string) {
  const selected = new Set(await editionExhibitorIds(db, category.editionId));
  const scores = await exportScoresFor(db, category);
  const bySlug = await sectorsFor(db, category);
  const rows = await db
    .select({ id: enterprises.id, nameEn: enterprises.nameEn, nameUr: enterprises.nameUr, sizeClass: enterprises.sizeClass, womenLed: enterprises.womenLed, clusterSlug: enterprises.clusterSlug })
    .from(enterprises)
    .where(eq(enterprises.organiserId, organiserId))
    .orderBy(asc(enterprises.nameEn));
  return rows.filter((e) => ineligibleBecause(category, { ...e, selected: selected.has(e.id), sectorCode: sectorOf(bySlug, e.clusterSlug), exportScore: scores.get(e.id)?.score ?? null }).length === 0);
}

async function insertEntry(tx: Executor, category: Category, enterpriseId: string, source: "application" | "organiser", statement: string, now: Date) {
  const [row] = await tx
    .insert(awardEntries)
    .values({ editionId: category.editionId, categoryId: category.id, enterpriseId, source, statement, createdAt: now })
    .onConflictDoUpdate({
      target: [awardEntries.categoryId, awardEntries.enterpriseId],
      set: { withdrawn: false, ...(statement ? { statement } : {}) },
    })
    .returning({ id: awardEntries.id });
  return row?.id ?? null;
}

/** Enters every eligible exhibitor not entered yet (an automatic category; idempotent). */
export async function enterEligible(ctx: Ctx, raw: Input<typeof categoryInput>) {
  const { categoryId } = parseInput(categoryInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { category, edition } = await categoryForChange(tx, ctx, categoryId);
    if (category.lockedAt) throw new DomainError("award_results_locked");
    const eligible = await eligibleEnterprises(tx, category, edition.organiserId);
    const now = ctx.clock.now();
    // One statement; an entry already there (withdrawn by an organiser too) stays as it is.
    const entered = eligible.length
      ? (await tx.insert(awardEntries).values(eligible.map((e) => ({ editionId: category.editionId, categoryId: category.id, enterpriseId: e.id, source: "automatic" as const, createdAt: now }))).onConflictDoNothing().returning({ id: awardEntries.id })).length
      : 0;
    await recordAudit(tx, ctx, { action: "award.entered", entityType: "award_category", entityId: category.id, organiserId: edition.organiserId, editionId: edition.id, data: { automatic: entered } });
    return { entered, eligible: eligible.length };
  });
}

/** An organiser enters an enterprise of the registry, eligible or not (the organiser decides). */
export async function addEntry(ctx: Ctx, raw: Input<typeof addEntryInput>) {
  const input = parseInput(addEntryInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { category, edition } = await categoryForChange(tx, ctx, input.categoryId);
    if (category.lockedAt) throw new DomainError("award_results_locked");
    const [ent] = await tx.select({ id: enterprises.id }).from(enterprises).where(and(eq(enterprises.id, input.enterpriseId), eq(enterprises.organiserId, edition.organiserId)));
    if (!ent) throw new DomainError("not_found", { params: { what: "enterprise" } });
    const id = (await insertEntry(tx, category, ent.id, "organiser", input.statement, ctx.clock.now()))!;
    await recordAudit(tx, ctx, { action: "award.entered", entityType: "award_entry", entityId: id, organiserId: edition.organiserId, editionId: edition.id, data: { categoryId: category.id, enterpriseId: ent.id, source: "organiser" } });
    return { id };
  });
}

/** An exhibitor applies to an application category with a short statement, while entries are open. */
export async function applyForAward(ctx: Ctx, raw: Input<typeof applyInput>) {
  const input = parseInput(applyInput, raw);
  authorize(ctx.actor, "awards.enter", { enterpriseId: input.enterpriseId });
  return inTransaction(ctx, async (tx) => {
    const [category] = await tx.select().from(awardCategories).where(eq(awardCategories.id, input.categoryId)).for("share");
    if (!category) throw new DomainError("not_found", { params: { what: "award_category" } });
    const shortlist = await roundOf(tx, category.id, "shortlist");
    if (category.entryMode !== "application" || shortlist.status !== "draft" || category.lockedAt) throw new DomainError("award_not_open_for_applications");
    const [ent] = await tx.select().from(enterprises).where(eq(enterprises.id, input.enterpriseId));
    if (!ent) throw new DomainError("not_found", { params: { what: "enterprise" } });
    const selected = (await editionExhibitorIds(tx, category.editionId)).includes(ent.id);
    const reasons = ineligibleBecause(category, { ...ent, selected, sectorCode: sectorOf(await sectorsFor(tx, category), ent.clusterSlug), exportScore: (await exportScoresFor(tx, category)).get(ent.id)?.score ?? null });
    if (reasons.length) throw new DomainError("award_not_eligible", { params: { reasons: reasons.join(",") } });
    const id = (await insertEntry(tx, category, ent.id, "application", input.statement, ctx.clock.now()))!;
    await recordAudit(tx, ctx, { action: "award.entered", entityType: "award_entry", entityId: id, organiserId: ent.organiserId, editionId: category.editionId, data: { categoryId: category.id, enterpriseId: ent.id, source: "application" } });
    return { id };
  });
}

/** An organiser withdraws an entry: it leaves every round not yet closed (its scores there too). */
export async function withdrawEntry(ctx: Ctx, raw: Input<typeof entryInput>) {
  const { entryId } = parseInput(entryInput, raw);
  return inTransaction(ctx, async (tx) => {
    const [entry] = await tx.select().from(awardEntries).where(eq(awardEntries.id, entryId));
    if (!entry) {
      authorize(ctx.actor, "awards.manage");
      throw new DomainError("not_found", { params: { what: "award_entry" } });
    }
    const { category, edition } = await categoryForChange(tx, ctx, entry.categoryId);
    if (category.lockedAt) throw new DomainError("award_results_locked");
    await tx.update(awardEntries).set({ withdrawn: true, shortlisted: false }).where(eq(awardEntries.id, entry.id));
    await tx.execute(sql`DELETE FROM award_assignments a USING award_rounds r WHERE a.entry_id = ${entry.id} AND r.id = a.round_id AND r.status <> 'closed'`);
    await recordAudit(tx, ctx, { action: "award.entry_withdrawn", entityType: "award_entry", entityId: entry.id, organiserId: edition.organiserId, editionId: edition.id, data: { categoryId: category.id } });
    return { withdrawn: true };
  });
}

/** The entries of a category for the organiser, with the enterprise's names. */
export async function listEntries(ctx: Ctx, raw: Input<typeof categoryInput>) {
  const { categoryId } = parseInput(categoryInput, raw);
  const [category] = await ctx.db.select().from(awardCategories).where(eq(awardCategories.id, categoryId));
  if (!category) {
    authorize(ctx.actor, "awards.manage");
    throw new DomainError("not_found", { params: { what: "award_category" } });
  }
  await editionFor(ctx.db, ctx.actor, category.editionId, "awards.manage");
  return ctx.db
    .select({ id: awardEntries.id, enterpriseId: awardEntries.enterpriseId, nameEn: enterprises.nameEn, nameUr: enterprises.nameUr, source: awardEntries.source, statement: awardEntries.statement, withdrawn: awardEntries.withdrawn, shortlisted: awardEntries.shortlisted })
    .from(awardEntries)
    .innerJoin(enterprises, eq(enterprises.id, awardEntries.enterpriseId))
    .where(eq(awardEntries.categoryId, category.id))
    .orderBy(asc(enterprises.nameEn));
}
