import { describe, expect, it } from "vitest";
import { DomainError } from "../../../platform/errors";
import { applyOverrides, promoteFromWaitlist } from "./decisions";
import { runSelection } from "./select";
import { SelectionResult, type SelectInput } from "./selection-schemas";

// Targets per sector: alone ("instead of" cluster targets) and together with them.
type App = SelectInput["applications"][number];
const app = (id: string, score: number, clusterId: string, extra: Partial<App> = {}): App => ({
  id,
  clusterId,
  sectorId: clusterId === "elsewhere" ? null : "medical",
  sizeClass: "small",
  womenLed: false,
  normalisedScore: score,
  rawScore: 3,
  submittedAt: "2026-09-01T10:00:00Z",
  ...extra,
});
const codes = (r: SelectionResult, id: string) => r.decisions.find((d) => d.applicationId === id)!.reasons.map((x) => x.code);
const status = (r: SelectionResult, id: string) => r.decisions.find((d) => d.applicationId === id)!.status;

describe("sector targets", () => {
  it("alone: the sector's clusters share its places, best first, and the rest are told the sector target was reached", () => {
    const result = runSelection({
      applications: [app("s1", 90, "surgical"), app("d1", 85, "dental"), app("s2", 80, "surgical"), app("d2", 70, "dental"), app("x", 95, "elsewhere")],
      clusterTargets: [],
      sectorTargets: [{ sectorId: "medical", places: 3 }],
      totalStalls: 10,
    });
    expect(result.decisions.filter((d) => d.status === "selected").map((d) => d.applicationId).sort()).toEqual(["d1", "s1", "s2"]);
    expect(codes(result, "d2")).toEqual(["sector_target_reached", "waitlisted"]);
    expect(result.decisions.find((d) => d.applicationId === "d2")!.reasons[0]!.params).toEqual({ target: 3 });
    // A cluster in no sector and without a target of its own still has no places.
    expect(codes(result, "x")).toEqual(["no_places_in_cluster"]);
    expect(result.clusters.find((c) => c.clusterId === "dental")).toMatchObject({ target: null, sectorId: "medical", selected: 1, reserved: [] });
    expect(result.sectors).toEqual([expect.objectContaining({ sectorId: "medical", target: 3, sharedPlaces: 3, selected: 3, waitlisted: 1 })]);
    expect(result.flags).toEqual([]);
  });

  it("with cluster targets: each cluster keeps its own cap, and the sector caps them together", () => {
    const result = runSelection({
      applications: [app("s1", 95, "surgical"), app("s2", 90, "surgical"), app("s3", 85, "surgical"), app("s4", 84, "surgical"), app("d1", 80, "dental"), app("d2", 75, "dental")],
      clusterTargets: [{ clusterId: "surgical", places: 3, sectorId: "medical" }],
      sectorTargets: [{ sectorId: "medical", places: 4 }],
      totalStalls: 10,
    });
    expect(status(result, "s3")).toBe("selected");
    expect(codes(result, "s4")).toEqual(["cluster_target_reached", "waitlisted"]);
    // Dental has no target of its own: it shares what the sector has left (4 − 3 = 1 place).
    expect(status(result, "d1")).toBe("selected");
    expect(codes(result, "d2")).toEqual(["sector_target_reached", "waitlisted"]);
    expect(result.sectors[0]).toMatchObject({ target: 4, sharedPlaces: 1, selected: 4 });
  });

  it("a sector target smaller than its clusters' targets wins, best applicants across the sector first", () => {
    const result = runSelection({
      applications: [app("s1", 95, "surgical"), app("d1", 90, "dental"), app("s2", 85, "surgical"), app("d2", 80, "dental")],
      clusterTargets: [
        { clusterId: "surgical", places: 2 },
        { clusterId: "dental", places: 2 },
      ],
      sectorTargets: [{ sectorId: "medical", places: 3 }],
      totalStalls: 10,
    });
    expect(codes(result, "d2")).toEqual(["sector_target_reached", "waitlisted"]);
    expect(result.totals.selected).toBe(3);
  });

  it("reserves shares of the sector's shared places, filled by the best members across its clusters", () => {
    const result = runSelection({
      applications: [app("a", 90, "surgical"), app("b", 85, "dental"), app("c", 80, "surgical"), app("w1", 50, "dental", { womenLed: true }), app("w2", 40, "surgical", { womenLed: true })],
      clusterTargets: [],
      sectorTargets: [{ sectorId: "medical", places: 4 }],
      totalStalls: 10,
      rule: { reservedShare: { womenLed: 0.5 } },
    });
    expect(result.decisions.filter((d) => d.status === "selected").map((d) => d.applicationId).sort()).toEqual(["a", "b", "w1", "w2"]);
    expect(result.decisions.find((d) => d.applicationId === "w2")).toMatchObject({ seat: "reserved", seatGroup: "women_led" });
    expect(codes(result, "c")).toEqual(["sector_target_reached", "reserved_places_filled", "waitlisted"]);
    expect(result.sectors[0]!.reserved.find((r) => r.group === "women_led")).toEqual({ group: "women_led", required: 2, filled: 2, eligible: 2 });
  });

  it("a withdrawal frees the sector place for the same cluster's waitlist, never beyond the sector target", () => {
    const base = runSelection({
      applications: [app("s1", 90, "surgical"), app("d1", 85, "dental"), app("s2", 80, "surgical"), app("d2", 70, "dental")],
      clusterTargets: [],
      sectorTargets: [{ sectorId: "medical", places: 2 }],
      totalStalls: 10,
    });
    const p = promoteFromWaitlist(base, "d1");
    expect(p).toMatchObject({ promoted: "d2", reason: { code: "promoted_next_on_waitlist" } });
    expect(p.result.sectors[0]!.selected).toBe(2);
    // An override already filled the sector: nobody is promoted, and the reason says why.
    const over = applyOverrides(base, [{ applicationId: "s2", status: "selected", justification: "Sole maker of titanium implants" }]);
    expect(over.flags.map((f) => [f.code, f.sectorId])).toEqual([["sector_target_exceeded", "medical"]]);
    expect(promoteFromWaitlist(over, "s1")).toMatchObject({ promoted: null, reason: { code: "sector_target_reached", params: { target: 2 } } });
  });

  it("refuses a cluster given two sectors", () => {
    expect(() =>
      runSelection({ applications: [app("a", 50, "surgical")], clusterTargets: [{ clusterId: "surgical", places: 1, sectorId: "textiles" }], sectorTargets: [], totalStalls: 1 }),
    ).toThrow(DomainError);
  });

  it("reads a result stored before sector targets existed", () => {
    const stored = JSON.parse(JSON.stringify(runSelection({ applications: [app("a", 90, "surgical", { sectorId: null }), app("b", 80, "surgical", { sectorId: null })], clusterTargets: [{ clusterId: "surgical", places: 1 }], totalStalls: 5 })));
    delete stored.sectors;
    for (const c of stored.clusters) delete c.sectorId;
    const parsed = SelectionResult.parse(stored);
    expect(promoteFromWaitlist(parsed, "a")).toMatchObject({ promoted: "b" });
  });
});
