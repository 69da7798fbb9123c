// The README's demo walk, as a newcomer takes it: every sign-in of its table lands where the
// table says (the person's own work), the reviewer has applications waiting to be scored in the
// open call, and the 2026 show, over, has a footfall picture and says it took place with a link to
// its transparency report (also from the home page's past editions).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { fixedClock } from "../../platform/clock";
import { ctxFor, demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { actorForUser } from "../accounts/grants";
import { signIn } from "../accounts/operations/sign-in";
import { landingPath } from "../accounts/pages/role-links";
import { footfall } from "../checkin/operations/footfall";
import { DEMO_VISITORS } from "../checkin/demo-footfall";
import { editions } from "../editions/tables";
import { pastEditions, standingOf } from "../home/standing.server";
import { defaultReviewEdition, myReviewEditions } from "../selection/operations/review-editions";
import { myReviews } from "../selection/operations/review";
import { seedDemo } from "./seed-demo";

/** A day after the 2026 show and before next year's, as the e2e suite's clock. */
const AFTER_THE_SHOW = fixedClock("2026-12-04T06:00:00Z");

/** The README's sign-ins table: role, email and where signing in lands (the path in backticks). */
function readmeSignIns() {
  const readme = fs.readFileSync(path.resolve(__dirname, "../../../README.md"), "utf8");
  return [...readme.matchAll(/^\| ([^|\n]+) \| (\S+@demo\.numaish\.pk) \| [^|`\n]*`([^`\n]+)`[^|\n]*\|$/gm)].map((m) => ({ role: m[1]!.trim(), email: m[2]!, lands: m[3]! }));
}

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
  // The suite's snapshot is seeded before the 2026 show; seeding again after it (as a first start
  // on that day would) gives the past show its crowd. Idempotent for everything else.
  await seedDemo(t.db, AFTER_THE_SHOW, { accounts: false });
});
afterAll(async () => t?.close());

describe("the README's demo walk", () => {
  it("lists every demo sign-in, and each lands on the person's own work", async () => {
    const rows = readmeSignIns();
    expect(rows.map((r) => r.email).sort()).toEqual(Object.entries(demo).filter(([k]) => k !== "password").map(([, v]) => v).sort());
    const ctx = ctxFor(t.db, undefined, "en", AFTER_THE_SHOW);
    const landed: Record<string, string> = {};
    for (const row of rows) {
      const { user } = await signIn(ctx, { email: row.email, password: demo.password, ip: "203.0.113.9", userAgent: "demo-walk" });
      landed[row.email] = landingPath(await actorForUser(t.db, user));
    }
    expect(landed).toEqual(Object.fromEntries(rows.map((r) => [r.email, r.lands])));
    expect(landed[demo.organiser]).toBe("/back-office");
    expect(landed[demo.admin]).toBe("/back-office");
    expect(landed[demo.reviewer]).toBe("/review");
  });

  it("gives the reviewer applications of next year's open call to score, none scored yet", async () => {
    const [user] = await t.db.select().from(editions).where(eq(editions.slug, "sme-showcase-2027"));
    const { user: reviewer } = await signIn(ctxFor(t.db, undefined, "en", AFTER_THE_SHOW), { email: demo.reviewer, password: demo.password, ip: "203.0.113.9" });
    const ctx = ctxFor(t.db, await actorForUser(t.db, reviewer), "en", AFTER_THE_SHOW);
    const opens = defaultReviewEdition(await myReviewEditions(ctx));
    expect(opens).toMatchObject({ slug: "sme-showcase-2027" });
    expect(opens!.todo).toBeGreaterThanOrEqual(5);
    const page = await myReviews(ctx, { editionId: user!.id, show: "todo" });
    expect(page.counts.todo).toBe(opens!.todo);
    expect(page.counts.scored).toBe(0);
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.criteria.length).toBeGreaterThan(0);
  });

  it("shows the 2026 show's footfall: three days, hall gates, an hourly curve, a few refusals", async () => {
    const [y2026] = await t.db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
    const ctx = ctxFor(t.db, await actorForUser(t.db, (await signIn(ctxFor(t.db, undefined, "en", AFTER_THE_SHOW), { email: demo.organiser, password: demo.password, ip: "203.0.113.9" })).user), "en", AFTER_THE_SHOW);
    const f = await footfall(ctx, { editionId: y2026!.id });
    expect(f.rehearsal).toBe(false);
    expect(f.totals.entries).toBeGreaterThan(1200);
    expect(f.totals.entries).toBeLessThan(1600);
    expect(f.totals.unique).toBeGreaterThan(0.8 * DEMO_VISITORS);
    expect(f.totals.refused).toBeGreaterThan(0);
    expect(f.totals.refused).toBeLessThan(30);
    expect(f.byDay.map((d) => d.day)).toEqual([0, 1, 2]);
    expect(f.byDay[2]!.entries).toBeLessThan(f.byDay[0]!.entries); // a quieter Monday
    expect(f.byGate.filter((g) => g.entries > 0).length).toBe(3);
    // All days by hour: open hours only, busiest late morning or mid-afternoon, not at opening.
    const hours = new Map<number, number>();
    for (const h of f.byDayHour) hours.set(h.hour, (hours.get(h.hour) ?? 0) + h.entries);
    expect(Math.min(...hours.keys())).toBeGreaterThanOrEqual(10);
    expect(Math.max(...hours.keys())).toBeLessThanOrEqual(20);
    const peak = [...hours].sort((a, b) => b[1] - a[1])[0]![0];
    expect([11, 12, 15, 16]).toContain(peak);
    expect([...hours.values()].reduce((s, n) => s + n, 0)).toBe(f.totals.entries);
    expect(f.byCategory.length).toBeGreaterThan(3);
  });

  it("says the 2026 show took place, links its transparency report, and lists it from the home page", async () => {
    const ctx = ctxFor(t.db, undefined, "en", AFTER_THE_SHOW);
    const [y2026] = await t.db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
    const [y2027] = await t.db.select().from(editions).where(eq(editions.slug, "sme-showcase-2027"));
    expect(await standingOf(ctx, y2026!)).toEqual({ standing: "took_place", results: [{ kind: "transparency", to: "/editions/showcase-2026/transparency" }] });
    expect((await standingOf(ctx, y2027!)).standing).toBe("open");
    expect(await pastEditions(ctx, y2027!)).toMatchObject([{ slug: "showcase-2026", results: [{ kind: "transparency", to: "/editions/showcase-2026/transparency" }] }]);
  });

  it("seeds the crowd once: seeding again adds no visitor or scan", async () => {
    const [y2026] = await t.db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
    const ctx = ctxFor(t.db, await actorForUser(t.db, (await signIn(ctxFor(t.db, undefined, "en", AFTER_THE_SHOW), { email: demo.admin, password: demo.password, ip: "203.0.113.9" })).user), "en", AFTER_THE_SHOW);
    const before = await footfall(ctx, { editionId: y2026!.id });
    await seedDemo(t.db, fixedClock("2027-03-01T06:00:00Z"), { accounts: false });
    expect((await footfall(ctx, { editionId: y2026!.id })).totals).toEqual(before.totals);
  });
});
