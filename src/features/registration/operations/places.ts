import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import type { Executor, Tx } from "../../../platform/db/types";
import { isUniqueViolation } from "../../../platform/db/errors";
import { badgePort } from "../badge-port";
import { visitorCategories } from "#features/editions";
import { bucketsFor, promoteWaitlist, type CapacityState, type PlaceRequest, type WaitlistEntry } from "../core/capacity";
import { registrationCapacity, registrations } from "../tables";
import { sendRegistrationEmail, type EmailEdition } from "./emails";
import { rowsOf } from "../../../platform/db/rows";

// The database side of core/capacity.ts.
//
// A bucket's places are split over stripes (tables.ts). Two ways to hold places:
//   - claimPlaces: the common case. For each limited bucket, take `n` places in one stripe that
//     has room and that no one else holds (`for update skip locked`): never waits, so several
//     registrations of a capped category run at once.
//   - lockBuckets: lock every stripe of the buckets (all the edition's when omitted) in
//     (bucket, stripe) order and see the exact counts. Used when claimPlaces finds no free stripe
//     (the bucket is full or busy: waitlist or not is decided on the whole picture), and by
//     cancellations, refusals, edits and capacity changes, which promote from the waitlist.
// Lock order, the same everywhere so two transactions never wait on each other in a circle:
//   1. the edition's capacity lock (an advisory lock: shared by everyone who holds or frees
//      places, exclusive for a capacity change, which recounts a bucket from the registrations),
//   2. capacity stripes in (bucket, stripe) order (blocking), or any stripe without waiting,
//   3. registration rows.

type BucketRow = typeof registrationCapacity.$inferSelect;

/** The advisory lock key of an edition's capacity: a class id and the edition's hash. */
const capacityLockKey = (editionId: string) => sql`7301, hashtext(${editionId})`;

/** Held by every transaction that takes or frees places (many at once). */
export async function holdCapacityShared(tx: Tx, editionId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock_shared(${capacityLockKey(editionId)})`);
}

/** Held by a capacity change: waits for registrations in flight, so its recount misses none. */
export async function holdCapacityExclusive(tx: Tx, editionId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${capacityLockKey(editionId)})`);
}

/** Lock every stripe of `buckets` (all of the edition's when omitted), in (bucket, stripe) order. */
export async function lockBuckets(tx: Tx, editionId: string, buckets?: string[], mode: "update" | "share" = "update"): Promise<BucketRow[]> {
  if (buckets && buckets.length === 0) return [];
  const where = buckets
    ? and(eq(registrationCapacity.editionId, editionId), inArray(registrationCapacity.bucket, buckets))
    : eq(registrationCapacity.editionId, editionId);
  return tx
    .select()
    .from(registrationCapacity)
    .where(where)
    .orderBy(asc(registrationCapacity.bucket), asc(registrationCapacity.stripe))
    .for(mode);
}

/** Take `places` in one free, unlocked stripe of `bucket`; false when none is (full or busy).
 *  The pick is a CTE so it runs once (random() keeps it from being inlined): as a subquery the
 *  planner may run it again per row and lock, and fill, a second stripe. */
async function claimInBucket(tx: Tx, editionId: string, bucket: string, places: number): Promise<boolean> {
  const claimed = await tx.execute(sql`
    with pick as (
      select stripe from registration_capacity
      where edition_id = ${editionId} and bucket = ${bucket} and used + ${places} <= capacity
      order by random() limit 1
      for update skip locked)
    update registration_capacity c set used = c.used + ${places}
    from pick
    where c.edition_id = ${editionId} and c.bucket = ${bucket} and c.stripe = pick.stripe
    returning c.stripe`);
  return rowsOf(claimed).length === 1;
}

/**
 * The common case in one round trip: the edition's shared capacity lock, then which of
 * `candidates` are limited buckets and, when exactly one is and `places` > 0, a claim of `places`
 * in one of its free, unlocked stripes (the function `registration_hold_and_claim`, migration
 * 0011). `claimed` false with limited buckets means: claim bucket by bucket (claimPlaces) or
 * decide on the whole picture (lockBuckets); the shared lock is held either way.
 */
export async function holdAndClaim(tx: Tx, editionId: string, candidates: string[], places: number) {
  const list = sql.join(
    candidates.map((b) => sql`${b}`),
    sql`, `,
  );
  const rows = rowsOf<{ bucket: string; claimed: boolean | string }>(
    await tx.execute(
      sql`select bucket, claimed from registration_hold_and_claim(${editionId}, ${candidates.length ? sql`array[${list}]` : sql`'{}'`}::text[], ${places}::int)`,
    ),
  );
  return { limited: rows.map((r) => r.bucket), claimed: rows.some((r) => r.claimed === true || r.claimed === "t") };
}

class NoFreeStripe extends Error {}

/**
 * The fast way to hold `places` in every one of `buckets` (all limited): one stripe each, without
 * waiting. All or nothing: with several buckets the claims run in a savepoint that is rolled
 * back (releasing what it took) when one bucket has no free stripe. False means: decide on the
 * whole picture with lockBuckets.
 */
