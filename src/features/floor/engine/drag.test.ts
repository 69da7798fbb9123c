import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { boxOf, dragMove, dragResize, dragTo, handleBox, moveFields, nudge, snapTo, startsDrag } from "./drag";

// The editor's drag and resize arithmetic (issue #12, item 2): on the grid, inside the hall.

const hall = { widthM: 40, depthM: 30 };
const stall = { x: 2, y: 3, w: 3, h: 3 };

describe("snap and drag", () => {
  it("snaps to half a metre, a metre, or not at all", () => {
    expect(snapTo(2.26, 0.5)).toBe(2.5);
    expect(snapTo(2.24, 0.5)).toBe(2);
    expect(snapTo(2.6, 1)).toBe(3);
    expect(snapTo(2.3456, 0)).toBe(2.346);
  });

  it("moves a stall by the distance dragged, its corner on the grid", () => {
    expect(dragMove(stall, 1.3, -0.8, 0.5, hall)).toEqual({ x: 3.5, y: 2, w: 3, h: 3 });
    expect(dragMove(stall, 1.3, -0.8, 1, hall)).toEqual({ x: 3, y: 2, w: 3, h: 3 });
  });

  it("keeps the whole stall inside the hall", () => {
    expect(dragMove(stall, -10, -10, 0.5, hall)).toEqual({ x: 0, y: 0, w: 3, h: 3 });
    expect(dragMove(stall, 100, 100, 0.5, hall)).toEqual({ x: 37, y: 27, w: 3, h: 3 });
  });

  it("resizes from the bottom-right corner, at least one grid step, not past the walls", () => {
    expect(dragResize(stall, 1.2, 0.4, 0.5, hall)).toEqual({ x: 2, y: 3, w: 4, h: 3.5 });
    expect(dragResize(stall, -5, -5, 1, hall)).toEqual({ x: 2, y: 3, w: 1, h: 1 });
    expect(dragResize(stall, -5, -5, 0, hall)).toEqual({ x: 2, y: 3, w: 0.5, h: 0.5 });
    expect(dragResize(stall, 100, 100, 0.5, hall)).toEqual({ x: 2, y: 3, w: 38, h: 27 });
  });

  it("moves one grid step per arrow key and ignores other keys", () => {
    expect(nudge(stall, "ArrowRight", 0.5, hall)).toEqual({ x: 2.5, y: 3, w: 3, h: 3 });
    expect(nudge(stall, "ArrowUp", 1, hall)).toEqual({ x: 2, y: 2, w: 3, h: 3 });
    expect(nudge({ ...stall, x: 0 }, "ArrowLeft", 1, hall)).toEqual({ x: 0, y: 3, w: 3, h: 3 });
    expect(nudge(stall, "Enter", 1, hall)).toBeNull();
  });
});

describe("the script's other pure parts", () => {
  it("takes a press that moved less than a quarter metre for a click", () => {
    expect(startsDrag(0.1, 0.2)).toBe(false);
    expect(startsDrag(0.15, 0.2)).toBe(true);
    expect(startsDrag(-0.3, 0)).toBe(true);
  });

  it("moves from the stall, resizes from the handle", () => {
    expect(dragTo("move", stall, 1, 1, 1, hall)).toEqual({ x: 3, y: 4, w: 3, h: 3 });
    expect(dragTo("resize", stall, 1, 1, 1, hall)).toEqual({ x: 2, y: 3, w: 4, h: 4 });
  });

  it("drags only a rectangle stall", () => {
    expect(boxOf({ x: 1, y: 2, w: 3, h: 4 })).toEqual({ x: 1, y: 2, w: 3, h: 4 });
    expect(boxOf({ x: null, y: null, w: null, h: null })).toBeNull();
    expect(boxOf({ x: 0, y: 0, w: 3, h: null })).toBeNull();
  });

  it("centres the handle on the bottom-right corner, half a metre to 1.2 m across", () => {
    expect(handleBox(stall, 60)).toEqual({ x: 4.5, y: 5.5, w: 1, h: 1 });
    expect(handleBox(stall, 12).w).toBe(0.5);
    expect(handleBox(stall, 300).w).toBe(1.2);
  });

  it("posts the page's move form with the snapped box and no further snapping", () => {
    expect(moveFields({ id: "s1", number: "2-114" }, { x: 3.5, y: 2, w: 3, h: 3 })).toEqual({ intent: "move", stallId: "s1", number: "2-114", x: "3.5", y: "2", w: "3", h: "3", grid: "0" });
  });
});

describe("whatever the drag", () => {
  const onGrid = (v: number, g: number) => g === 0 || Math.abs(v / g - Math.round(v / g)) < 1e-9;
  const arb = fc.record({
    hall: fc.record({ widthM: fc.integer({ min: 10, max: 120 }), depthM: fc.integer({ min: 10, max: 80 }) }),
    grid: fc.constantFrom(0, 0.5, 1),
    x: fc.integer({ min: 0, max: 6 }),
    y: fc.integer({ min: 0, max: 6 }),
    w: fc.integer({ min: 1, max: 4 }),
    h: fc.integer({ min: 1, max: 4 }),
    dx: fc.double({ min: -200, max: 200, noNaN: true }),
    dy: fc.double({ min: -200, max: 200, noNaN: true }),
  });

  it("a moved stall keeps its size, lies inside the hall, its corner on the grid", () => {
    fc.assert(
      fc.property(arb, ({ hall: h, grid, x, y, w, h: d, dx, dy }) => {
        const b = dragMove({ x, y, w, h: d }, dx, dy, grid, h);
        expect([b.w, b.h]).toEqual([w, d]);
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.y).toBeGreaterThanOrEqual(0);
        expect(b.x + b.w).toBeLessThanOrEqual(h.widthM + 1e-9);
        expect(b.y + b.h).toBeLessThanOrEqual(h.depthM + 1e-9);
        expect(onGrid(b.x, grid) && onGrid(b.y, grid)).toBe(true);
      }),
    );
  });

  it("a resized stall keeps its corner, at least one step, inside the hall, its size on the grid", () => {
    fc.assert(
      fc.property(arb, ({ hall: h, grid, x, y, w, h: d, dx, dy }) => {
        const b = dragResize({ x, y, w, h: d }, dx, dy, grid, h);
        expect([b.x, b.y]).toEqual([x, y]);
        expect(Math.min(b.w, b.h)).toBeGreaterThanOrEqual(grid || 0.5);
        expect(b.x + b.w).toBeLessThanOrEqual(h.widthM + 1e-9);
        expect(b.y + b.h).toBeLessThanOrEqual(h.depthM + 1e-9);
        expect(onGrid(b.w, grid) && onGrid(b.h, grid)).toBe(true);
      }),
    );
  });
});
