import { describe, expect, it } from "vitest";
import { neighbours } from "./adjacency";
import { allocate, defaultAllocRules, type AllocArea, type AllocInput, type AllocResult } from "./allocate";
import { exhibitor, row } from "./fixtures";

const rules = defaultAllocRules;
const stallOf = (r: AllocResult, ex: string) => r.assignments.find((a) => a.exhibitorId === ex)?.stallNumber;
const codesOf = (r: AllocResult, ex: string) =>
  (r.assignments.find((a) => a.exhibitorId === ex) ?? r.unplaced.find((u) => u.exhibitorId === ex))!.reasons.map((x) => x.code);
const pavilion = (id: string, clusterId: string): AllocArea => ({ id, kind: "cluster_pavilion", clusterId });

describe("neighbours along and across aisles", () => {
  it("finds stalls sharing a wall, stalls facing across an aisle, and nothing across halls or past a stall", () => {
    const stalls = [
      ...row("A", { count: 3 }), // y 0–3
      ...row("B", { count: 3, y: 6 }), // across a 3 m aisle
      ...row("C", { count: 1, y: 12 }), // 3 m past row B: faces B-1 only, A-1 is behind B-1
      ...row("D", { count: 1, hallId: "H2" }),
    ];
    const nb = neighbours(stalls, 3);
    expect(nb.get("A-2")).toEqual({ side: ["A-1", "A-3"], across: ["B-2"] });
    expect(nb.get("A-1")).toEqual({ side: ["A-2"], across: ["B-1"] });
    expect(nb.get("B-1")).toEqual({ side: ["B-2"], across: ["A-1", "C-1"] });
    expect(nb.get("C-1")).toEqual({ side: [], across: ["B-1"] });
    expect(nb.get("D-1")).toEqual({ side: [], across: [] });
    // A wider aisle than the rule's is no aisle: the rows do not face each other.
    expect(neighbours(stalls, 2).get("A-1")!.across).toEqual([]);
  });
});

