// The demo's open call: a trade-body representative can nominate into it on a
// freshly seeded demo, while the completed 2026 call stays as it was.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq, like } from "drizzle-orm";
import { fixedClock } from "../../platform/clock";
import { actorFor, ctxFor, demo, openTestDb, SEED_CLOCK, type TestDb } from "../../../tests/support/db";
import { seedDemo } from "../demo/seed-demo";
import { editions } from "../editions/tables";
import { callIsOpen, callsForTradeBody, findCall } from "../nominations/operations/call";
import { acceptRows, checkUpload, listNominations, tradeBodyOf } from "../nominations/operations/nominate";
import { csv, HEADER } from "../nominations/test-support";
import { openCallPlan, seedDemoOpenCall } from "./demo-open-call";
import { findSelection } from "./operations/selection";

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
  // As seedDemo would (see the note in demo-open-call.ts on why it does not yet).
  const [y2026] = await t.db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
  await seedDemoOpenCall(t.db, { organiserId: y2026!.organiserId, editionId: y2026!.id, now: new Date(SEED_CLOCK) });
});
afterAll(async () => t?.close());

describe("openCallPlan", () => {
  it("is open from two weeks before the seeding, at least 30 days after it, and closes before the edition", () => {
    for (const now of ["2025-11-01T09:00:00Z", "2026-11-24T17:00:00Z", "2026-12-20T10:00:00Z", "2027-03-05T00:00:00Z"]) {
      const p = openCallPlan(new Date(now));
      expect(callIsOpen({ publishedAt: p.opensAt, opensAt: p.opensAt, closesAt: p.closesAt } as never, new Date(now))).toBe(true);
      expect(p.closesAt.getTime() - Date.parse(now)).toBeGreaterThanOrEqual(30 * 86_400_000);
      expect(p.closesAt.getTime()).toBeLessThan(Date.parse(`${p.startsOn}T00:00:00+05:00`));
      expect(p.year).toBeGreaterThanOrEqual(2027);
    }
    expect(openCallPlan(new Date("2026-11-24T17:00:00Z"))).toMatchObject({ slug: "sme-showcase-2027", closesAt: new Date("2027-01-09T18:59:00Z") });
    expect(openCallPlan(new Date("2026-12-20T10:00:00Z")).year).toBe(2028);
  });
});

describe("the demo's open call", () => {
  it("lets the chamber's representative upload a spreadsheet with mixed rows and nominate the valid ones", async () => {
    const seededAt = new Date(SEED_CLOCK);
    const rep = ctxFor(t.db, await actorFor(t.db, demo.chamber), "en", fixedClock(new Date(seededAt.getTime() + 3 * 86_400_000).toISOString()));
    const calls = await callsForTradeBody(t.db, tradeBodyOf(rep)!, rep.clock.now());
    expect(calls.map((c) => [c.slug, c.open])).toEqual([
      ["sme-showcase-2027", true],
      ["showcase-2026", false],
    ]);
    const [edition] = await t.db.select().from(editions).where(eq(editions.slug, "sme-showcase-2027"));
    expect(edition).toMatchObject({ status: "published", nameEn: "Made in Pakistan: SME Cluster Showcase 2027", startsOn: "2027-01-23" });
    const call = (await findCall(t.db, edition!.id))!;
    expect(call.sectorTargets.length).toBeGreaterThan(0);
    expect(call.totalStalls).toBeGreaterThan(170);

    const before = await listNominations(rep, { editionId: edition!.id });
    expect(before).toMatchObject({ callOpen: true, nominations: [] });
    expect(before.remaining).toBeGreaterThan(2);
    const file = csv([
      HEADER,
      "Shalimar Leather,4400001-1,sialkot-leather-gloves-instruments,micro,9000000,8,yes,Nasreen,nasreen@example.pk,,Sialkot",
      "Broken Number,44-1,sialkot-leather-gloves-instruments,small,60000000,20,no,Akram,,0300-1234567,Sialkot",
      "Ravi Ceramics,4400003-1,gujrat-ceramics-fans-appliances,small,90000000,30,no,Bilal,,0321-7654321,Gujrat",
      "Unknown Cluster,4400004-1,atlantis,micro,1000000,2,maybe,Huma,,,",
    ]);
    const report = await checkUpload(rep, { editionId: edition!.id, file });
    expect(report.valid.map((v) => v.row)).toEqual([2, 4]);
    expect(report.problems.map((p) => `${p.row}:${p.column}:${p.code}`)).toEqual([
      "3:ntn:ntn_format",
      "5:cluster:cluster_unknown",
      "5:womenLed:women_led_unknown",
      "5:phone:contact_missing",
    ]);
    const { created } = await acceptRows(rep, { editionId: edition!.id, rows: report.rows.filter((r) => report.valid.some((v) => v.row === r.row)) });
    expect(created.map((c) => c.enterpriseName)).toEqual(["Shalimar Leather", "Ravi Ceramics"]);
    const after = await listNominations(rep, { editionId: edition!.id });
    // Listed by time of nomination, then by name (one upload: same time).
    expect(after.nominations.map((n) => [n.enterpriseName, n.status])).toEqual([
      ["Ravi Ceramics", "invited"],
      ["Shalimar Leather", "invited"],
    ]);
    expect(after.remaining).toBe(before.remaining - 2);

    // The completed 2026 call is untouched, and seeding again adds no second open call.
    const [y2026] = await t.db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
    expect((await findSelection(t.db, y2026!.id))!.result.totals.selected).toBe(170);
    await seedDemo(t.db, fixedClock("2026-12-20T10:00:00Z"));
    await seedDemoOpenCall(t.db, { organiserId: y2026!.organiserId, editionId: y2026!.id, now: new Date("2026-12-20T10:00:00Z") });
    expect((await t.db.select({ n: count() }).from(editions).where(like(editions.slug, "sme-showcase-%")))[0]!.n).toBe(1);
  });
});
