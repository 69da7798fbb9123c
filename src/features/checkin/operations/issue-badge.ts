import type { Ctx } from "../../../platform/context";
import type { Tx } from "../../../platform/db/types";

/** Issue (or keep) the current badge of an approved registration and queue the badge email.
 *  Called by registration inside its own transaction when a registration becomes approved.
 *  Placeholder while the badge tables land; the signature is stable. */
export async function issueBadge(tx: Tx, ctx: Ctx, registrationId: string): Promise<void> {
  void tx;
  void ctx;
  void registrationId;
}
