import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { actorFor, ctxFor, demo, openTestDb, type TestDb, demoShow, type DemoCategories } from "../../../tests/support/db";
import { rowsOf } from "../../platform/db/rows";
import { bucketTotals, holdAndClaim, holdCapacityExclusive } from "./operations/places";
import { setCapacity } from "./operations/settings";
import { registrationCapacity, registrations } from "./tables";
import { register } from "./operations/register";
import { anonymous } from "../../platform/permissions/actor";
import { sqlStateOf } from "../../platform/db/errors";

// The rush's hold on places in one round trip: `registration_hold_and_claim` (migration 0011,
// used by operations/register-insert.ts). It must never claim beyond a limit, must claim nothing
// when it cannot decide alone (no room in a free stripe, several limited buckets), and must take
// the edition's shared capacity lock before it looks at the stripes, so a limit changed under the
// exclusive lock is seen.

let t: TestDb;
let editionId: string;
const cat = {} as DemoCategories;
beforeAll(async () => {
  t = await openTestDb();
  const show = await demoShow(t.db);
  editionId = show.editionId;
  Object.assign(cat, show.cat);
});
afterAll(async () => t?.close());

const staff = async () => ctxFor(t.db, await actorFor(t.db, demo.organiser));
const used = async (bucket: string) => (await bucketTotals(t.db, editionId)).find((b) => b.bucket === bucket)?.used;
const claim = (candidates: string[], places: number) => t.db.transaction((tx) => holdAndClaim(tx, editionId, candidates, places));

