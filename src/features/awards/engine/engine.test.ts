import { describe, expect, it } from "vitest";
import { assignJudges } from "./assignment";
import { ineligibleBecause } from "./eligibility";
import { completeReviews, leaderboard, placesOf } from "./leaderboard";
import { awardsReport } from "./transparency";

const rules = { selectedOnly: true, sizeClasses: ["micro"], womenLedOnly: true, clusterSlugs: [] as string[] };

describe("eligibility", () => {
  it("names every rule an enterprise fails, and none for an eligible one", () => {
    expect(ineligibleBecause(rules, { selected: true, sizeClass: "micro", womenLed: true, clusterSlug: "sialkot-surgical" })).toEqual([]);
    expect(ineligibleBecause(rules, { selected: false, sizeClass: "small", womenLed: false, clusterSlug: null })).toEqual(["not_selected", "size_class", "not_women_led"]);
    expect(ineligibleBecause({ ...rules, sizeClasses: [], womenLedOnly: false, clusterSlugs: ["a"] }, { selected: true, sizeClass: "medium", womenLed: false, clusterSlug: null })).toEqual(["cluster"]);
  });

  it("holds a sector rule: the enterprise's cluster must be of one of the sectors (none: fails)", () => {
    const bySector = { ...rules, sizeClasses: [], womenLedOnly: false, sectorCodes: ["textiles"] };
    const firm = { selected: true, sizeClass: "small", womenLed: false, clusterSlug: "faisalabad-textiles" };
    expect(ineligibleBecause(bySector, { ...firm, sectorCode: "textiles" })).toEqual([]);
    expect(ineligibleBecause(bySector, { ...firm, sectorCode: "leather" })).toEqual(["sector"]);
    expect(ineligibleBecause(bySector, { ...firm, clusterSlug: null, sectorCode: null })).toEqual(["sector"]);
    expect(ineligibleBecause({ ...bySector, sectorCodes: [] }, { ...firm, sectorCode: null })).toEqual([]);
  });

  it("holds a baseline export-readiness floor: at or above passes, below or no baseline fails", () => {
    const floor = { ...rules, sizeClasses: [], womenLedOnly: false, minExportScore: 60 };
    const firm = { selected: true, sizeClass: "small", womenLed: false, clusterSlug: null };
    expect(ineligibleBecause(floor, { ...firm, exportScore: 60 })).toEqual([]);
    expect(ineligibleBecause(floor, { ...firm, exportScore: 59 })).toEqual(["export_score"]);
    expect(ineligibleBecause(floor, { ...firm, exportScore: null })).toEqual(["export_score"]);
    expect(ineligibleBecause(floor, firm)).toEqual(["export_score"]);
    expect(ineligibleBecause({ ...floor, minExportScore: null }, firm)).toEqual([]);
  });
});

const criteria = [
  { id: "c1", weight: 3 },
  { id: "c2", weight: 1 },
];
const s = (entryId: string, judgeId: string, c1: number, c2: number) => [
  { entryId, judgeId, criterionId: "c1", score: c1 },
  { entryId, judgeId, criterionId: "c2", score: c2 },
];

describe("leaderboard", () => {
  it("counts only complete scorings", () => {
    const rows = [...s("e1", "j1", 4, 4), { entryId: "e2", judgeId: "j1", criterionId: "c1", score: 5 }];
    expect(completeReviews(criteria, rows).map((r) => r.applicationId)).toEqual(["e1"]);
  });

  it("ranks by normalised mean, so a harsh judge does not sink the entries it scored", () => {
    // j1 is generous (5s and 4s), j2 harsh (2s and 1s); e1 is each judge's best.
    const scores = [...s("e1", "j1", 5, 5), ...s("e2", "j1", 4, 4), ...s("e3", "j1", 4, 3), ...s("e1", "j2", 2, 2), ...s("e4", "j2", 1, 1), ...s("e5", "j2", 1, 2)];
    const board = leaderboard({ criteria, scores });
    expect(board[0]!.entryId).toBe("e1");
    expect(board.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    // e1's raw mean (3.5) is below e2's (4), yet it leads on the normalised scale.
    expect(board.find((r) => r.entryId === "e1")!.meanRaw).toBeLessThan(board.find((r) => r.entryId === "e2")!.meanRaw);
    expect(placesOf(board, 1, 2).map((p) => p.place)).toEqual(["winner", "runner_up", "runner_up"]);
  });

  it("flags disagreement where judges differ widely", () => {
    const scores = [...s("e1", "j1", 5, 5), ...s("e2", "j1", 1, 1), ...s("e3", "j1", 3, 3), ...s("e1", "j2", 1, 1), ...s("e2", "j2", 5, 5), ...s("e3", "j2", 3, 3)];
    const board = leaderboard({ criteria, scores });
    expect(board.find((r) => r.entryId === "e1")!.disagreement).toBe(true);
    expect(board.find((r) => r.entryId === "e3")!.disagreement).toBe(false);
  });

  it("is empty without complete reviews", () => {
    expect(leaderboard({ criteria, scores: [] })).toEqual([]);
  });
});

describe("assignment", () => {
  it("balances load and never gives a recused judge the entry", () => {
    const entryIds = ["e1", "e2", "e3", "e4", "e5", "e6"];
    const result = assignJudges({ entryIds, judgeIds: ["j1", "j2", "j3"], recused: [{ entryId: "e1", judgeId: "j1" }], existing: [], judgesPerEntry: 2 });
    expect(result.assignments).toHaveLength(12);
    expect(result.assignments.some((a) => a.entryId === "e1" && a.judgeId === "j1")).toBe(false);
    const loads = result.loads.map((l) => l.load);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect(result.shortfalls).toEqual([]);
  });

  it("drops an existing pair that became recused and reports a shortfall", () => {
    const result = assignJudges({ entryIds: ["e1"], judgeIds: ["j1", "j2"], recused: [{ entryId: "e1", judgeId: "j1" }], existing: [{ entryId: "e1", judgeId: "j1" }], judgesPerEntry: 2 });
    expect(result.dropped).toEqual([{ entryId: "e1", judgeId: "j1" }]);
    expect(result.shortfalls).toEqual([{ entryId: "e1", required: 2, assigned: 1, eligible: 1 }]);
  });
});

describe("transparency", () => {
  it("withholds small counts and one more so none can be worked out from the total", () => {
    const report = awardsReport([
      { categoryId: "a", entries: 12, shortlisted: 5, judges: 3, reviews: 36, meanSpread: 10 },
      { categoryId: "b", entries: 3, shortlisted: 3, judges: 3, reviews: 9, meanSpread: 8 },
      { categoryId: "c", entries: 8, shortlisted: 5, judges: 3, reviews: 24, meanSpread: 12 },
    ]);
    const b = report.categories.find((c) => c.categoryId === "b")!;
    expect(b.entries).toEqual({ value: null, suppressed: true });
    expect(b.meanSpread).toBeNull();
    // a complement is hidden too (the smaller of the rest: c's 8)
    expect(report.categories.find((c) => c.categoryId === "c")!.entries.suppressed).toBe(true);
    expect(report.total.entries).toEqual({ value: 23, suppressed: false });
  });
});
