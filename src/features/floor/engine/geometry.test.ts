import { describe, expect, it } from "vitest";
import { blockOf, insideHall, mergeRects, numberSequence, overlaps, planIssues, polygonArea, renumberRow, rowOf, snap } from "./geometry";

// Issue #12, item 2: the plan editor's geometry, checked alone.

const rect = (x: number, y: number, w: number, h: number) => ({ rect: { x, y, w, h } });
const poly = (...p: [number, number][]) => ({ polygon: p.map(([x, y]) => ({ x, y })) });

describe("overlap", () => {
  it("counts shared floor, not a shared side or corner", () => {
    expect(overlaps(rect(0, 0, 3, 3), rect(2, 2, 3, 3))).toBe(true);
    expect(overlaps(rect(0, 0, 3, 3), rect(3, 0, 3, 3))).toBe(false);
    expect(overlaps(rect(0, 0, 3, 3), rect(3, 3, 3, 3))).toBe(false);
    expect(overlaps(rect(0, 0, 3, 3), rect(0, 0, 3, 3))).toBe(true);
    expect(overlaps(rect(0, 0, 10, 10), rect(4, 4, 1, 1))).toBe(true);
  });
  it("works for polygons: an L-shaped stall and a square in its notch do not overlap", () => {
    const l = poly([0, 0], [6, 0], [6, 3], [3, 3], [3, 6], [0, 6]);
    expect(overlaps(l, rect(3, 3, 3, 3))).toBe(false);
    expect(overlaps(l, rect(2, 2, 3, 3))).toBe(true);
    expect(overlaps(l, poly([1, 1], [2, 1], [2, 2]))).toBe(true);
    expect(polygonArea(l.polygon)).toBe(27);
  });
});

describe("inside the hall", () => {
  it("accepts the walls and refuses beyond them", () => {
    const hall = { widthM: 20, depthM: 10 };
    expect(insideHall(rect(0, 0, 20, 10), hall)).toBe(true);
    expect(insideHall(rect(18, 0, 3, 3), hall)).toBe(false);
    expect(insideHall(poly([1, 1], [5, 1], [5, 11]), hall)).toBe(false);
  });
  it("planIssues names the first problem of each changed stall", () => {
    const hall = { widthM: 20, depthM: 10, obstacles: [rect(10, 5, 1, 1)] };
    const existing = [{ id: "a", number: "A1", ...rect(0, 0, 3, 3) }];
    const changed = [
      { id: "n1", number: "N1", ...rect(2, 0, 3, 3) },
      { id: "n2", number: "N2", ...rect(19, 0, 3, 3) },
      { id: "n3", number: "N3", ...rect(9.5, 4.5, 2, 2) },
      { id: "n4", number: "N4", ...rect(6, 0, 3, 3) },
    ];
    expect(planIssues(hall, changed, existing)).toEqual([
      { code: "floor_overlap", stall: "N1", other: "A1" },
      { code: "floor_outside_hall", stall: "N2" },
      { code: "floor_on_obstacle", stall: "N3" },
    ]);
  });
});

describe("rows, blocks and numbers", () => {
  it("numbers follow in sequence and keep their width", () => {
    expect(numberSequence("4-101", 3)).toEqual(["4-101", "4-102", "4-103"]);
    expect(numberSequence("A07", 4)).toEqual(["A07", "A08", "A09", "A10"]);
    expect(numberSequence("B", 2)).toEqual(["B-1", "B-2"]);
  });
  it("a row runs side by side in its direction", () => {
    expect(rowOf({ count: 3, w: 3, d: 2, x: 10, y: 5, direction: "right" })).toEqual([
      { x: 10, y: 5, w: 3, h: 2 },
      { x: 13, y: 5, w: 3, h: 2 },
      { x: 16, y: 5, w: 3, h: 2 },
    ]);
    expect(rowOf({ count: 2, w: 3, d: 2, x: 1, y: 1, direction: "down", gap: 1 })).toEqual([
      { x: 1, y: 1, w: 2, h: 3 },
      { x: 1, y: 5, w: 2, h: 3 },
    ]);
  });
  it("a block's rows are an aisle apart and never overlap", () => {
    const rows = blockOf({ count: 4, rows: 3, w: 3, d: 3, x: 0, y: 0, direction: "right", aisle: 2.5 });
    expect(rows.map((r) => r[0]!.y)).toEqual([0, 5.5, 11]);
    const all = rows.flat();
    for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) expect(overlaps({ rect: all[i]! }, { rect: all[j]! })).toBe(false);
  });
  it("snaps to the grid", () => {
    expect(snap(3.26, 0.5)).toBe(3.5);
    expect(snap(3.26, 0)).toBe(3.26);
  });
});

describe("merge and renumber", () => {
  it("merges two stalls sharing a whole side, and only those", () => {
    expect(mergeRects({ x: 0, y: 0, w: 3, h: 3 }, { x: 3, y: 0, w: 3, h: 3 })).toEqual({ x: 0, y: 0, w: 6, h: 3 });
    expect(mergeRects({ x: 0, y: 3, w: 3, h: 2 }, { x: 0, y: 0, w: 3, h: 3 })).toEqual({ x: 0, y: 0, w: 3, h: 5 });
    expect(mergeRects({ x: 0, y: 0, w: 3, h: 3 }, { x: 3, y: 1, w: 3, h: 3 })).toBeNull();
    expect(mergeRects({ x: 0, y: 0, w: 3, h: 3 }, { x: 4, y: 0, w: 3, h: 3 })).toBeNull();
  });
  it("renumbers a row in sequence along its aisle, whatever order it is given in", () => {
    const row = [
      { id: "c", ...rect(6, 0, 3, 3) },
      { id: "a", ...rect(0, 0, 3, 3) },
      { id: "b", ...rect(3, 0, 3, 3) },
    ];
    expect(renumberRow(row, "2-101")).toEqual([
      { id: "a", number: "2-101" },
      { id: "b", number: "2-102" },
      { id: "c", number: "2-103" },
    ]);
    expect(renumberRow(row, "9", true).map((r) => r.id)).toEqual(["c", "b", "a"]);
    const column = [{ id: "low", ...rect(0, 9, 3, 3) }, { id: "top", ...rect(0, 0, 3, 3) }];
    expect(renumberRow(column, "X1").map((r) => r.id)).toEqual(["top", "low"]);
  });
});
