import { describe, expect, it } from "vitest";
import { nestedHidden } from "./figures";

// Published tables that nest (clusters in provinces): no shown province may hold exactly one
// hidden cluster, or the province minus its shown clusters gives that cluster away.

const counts = (o: Record<string, number>) => new Map(Object.entries(o));
const within = (o: Record<string, string[]>) => new Map(Object.entries(o).map(([k, v]) => [k, new Set(v)]));

describe("nestedHidden", () => {
  it("hides the smallest shown cluster of a province that holds one hidden cluster", () => {
    const r = nestedHidden(
      { counts: counts({ a: 3, b: 9, c: 6, d: 2, e: 7 }), hidden: new Set(["a", "d"]) },
      { counts: counts({ P: 18, Q: 9 }), hidden: new Set() },
      within({ P: ["a", "b", "c"], Q: ["d", "e"] }),
    );
    // P held a alone hidden: c (6) is hidden too; Q held d alone: e is hidden.
    expect(r.fine).toEqual(new Set(["c", "e"]));
    expect(r.coarse).toEqual(new Set());
  });

  it("changes nothing where every shown province holds none or two hidden clusters, or the province is hidden", () => {
    const r = nestedHidden(
      { counts: counts({ a: 3, b: 2, c: 8, d: 3 }), hidden: new Set(["a", "b", "d"]) },
      { counts: counts({ P: 13, Q: 3 }), hidden: new Set(["Q", "R"]) },
      within({ P: ["a", "b", "c"], Q: ["d"] }),
    );
    expect(r).toEqual({ fine: new Set(), coarse: new Set() });
  });

  it("hides a shown province made of one hidden cluster, with a second province", () => {
    // x was hidden only as the cluster table's complement (6 firms), and it is all of S.
    const r = nestedHidden(
      { counts: counts({ w: 4, x: 6, y: 20 }), hidden: new Set(["w", "x"]) },
      { counts: counts({ S: 6, T: 24 }), hidden: new Set() },
      within({ S: ["x"], T: ["w", "y"] }),
    );
    expect(r.coarse).toEqual(new Set(["S", "T"]));
    expect(r.fine).toEqual(new Set());
  });
});
