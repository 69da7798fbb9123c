import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { fixedClock } from "../../platform/clock";
import { actorFor, ctxFor, demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { seedDemo } from "../demo/seed-demo";
import { editions, tradeBodies } from "../editions/tables";
import { listNominations } from "../nominations/operations/nominate";
import { nominations, reviews } from "../nominations/tables";
import { myReviews, scoreOverview } from "./operations/review";
import { getSelection } from "./operations/selection";
import { getTransparencyReport, transparencyCsv } from "./operations/transparency";

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t?.close());

describe("the demo edition's completed call", () => {
  it("has a published selection of the 170 exhibitors, three reviews per application, and a public report", async () => {
    const [edition] = await t.db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
    const staff = ctxFor(t.db, await actorFor(t.db, demo.organiser));
    const { selection, progress } = await getSelection(staff, { editionId: edition!.id });
    expect(progress).toMatchObject({ invited: 0, draft: 0, withdrawn: 0 });
    expect(selection?.publishedAt).not.toBeNull();
    expect(selection!.result.totals.selected).toBe(170);
    expect(selection!.result.totals.waitlisted).toBeGreaterThan(0);
    expect(selection!.result.flags).toEqual([]);
    const apps = (await t.db.select({ n: count() }).from(nominations).where(eq(nominations.editionId, edition!.id)))[0]!.n;
    // This call's reviews only (next year's open call has its own, not yet scored).
    const revs = (await t.db.select({ n: count() }).from(reviews).innerJoin(nominations, eq(nominations.id, reviews.nominationId)).where(eq(nominations.editionId, edition!.id)))[0]!.n;
    expect(revs).toBe(apps * 3);
    expect(progress.submitted).toBe(apps);
    const overview = await scoreOverview(staff, { editionId: edition!.id });
    expect(overview.applications).toHaveLength(apps);

    const reviewer = ctxFor(t.db, await actorFor(t.db, demo.reviewer));
    const mine = await myReviews(reviewer, { editionId: edition!.id });
    expect(mine.counts.all).toBeGreaterThan(50);
    expect(mine.counts.todo + mine.counts.scored).toBe(mine.counts.all);
    // Shown a page at a time; pages together hold every assignment exactly once.
    expect(mine.items).toHaveLength(20);
    const seen: string[] = [];
    for (let page = 1; page <= mine.pages; page++) seen.push(...(await myReviews(reviewer, { editionId: edition!.id, page })).items.map((i) => i.nominationId));
    expect(new Set(seen).size).toBe(mine.counts.all);
    expect(seen).toHaveLength(mine.counts.all);
    const scored = await myReviews(reviewer, { editionId: edition!.id, show: "scored", page: 999 });
    expect(scored.page).toBe(scored.pages);
    expect(scored.items.every((i) => i.submittedAt)).toBe(true);
    const todo = await myReviews(reviewer, { editionId: edition!.id, show: "todo" });
    expect(todo.items.every((i) => !i.submittedAt)).toBe(true);
    expect(todo.items).toHaveLength(Math.min(20, mine.counts.todo));

    // The chamber's representative sees only LCCI's nominees.
    const rep = ctxFor(t.db, await actorFor(t.db, demo.chamber));
    const own = await listNominations(rep, { editionId: edition!.id });
    const [lcci] = await t.db.select().from(tradeBodies).where(eq(tradeBodies.slug, "lcci"));
    const lcciCount = (await t.db.select({ n: count() }).from(nominations).where(eq(nominations.tradeBodyId, lcci!.id)))[0]!.n;
    expect(own.nominations).toHaveLength(lcciCount);
    expect(lcciCount).toBeLessThan(apps);

    const report = await getTransparencyReport(ctxFor(t.db), { slug: "showcase-2026" });
    expect(report.report.tables.cluster.total.selected).toEqual({ value: 170, suppressed: false });
    expect(report.report.suppressedCells).toBeGreaterThan(0);
    expect(transparencyCsv(report.report, report.clusterNames)).toContain(",withheld");
  });

  it("seeds again without changing anything", async () => {
    const before = (await t.db.select({ n: count() }).from(nominations))[0]!.n;
    await seedDemo(t.db, fixedClock("2026-02-01T00:00:00Z"));
    expect((await t.db.select({ n: count() }).from(nominations))[0]!.n).toBe(before);
  });
});
