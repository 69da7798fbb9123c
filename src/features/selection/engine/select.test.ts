import { describe, expect, it } from "vitest";
import { DomainError } from "../../../platform/errors";
import { applyOverrides, promoteFromWaitlist, withdrawDecision } from "./decisions";
import { reservedSeats, runSelection } from "./select";
import { PreferenceRule, type SelectInput } from "./selection-schemas";

type App = SelectInput["applications"][number];
const app = (id: string, score: number, extra: Partial<App> = {}): App => ({
  id,
  clusterId: "surgical",
  sizeClass: "small",
  womenLed: false,
  normalisedScore: score,
  rawScore: 3,
  submittedAt: "2026-09-01T10:00:00Z",
  ...extra,
});
const decision = (result: ReturnType<typeof runSelection>, id: string) => result.decisions.find((d) => d.applicationId === id)!;

describe("reservedSeats", () => {
  it("rounds halves up, in the order women-led micro, women-led, micro, never beyond the target", () => {
    const rule = PreferenceRule.parse({ reservedShare: { womenLedMicro: 0.1, womenLed: 0.3, micro: 0.2 } });
    expect(reservedSeats(5, rule)).toEqual({ women_led_micro: 1, women_led: 2, micro: 1 });
    expect(reservedSeats(10, rule)).toEqual({ women_led_micro: 1, women_led: 3, micro: 2 });
    const half = PreferenceRule.parse({ reservedShare: { womenLed: 0.5, micro: 0.5 } });
    expect(reservedSeats(3, half)).toEqual({ women_led_micro: 0, women_led: 2, micro: 1 });
  });

  it("rejects shares that add up to more than all places", () => {
    expect(() => runSelection({ applications: [], clusterTargets: [], totalStalls: 1, rule: { reservedShare: { womenLed: 0.6, micro: 0.5 } } })).toThrow(DomainError);
  });
});

describe("runSelection", () => {
  const applications: App[] = [
    app("a", 80),
    app("b", 75),
    app("c", 70),
    app("d", 60, { womenLed: true, sizeClass: "micro" }),
    app("e", 55, { womenLed: true }),
    app("f", 40, { sizeClass: "micro" }),
    app("g", 20),
  ];

  it("adds bonuses and explains the adjusted score", () => {
    const result = runSelection({
      applications,
      clusterTargets: [{ clusterId: "surgical", places: 3 }],
      totalStalls: 10,
      rule: { bonus: { womenLed: 5, micro: 3, womenLedMicro: 4 } },
    });
    const d = decision(result, "d");
    expect(d.bonus).toBe(12);
    expect(d.adjustedScore).toBe(72);
    expect(d.rankInCluster).toBe(3); // 80, 75, 72, 70 …
    expect(d.status).toBe("selected");
    expect(d.reasons).toEqual([
      { code: "bonus_applied", params: { points: 12, groups: "women_led_micro,women_led,micro" } },
      { code: "open_seat", params: {} },
    ]);
    expect(decision(result, "c")).toMatchObject({ status: "waitlisted", waitlistPosition: 1, rankInCluster: 4 });
    expect(decision(result, "c").reasons[0]).toEqual({ code: "cluster_target_reached", params: { target: 3 } });
  });

  it("fills reserved places with the best members of each group, then open places by score", () => {
    const result = runSelection({
      applications,
      clusterTargets: [{ clusterId: "surgical", places: 4 }],
      totalStalls: 10,
      rule: { reservedShare: { womenLedMicro: 0.25, womenLed: 0.5, micro: 0.25 } },
    });
    // Women-led micro 1 → d; women-led 2 → d counts, add e; micro 1 → d counts; 2 open places → a, b.
    // d is among the best four on score alone, so only e holds a reserved place, displacing c.
    expect(result.decisions.filter((x) => x.status === "selected").map((x) => [x.applicationId, x.seat, x.seatGroup])).toEqual([
      ["a", "open", null],
      ["b", "open", null],
      ["d", "open", null],
      ["e", "reserved", "women_led"],
    ]);
    expect(decision(result, "c")).toMatchObject({ status: "waitlisted", waitlistPosition: 1 });
    expect(decision(result, "c").reasons.map((r) => r.code)).toEqual(["cluster_target_reached", "reserved_places_filled", "waitlisted"]);
    expect(result.clusters[0]!.reserved).toEqual([
      { group: "women_led_micro", required: 1, filled: 1, eligible: 1 },
      { group: "women_led", required: 2, filled: 2, eligible: 2 },
      { group: "micro", required: 1, filled: 1, eligible: 2 },
    ]);
  });

  it("applies the minimum score, the waitlist length and the stall total", () => {
    const result = runSelection({
      applications: [...applications, app("x", 90, { clusterId: "sports" }), app("y", 85, { clusterId: "sports" })],
      clusterTargets: [
        { clusterId: "surgical", places: 2 },
        { clusterId: "sports", places: 2 },
      ],
      totalStalls: 3,
      rule: { minimumScore: 30, waitlistPerCluster: 2 },
    });
    expect(result.totals).toMatchObject({ selected: 3, waitlisted: 2, applicants: 9 });
    expect(decision(result, "b").reasons[0]).toEqual({ code: "stall_total_reached", params: { total: 3 } });
    expect(decision(result, "g")).toMatchObject({ status: "not_selected", eligible: false });
    expect(decision(result, "g").reasons).toEqual([{ code: "below_minimum_score", params: { minimum: 30 } }]);
    expect(decision(result, "e").reasons.map((r) => r.code)).toEqual(["stall_total_reached", "waitlist_full"]);
    expect(result.flags).toEqual([]);
  });

  it("breaks ties by normalised score, raw score, earlier submission, then id", () => {
    const tied = [
      app("t1", 60, { womenLed: true }), // 60 + 10
      app("t2", 70), // 70: same adjusted, higher normalised → first
      app("t3", 70, { rawScore: 4 }), // higher raw → before t2
      app("t4", 70, { rawScore: 4, submittedAt: "2026-08-31T23:00:00-05:00" }), // = 2026-09-01T04:00Z, earlier → before t3
      app("t0", 70, { rawScore: 4, submittedAt: "2026-09-01T04:00:00Z" }), // same time as t4, smaller id → before t4
    ];
    const result = runSelection({ applications: tied, clusterTargets: [{ clusterId: "surgical", places: 0 }], totalStalls: 0, rule: { bonus: { womenLed: 10 } } });
    expect(result.decisions.map((d) => d.applicationId)).toEqual(["t0", "t4", "t3", "t2", "t1"]);
    expect(result.decisions.every((d) => d.reasons.some((r) => r.code === "no_places_in_cluster"))).toBe(true);
  });
});

