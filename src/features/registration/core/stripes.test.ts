import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { spreadUsed, stripeCapacities } from "../operations/places";

describe("capacity stripes (pure parts)", () => {
  it("split a limit into 1 to 8 stripes that add up to it", () => {
    expect(stripeCapacities(0)).toEqual([0]);
    expect(stripeCapacities(20)).toEqual([20]);
    expect(stripeCapacities(100)).toEqual([34, 33, 33]);
    expect(stripeCapacities(1500)).toHaveLength(8);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (c) => {
        const s = stripeCapacities(c);
        return s.length >= 1 && s.length <= 8 && s.reduce((a, b) => a + b, 0) === c && Math.max(...s) - Math.min(...s) <= 1;
      }),
    );
  });

  it("spread what is held over the stripes without passing a stripe's capacity, excess on the last", () => {
    expect(spreadUsed([34, 33, 33], 50)).toEqual([34, 16, 0]);
    expect(spreadUsed([10, 10], 25)).toEqual([10, 15]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 6000 }), (c, used) => {
        const caps = stripeCapacities(c);
        const spread = spreadUsed(caps, used);
        const total = spread.reduce((a, b) => a + b, 0);
        const within = spread.slice(0, -1).every((u, i) => u >= 0 && u <= caps[i]!);
        return total === used && within && (used > c || spread.at(-1)! <= caps.at(-1)!);
      }),
    );
  });
});
