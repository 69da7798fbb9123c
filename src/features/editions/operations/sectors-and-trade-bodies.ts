import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import { isUniqueViolation } from "../../../platform/db/errors";
import { DomainError } from "../../../platform/errors";
import { parseInput, type Input } from "../../../platform/validation";
import { sectorInput, tradeBodyInput } from "../schemas";
import { editionTradeBodies, sectors, tradeBodies } from "../tables";
import { editionForChange } from "../for-change";

const taken = (path: string) => new DomainError("slug_taken", { fields: [{ path, code: "slug_taken" }] });

export async function createSector(ctx: Ctx, raw: Input<typeof sectorInput>) {
  const input = parseInput(sectorInput, raw);
  try {
    return await inTransaction(ctx, async (tx) => {
      const edition = await editionForChange(tx, ctx.actor, input.editionId, "sector.write");
      const [row] = await tx.insert(sectors).values(input).returning();
      await recordAudit(tx, ctx, {
        action: "sector.created",
        entityType: "sector",
        entityId: row!.id,
        organiserId: edition.organiserId,
        editionId: edition.id,
        data: { code: input.code, nameEn: input.nameEn },
      });
      return row!;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw taken("code");
    throw e;
  }
}

/**
 * Adds a trade body to the organiser's registry (or reuses the one with that
 * slug) and makes it a nominating body of this edition with its quota.
 */
export async function addTradeBody(ctx: Ctx, raw: Input<typeof tradeBodyInput>) {
  const { editionId, nominationQuota, ...body } = parseInput(tradeBodyInput, raw);
  try {
    return await inTransaction(ctx, async (tx) => {
      const edition = await editionForChange(tx, ctx.actor, editionId, "tradeBody.write");
      const [existing] = await tx
        .select()
        .from(tradeBodies)
        .where(and(eq(tradeBodies.organiserId, edition.organiserId), eq(tradeBodies.slug, body.slug)));
      const tradeBody =
        existing ??
        (
          await tx
            .insert(tradeBodies)
            .values({ ...body, city: body.city || null, province: body.province ?? null, organiserId: edition.organiserId })
            .returning()
        )[0]!;
      await tx.insert(editionTradeBodies).values({ editionId, tradeBodyId: tradeBody.id, nominationQuota });
      await recordAudit(tx, ctx, {
        action: "trade_body.added",
        entityType: "trade_body",
        entityId: tradeBody.id,
        organiserId: edition.organiserId,
        editionId,
        data: { slug: tradeBody.slug, nameEn: tradeBody.nameEn, nominationQuota },
      });
      return { ...tradeBody, nominationQuota };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw taken("slug");
    throw e;
  }
}