describe("promoteFromWaitlist and applyOverrides", () => {
  const applications = [
    app("a", 90),
    app("w", 50, { womenLed: true }),
    app("b", 80),
    app("c", 70),
    app("w2", 40, { womenLed: true }),
  ];
  const base = runSelection({
    applications,
    clusterTargets: [{ clusterId: "surgical", places: 2 }],
    totalStalls: 10,
    rule: { reservedShare: { womenLed: 0.5 } },
  });

  it("gives a freed reserved place to the best waitlisted member of the short group", () => {
    expect(base.decisions.filter((d) => d.status === "selected").map((d) => d.applicationId)).toEqual(["a", "w"]);
    const { result, promoted, reason } = promoteFromWaitlist(base, "w");
    expect(promoted).toBe("w2");
    expect(reason).toEqual({ code: "promoted_reserved_seat", params: { group: "women_led", replaces: "w" } });
    expect(decision(result, "w")).toMatchObject({ status: "withdrawn", waitlistPosition: null });
    expect(decision(result, "b")).toMatchObject({ status: "waitlisted", waitlistPosition: 1 });
    expect(result.totals).toMatchObject({ selected: 2, withdrawn: 1, waitlisted: 2 });
    expect(base.totals.withdrawn).toBe(0); // the input is untouched
  });

  it("otherwise promotes the first on the waitlist, and reports an empty one", () => {
    const first = promoteFromWaitlist(base, "a");
    expect(first.promoted).toBe("b");
    expect(first.reason.code).toBe("promoted_next_on_waitlist");
    let r = first.result;
    r = promoteFromWaitlist(r, "b").result;
    r = promoteFromWaitlist(r, "c").result; // w2 takes the last
    const last = promoteFromWaitlist(r, "w2");
    expect(last).toMatchObject({ promoted: null, reason: { code: "waitlist_empty" } });
    expect(() => promoteFromWaitlist(last.result, "w2")).toThrow(DomainError);
    expect(() => promoteFromWaitlist(base, "nobody")).toThrow(DomainError);
  });

  it("records overrides with their justification and flags what they break", () => {
    const result = applyOverrides(base, [
      { applicationId: "c", status: "selected", justification: "Only exporter of surgical steel to the EU in the cluster" },
      { applicationId: "w", status: "not_selected", justification: "Declared turnover found to be false on review" },
    ]);
    expect(decision(result, "c")).toMatchObject({ status: "selected", seat: "override" });
    expect(decision(result, "w").reasons).toContainEqual({
      code: "override",
      params: { previous: "selected", justification: "Declared turnover found to be false on review" },
    });
    expect(result.overrides).toHaveLength(2);
    // w2 is the only women-led left and is not selected: the reserved share is now unmet.
    expect(result.flags).toEqual([{ code: "reserved_share_unmet", clusterId: "surgical", sectorId: null, group: "women_led", limit: 1, actual: 0 }]);
    const over = applyOverrides(result, [{ applicationId: "b", status: "selected", justification: "Pavilion sponsor asked for it" }]);
    expect(over.flags.map((f) => f.code)).toEqual(["cluster_target_exceeded", "reserved_share_unmet"]);
    expect(decision(over, "w2").waitlistPosition).toBe(1);
  });

  it("rejects unknown, duplicate and unjustified overrides", () => {
    const codes = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return (e as DomainError).fields.map((f) => f.code);
      }
      return [];
    };
    expect(codes(() => applyOverrides(base, [{ applicationId: "zz", status: "selected", justification: "long enough text" }]))).toEqual(["unknown_application"]);
    expect(codes(() => applyOverrides(base, [{ applicationId: "a", status: "selected", justification: "short" }]))).toEqual(["too_short"]);
    expect(
      codes(() =>
        applyOverrides(base, [
          { applicationId: "a", status: "waitlisted", justification: "long enough text" },
          { applicationId: "a", status: "selected", justification: "long enough text" },
        ]),
      ),
    ).toEqual(["duplicate_id"]);
  });
});

