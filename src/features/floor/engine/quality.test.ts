import { describe, expect, it } from "vitest";
import type { AllocArea } from "./allocate";
import { exhibitor, row } from "./fixtures";
import { allocationQuality, stallShortfalls } from "./quality";

// The figures of an allocation run (engine/quality.ts): placed, own-area share, contiguity and
// requests met, on placements made by the engine or moved by hand.

const areas: AllocArea[] = [{ id: "P1", kind: "cluster_pavilion", clusterId: "c1" }];
const stalls = [...row("A", { count: 4, areaId: "P1" }), ...row("B", { count: 4, x: 30, seq0: 10 }, (i) => ({ power: i === 0, corner: i === 3 }))];
const plan = (exhibitors = [exhibitor("e1"), exhibitor("e2"), exhibitor("e3")]) => ({ areas, stalls, exhibitors, aisleM: 3 });

describe("allocationQuality", () => {
  it("counts a cluster in one block as contiguous and all in their area", () => {
    const q = allocationQuality(plan(), [
      { exhibitorId: "e1", stallId: "A-1", inOwnArea: true },
      { exhibitorId: "e2", stallId: "A-2", inOwnArea: true },
      { exhibitorId: "e3", stallId: "A-3", inOwnArea: true },
    ]);
    expect(q).toEqual({ exhibitors: 3, placed: 3, unplaced: 0, ownAreaShare: 1, contiguity: 1, preferencesMet: 1 });
  });

  it("sees a member moved away from its cluster's block, and an exhibitor without a stall", () => {
    const q = allocationQuality(plan(), [
      { exhibitorId: "e1", stallId: "A-1", inOwnArea: true },
      { exhibitorId: "e2", stallId: "B-3", inOwnArea: false },
    ]);
    expect(q.placed).toBe(2);
    expect(q.unplaced).toBe(1);
    expect(q.ownAreaShare).toBe(0.333);
    expect(q.contiguity).toBe(0.5); // the largest block holds one of the two placed
  });

  it("counts requests met, and those of an exhibitor without a stall as not met", () => {
    const ex = [exhibitor("e1", { needsPower: true }), exhibitor("e2", { wantsCorner: true }), exhibitor("e3", { needsPower: true })];
    const q = allocationQuality(plan(ex), [
      { exhibitorId: "e1", stallId: "B-1", inOwnArea: false },
      { exhibitorId: "e2", stallId: "B-2", inOwnArea: false },
    ]);
    expect(q.preferencesMet).toBe(0.333);
  });

  it("ignores placements of exhibitors or stalls it does not know", () => {
    const q = allocationQuality(plan(), [{ exhibitorId: "zz", stallId: "A-1", inOwnArea: true }, { exhibitorId: "e1", stallId: "nope", inOwnArea: true }]);
    expect(q.placed).toBe(0);
  });
});

describe("stallShortfalls", () => {
  it("names what a stall lacks of an exhibitor's requests", () => {
    const s = { power: false, accessible: true, corner: false, areaM2: 9 };
    expect(stallShortfalls({ needsPower: true, needsAccessible: true, wantsCorner: true, minAreaM2: 12 }, s)).toEqual(["power", "corner", "size"]);
    expect(stallShortfalls({ needsPower: false, needsAccessible: true, wantsCorner: false, minAreaM2: 9 }, s)).toEqual([]);
    // A wish for sockets is a shortfall of a move by hand too (the organiser is warned).
    expect(stallShortfalls({ needsPower: false, wantsPower: true, needsAccessible: false, wantsCorner: false, minAreaM2: 0 }, s)).toEqual(["power"]);
  });
});
