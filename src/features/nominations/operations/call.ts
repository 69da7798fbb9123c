import { and, asc, desc, eq, isNotNull } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { parseInput, type Input } from "../../../platform/validation";
import { z } from "zod";
import { editionFor, editionForChange } from "#features/editions";
import { clusters, editions, editionTradeBodies, sectors, tradeBodies } from "#features/editions";
import { PreferenceRule } from "../engine/call-rules";
import { defaultCriteria, saveCallInput } from "../schemas";
import { nominationCalls } from "../tables";

export type CallRow = typeof nominationCalls.$inferSelect;

export async function findCall(db: Executor, editionId: string): Promise<CallRow | null> {
  const [row] = await db.select().from(nominationCalls).where(eq(nominationCalls.editionId, editionId));
  return row ?? null;
}

/** Whether nominations are accepted now: published and inside its window. */
export function callIsOpen(call: CallRow | null, now: Date): boolean {
  return !!call?.publishedAt && call.opensAt <= now && now <= call.closesAt;
}

/** A call not yet saved: the defaults the organiser starts from. */
export function draftCall(editionId: string, now: Date): CallRow {
  return {
    editionId,
    opensAt: now,
    closesAt: new Date(now.getTime() + 30 * 86_400_000),
    criteria: defaultCriteria,
    clusterTargets: [],
    sectorTargets: [],
    totalStalls: 0,
    rule: PreferenceRule.parse({}),
    reviewsPerApplication: 3,
    appealDays: 14,
    publishedAt: null,
    updatedAt: now,
  };
}

const getCallForStaffInput = z.object({ editionId: z.uuid() });

/** The call page of the back office: the call (or its defaults), clusters and trade bodies with quotas. */
export async function getCallForStaff(ctx: Ctx, raw: Input<typeof getCallForStaffInput>) {
  const { editionId } = parseInput(getCallForStaffInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, editionId, "nominationCall.manage");
  const call = (await findCall(ctx.db, editionId)) ?? draftCall(editionId, ctx.clock.now());
  const clusterRows = await ctx.db.select().from(clusters).where(eq(clusters.editionId, editionId)).orderBy(asc(clusters.nameEn));
  const sectorRows = await ctx.db.select().from(sectors).where(eq(sectors.editionId, editionId)).orderBy(asc(sectors.sort), asc(sectors.nameEn));
  const bodies = await ctx.db
    .select({ id: tradeBodies.id, slug: tradeBodies.slug, nameEn: tradeBodies.nameEn, nameUr: tradeBodies.nameUr, quota: editionTradeBodies.nominationQuota })
    .from(editionTradeBodies)
    .innerJoin(tradeBodies, eq(tradeBodies.id, editionTradeBodies.tradeBodyId))
    .where(eq(editionTradeBodies.editionId, editionId))
    .orderBy(asc(tradeBodies.nameEn));
  return { edition, call, saved: (await findCall(ctx.db, editionId)) !== null, clusters: clusterRows, sectors: sectorRows, tradeBodies: bodies };
}

/** The public side of a call: window, criteria with guidance, targets and the preference rule, once published. */
export async function getPublishedCall(db: Executor, editionId: string) {
  const call = await findCall(db, editionId);
  return call?.publishedAt ? call : null;
}

// jsonb reorders keys, so rules are compared with sorted keys.
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) => (x && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));

