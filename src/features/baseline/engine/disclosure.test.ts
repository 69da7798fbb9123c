import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { suppress } from "#features/selection/client";
import { cellOf, cellsOf, linesOf, protectedTables, type Combination } from "./disclosure";
import { TOTAL } from "./figures";
import { givenAway } from "./linear-audit";

// The published tables' suppression (the open data and the PDF): every table's own rule, every
// nesting's (no shown parent with exactly one withheld child), and no withheld cell that the shown
// ones add up to.

const tables = ["cluster", "sector", "province", "district", "size", "women_led", "micro"];
/** Written out here, not read from the engine's `nestings`: the property below checks each. */
const hierarchies = [
  ["province", "cluster"],
  ["sector", "cluster"],
  ["province", "district"],
  ["district", "cluster"],
] as const;

/** A world like the registry's: a cluster belongs to one sector; a district to one province; a
 *  firm's district is mostly its cluster's (some firms elsewhere, some without one). */
interface Firm {
  cluster: number;
  away: number | null;
  noDistrict: boolean;
  size: 0 | 1 | 2;
  womenLed: boolean;
}
const SIZES = ["micro", "small", "medium"] as const;
function combosOf(firms: readonly Firm[]): Combination[] {
  const out = new Map<string, Combination>();
  for (const f of firms) {
    const district = f.noDistrict ? "unknown" : `d${f.away ?? f.cluster % 5}`;
    const province = district === "unknown" ? `p${f.cluster % 2}` : `p${Number(district.slice(1)) % 2}`;
    const groups = {
      cluster: `c${f.cluster}`,
      sector: `s${f.cluster % 3}`,
      province,
      district,
      size: SIZES[f.size],
      women_led: f.womenLed ? "yes" : "no",
      micro: f.size === 0 ? "yes" : "no",
    };
    const key = JSON.stringify(groups);
    const c = out.get(key);
    if (c) out.set(key, { groups, firms: c.firms + 1 });
    else out.set(key, { groups, firms: 1 });
  }
  return [...out.values()];
}
const firm: fc.Arbitrary<Omit<Firm, "noDistrict">> = fc.record({
  cluster: fc.nat(8),
  // One firm in four lies in another district than its cluster's.
  away: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat(4) }),
  size: fc.constantFrom(0 as const, 1 as const, 2 as const),
  womenLed: fc.boolean(),
});
// One firm in twenty has no district ("unknown", in every province).
const firms = fc.array(fc.tuple(firm, fc.nat(19)), { maxLength: 90 }).map((list) => list.map(([f, r]) => ({ ...f, noDistrict: r === 0 })));

const hiddenIds = (out: Map<string, Set<string>>) => new Set([...out].flatMap(([by, groups]) => [...groups].map((g) => (g === TOTAL ? TOTAL : cellOf(by, g)))));

describe("protectedTables", () => {
  it("on any firms: small cells withheld, every shown cell at least 5, no line with one withheld cell, nothing given away, a fixed point", () => {
    fc.assert(
      fc.property(firms, (list) => {
        const combos = combosOf(list);
        const { values, cells } = cellsOf(combos, tables);
        const hidden = hiddenIds(protectedTables(combos, tables));
        // The total is one cell, withheld in every table or in none.
        for (const [, groups] of protectedTables(combos, tables)) expect(groups.has(TOTAL)).toBe(hidden.has(TOTAL));
        for (const [id, n] of values) {
          if (n >= 1 && n < 5) expect(hidden.has(id), id).toBe(true);
          if (!hidden.has(id)) expect(n === 0 || n >= 5, id).toBe(true);
        }
        const lines = linesOf(combos, tables, hierarchies);
        for (const line of lines) expect(line.filter((id) => hidden.has(id)).length, line.join(" ")).not.toBe(1);
        expect(givenAway(cells, combos.length, hidden)).toBeNull();
        expect(suppress(values, lines, 5, hidden)).toEqual(hidden);
      }),
      { numRuns: 150 },
    );
  });

  it.each(hierarchies.map((n) => [n.join(" ⊃ "), n] as const))("needs the nesting %s: the other lines alone (no audit) let some firms' withheld cell be given away", (_, dropped) => {
    const fewer = hierarchies.filter((n) => n !== dropped);
    const leaks = fc.check(
      fc.property(firms, (list) => {
        const combos = combosOf(list);
        const { values, cells } = cellsOf(combos, tables);
        const hidden = suppress(values, linesOf(combos, tables, fewer), 5);
        return givenAway(cells, combos.length, hidden) === null;
      }),
      { numRuns: 2000, seed: 15 },
    );
    expect(leaks.failed).toBe(true);
  });

  it.each(["sector", "province", "district"])("withholds a second cluster of a shown %s that holds one withheld cluster", (parent) => {
    const combos: Combination[] = [
      { groups: { cluster: "a", [parent]: "s1" }, firms: 3 },
      { groups: { cluster: "b", [parent]: "s1" }, firms: 9 },
      { groups: { cluster: "c", [parent]: "s2" }, firms: 6 },
      { groups: { cluster: "d", [parent]: "s2" }, firms: 20 },
    ];
    // The cluster table's own rule withholds a (3) and c (6); then s1 minus b would be a, and s2
    // minus d would be c, so b and d go too. The parents (12 and 26) stay.
    const out = protectedTables(combos, ["cluster", parent]);
    expect(out.get("cluster")).toEqual(new Set(["a", "b", "c", "d"]));
    expect(out.get(parent)).toEqual(new Set());
    // Without the parent's line the audit alone finds a (s1 minus b) and withholds b instead of c.
    expect(protectedTables(combos, ["cluster", parent], []).get("cluster")).toEqual(new Set(["a", "b"]));
  });

  it("withholds a second district of a shown province that holds one withheld district", () => {
    const combos: Combination[] = [
      { groups: { province: "P", district: "x" }, firms: 3 },
      { groups: { province: "P", district: "y" }, firms: 20 },
      { groups: { province: "Q", district: "z" }, firms: 6 },
      { groups: { province: "Q", district: "w" }, firms: 9 },
    ];
    const out = protectedTables(combos, ["province", "district"]);
    expect(out.get("district")).toEqual(new Set(["x", "y", "z", "w"]));
    expect(out.get("province")).toEqual(new Set());
    // Without the province's line the audit alone finds x (P minus y) and withholds y, not w.
    expect(protectedTables(combos, ["province", "district"], []).get("district")).toEqual(new Set(["x", "y"]));
  });

  it("audits what no line sees: a size group withheld is the micro table's 'yes'", () => {
    const combos: Combination[] = [
      { groups: { size: "micro", micro: "yes" }, firms: 30 },
      { groups: { size: "small", micro: "no" }, firms: 3 },
      { groups: { size: "medium", micro: "no" }, firms: 40 },
    ];
    // The size table's own rule withholds small (3) and micro (30, its smallest other); the micro
    // table's own rule withholds nothing, and its "yes" is the size table's micro.
    const { values, cells } = cellsOf(combos, ["size", "micro"]);
    const own = suppress(values, linesOf(combos, ["size", "micro"], []), 5);
    expect(givenAway(cells, combos.length, own)).toEqual({ cell: "size|micro", from: ["micro|yes"] });
    const out = protectedTables(combos, ["size", "micro"], []);
    expect(out.get("micro")).toEqual(new Set(["yes", "no"]));
    expect(out.get("size")).toEqual(new Set(["micro", "small"]));
  });
});
