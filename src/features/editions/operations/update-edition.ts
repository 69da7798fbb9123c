import { eq } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { authorize, type Permission } from "../../../platform/permissions/policy";
import { parseInput } from "../../../platform/validation";
import { updateEditionInput } from "../schemas";
import { editions } from "../tables";

/** Lock the edition row, check the caller may change it, and return it. */
export async function editionForChange(tx: Executor, ctx: Ctx, editionId: string, permission: Permission) {
  const [edition] = await tx.select().from(editions).where(eq(editions.id, editionId)).for("update");
  if (!edition) throw new DomainError("not_found", { params: { what: "edition" } });
  authorize(ctx.actor, permission, { organiserId: edition.organiserId });
  return edition;
}

export async function updateEdition(ctx: Ctx, raw: unknown) {
  const { editionId, ...changes } = parseInput(updateEditionInput, raw);
  return inTransaction(ctx, async (tx) => {
    const before = await editionForChange(tx, ctx, editionId, "edition.update");
    const [after] = await tx
      .update(editions)
      .set({ ...changes, updatedAt: ctx.clock.now() })
      .where(eq(editions.id, editionId))
      .returning();
    const changed = Object.fromEntries(
      Object.entries(changes)
        .filter(([k, v]) => before[k as keyof typeof before] !== v)
        .map(([k, v]) => [k, { from: before[k as keyof typeof before], to: v }]),
    );
    await recordAudit(tx, ctx, {
      action: "edition.updated",
      entityType: "edition",
      entityId: editionId,
      organiserId: before.organiserId,
      editionId,
      data: { changed },
    });
    return after!;
  });
}
