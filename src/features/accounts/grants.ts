import { eq } from "drizzle-orm";
import type { Executor } from "../../platform/db/types";
import type { Actor, Grant } from "../../platform/permissions/actor";
import { roleGrants } from "./tables";

export async function findGrants(db: Executor, userId: string): Promise<Grant[]> {
  const rows = await db.select().from(roleGrants).where(eq(roleGrants.userId, userId));
  return rows.map((r) => ({
    role: r.role,
    organiserId: r.organiserId,
    tradeBodyId: r.tradeBodyId,
    enterpriseId: r.enterpriseId,
  }));
}

export async function actorForUser(
  db: Executor,
  user: { id: string; email: string; name: string },
): Promise<Actor> {
  return { kind: "user", userId: user.id, email: user.email, name: user.name, grants: await findGrants(db, user.id) };
}

/**
 * The organiser whose audit log shows a change a person makes to their own account: the first
 * organiser one of their roles belongs to (null for a visitor with no organiser's role, whose
 * changes are still recorded).
 */
export async function organiserOfAccount(db: Executor, userId: string): Promise<string | null> {
  const grants = await findGrants(db, userId);
  return grants.find((g) => g.organiserId)?.organiserId ?? null;
}
