import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inGroup, preferenceGroups, shuffled, seededRandom } from "./common";
import { runSelection } from "./select";
import type { SelectInput } from "./selection-schemas";

const clusterIds = ["c0", "c1", "c2", "c3"];

const applicationArb = fc.record({
  clusterId: fc.constantFrom(...clusterIds, "orphan"),
  sizeClass: fc.constantFrom("micro" as const, "small" as const, "medium" as const),
  womenLed: fc.boolean(),
  // Coarse scores on purpose: plenty of exact ties for the tie-break to settle.
  normalisedScore: fc.integer({ min: 0, max: 20 }).map((x) => x * 5),
  rawScore: fc.integer({ min: 1, max: 5 }),
  submittedAt: fc.integer({ min: 0, max: 5 }).map((h) => `2026-09-01T0${h}:00:00Z`),
});

const shareArb = fc.integer({ min: 0, max: 4 }).map((x) => x / 10);

const inputArb = fc
  .record({
    applications: fc.array(applicationArb, { maxLength: 45 }),
    places: fc.tuple(...clusterIds.map(() => fc.integer({ min: 0, max: 8 }))),
    totalStalls: fc.integer({ min: 0, max: 30 }),
    bonus: fc.record({ womenLed: fc.integer({ min: 0, max: 15 }), micro: fc.integer({ min: 0, max: 15 }), womenLedMicro: fc.integer({ min: 0, max: 15 }) }),
    reservedShare: fc.record({ womenLed: shareArb, micro: shareArb, womenLedMicro: fc.integer({ min: 0, max: 2 }).map((x) => x / 10) }),
    minimumScore: fc.constantFrom(0, 0, 25),
    waitlistPerCluster: fc.constantFrom(null, 0, 2),
  })
  .map(
    (x): SelectInput => ({
      applications: x.applications.map((a, i) => ({ ...a, id: `app${String(i).padStart(2, "0")}` })),
      clusterTargets: clusterIds.map((clusterId, i) => ({ clusterId, places: x.places[i]! })),
      totalStalls: x.totalStalls,
      rule: { bonus: x.bonus, reservedShare: x.reservedShare, minimumScore: x.minimumScore, waitlistPerCluster: x.waitlistPerCluster },
    }),
  );

const rankOfStatus = { selected: 3, waitlisted: 2, not_selected: 1, withdrawn: 0 } as const;
const runs = { numRuns: 300, seed: 20261124 };

describe("runSelection properties", () => {
  it("no cluster over its target and the stall total never exceeded", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = runSelection(input);
        for (const c of result.clusters) expect(c.selected).toBeLessThanOrEqual(c.target!);
        expect(result.totals.selected).toBeLessThanOrEqual(input.totalStalls);
        expect(result.flags.filter((f) => f.code !== "reserved_share_unmet")).toEqual([]);
      }),
      runs,
    );
  });

  it("reserved shares honoured whenever enough eligible applicants exist (and the stalls hold all reservations)", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = runSelection(input);
        const reservedTotal = result.clusters.reduce((s, c) => s + c.reserved.reduce((t, r) => t + r.required, 0), 0);
        if (reservedTotal > input.totalStalls) return;
        for (const c of result.clusters) {
          for (const r of c.reserved) {
            if (r.eligible >= r.required) expect(r.filled).toBeGreaterThanOrEqual(r.required);
          }
        }
        expect(result.flags).toEqual([]);
      }),
      runs,
    );
  });

  it("places are not left empty while an eligible applicant of the cluster waits", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = runSelection(input);
        if (result.totals.selected >= input.totalStalls) return;
        for (const c of result.clusters) {
          if (c.selected < c.target!) expect(c.eligible).toBe(c.selected);
        }
      }),
      runs,
    );
  });

  it("same input gives the same output, and input order does not matter", () => {
    fc.assert(
      fc.property(inputArb, fc.integer(), (input, seed) => {
        const result = runSelection(input);
        expect(runSelection(input)).toEqual(result);
        const random = seededRandom(seed);
        const reordered = { ...input, applications: shuffled(input.applications, random), clusterTargets: shuffled(input.clusterTargets, random) };
        expect(runSelection(reordered)).toEqual(result);
      }),
      runs,
    );
  });

  it("within a cluster and preference class, a higher score never ranks or fares below a lower one", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = runSelection(input);
        const classOf = (d: { womenLed: boolean; sizeClass: string }) => `${d.womenLed}/${d.sizeClass === "micro"}`;
        for (const a of result.decisions) {
          for (const b of result.decisions) {
            if (a.clusterId !== b.clusterId || classOf(a) !== classOf(b) || a.normalisedScore <= b.normalisedScore) continue;
            expect(a.rankInCluster).toBeLessThan(b.rankInCluster);
            expect(rankOfStatus[a.status]).toBeGreaterThanOrEqual(rankOfStatus[b.status]);
            if (a.status === "waitlisted" && b.status === "waitlisted") expect(a.waitlistPosition!).toBeLessThan(b.waitlistPosition!);
          }
        }
      }),
      runs,
    );
  });

  it("every decision carries a reason that matches its status, and waitlists are numbered 1…n in rank order", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = runSelection(input);
        for (const d of result.decisions) {
          const codes = d.reasons.map((r) => r.code);
          if (d.status === "selected") expect(codes.some((c) => c === "open_seat" || c === "reserved_seat")).toBe(true);
          else expect(codes.some((c) => ["cluster_target_reached", "stall_total_reached", "below_minimum_score", "no_places_in_cluster"].includes(c))).toBe(true);
          if (d.seat === "reserved") expect(inGroup(d, d.seatGroup!)).toBe(true);
          expect(d.adjustedScore).toBe(d.normalisedScore + d.bonus);
        }
        for (const c of result.clusters) {
          const positions = result.decisions.filter((d) => d.clusterId === c.clusterId && d.status === "waitlisted").map((d) => d.waitlistPosition);
          expect(positions).toEqual(positions.map((_, i) => i + 1));
          // Each reserved place displaced exactly one applicant who would have had it on score alone.
          const inCluster = result.decisions.filter((d) => d.clusterId === c.clusterId);
          expect(inCluster.filter((d) => d.seat === "reserved").length).toBe(inCluster.filter((d) => d.reasons.some((r) => r.code === "reserved_places_filled")).length);
          expect(c.reserved.map((r) => r.group)).toEqual([...preferenceGroups]);
        }
      }),
      runs,
    );
  });
});