describe("registration_hold_and_claim", () => {
  it("claims up to the limit and not one place more; an unlimited bucket needs no claim", async () => {
    // A limit of 4 is one stripe (operations/places.ts, stripeCapacities).
    await setCapacity(await staff(), { editionId, categoryId: cat.student!, day: null, capacity: 4 });
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push(await claim(["cat:student", "day:0", "cat:student@0"], 1));
    // Two places when one is left: no claim, nothing taken.
    outcomes.push(await claim(["cat:student"], 2));
    expect(await used("cat:student")).toBe(3);
    for (let i = 0; i < 2; i++) outcomes.push(await claim(["cat:student", "day:0", "cat:student@0"], 1));
    expect(outcomes.map((o) => o.claimed)).toEqual([true, true, true, false, true, false]);
    expect(outcomes.every((o) => o.limited.join() === "cat:student")).toBe(true);
    expect(await used("cat:student")).toBe(4);
    // No limited bucket among the candidates: no row, nothing to hold.
    expect(await claim(["cat:media", "day:2"], 1)).toEqual({ limited: [], claimed: false });
    expect(await claim([], 1)).toEqual({ limited: [], claimed: false });
  });

  it("claims nothing when several buckets are limited (the caller decides on the whole picture)", async () => {
    await setCapacity(await staff(), { editionId, categoryId: cat.general_public!, day: null, capacity: 50 });
    await setCapacity(await staff(), { editionId, categoryId: null, day: 1, capacity: 50 });
    const before = [await used("cat:general_public"), await used("day:1")];
    expect(await claim(["cat:general_public", "day:1", "cat:general_public@1"], 1)).toEqual({ limited: ["cat:general_public", "day:1"], claimed: false });
    expect([await used("cat:general_public"), await used("day:1")]).toEqual(before);
  });

  it("writes a registration in one statement only with a place claimed; a full bucket raises NM001 and writes nothing, and the transaction waitlists", async () => {
    await setCapacity(await staff(), { editionId, categoryId: cat.media!, day: null, capacity: 2 });
    const refuse = (candidates: string[]) =>
      t.db.execute(sql`with r as (insert into registration_repeats (edition_id, idempotency_key, request_fingerprint, created_at) values (${editionId}, ${"probe"}, ${"x"}, now())) select registration_claim_or_refuse(${editionId}, array[${sql.join(candidates.map((c) => sql`${c}`), sql`, `)}]::text[], 1)`);
    // Two limited buckets: refused, and the statement's insert is undone with it.
    await setCapacity(await staff(), { editionId, categoryId: null, day: 2, capacity: 50 });
    await expect(refuse(["cat:media", "day:2"])).rejects.toSatisfy((e: unknown) => sqlStateOf(e) === "NM001");
    expect(rowsOf(await t.db.execute(sql`select 1 from registration_repeats where idempotency_key = 'probe'`))).toHaveLength(0);
    // Through the operation: the first two take the places (one statement each), the rest wait.
    const people = Array.from({ length: 4 }, (_, i) => ({ editionId, categoryId: cat.media!, name: `Press ${i}`, email: `press${i}@example.com`, days: [0], consentData: true, consentScan: false }));
    const made = [];
    for (const p of people) made.push((await register(ctxFor(t.db, anonymous), p)).registrations[0]!.status);
    expect(made).toEqual(["pending", "pending", "waitlisted", "waitlisted"]); // media needs approval: places held while pending
    expect(await used("cat:media")).toBe(2);
    const rows = await t.db.select().from(registrations).where(and(eq(registrations.editionId, editionId), eq(registrations.categoryId, cat.media!)));
    expect(rows.filter((r) => r.email.startsWith("press"))).toHaveLength(4);
    // Full: refused, nothing written.
    await expect(refuse(["cat:media"])).rejects.toSatisfy((e: unknown) => sqlStateOf(e) === "NM001");
    expect(await used("cat:media")).toBe(2);
  });

  it.skipIf(process.env.NUMAISH_TEST_DB !== "postgres")("admits, holding the stripes for update, when the shared read that would waitlist finds a place freed meanwhile (postgres)", async () => {
    const fi = cat.financial_institution!;
    const person = (i: number) => ({ editionId, categoryId: fi, name: `Banker ${i}`, email: `banker${i}@example.com`, days: [0], consentData: true, consentScan: false });
    await setCapacity(await staff(), { editionId, categoryId: fi, day: null, capacity: 1 });
    expect((await register(ctxFor(t.db, anonymous), person(0))).registrations[0]!.status).toBe("pending");
    // A cancellation in flight: it holds the full bucket's stripe for update and frees its place.
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const bucket = and(eq(registrationCapacity.editionId, editionId), eq(registrationCapacity.bucket, "cat:financial_institution"));
    const cancelling = t.db.transaction(async (tx) => {
      await tx.select().from(registrationCapacity).where(bucket).for("update");
      await released;
      await tx.update(registrationCapacity).set({ used: sql`${registrationCapacity.used} - 1` }).where(bucket);
    });
    await waitFor(async () => (await rowLockWaits()) === 0 && (await heldRowLocks()) >= 1);
    // The one statement finds no free stripe (refused); the transaction's shared read waits.
    const registering = register(ctxFor(t.db, anonymous), person(1));
    await waitFor(async () => (await rowLockWaits()) >= 1);
    release();
    await cancelling;
    // The shared read saw the freed place: not waitlisted, but admitted by the exclusive retry.
    expect((await registering).registrations[0]!.status).toBe("pending");
    expect(await used("cat:financial_institution")).toBe(1);
  });

  it.skipIf(process.env.NUMAISH_TEST_DB !== "postgres")("waits for a capacity change holding the exclusive lock and then sees its counts (postgres)", async () => {
    await setCapacity(await staff(), { editionId, categoryId: cat.media!, day: null, capacity: 10 }); // 2 held (above)
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const change = t.db.transaction(async (tx) => {
      await holdCapacityExclusive(tx, editionId);
      await released;
      // The bucket fills up while the claim waits for the lock.
      await tx.update(registrationCapacity).set({ used: sql`${registrationCapacity.capacity}` }).where(and(eq(registrationCapacity.editionId, editionId), eq(registrationCapacity.bucket, "cat:media")));
    });
    // Give the change its lock first (it holds it until `released`).
    await waitFor(async () => (await advisoryLocks(true)) >= 1);
    const claiming = claim(["cat:media"], 1);
    // The claim is waiting on the lock (not granted), not done.
    await waitFor(async () => (await advisoryLocks(false)) >= 1);
    release();
    await change;
    expect(await claiming).toEqual({ limited: ["cat:media"], claimed: false });
    expect(await used("cat:media")).toBe(10);
  });
});

async function advisoryLocks(granted: boolean): Promise<number> {
  const rows = rowsOf<{ n: number }>(
    await t.db.execute(sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and classid = 7301 and granted = ${granted} and database = (select oid from pg_database where datname = current_database())`),
  );
  return Number(rows[0]?.n ?? 0);
}

/** Sessions of this database waiting for a row lock (a tuple or transaction lock not granted). */
async function rowLockWaits(): Promise<number> {
  const rows = rowsOf<{ n: number }>(
    await t.db.execute(sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and wait_event in ('tuple', 'transactionid')`),
  );
  return Number(rows[0]?.n ?? 0);
}

/** Sessions of this database in a transaction holding a lock on registration_capacity's rows. */
async function heldRowLocks(): Promise<number> {
  const rows = rowsOf<{ n: number }>(
    await t.db.execute(sql`select count(*)::int as n from pg_locks l where l.relation = 'registration_capacity'::regclass and l.mode = 'RowShareLock' and l.granted`),
  );
  return Number(rows[0]?.n ?? 0);
}

async function waitFor(check: () => Promise<boolean>) {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error("condition not reached");
}
