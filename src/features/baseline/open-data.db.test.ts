import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { ctxFor, demoShow, openTestDb, type TestDb } from "../../../tests/support/db";
import { enterprises } from "../editions/enterprise-tables";
import { figuresOf } from "./engine/figures";
import { groupAggregates, groupCombinations } from "./operations/aggregates";
import { baselineOpenData, openDataCsv, type BaselineOpenData } from "./operations/open-data";
import { reportTables } from "./operations/report";
import { surveyOfEdition } from "./operations/structure";
import { baselineResponses } from "./tables";

// Issue #15, item 6: the open data and the ministry's PDF publish sector and district beside
// cluster, province, size, women-led and micro. A sector is made of its clusters and a province of
// its districts, so a shown sector (province) holding exactly one withheld cluster (district)
// would give it away; the published tables withhold more (engine/disclosure.ts). Here the demo's
// firms are moved to build that leak for real, and the open data is shown to close it.

let t: TestDb;
let editionId: string;
let surveyId: string;

beforeAll(async () => {
  t = await openTestDb();
  editionId = (await demoShow(t.db)).editionId;
  surveyId = (await surveyOfEdition(t.db, editionId))!.id;
});
afterAll(async () => t?.close());

const sum = (m: ReadonlyMap<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
const open = () => baselineOpenData(ctxFor(t.db), { slug: "showcase-2026" });
const table = (d: BaselineOpenData, by: string) => new Map(d.tables.find((x) => x.by === by)!.rows.map((r) => [r.group, r]));
/** Each parent group's child groups, as the registry has them now. */
async function childrenOf(parent: "sector" | "province", child: "cluster" | "district") {
  const out = new Map<string, Map<string, number>>();
  for (const c of await groupCombinations(t.db, surveyId, [parent, child])) {
    const inside = out.get(c.groups[parent]!) ?? new Map<string, number>();
    out.set(c.groups[parent]!, inside.set(c.groups[child]!, (inside.get(c.groups[child]!) ?? 0) + c.firms));
  }
  return out;
}
/** The table as each breakdown's own rule alone would publish it (the dashboard's). */
async function ownRule(by: "cluster" | "district" | "sector" | "province") {
  const counted = await groupAggregates(t.db, surveyId, by);
  return new Map(figuresOf(counted.groups, counted.total).rows.map((r) => [r.group, r]));
}

describe("the open data by sector and by district", () => {
  it("publishes seven breakdowns in the JSON, the CSV and the PDF's tables, in English and Urdu", async () => {
    const data = await open();
    expect(data.tables.map((x) => x.by)).toEqual(["cluster", "sector", "province", "district", "size", "women_led", "micro"]);
    for (const by of ["sector", "district"]) {
      const rows = data.tables.find((x) => x.by === by)!.rows;
      expect(rows.length, by).toBeGreaterThan(1);
      expect(rows.filter((r) => !r.suppressed).every((r) => r.firms! >= 5)).toBe(true);
    }
    const sector = data.tables.find((x) => x.by === "sector")!.rows.find((r) => !r.suppressed)!;
    expect(sector.nameUr).not.toBe(sector.nameEn);
    const csv = openDataCsv(data);
    expect(csv).toContain(`\nsector,${sector.nameEn},${sector.nameUr},${sector.firms},`);
    expect(csv).toMatch(/\ndistrict,/);
    const en = await reportTables(t.db, editionId, surveyId, "en");
    expect(en.map((x) => x.title)).toEqual(["By Cluster", "By Sector", "By Province", "By District", "By Size class", "By Women-led", "By Micro firms"]);
    const ur = await reportTables(t.db, editionId, surveyId, "ur");
    expect(ur.map((x) => x.title)).toEqual(expect.arrayContaining(["شعبہ کے لحاظ سے", "ضلع کے لحاظ سے"]));
  });

  it.each([
    { parent: "sector", child: "cluster", column: "clusterSlug" },
    { parent: "province", child: "district", column: "district" },
  ] as const)("closes the leak of a shown $parent holding exactly one withheld $child (JSON and CSV)", async ({ parent, child, column }) => {
    // The largest parent with two children or more: every firm of it moves to its largest child
    // but three of another child's (the parent does not change), so it holds two children, one of
    // 3 firms (withheld) beside one shown.
    const [p, inside] = [...(await childrenOf(parent, child))].filter(([g, c]) => g !== "unknown" && c.size >= 2).sort(([, a], [, b]) => sum(b) - sum(a))[0]!;
    const [y, x] = [...inside].sort(([, a], [, b]) => b - a).map(([g]) => g) as [string, string];
    const firms = await t.db
      .select({ id: enterprises.id, value: enterprises[column] })
      .from(enterprises)
      .innerJoin(baselineResponses, eq(baselineResponses.enterpriseId, enterprises.id))
      .where(and(eq(baselineResponses.surveyId, surveyId), eq(baselineResponses.round, "baseline"), eq(baselineResponses.status, "submitted"), inArray(enterprises[column], [...inside.keys()])));
    const kept = firms.filter((f) => f.value === x).slice(0, 3);
    expect(kept).toHaveLength(3);
    const moved = firms.filter((f) => f.value !== y && !kept.includes(f));
    await t.db.update(enterprises).set({ [column]: y }).where(inArray(enterprises.id, moved.map((f) => f.id)));
    try {
      // Each table's own rule alone: the parent is shown and, of its children, only x is withheld,
      // so the parent minus its shown children is x's 3 firms.
      const parents = await ownRule(parent);
      const kids = await ownRule(child);
      const after = (await childrenOf(parent, child)).get(p)!;
      expect(parents.get(p)!.suppressed).toBe(false);
      expect([...after.keys()].sort()).toEqual([x, y].sort());
      expect(kids.get(x)!.suppressed).toBe(true);
      expect(parents.get(p)!.firms! - kids.get(y)!.firms!).toBe(3);
      // Published: x withheld, and no shown parent holds exactly one withheld child.
      const data = await open();
      const published = { parents: table(data, parent), kids: table(data, child) };
      expect(published.kids.get(x)!.suppressed).toBe(true);
      for (const [g, inside] of await childrenOf(parent, child)) {
        if (published.parents.get(g)!.suppressed) continue;
        expect([...inside.keys()].filter((c) => published.kids.get(c)!.suppressed).length, g).not.toBe(1);
      }
      const held = [...after.keys()].filter((c) => published.kids.get(c)!.suppressed);
      expect(published.parents.get(p)!.suppressed || held.length >= 2).toBe(true);
      const csv = openDataCsv(data);
      for (const c of held) expect(csv).toContain(`\n${child},${published.kids.get(c)!.nameEn},${published.kids.get(c)!.nameUr},,,,,,withheld`);
    } finally {
      for (const f of moved) await t.db.update(enterprises).set({ [column]: f.value }).where(eq(enterprises.id, f.id));
    }
  });
});
