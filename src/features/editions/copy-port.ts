import type { Ctx } from "../../platform/context";
import type { Tx } from "../../platform/db/types";
import type { editions } from "./tables";

// What copying an edition needs from higher features. Copying next year's edition is the editions
// feature's operation, but some of an edition's set-up lives in features above it (check-in's
// zones, gates and category → zone rules); editions does not import them. Each such feature
// implements a part here, the composition root (src/wiring.ts) provides the list, and
// copyEdition calls every part inside its transaction (docs/code-style.md, "a port").

type Edition = typeof editions.$inferSelect;

export interface EditionCopyPart {
  /** Names the part in the copy's audit entry. */
  name: string;
  /** Copy this feature's set-up from `from` to `to` (just created). `categoryIds` maps each of the
   *  source's visitor category ids to the copy's. Returns counts for the audit entry. */
  copy(tx: Tx, ctx: Ctx, from: Edition, to: Edition, categoryIds: ReadonlyMap<string, string>): Promise<Record<string, number>>;
}

let provided: readonly EditionCopyPart[] | null = null;

export function provideEditionCopyParts(parts: readonly EditionCopyPart[]): void {
  provided = parts;
}

export function editionCopyParts(): readonly EditionCopyPart[] {
  if (!provided) throw new Error("No edition copy parts: import src/wiring.ts (the composition root) before copying an edition.");
  return provided;
}