export async function saveCall(ctx: Ctx, raw: Input<typeof saveCallInput>) {
  const input = parseInput(saveCallInput, raw);
  return inTransaction(ctx, async (tx) => {
    const edition = await editionForChange(tx, ctx.actor, input.editionId, "nominationCall.manage");
    const existing = await findCall(tx, input.editionId);
    // The rule is published in advance: once the call is public it no longer changes.
    if (existing?.publishedAt && canonical(PreferenceRule.parse(existing.rule)) !== canonical(input.rule)) {
      throw new DomainError("rule_published", { fields: [{ path: "rule", code: "rule_published" }] });
    }
    const editionClusters = new Set((await tx.select({ id: clusters.id }).from(clusters).where(eq(clusters.editionId, input.editionId))).map((c) => c.id));
    const unknown = input.clusterTargets.findIndex((t) => !editionClusters.has(t.clusterId));
    if (unknown >= 0) throw new DomainError("validation_failed", { fields: [{ path: `clusterTargets.${unknown}.clusterId`, code: "cluster_unknown" }] });
    const editionSectors = new Set((await tx.select({ id: sectors.id }).from(sectors).where(eq(sectors.editionId, input.editionId))).map((s) => s.id));
    const unknownSector = input.sectorTargets.findIndex((t) => !editionSectors.has(t.sectorId));
    if (unknownSector >= 0) throw new DomainError("validation_failed", { fields: [{ path: `sectorTargets.${unknownSector}.sectorId`, code: "sector_unknown" }] });
    const values = {
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      criteria: input.criteria,
      clusterTargets: input.clusterTargets,
      sectorTargets: input.sectorTargets,
      totalStalls: input.totalStalls,
      rule: input.rule as unknown as Record<string, unknown>,
      reviewsPerApplication: input.reviewsPerApplication,
      appealDays: input.appealDays,
      updatedAt: ctx.clock.now(),
    };
    await tx.insert(nominationCalls).values({ editionId: input.editionId, ...values }).onConflictDoUpdate({ target: nominationCalls.editionId, set: values });
    for (const q of input.quotas) {
      await tx
        .update(editionTradeBodies)
        .set({ nominationQuota: q.quota })
        .where(and(eq(editionTradeBodies.editionId, input.editionId), eq(editionTradeBodies.tradeBodyId, q.tradeBodyId)));
    }
    await recordAudit(tx, ctx, {
      action: existing ? "nomination_call.updated" : "nomination_call.created",
      entityType: "nomination_call",
      entityId: input.editionId,
      organiserId: edition.organiserId,
      editionId: input.editionId,
      data: { ...values, quotas: input.quotas, updatedAt: undefined },
    });
    return (await findCall(tx, input.editionId))!;
  });
}

const publishCallInput = z.object({ editionId: z.uuid() });

/** Publishes the call: from now on its rule is public and fixed. */
export async function publishCall(ctx: Ctx, raw: Input<typeof publishCallInput>) {
  const { editionId } = parseInput(publishCallInput, raw);
  return inTransaction(ctx, async (tx) => {
    const edition = await editionForChange(tx, ctx.actor, editionId, "nominationCall.manage");
    const call = await findCall(tx, editionId);
    if (!call) throw new DomainError("not_found", { params: { what: "nomination_call" } });
    if (call.publishedAt) return call;
    const [row] = await tx.update(nominationCalls).set({ publishedAt: ctx.clock.now() }).where(eq(nominationCalls.editionId, editionId)).returning();
    await recordAudit(tx, ctx, {
      action: "nomination_call.published",
      entityType: "nomination_call",
      entityId: editionId,
      organiserId: edition.organiserId,
      editionId,
      data: { rule: call.rule },
    });
    return row!;
  });
}

/**
 * The published calls a trade body can nominate into or has nominated into
 * (editions it takes part in), open ones first, then the latest edition first.
 */
export async function callsForTradeBody(db: Executor, tradeBodyId: string, now: Date) {
  const rows = await db
    .select({ slug: editions.slug, year: editions.year, nameEn: editions.nameEn, nameUr: editions.nameUr, startsOn: editions.startsOn, call: nominationCalls })
    .from(nominationCalls)
    .innerJoin(editions, eq(editions.id, nominationCalls.editionId))
    .innerJoin(editionTradeBodies, and(eq(editionTradeBodies.editionId, editions.id), eq(editionTradeBodies.tradeBodyId, tradeBodyId)))
    .where(isNotNull(nominationCalls.publishedAt))
    .orderBy(desc(editions.startsOn));
  return rows
    .map(({ call, ...e }) => ({ ...e, open: callIsOpen(call, now), opensAt: call.opensAt, closesAt: call.closesAt }))
    .sort((a, b) => Number(b.open) - Number(a.open));
}

export async function editionBySlug(db: Executor, slug: string) {
  const [row] = await db.select().from(editions).where(eq(editions.slug, slug));
  return row ?? null;
}
