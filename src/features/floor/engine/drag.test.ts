import { describe, expect, it } from "vitest";
import { dragMove, dragResize, nudge, snapTo } from "./drag";

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
