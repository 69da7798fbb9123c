// Organiser staff's view of every nominee of an edition, across trade bodies:
// filtered by trade body, cluster and status, with each body's count against
// its quota. Trade-body representatives keep their own list (listNominations).
import { and, asc, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../../platform/context";
import { parseInput, type Input } from "../../../platform/validation";
import { clusters, editionTradeBodies, tradeBodies } from "#features/editions";
import { nominations, nominationStatuses } from "../tables";
import { editionFor } from "#features/editions";

// Empty strings come from a filter form left on "all".
const optional = <T extends z.ZodType>(s: T) => z.preprocess((v) => (v === "" ? undefined : v), s.optional());
const overviewInput = z.object({
  editionId: z.uuid(),
  tradeBodyId: optional(z.uuid()),
  clusterId: optional(z.uuid()),
  status: optional(z.enum(nominationStatuses)),
});

export async function listAllNominees(ctx: Ctx, raw: Input<typeof overviewInput>) {
  const input = parseInput(overviewInput, raw);
  // Staff only: a representative may never see another body's nominees.
  const edition = await editionFor(ctx.db, ctx.actor, input.editionId, "review.readAll");
  const where: SQL[] = [eq(nominations.editionId, edition.id)];
  if (input.tradeBodyId) where.push(eq(nominations.tradeBodyId, input.tradeBodyId));
  if (input.clusterId) where.push(eq(nominations.clusterId, input.clusterId));
  if (input.status) where.push(eq(nominations.status, input.status));
  const rows = await ctx.db
    .select({
      id: nominations.id,
      enterpriseName: nominations.enterpriseName,
      tradeBodyId: nominations.tradeBodyId,
      clusterId: nominations.clusterId,
      sizeClass: nominations.sizeClass,
      womenLed: nominations.womenLed,
      status: nominations.status,
      submittedAt: nominations.submittedAt,
    })
    .from(nominations)
    .where(and(...where))
    .orderBy(asc(nominations.enterpriseName), asc(nominations.id));
  const bodies = await ctx.db
    .select({ id: tradeBodies.id, nameEn: tradeBodies.nameEn, nameUr: tradeBodies.nameUr, quota: editionTradeBodies.nominationQuota })
    .from(editionTradeBodies)
    .innerJoin(tradeBodies, eq(tradeBodies.id, editionTradeBodies.tradeBodyId))
    .where(eq(editionTradeBodies.editionId, edition.id))
    .orderBy(asc(tradeBodies.nameEn));
  const clusterRows = await ctx.db
    .select({ id: clusters.id, nameEn: clusters.nameEn, nameUr: clusters.nameUr })
    .from(clusters)
    .where(eq(clusters.editionId, edition.id))
    .orderBy(asc(clusters.nameEn));
  // Counts ignore the filters: the quota is about everything a body nominated.
  const all = await ctx.db
    .select({ tradeBodyId: nominations.tradeBodyId, status: nominations.status })
    .from(nominations)
    .where(eq(nominations.editionId, edition.id));
  const perBody = bodies.map((b) => {
    const mine = all.filter((n) => n.tradeBodyId === b.id);
    const byStatus = Object.fromEntries(nominationStatuses.map((s) => [s, mine.filter((n) => n.status === s).length])) as Record<(typeof nominationStatuses)[number], number>;
    // Withdrawn nominees free their place in the quota (as when nominating).
    return { ...b, used: mine.length - byStatus.withdrawn, byStatus };
  });
  return { edition, filters: input, nominees: rows, tradeBodies: perBody, clusters: clusterRows };
}
