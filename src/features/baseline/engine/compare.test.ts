import { describe, expect, it } from "vitest";
import { compareIndicator, countAnswers, indicatorValue, measureOf, totalCell } from "./compare";

describe("comparing an indicator across editions", () => {
  it("measures yes/no as a share and numbers as a median; other kinds are not compared", () => {
    expect(measureOf("yes_no")).toBe("share");
    expect(measureOf("percentage")).toBe("median");
    expect(measureOf("countries")).toBeNull();
    expect(indicatorValue("share", [true, false, true, true])).toBe(75);
    expect(indicatorValue("median", [10, 30, 20, "x"])).toBe(20);
    expect(indicatorValue("median", [])).toBeNull();
  });

  it("suppresses each edition's column on its own, with the transparency report's complementary rule", () => {
    const firms = (spec: Record<string, number>, value: boolean) => Object.entries(spec).flatMap(([group, n]) => Array.from({ length: n }, () => ({ group, value })));
    const { rows, total } = compareIndicator("share", [
      { key: "2026", firms: firms({ a: 8, b: 6, c: 7 }, true) },
      { key: "2027", firms: [...firms({ a: 9, b: 3 }, false), ...firms({ c: 6 }, true)] },
    ]);
    expect(rows.map((r) => r.group)).toEqual(["a", "b", "c"]);
    expect(rows.map((r) => r.cells[0]!.value)).toEqual([100, 100, 100]);
    // 2027: b has 3 (hidden), so the next smallest (c, 6) goes too; the total stays.
    expect(rows.map((r) => r.cells[1]!.suppressed)).toEqual([false, true, true]);
    expect(rows[0]!.cells[1]).toEqual({ edition: "2027", firms: 9, value: 0, suppressed: false });
    expect(total.cells.map((c) => [c.firms, c.value])).toEqual([
      [21, 100],
      [18, 33],
    ]);
  });

  it("gives the same cell from counts (as the database counts) as from the answers", () => {
    const answers = [true, false, true, true, undefined, true];
    expect(countAnswers(answers)).toEqual({ answered: 5, said: 5, yes: 4, median: null });
    expect(totalCell("share", "2026", countAnswers(answers))).toEqual({ edition: "2026", firms: 5, value: 80, suppressed: false });
    expect(totalCell("median", "2026", countAnswers([3, 4, 10, 20]))).toEqual({ edition: "2026", firms: null, value: null, suppressed: true });
    expect(totalCell("median", "2026", countAnswers([3, 4, 10, 20, 21, 1]))).toEqual({ edition: "2026", firms: 6, value: 7, suppressed: false });
    expect(totalCell("median", "2026", countAnswers([]))).toEqual({ edition: "2026", firms: 0, value: null, suppressed: false });
  });
});
