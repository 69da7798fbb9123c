import { eq } from "drizzle-orm";
import type { Executor } from "../../platform/db/types";
import type { Actor } from "../../platform/permissions/actor";
import { authorizeFound } from "../../platform/permissions/found";
import type { Permission } from "../../platform/permissions/policy";
import { editions } from "./tables";

// The one home of "load the edition (or a part of it) and authorise" (issue 10): every
// operation on an edition's things goes through these, so all answer alike: whoever cannot hold
// the permission anywhere gets the same refusal for a missing and an existing edition; organiser
// staff get not_found for a missing one and forbidden for another organiser's
// (platform/permissions/found.ts).

export type Edition = typeof editions.$inferSelect;

const byOrganiser = (e: Edition) => ({ organiserId: e.organiserId });

/** The edition, for reading: authorised, not locked. */
export async function editionFor(db: Executor, actor: Actor, editionId: string, permission: Permission): Promise<Edition> {
  const [edition] = await db.select().from(editions).where(eq(editions.id, editionId));
  return authorizeFound(actor, permission, edition, byOrganiser, "edition");
}

/**
 * The edition, for changing it or its parts: call inside the transaction. The row is locked
 * (`FOR UPDATE`, or `FOR SHARE` for work that must only keep the edition from changing under it)
 * until the transaction ends, so two changes of one edition run one after the other.
 */
export async function editionForChange(
  tx: Executor,
  actor: Actor,
  editionId: string,
  permission: Permission,
  lock: "update" | "share" = "update",
): Promise<Edition> {
  const [edition] = await tx.select().from(editions).where(eq(editions.id, editionId)).for(lock);
  return authorizeFound(actor, permission, edition, byOrganiser, "edition");
}

/**
 * A row that belongs to an edition (a gate, a zone grant, a quota…), for changing it: the
 * caller loads the row; this locks its edition and authorises on it. A missing row is
 * `not_found` (with `what`) for staff, and the same refusal as an existing one for the rest.
 */
export async function partForChange<T extends { editionId: string }>(
  tx: Executor,
  actor: Actor,
  part: T | null | undefined,
  permission: Permission,
  what: string,
): Promise<{ part: T; edition: Edition }> {
  authorizeFound(actor, permission, part ?? null, () => ({}), what);
  const edition = await editionForChange(tx, actor, part!.editionId, permission);
  return { part: part!, edition };
}
