import { eq } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { parseInput, type Input } from "../../../platform/validation";
import type { z } from "zod";
import { patchEditionInput, updateEditionInput } from "../schemas";
import { editions } from "../tables";
import { editionForChange } from "../for-change";

export async function updateEdition(ctx: Ctx, raw: Input<typeof updateEditionInput>) {
  const { editionId, ...changes } = parseInput(updateEditionInput, raw);
  return inTransaction(ctx, async (tx) => writeChanges(tx, ctx, await editionForChange(tx, ctx.actor, editionId, "edition.update"), changes));
}

/** Change only the fields given (the API's PATCH): the row is locked and the caller authorised
 *  before anything is read into the result, and the merged edition is checked as a whole (dates in
 *  order, at most 16 days), all in one transaction, so two patches never lose each other's fields. */
export async function patchEdition(ctx: Ctx, raw: Input<typeof patchEditionInput>) {
  const { editionId, ...patch } = parseInput(patchEditionInput, raw);
  return inTransaction(ctx, async (tx) => {
    const before = await editionForChange(tx, ctx.actor, editionId, "edition.update");
    const { nameEn, nameUr, taglineEn, taglineUr, startsOn, endsOn, timezone, status } = before;
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const whole = { editionId, nameEn, nameUr, taglineEn, taglineUr, startsOn, endsOn, timezone, status, ...defined };
    const { editionId: _id, ...changes } = parseInput(updateEditionInput, whole);
    return writeChanges(tx, ctx, before, changes);
  });
}

type EditionChanges = Omit<z.output<typeof updateEditionInput>, "editionId">;

async function writeChanges(tx: Executor, ctx: Ctx, before: typeof editions.$inferSelect, changes: EditionChanges) {
  const editionId = before.id;
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
}
