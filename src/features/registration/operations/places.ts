import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import type { Tx } from "../../../platform/db/types";
import { issueBadge } from "../../checkin/operations/issue-badge";
import { visitorCategories } from "../../editions/tables";
import { bucketsFor, promoteWaitlist, type CapacityState, type PlaceRequest, type WaitlistEntry } from "../core/capacity";
import { registrationCapacity, registrationCounters, registrations } from "../tables";
import { sendRegistrationEmail, type EmailEdition } from "./emails";

// The database side of core/capacity.ts. Lock order, the same everywhere so two transactions
// never wait on each other in a circle:
//   1. the edition's counter row (registrations and capacity changes only),
//   2. capacity rows in bucket order,
//   3. registration rows.

type BucketRow = typeof registrationCapacity.$inferSelect;

/** Lock the capacity rows of `buckets` (all of the edition's when omitted), in bucket order. */
export async function lockBuckets(tx: Tx, editionId: string, buckets?: string[]): Promise<BucketRow[]> {
  if (buckets && buckets.length === 0) return [];
  const where = buckets
    ? and(eq(registrationCapacity.editionId, editionId), inArray(registrationCapacity.bucket, buckets))
    : eq(registrationCapacity.editionId, editionId);
  return tx.select().from(registrationCapacity).where(where).orderBy(asc(registrationCapacity.bucket)).for("update");
}

export function stateOf(rows: BucketRow[]): CapacityState {
  return {
    limits: Object.fromEntries(rows.map((r) => [r.bucket, r.capacity])),
    used: Object.fromEntries(rows.map((r) => [r.bucket, r.used])),
  };
}

/** Write back the counts of locked rows that changed. */
export async function writeUsed(tx: Tx, editionId: string, rows: BucketRow[], state: CapacityState): Promise<void> {
  for (const r of rows) {
    const used = state.used[r.bucket] ?? 0;
    if (used === r.used) continue;
    await tx
      .update(registrationCapacity)
      .set({ used })
      .where(and(eq(registrationCapacity.editionId, editionId), eq(registrationCapacity.bucket, r.bucket)));
  }
}

/** Take the edition's counter lock and hand out `count` consecutive registration numbers. */
export async function allocateNumbers(tx: Tx, editionId: string, count: number): Promise<number[]> {
  const [row] = await tx
    .insert(registrationCounters)
    .values({ editionId, lastNumber: count })
    .onConflictDoUpdate({ target: registrationCounters.editionId, set: { lastNumber: sql`${registrationCounters.lastNumber} + ${count}` } })
    .returning({ last: registrationCounters.lastNumber });
  const last = row!.last;
  return Array.from({ length: count }, (_, i) => last - count + 1 + i);
}

/** Lock the counter row without taking a number (capacity changes). */
export async function lockCounter(tx: Tx, editionId: string): Promise<void> {
  await tx.insert(registrationCounters).values({ editionId, lastNumber: 0 }).onConflictDoNothing();
  await tx.select().from(registrationCounters).where(eq(registrationCounters.editionId, editionId)).for("update");
}

export const holds = (status: string) => status === "pending" || status === "approved";

/**
 * After places were released (state already reduced, rows locked): walk the waitlist in order,
 * promote whoever fits now, write the counts and tell the promoted people.
 * Trade categories go to `pending` (their places are held while an organiser decides).
 */
export async function promoteAndWrite(tx: Tx, ctx: Ctx, edition: EmailEdition, rows: BucketRow[], state: CapacityState): Promise<string[]> {
  const waiting = await tx
    .select({
      id: registrations.id,
      days: registrations.days,
      waitlistedAt: registrations.waitlistedAt,
      createdAt: registrations.createdAt,
      number: registrations.number,
      code: visitorCategories.code,
      needsApproval: visitorCategories.needsApproval,
    })
    .from(registrations)
    .innerJoin(visitorCategories, eq(visitorCategories.id, registrations.categoryId))
    .where(and(eq(registrations.editionId, edition.id), eq(registrations.status, "waitlisted")))
    .orderBy(asc(registrations.waitlistedAt), asc(registrations.number))
    .for("update", { of: registrations });
  const entries: (WaitlistEntry & { needsApproval: boolean })[] = waiting.map((w) => ({
    id: w.id,
    category: w.code,
    days: w.days,
    // Same instant (a clock's resolution, a group): the registration number decides, as numbers
    // are handed out under the counter lock in arrival order.
    joinedAt: `${(w.waitlistedAt ?? w.createdAt).toISOString()}#${String(w.number).padStart(10, "0")}`,
    needsApproval: w.needsApproval,
  }));
  const { promoted, state: after } = promoteWaitlist(state, [], entries);
  await writeUsed(tx, edition.id, rows, after);
  const now = ctx.clock.now();
  for (const p of promoted) {
    const needsApproval = entries.find((e) => e.id === p.id)!.needsApproval;
    const [reg] = await tx
      .update(registrations)
      .set({ status: needsApproval ? "pending" : "approved", updatedAt: now, decidedAt: needsApproval ? null : now })
      .where(eq(registrations.id, p.id))
      .returning();
    if (!needsApproval) await issueBadge(tx, ctx, reg!.id);
    await sendRegistrationEmail(tx, ctx, edition, reg!, "promoted");
  }
  return promoted.map((p) => p.id);
}

/** Free the places of registrations leaving (cancelled, refused, fewer days) and promote. */
export async function releaseAndPromote(tx: Tx, ctx: Ctx, edition: EmailEdition, rows: BucketRow[], state: CapacityState, freed: PlaceRequest[]) {
  let next = state;
  for (const f of freed) {
    const used: Record<string, number> = { ...next.used };
    for (const b of bucketsFor(f)) if (b in used) used[b] = Math.max(0, used[b]! - 1);
    next = { limits: next.limits, used };
  }
  return promoteAndWrite(tx, ctx, edition, rows, next);
}
