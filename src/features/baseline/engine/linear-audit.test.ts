import { describe, expect, it } from "vitest";
import { givenAway } from "./linear-audit";

// The audit: a withheld cell is given away exactly when its combinations are a sum and difference
// of shown cells'.

const cells = (o: Record<string, number[]>) => new Map(Object.entries(o));

describe("givenAway", () => {
  it("finds a withheld parent that is the sum of its shown children", () => {
    // Province P = districts x + y (combinations 0 and 1), both shown; Q = z.
    const c = cells({ P: [0, 1], Q: [2], x: [0], y: [1], z: [2], total: [0, 1, 2] });
    expect(givenAway(c, 3, new Set(["P", "Q"]))).toEqual({ cell: "P", from: ["x", "y"] });
    // The total minus z is P.
    expect(givenAway(c, 3, new Set(["P", "Q", "x", "y"]))).toEqual({ cell: "P", from: ["z", "total"] });
    expect(givenAway(c, 3, new Set(["P", "Q", "x", "y", "z", "total"]))).toBeNull();
  });

  it("finds a withheld sector equal to a shown province (no line names the two together)", () => {
    // Sector s holds clusters a and b; province P holds the same two (t and Q hold d): a withheld
    // s is the shown P, which no line of the rule compares.
    const c = cells({ s: [0, 1], t: [2], P: [0, 1], Q: [2], a: [0], b: [1], d: [2], total: [0, 1, 2] });
    expect(givenAway(c, 3, new Set(["a", "b", "s", "t", "Q"]))).toEqual({ cell: "s", from: ["P"] });
    expect(givenAway(c, 3, new Set(["a", "b", "s", "t", "P", "Q", "d"]))).toBeNull();
  });

  it("gives nothing away where two withheld cells share every equation", () => {
    const c = cells({ a: [0], b: [1], c: [2], total: [0, 1, 2] });
    expect(givenAway(c, 3, new Set(["a", "b"]))).toBeNull();
    expect(givenAway(c, 3, new Set(["a"]))).toEqual({ cell: "a", from: ["b", "c", "total"] });
  });
});
