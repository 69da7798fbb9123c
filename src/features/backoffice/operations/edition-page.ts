import type { Ctx } from "../../../platform/context";
import { authorize } from "../../../platform/permissions/policy";
import { findEdition } from "#features/editions";

/** The names of the edition this one was copied from, for the "created from" notice. */
export async function copiedFromName(ctx: Ctx, edition: { organiserId: string; copiedFromId: string | null }) {
  authorize(ctx.actor, "edition.update", { organiserId: edition.organiserId });
  if (!edition.copiedFromId) return null;
  const source = await findEdition(ctx.db, { id: edition.copiedFromId });
  return source && source.organiserId === edition.organiserId ? { nameEn: source.nameEn, nameUr: source.nameUr } : null;
}
