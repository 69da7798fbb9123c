import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dimensions, measures, suppress, transparencyReport, type ReportInput, type TransparencyReport } from "./report";

type App = ReportInput["applications"][number];
const make = (n: number, over: Partial<App>, status: "selected" | "waitlisted" | "not_selected", start: number) =>
  Array.from({ length: n }, (_, i) => ({
    app: { id: `a${start + i}`, clusterId: "surgical", province: "Punjab", sizeClass: "small" as const, womenLed: false, normalisedScore: 55, ...over },
    decision: { applicationId: `a${start + i}`, status },
  }));

function build(groups: ReturnType<typeof make>[]): ReportInput {
  const all = groups.flat();
  return { applications: all.map((x) => x.app), decisions: all.map((x) => x.decision) };
}

// Every published sum hides none or at least two cells (else a subtraction reveals the one).
function checkSafe(report: TransparencyReport) {
  for (const d of dimensions) {
    const t = report.tables[d];
    for (const cells of [...t.rows.map((r) => r.cells), t.total]) {
      expect(measures.filter((m) => cells[m].suppressed).length).not.toBe(1);
      for (const m of measures) if (!cells[m].suppressed) expect(cells[m].value === 0 || cells[m].value! >= report.threshold).toBe(true);
    }
    for (const m of measures) {
      const column = [t.total[m], ...t.rows.map((r) => r.cells[m])];
      expect(column.filter((c) => c.suppressed).length).not.toBe(1);
    }
  }
}

describe("suppress", () => {
  it("hides small cells and the smallest non-zero partner in each sum", () => {
    const values = new Map([
      ["t", 20],
      ["a", 3],
      ["b", 9],
      ["c", 8],
    ]);
    expect([...suppress(values, [["t", "a", "b", "c"]], 5)].sort()).toEqual(["a", "c"]);
    expect([...suppress(new Map([["t", 3], ["a", 3], ["b", 0]]), [["t", "a", "b"]], 5)].sort()).toEqual(["a", "t"]);
  });
});

describe("transparencyReport", () => {
  it("counts by every dimension when no cell is small", () => {
    const input = build([
      make(6, {}, "selected", 0),
      make(5, { clusterId: "sports", province: "Sindh", womenLed: true, sizeClass: "micro", normalisedScore: 81 }, "waitlisted", 100),
      make(7, { clusterId: "sports", province: "Sindh", normalisedScore: 12 }, "not_selected", 200),
    ]);
    const report = transparencyReport({ ...input, threshold: 5 });
    expect(report.suppressedCells).toBe(0);
    const v = (d: keyof TransparencyReport["tables"], key: string) =>
      Object.fromEntries(measures.map((m) => [m, report.tables[d].rows.find((r) => r.key === key)!.cells[m].value]));
    expect(v("cluster", "sports")).toEqual({ applications: 12, selected: 0, waitlisted: 5, notSelected: 7 });
    expect(v("womenLed", "yes")).toEqual({ applications: 5, selected: 0, waitlisted: 5, notSelected: 0 });
    expect(v("sizeClass", "medium")).toEqual({ applications: 0, selected: 0, waitlisted: 0, notSelected: 0 });
    expect(v("scoreBand", "80-90")).toEqual({ applications: 5, selected: 0, waitlisted: 5, notSelected: 0 });
    expect(report.tables.scoreBand.rows.map((r) => r.key)).toEqual(["0-10", "10-20", "20-30", "30-40", "40-50", "50-60", "60-70", "70-80", "80-90", "90-100", "none"]);
    expect(report.tables.cluster.total.applications.value).toBe(18);
  });

  it("hides a small group and whatever would reveal it, in the row and in the column", () => {
    const input = build([
      make(10, {}, "selected", 0),
      make(8, {}, "not_selected", 50),
      make(2, { clusterId: "gems", province: "Gilgit-Baltistan", womenLed: true }, "selected", 100), // a group of two
      make(9, { clusterId: "sports" }, "selected", 200),
      make(6, { clusterId: "sports" }, "waitlisted", 300),
    ]);
    const report = transparencyReport(input);
    const gems = report.tables.cluster.rows.find((r) => r.key === "gems")!.cells;
    expect(gems.applications.suppressed && gems.selected.suppressed).toBe(true);
    const gb = report.tables.province.rows.find((r) => r.key === "Gilgit-Baltistan")!.cells;
    expect(gb.applications).toEqual({ value: null, suppressed: true });
    checkSafe(report);
    // Nothing hidden is left derivable: the column of selected hides at least two clusters.
    expect(report.tables.cluster.rows.filter((r) => r.cells.selected.suppressed).length + (report.tables.cluster.total.selected.suppressed ? 1 : 0)).toBeGreaterThanOrEqual(2);
  });

  it("property: no small count shown, no sum with exactly one hidden cell, shown values are true, shared totals agree", () => {
    const appArb = fc.record({
      clusterId: fc.constantFrom("c1", "c2", "c3", "c4", "c5"),
      province: fc.constantFrom("Punjab", "Sindh", "KP", "Balochistan", null),
      sizeClass: fc.constantFrom("micro" as const, "small" as const, "medium" as const),
      womenLed: fc.boolean(),
      normalisedScore: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
      status: fc.constantFrom("selected" as const, "waitlisted" as const, "not_selected" as const, "withdrawn" as const),
    });
    fc.assert(
      fc.property(fc.array(appArb, { maxLength: 80 }), fc.integer({ min: 2, max: 6 }), (apps, threshold) => {
        const applications = apps.map(({ status: _status, ...a }, i) => ({ ...a, id: `a${i}` }));
        const decisions = apps.map((a, i) => ({ applicationId: `a${i}`, status: a.status }));
        const report = transparencyReport({ applications, decisions, threshold });
        checkSafe(report);
        const truth = (m: string) => apps.filter((a) => (m === "applications" ? true : m === "notSelected" ? a.status === "not_selected" || a.status === "withdrawn" : a.status === m)).length;
        for (const d of ["cluster", "province", "sizeClass", "womenLed", "scoreBand"] as const) {
          expect(report.tables[d].total).toEqual(report.tables.cluster.total);
          for (const m of measures) if (!report.tables[d].total[m].suppressed) expect(report.tables[d].total[m].value).toBe(truth(m));
        }
        const c1 = report.tables.cluster.rows.find((r) => r.key === "c1");
        if (c1 && !c1.cells.applications.suppressed) expect(c1.cells.applications.value).toBe(apps.filter((a) => a.clusterId === "c1").length);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
