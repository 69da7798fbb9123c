import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import { isUniqueViolation } from "../../../platform/db/errors";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { parseInput, type Input } from "../../../platform/validation";
import { clusterInput, updateClusterInput } from "../schemas";
import { clusters, sectors } from "../tables";
import { editionForChange, partForChange } from "../for-change";

const slugTaken = () => new DomainError("slug_taken", { fields: [{ path: "slug", code: "slug_taken" }] });

async function checkSector(tx: Executor, editionId: string, sectorId: string | null) {
  if (!sectorId) return;
  const [s] = await tx
    .select({ id: sectors.id })
    .from(sectors)
    .where(and(eq(sectors.id, sectorId), eq(sectors.editionId, editionId)));
  if (!s) throw new DomainError("validation_failed", { fields: [{ path: "sectorId", code: "invalid_value" }] });
}

export async function createCluster(ctx: Ctx, raw: Input<typeof clusterInput>) {
  const input = parseInput(clusterInput, raw);
  try {
    return await inTransaction(ctx, async (tx) => {
      const edition = await editionForChange(tx, ctx.actor, input.editionId, "cluster.write");
      await checkSector(tx, edition.id, input.sectorId);
      const [row] = await tx.insert(clusters).values(input).returning();
      await recordAudit(tx, ctx, {
        action: "cluster.created",
        entityType: "cluster",
        entityId: row!.id,
        organiserId: edition.organiserId,
        editionId: edition.id,
        data: { slug: input.slug, nameEn: input.nameEn },
      });
      return row!;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw slugTaken();
    throw e;
  }
}

async function clusterForChange(tx: Executor, ctx: Ctx, clusterId: string) {
  const [cluster] = await tx.select().from(clusters).where(eq(clusters.id, clusterId));
  const { part, edition } = await partForChange(tx, ctx.actor, cluster, "cluster.write", "cluster");
  return { cluster: part, edition };
}

export async function updateCluster(ctx: Ctx, raw: Input<typeof updateClusterInput>) {
  const { clusterId, ...changes } = parseInput(updateClusterInput, raw);
  try {
    return await inTransaction(ctx, async (tx) => {
      const { cluster, edition } = await clusterForChange(tx, ctx, clusterId);
      await checkSector(tx, edition.id, changes.sectorId);
      const [row] = await tx.update(clusters).set(changes).where(eq(clusters.id, clusterId)).returning();
      await recordAudit(tx, ctx, {
        action: "cluster.updated",
        entityType: "cluster",
        entityId: clusterId,
        organiserId: edition.organiserId,
        editionId: edition.id,
        data: { before: { slug: cluster.slug, nameEn: cluster.nameEn }, after: changes },
      });
      return row!;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw slugTaken();
    throw e;
  }
}

const deleteClusterInput = z.object({ clusterId: z.uuid() });

export async function deleteCluster(ctx: Ctx, raw: Input<typeof deleteClusterInput>) {
  const { clusterId } = parseInput(deleteClusterInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { cluster, edition } = await clusterForChange(tx, ctx, clusterId);
    await tx.delete(clusters).where(eq(clusters.id, clusterId));
    await recordAudit(tx, ctx, {
      action: "cluster.deleted",
      entityType: "cluster",
      entityId: clusterId,
      organiserId: edition.organiserId,
      editionId: edition.id,
      data: { slug: cluster.slug, nameEn: cluster.nameEn },
    });
  });
}