describe("edge cases of the stall total, withdrawal and overrides", () => {
  it("when all reservations do not fit in the stalls, the best reserved picks across clusters keep them", () => {
    const result = runSelection({
      applications: [
        app("s1", 40, { womenLed: true }),
        app("s2", 30, { womenLed: true, clusterId: "sports" }),
        app("s3", 90, { clusterId: "sports" }),
      ],
      clusterTargets: [
        { clusterId: "surgical", places: 2 },
        { clusterId: "sports", places: 2 },
      ],
      totalStalls: 1,
      rule: { reservedShare: { womenLed: 0.5 } },
    });
    // s1 is the best of its own cluster, so its place is labelled open; s3 is told the stalls ran out.
    expect(result.decisions.filter((d) => d.status === "selected").map((d) => [d.applicationId, d.seat])).toEqual([["s1", "open"]]);
    expect(decision(result, "s3").reasons.map((r) => r.code)).toEqual(["stall_total_reached", "waitlisted"]);
    expect(result.flags).toEqual([{ code: "reserved_share_unmet", clusterId: "sports", sectorId: null, group: "women_led", limit: 1, actual: 0 }]);
  });

  it("does not promote into a cluster an override already filled, and a waitlisted withdrawal only leaves the list", () => {
    const base = runSelection({ applications: [app("a", 90), app("b", 80), app("c", 70), app("d", 60)], clusterTargets: [{ clusterId: "surgical", places: 1 }], totalStalls: 5 });
    const over = applyOverrides(base, [{ applicationId: "b", status: "selected", justification: "Sole maker of titanium implants" }]);
    const { result, promoted, reason } = promoteFromWaitlist(over, "a");
    expect(promoted).toBeNull();
    expect(reason).toEqual({ code: "cluster_target_reached", params: { target: 1 } });
    expect(result.flags).toEqual([]);
    const left = promoteFromWaitlist(result, "c");
    expect(left.promoted).toBeNull();
    expect(decision(left.result, "d").waitlistPosition).toBe(1);
  });
});

describe("withdrawDecision", () => {
  it("promotes for a selected applicant, and only removes a not-selected one", () => {
    const base = runSelection({ applications: [app("a", 90), app("b", 80), app("c", 20)], clusterTargets: [{ clusterId: "surgical", places: 1 }], totalStalls: 5, rule: { minimumScore: 50 } });
    expect(withdrawDecision(base, "a")).toMatchObject({ promoted: "b", reason: { code: "promoted_next_on_waitlist" } });
    const gone = withdrawDecision(base, "c");
    expect(gone.promoted).toBeNull();
    expect(decision(gone.result, "c")).toMatchObject({ status: "withdrawn", reasons: [{ code: "withdrawn" }] });
    expect(gone.result.totals).toMatchObject({ selected: 1, withdrawn: 1, notSelected: 0 });
    expect(withdrawDecision(gone.result, "c").result).toBe(gone.result);
  });
});