export async function claimPlaces(tx: Tx, editionId: string, buckets: string[], places: number): Promise<boolean> {
  if (buckets.length === 1) return claimInBucket(tx, editionId, buckets[0]!, places);
  try {
    await tx.transaction(async (sp) => {
      for (const b of buckets) if (!(await claimInBucket(sp, editionId, b, places))) throw new NoFreeStripe();
    });
    return true;
  } catch (e) {
    if (e instanceof NoFreeStripe) return false;
    throw e;
  }
}

/** Places per bucket, summed over the stripes of locked rows. */
export function stateOf(rows: BucketRow[]): CapacityState {
  const limits: Record<string, number> = {};
  const used: Record<string, number> = {};
  for (const r of rows) {
    limits[r.bucket] = (limits[r.bucket] ?? 0) + r.capacity;
    used[r.bucket] = (used[r.bucket] ?? 0) + r.used;
  }
  return { limits, used };
}

/** How a bucket's limit is split: up to 8 stripes of at least 32 places (one for small limits). */
export function stripeCapacities(capacity: number): number[] {
  const count = Math.max(1, Math.min(8, Math.floor(capacity / 32)));
  return Array.from({ length: count }, (_, i) => Math.floor(capacity / count) + (i < capacity % count ? 1 : 0));
}

/** Spread `total` places held over stripes in order, each up to its capacity (any excess, after a
 *  limit was lowered below what is held, stays on the last stripe). */
export function spreadUsed(capacities: number[], total: number): number[] {
  let left = total;
  const used = capacities.map((c) => {
    const take = Math.min(c, left);
    left -= take;
    return take;
  });
  used[used.length - 1]! += left;
  return used;
}

/** Write back the counts of locked buckets that changed, spread over their stripes. */
export async function writeUsed(tx: Tx, editionId: string, rows: BucketRow[], state: CapacityState): Promise<void> {
  const byBucket = new Map<string, BucketRow[]>();
  for (const r of rows) byBucket.set(r.bucket, [...(byBucket.get(r.bucket) ?? []), r]);
  for (const [bucketName, stripes] of byBucket) {
    const total = state.used[bucketName] ?? 0;
    if (total === stripes.reduce((s, r) => s + r.used, 0)) continue;
    const spread = spreadUsed(stripes.map((r) => r.capacity), total);
    for (const [i, r] of stripes.entries()) {
      if (spread[i] === r.used) continue;
      await tx
        .update(registrationCapacity)
        .set({ used: spread[i]! })
        .where(and(eq(registrationCapacity.editionId, editionId), eq(registrationCapacity.bucket, bucketName), eq(registrationCapacity.stripe, r.stripe)));
    }
  }
}

/** Limit and use per bucket, summed over stripes (settings page, tests, bench). */
export async function bucketTotals(db: Executor, editionId: string) {
  const rows = await db
    .select({
      bucket: registrationCapacity.bucket,
      capacity: sql<number>`sum(${registrationCapacity.capacity})::int`,
      used: sql<number>`sum(${registrationCapacity.used})::int`,
    })
    .from(registrationCapacity)
    .where(eq(registrationCapacity.editionId, editionId))
    .groupBy(registrationCapacity.bucket)
    .orderBy(asc(registrationCapacity.bucket));
  return rows.map((r) => ({ bucket: r.bucket, capacity: Number(r.capacity), used: Number(r.used) }));
}

export const sequenceName = (editionId: string) => {
  const hex = editionId.replaceAll("-", "").toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hex)) throw new Error(`not an edition id: ${editionId}`);
  return `registration_no_${hex}`;
};

/** Sequences known to exist, per database handle (a test's fresh database is another handle). */
const knownSequences = new WeakMap<object, Set<string>>();

/** Make the edition's number sequence on first use, starting after the highest number given. */
export async function ensureNumberSequence(db: Executor, editionId: string): Promise<void> {
  const name = sequenceName(editionId);
  const known = knownSequences.get(db) ?? new Set<string>();
  knownSequences.set(db, known);
  if (known.has(name)) return;
  const [found] = rowsOf<{ exists: boolean }>(await db.execute(sql`select to_regclass(${name}) is not null as exists`));
  if (!found?.exists) {
    const [{ top }] = (await db
      .select({ top: sql<number | null>`max(${registrations.number})` })
      .from(registrations)
      .where(eq(registrations.editionId, editionId))) as [{ top: number | null }];
    try {
      // In a savepoint when `db` is a transaction: losing the race below must not abort it.
      await db.transaction(async (t) => {
        await t.execute(sql.raw(`create sequence if not exists ${name} as integer start with ${Number(top ?? 0) + 1}`));
      });
    } catch (e) {
      // Two first registrations at once both create it; the loser's catalogue insert collides.
      if (!isUniqueViolation(e)) throw e;
    }
  }
  known.add(name);
}

/**
 * `count` new registration numbers of the edition, in arrival order, from the edition's own
 * sequence. A sequence never waits for another transaction; a number taken by a request that
 * then fails is skipped, so numbers are unique and increasing, not gapless.
 */
export async function nextRegistrationNumbers(db: Executor, editionId: string, count: number): Promise<number[]> {
  await ensureNumberSequence(db, editionId);
  const rows = await db.execute(sql`select nextval(${sequenceName(editionId)}::regclass) as n from generate_series(1, ${count})`);
  return rowsOf<{ n: string | number }>(rows).map((r) => Number(r.n));
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
    // are drawn from the edition's sequence in arrival order.
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
    if (!needsApproval) await badgePort().issue(tx, ctx, reg!.id);
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
