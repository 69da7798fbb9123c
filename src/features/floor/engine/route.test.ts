import { describe, expect, it } from "vitest";
import { route, type RouteRect } from "./route";

// The walk from an entrance to a stall (issue #12, item 4): along the aisles, never through a
// stall or a column, as short as the aisles allow, the same every time.

const inside = (p: { x: number; y: number }, r: RouteRect) => p.x > r.x + 1e-9 && p.x < r.x + r.w - 1e-9 && p.y > r.y + 1e-9 && p.y < r.y + r.h - 1e-9;

/** Every point of the walk, each half metre along its straight pieces. */
function walked(points: { x: number; y: number }[]) {
  const out = [points[0]!];
  for (let k = 1; k < points.length; k++) {
    const [a, b] = [points[k - 1]!, points[k]!];
    const n = Math.round(Math.hypot(b.x - a.x, b.y - a.y) / 0.5);
    for (let s = 1; s <= n; s++) out.push({ x: a.x + ((b.x - a.x) * s) / n, y: a.y + ((b.y - a.y) * s) / n });
  }
  return out;
}

describe("route", () => {
  // A 30 m × 20 m hall: the entrance at the top middle; a row of stalls across the hall at y 6–9
  // with a gap at its right end; the target stall below the row.
  const row: RouteRect[] = Array.from({ length: 8 }, (_, i) => ({ x: i * 3, y: 6, w: 3, h: 3 }));
  const target: RouteRect = { x: 6, y: 12, w: 3, h: 3 };

  it("goes round a row of stalls through the gap, never through a stall, and ends beside the stall", () => {
    const r = route({ widthM: 30, depthM: 20, from: { x: 15, y: 0.5 }, to: target, blocked: row });
    expect(r).not.toBeNull();
    for (const p of walked(r!.points)) for (const b of [...row, target]) expect(inside(p, b)).toBe(false);
    const last = r!.points.at(-1)!;
    const dx = Math.max(0, target.x - last.x, last.x - (target.x + target.w));
    const dy = Math.max(0, target.y - last.y, last.y - (target.y + target.h));
    expect(Math.hypot(dx, dy)).toBeLessThanOrEqual(0.5);
    // Round the row's right end (x ≥ 24), so longer than the straight line down.
    expect(r!.points.some((p) => p.x >= 24)).toBe(true);
    expect(r!.lengthM).toBeGreaterThan(12);
  });

  it("walks straight when nothing is in the way, with only its corners kept", () => {
    const r = route({ widthM: 30, depthM: 20, from: { x: 7.5, y: 0.5 }, to: target, blocked: [] });
    expect(r!.points).toHaveLength(2);
    expect(r!.lengthM).toBeCloseTo(11, 0);
  });

  it("gives the same walk every time, and none when the stall is walled in", () => {
    const input = { widthM: 30, depthM: 20, from: { x: 15, y: 0.5 }, to: target, blocked: row };
    expect(route(input)).toEqual(route(input));
    const wall: RouteRect[] = [{ x: 0, y: 10, w: 30, h: 1 }];
    expect(route({ widthM: 30, depthM: 20, from: { x: 15, y: 0.5 }, to: target, blocked: wall })).toBeNull();
  });
});