describe("allocation", () => {
  it("places every exhibitor in its cluster's pavilion, in sequence along the aisle, with the reason", () => {
    const r = allocate({
      areas: [pavilion("P1", "c1"), pavilion("P2", "c2")],
      stalls: [...row("1", { count: 4, areaId: "P1" }), ...row("2", { count: 4, areaId: "P2", y: 6, seq0: 4 })],
      exhibitors: [exhibitor("e1"), exhibitor("e2"), exhibitor("f1", { clusterId: "c2" })],
      pins: [],
      rules,
    });
    expect(r.assignments.map((a) => [a.exhibitorId, a.stallNumber, a.inOwnArea])).toEqual([
      ["e1", "1-1", true],
      ["e2", "1-2", true],
      ["f1", "2-1", true],
    ]);
    expect(r.assignments[0]!.reasons).toEqual([{ code: "own_pavilion", params: { stall: "1-1", area: "P1" } }]);
    expect(r.unplaced).toEqual([]);
  });

  it("sends who finds its pavilion full to the free stall nearest its cluster, with both reasons, and keeps the cluster in one block", () => {
    const r = allocate({
      areas: [pavilion("P1", "c1"), pavilion("P2", "c2")],
      // Row 1 is c1's pavilion (2 stalls), then free stalls without area: near ones (X) and far ones (Z).
      stalls: [
        ...row("Z", { count: 3, x: 0, y: 30, seq0: 0 }),
        ...row("1", { count: 2, x: 0, areaId: "P1", seq0: 3 }),
        ...row("X", { count: 3, x: 6, seq0: 5 }),
        ...row("2", { count: 1, x: 0, y: 15, areaId: "P2", seq0: 8 }),
      ],
      exhibitors: ["e1", "e2", "e3", "e4"].map((id) => exhibitor(id)),
      pins: [],
      rules,
    });
    expect(["e1", "e2", "e3", "e4"].map((e) => stallOf(r, e))).toEqual(["1-1", "1-2", "X-1", "X-2"]);
    expect(codesOf(r, "e3")).toEqual(["area_full", "nearest_free"]);
    expect(r.assignments.find((a) => a.exhibitorId === "e3")!.reasons[1]).toEqual({ code: "nearest_free", params: { stall: "X-1", area: "", distanceM: 3 } });
    // Another cluster's pavilion keeps its stall for its own cluster only when that cluster needs it:
    // here c2 has no exhibitor, and its stall is farther than X's.
    expect(r.assignments.find((a) => a.exhibitorId === "e3")!.inOwnArea).toBe(false);
  });

  it("puts women-led micro enterprises that asked in the women entrepreneurs' enclave; others, and the overflow, in their pavilion", () => {
    const input: AllocInput = {
      areas: [pavilion("P1", "c1"), { id: "WE", kind: "women_enclave", clusterId: null }],
      stalls: [...row("1", { count: 4, areaId: "P1" }), ...row("W", { count: 1, areaId: "WE", y: 6, seq0: 4 })],
      exhibitors: [
        exhibitor("w1", { womenLed: true, micro: true, wantsWomenEnclave: true }),
        exhibitor("w2", { womenLed: true, micro: true, wantsWomenEnclave: true }),
        exhibitor("w3", { womenLed: true, micro: false, wantsWomenEnclave: true }),
        exhibitor("w4", { womenLed: true, micro: true, wantsWomenEnclave: false }),
      ],
      pins: [],
      rules,
    };
    const r = allocate(input);
    expect(stallOf(r, "w1")).toBe("W-1");
    expect(codesOf(r, "w1")).toEqual(["women_enclave"]);
    expect(codesOf(r, "w2")).toEqual(["women_enclave_full", "own_pavilion"]);
    expect(stallOf(r, "w3")?.startsWith("1-")).toBe(true); // small, not micro: the rule
    expect(stallOf(r, "w4")?.startsWith("1-")).toBe(true); // did not ask
    // The organiser may open the enclave to every women-led enterprise.
    const wider = allocate({ ...input, exhibitors: input.exhibitors.filter((e) => e.id === "w3"), rules: { ...rules, womenEnclave: "women_led" } });
    expect(stallOf(wider, "w3")).toBe("W-1");
    // Nobody else overflows into the enclave, even when it is the only free stall.
    const full = allocate({ ...input, stalls: input.stalls.filter((s) => s.id === "W-1"), exhibitors: [exhibitor("m1")] });
    expect(full.unplaced).toEqual([{ exhibitorId: "m1", reasons: [{ code: "area_full", params: { area: "P1" } }, { code: "no_free_stall", params: {} }] }]);
  });

  it("meets needs (power, accessible, size) and a corner when asked, the most constrained choosing first", () => {
    const r = allocate({
      areas: [pavilion("P1", "c1")],
      stalls: row("1", { count: 4, areaId: "P1" }, (i) => ({ power: i === 3, accessible: i === 2, corner: i === 0 || i === 3, areaM2: i === 1 ? 18 : 9 })),
      exhibitors: [
        exhibitor("a-any"),
        exhibitor("b-power", { needsPower: true }),
        exhibitor("c-access", { needsAccessible: true }),
        exhibitor("d-big", { minAreaM2: 12, wantsCorner: true }),
      ],
      pins: [],
      rules,
    });
    expect(["a-any", "b-power", "c-access", "d-big"].map((e) => stallOf(r, e))).toEqual(["1-1", "1-4", "1-3", "1-2"]);
    expect(codesOf(r, "b-power")).toEqual(["own_pavilion", "power_as_requested"]);
    expect(codesOf(r, "c-access")).toEqual(["own_pavilion", "accessible_as_requested"]);
    expect(codesOf(r, "d-big")).toEqual(["own_pavilion", "size_as_requested", "corner_unavailable"]);
  });

  it("looks outside the pavilion for a stall with the exhibitor's needs, and says when none has them", () => {
    const stalls = [...row("1", { count: 2, areaId: "P1" }), ...row("X", { count: 2, x: 6, seq0: 2 }, (i) => ({ power: i === 1 }))];
    const r = allocate({ areas: [pavilion("P1", "c1")], stalls, exhibitors: [exhibitor("p", { needsPower: true })], pins: [], rules });
    expect(stallOf(r, "p")).toBe("X-2");
    expect(codesOf(r, "p")).toEqual(["area_no_fitting_stall", "nearest_free", "power_as_requested"]);
    const none = allocate({ areas: [pavilion("P1", "c1")], stalls, exhibitors: [exhibitor("a", { needsAccessible: true })], pins: [], rules });
    expect(stallOf(none, "a")).toBe("1-1");
    expect(codesOf(none, "a")).toEqual(["area_no_fitting_stall", "needs_not_met", "nearest_free"]);
  });

  it("meets a wish for power inside the pavilion only, never leaving it for one", () => {
    // The pavilion's only power stall is its last; a free power stall outside is nearer the entrance.
    const stalls = [...row("1", { count: 3, areaId: "P1" }, (i) => ({ power: i === 2 })), ...row("X", { count: 2, x: 9, seq0: 3 }, () => ({ power: true }))];
    const r = allocate({ areas: [pavilion("P1", "c1")], stalls, exhibitors: [exhibitor("w", { wantsPower: true }), exhibitor("z")], pins: [], rules });
    expect(stallOf(r, "w")).toBe("1-3");
    expect(codesOf(r, "w")).toEqual(["own_pavilion", "power_as_requested"]);
    expect(stallOf(r, "z")).toBe("1-1");
    // With the power stall taken by a need, the wish stays in the pavilion and is told so.
    const taken = allocate({ areas: [pavilion("P1", "c1")], stalls, exhibitors: [exhibitor("a-need", { needsPower: true }), exhibitor("w", { wantsPower: true })], pins: [], rules });
    expect(stallOf(taken, "a-need")).toBe("1-3");
    expect(stallOf(taken, "w")).toBe("1-1");
    expect(codesOf(taken, "w")).toEqual(["own_pavilion", "power_unavailable"]);
  });

  it("keeps the last stalls with power for those who need it, even in another pavilion", () => {
    // P1 is filled first; its first stall is the floor's only one with power, and c2's exhibitor needs it.
    const stalls = [...row("1", { count: 3, areaId: "P1" }, (i) => ({ power: i === 0 })), ...row("2", { count: 2, areaId: "P2", y: 6, seq0: 3 })];
    const r = allocate({ areas: [pavilion("P1", "c1"), pavilion("P2", "c2")], stalls, exhibitors: [exhibitor("a"), exhibitor("w", { wantsPower: true }), exhibitor("b", { clusterId: "c2", needsPower: true })], pins: [], rules });
    expect(["a", "w", "b"].map((e) => stallOf(r, e))).toEqual(["1-2", "1-3", "1-1"]);
    expect(codesOf(r, "b")).toEqual(["area_no_fitting_stall", "nearest_free", "power_as_requested"]);
    expect(codesOf(r, "w")).toEqual(["own_pavilion", "power_unavailable"]);
    // When P1 has no other stall, its own exhibitor takes it: a stall is kept back, never refused.
    const tight = allocate({ areas: [pavilion("P1", "c1"), pavilion("P2", "c2")], stalls: stalls.filter((s) => s.id !== "1-2" && s.id !== "1-3"), exhibitors: [exhibitor("a"), exhibitor("b", { clusterId: "c2", needsPower: true })], pins: [], rules });
    expect(stallOf(tight, "a")).toBe("1-1");
    expect(codesOf(tight, "b")).toEqual(["area_no_fitting_stall", "needs_not_met", "nearest_free"]);
  });

  it("keeps makers of the same HS heading apart where it can, and says when it cannot", () => {
    const makers = ["m1", "m2"].map((id) => exhibitor(id, { hsHeadings: ["9018"] }));
    const three = allocate({ areas: [pavilion("P1", "c1")], stalls: row("1", { count: 3, areaId: "P1" }), exhibitors: makers, pins: [], rules });
    expect(makers.map((m) => stallOf(three, m.id))).toEqual(["1-1", "1-3"]);
    expect(codesOf(three, "m2")).toEqual(["own_pavilion", "competitors_apart"]);
    const two = allocate({ areas: [pavilion("P1", "c1")], stalls: row("1", { count: 2, areaId: "P1" }), exhibitors: makers, pins: [], rules });
    expect(two.assignments.find((a) => a.exhibitorId === "m2")!.reasons.at(-1)).toEqual({ code: "competitor_adjacent", params: { heading: "9018", stall: "1-1" } });
    const off = allocate({ areas: [pavilion("P1", "c1")], stalls: row("1", { count: 3, areaId: "P1" }), exhibitors: makers, pins: [], rules: { ...rules, separateCompetitors: false } });
    expect(makers.map((m) => stallOf(off, m.id))).toEqual(["1-1", "1-2"]);
  });

  it("keeps pins, even on a held stall, reports a pin on a taken stall, and never uses a blocked, held or stage stall otherwise", () => {
    const r = allocate({
      areas: [pavilion("P1", "c1"), { id: "ST", kind: "stage", clusterId: null }],
      stalls: [
        ...row("1", { count: 4, areaId: "P1" }, (i) => ({ free: i !== 0 && i !== 1 })), // 1-1 held, 1-2 blocked
        ...row("S", { count: 2, areaId: "ST", y: 6, seq0: 4 }),
      ],
      exhibitors: ["a", "b", "c", "d", "e"].map((id) => exhibitor(id)),
      pins: [
        { exhibitorId: "b", stallId: "1-1" },
        { exhibitorId: "c", stallId: "1-1" },
      ],
      rules,
    });
    expect(stallOf(r, "b")).toBe("1-1");
    expect(codesOf(r, "b")).toEqual(["pinned"]);
    expect(r.assignments.find((a) => a.exhibitorId === "b")!.pinned).toBe(true);
    expect(codesOf(r, "c")[0]).toBe("pin_conflict");
    expect(["a", "c", "d", "e"].map((e) => stallOf(r, e) ?? null)).toEqual(["1-3", "1-4", null, null]);
    expect(r.unplaced.map((u) => [u.exhibitorId, u.reasons.map((x) => x.code)])).toEqual([
      ["d", ["area_full", "no_free_stall"]],
      ["e", ["area_full", "no_free_stall"]],
    ]);
  });

  it("places a cluster without a pavilion in one block of free stalls, and an enclave's exhibitors in their enclave", () => {
    const r = allocate({
      areas: [{ id: "ICT", kind: "enclave", clusterId: null }],
      stalls: [...row("I", { count: 2, areaId: "ICT" }), ...row("X", { count: 4, y: 6, seq0: 2 })],
      exhibitors: [exhibitor("s1", { enclaveId: "ICT", clusterId: "c9" }), exhibitor("n1", { clusterId: "c7" }), exhibitor("n2", { clusterId: "c7" }), exhibitor("o1", { clusterId: "c8" })],
      pins: [],
      rules,
    });
    expect(stallOf(r, "s1")).toBe("I-1");
    expect(codesOf(r, "s1")).toEqual(["enclave"]);
    expect(codesOf(r, "n1")).toEqual(["no_pavilion", "nearest_free"]);
    // c7 takes the first stall outside every area, its second exhibitor the one beside it; c8 the next.
    expect(["n1", "n2", "o1"].map((e) => stallOf(r, e))).toEqual(["X-1", "X-2", "X-3"]);
  });
});
