import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { actorFor, ctxFor, demo, openTestDb, type TestDb, demoShow, type DemoCategories } from "../../../tests/support/db";
import { anonymous } from "../../platform/permissions/actor";
import { demoEditionIds } from "../checkin/fixtures";
import { issueStaffBadge, setStaffQuota } from "../checkin/operations/staff-badges";
import { visitorCategories } from "../editions/tables";
import { admitOrWaitlist, bucketsFor } from "./core/capacity";
import { cancelOwnRegistration } from "./operations/own";
import { bucketTotals } from "./operations/places";
import { queueOptions } from "./operations/queue";
import { register } from "./operations/register";
import { setCapacity } from "./operations/settings";
import { registrationCapacity, registrations } from "./tables";

// Capacity split over stripes (operations/places.ts): many registrations claim places at once,
// cancellations promote, a limit changes mid-rush. Whatever the interleaving, the counts must be
// exact, no limit exceeded, and nobody left waiting who would fit.

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
const person = (email: string, days: number[], categoryId = cat.general_public) => ({
  editionId,
  categoryId,
  name: `Person ${email}`,
  email,
  days,
  consentData: true,
  consentScan: false,
});

/** Totals per bucket recounted from the registrations holding places. */
async function recount() {
  const held = await t.db
    .select({ days: registrations.days, code: visitorCategories.code })
    .from(registrations)
    .innerJoin(visitorCategories, eq(visitorCategories.id, registrations.categoryId))
    .where(and(eq(registrations.editionId, editionId), inArray(registrations.status, ["pending", "approved"])));
  const used: Record<string, number> = {};
  for (const h of held) for (const b of bucketsFor({ category: h.code, days: h.days })) used[b] = (used[b] ?? 0) + 1;
  return used;
}

describe("capacity stripes", () => {
  it("keep exact counts under a rush with two limits, cancellations and a limit changed mid-rush", async () => {
    queueOptions.enabled = false; // as if every request came from another app process
    onTestFinished(() => {
      queueOptions.enabled = true;
    });
    const s = await staff();
    await setCapacity(s, { editionId, categoryId: cat.general_public!, day: null, capacity: 100 });
    await setCapacity(s, { editionId, categoryId: null, day: 1, capacity: 70 });
    const stripes = await t.db.select().from(registrationCapacity).where(eq(registrationCapacity.editionId, editionId));
    expect(stripes.filter((r) => r.bucket === "cat:general_public")).toHaveLength(3); // 100 places: 3 stripes
    expect(stripes.filter((r) => r.bucket === "cat:general_public").reduce((n, r) => n + r.capacity, 0)).toBe(100);

    const daysOf = (i: number) => (i % 3 === 0 ? [0] : i % 3 === 1 ? [1] : [0, 1]);
    const first = await Promise.all(Array.from({ length: 90 }, (_, i) => register(ctxFor(t.db, anonymous), person(`s${i}@example.com`, daysOf(i)))));
    const admittedFirst = first.map((r) => r.registrations[0]!).filter((r) => r.status === "approved");
    // Second wave: more registrations, cancellations of admitted ones through their links, and a
    // new limit on a category-day bucket, all at once.
    const tokenOf = (id: string) => first.find((f) => f.registrations[0]!.id === id)!.manageTokens![0]!;
    const cancels = admittedFirst.slice(0, 15).map((r) => cancelOwnRegistration(ctxFor(t.db, anonymous), { token: tokenOf(r.id) }));
    const wave = Array.from({ length: 60 }, (_, i) => register(ctxFor(t.db, anonymous), person(`w${i}@example.com`, daysOf(i))));
    const limit = setCapacity(s, { editionId, categoryId: cat.general_public!, day: 0, capacity: 60 });
    await Promise.all([...cancels, ...wave, limit]);

    const totals = Object.fromEntries((await bucketTotals(t.db, editionId)).map((b) => [b.bucket, b]));
    const used = await recount();
    for (const b of ["cat:general_public", "day:1", "cat:general_public@0"]) {
      expect(totals[b]!.used, b).toBe(used[b] ?? 0);
      expect(totals[b]!.used, b).toBeLessThanOrEqual(totals[b]!.capacity);
    }
    // Nobody waits who would fit now (promotion walked the whole line).
    const state = {
      limits: Object.fromEntries(Object.values(totals).map((b) => [b.bucket, b.capacity])),
      used: Object.fromEntries(Object.values(totals).map((b) => [b.bucket, b.used])),
    };
    const waiting = await t.db
      .select()
      .from(registrations)
      .where(and(eq(registrations.editionId, editionId), eq(registrations.status, "waitlisted"), eq(registrations.categoryId, cat.general_public!)));
    expect(waiting.length).toBeGreaterThan(0);
    for (const w of waiting) expect(admitOrWaitlist(state, { category: "general_public", days: w.days }).decision).toBe("waitlist");
    // Every person once, every number once.
    const rows = await t.db.select().from(registrations).where(eq(registrations.editionId, editionId));
    expect(new Set(rows.map((r) => r.number)).size).toBe(rows.length);
    expect(rows.filter((r) => /^[sw]\d+@example\.com$/.test(r.email))).toHaveLength(150);
  });

  it("hand out numbers that never collide with an exhibitor's staff badges", async () => {
    const { edition } = await demoEditionIds(t.db);
    const exhibitor = await actorFor(t.db, demo.exhibitor);
    const own = exhibitor.kind === "user" ? exhibitor.grants.find((g) => g.role === "exhibitor")!.enterpriseId! : "";
    await setStaffQuota(await staff(), { editionId: edition.id, enterpriseId: own, quota: 10 });
    const a = await register(ctxFor(t.db, anonymous), person("n1@example.com", [2], cat.student));
    const badge = await issueStaffBadge(ctxFor(t.db, exhibitor), { editionId: edition.id, enterpriseId: own, name: "Staff One", email: "staff1@stall.pk" });
    const b = await register(ctxFor(t.db, anonymous), person("n2@example.com", [2], cat.student));
    const numbers = [a.registrations[0]!.number, badge.number, b.registrations[0]!.number];
    expect(new Set(numbers).size).toBe(3);
    expect(numbers[2]).toBeGreaterThan(numbers[0]!);
  });
});
