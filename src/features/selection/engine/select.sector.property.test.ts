import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inGroup, seededRandom, shuffled } from "./common";
import { placesOf } from "./places";
import { runSelection } from "./select";
import type { SelectInput } from "./selection-schemas";

// Targets per sector, alone or with targets per cluster: sector s0 holds c0 and
// c1, s1 holds c2 and c3, c4 belongs to no sector. Each cluster may or may not
// have its own target; each sector may or may not have one.

const sectorOf: Record<string, string | null> = { c0: "s0", c1: "s0", c2: "s1", c3: "s1", c4: null };
const clusterIds = Object.keys(sectorOf);
const maybe = (arb: fc.Arbitrary<number>) => fc.option(arb, { nil: null, freq: 2 });

const applicationArb = fc.record({
  clusterId: fc.constantFrom(...clusterIds),
  sizeClass: fc.constantFrom("micro" as const, "small" as const, "medium" as const),
  womenLed: fc.boolean(),
  normalisedScore: fc.integer({ min: 0, max: 20 }).map((x) => x * 5),
  rawScore: fc.integer({ min: 1, max: 5 }),
  submittedAt: fc.integer({ min: 0, max: 5 }).map((h) => `2026-09-01T0${h}:00:00Z`),
});
const shareArb = fc.integer({ min: 0, max: 3 }).map((x) => x / 10);

const inputArb = fc
  .record({
    applications: fc.array(applicationArb, { maxLength: 50 }),
    clusterPlaces: fc.tuple(...clusterIds.map(() => maybe(fc.integer({ min: 0, max: 8 })))),
    sectorPlaces: fc.tuple(maybe(fc.integer({ min: 0, max: 12 })), maybe(fc.integer({ min: 0, max: 12 }))),
    totalStalls: fc.integer({ min: 0, max: 35 }),
    bonus: fc.record({ womenLed: fc.integer({ min: 0, max: 15 }), micro: fc.integer({ min: 0, max: 15 }), womenLedMicro: fc.integer({ min: 0, max: 15 }) }),
    reservedShare: fc.record({ womenLed: shareArb, micro: shareArb, womenLedMicro: shareArb }),
    minimumScore: fc.constantFrom(0, 0, 25),
    waitlistPerCluster: fc.constantFrom(null, 0, 2),
  })
  .map(
    (x): SelectInput => ({
      applications: x.applications.map((a, i) => ({ ...a, id: `app${String(i).padStart(2, "0")}`, sectorId: sectorOf[a.clusterId]! })),
      clusterTargets: clusterIds.flatMap((clusterId, i) => (x.clusterPlaces[i] === null ? [] : [{ clusterId, places: x.clusterPlaces[i]!, sectorId: sectorOf[clusterId]! }])),
      sectorTargets: (["s0", "s1"] as const).flatMap((sectorId, i) => (x.sectorPlaces[i] === null ? [] : [{ sectorId, places: x.sectorPlaces[i]! }])),
      totalStalls: x.totalStalls,
      rule: { bonus: x.bonus, reservedShare: x.reservedShare, minimumScore: x.minimumScore, waitlistPerCluster: x.waitlistPerCluster },
    }),
  );

const runs = { numRuns: 300, seed: 20261125 };
const placesFor = (input: SelectInput) =>
  placesOf({
    clusters: clusterIds.map((clusterId) => ({ clusterId, sectorId: sectorOf[clusterId]!, target: input.clusterTargets.find((t) => t.clusterId === clusterId)?.places ?? null })),
    sectors: (input.sectorTargets ?? []).map((s) => ({ sectorId: s.sectorId, target: s.places })),
  });

describe("runSelection with sector targets (properties)", () => {
  it("no sector over its target, no cluster over its own target, the stall total never exceeded", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = runSelection(input);
        for (const t of input.sectorTargets ?? []) {
          const selected = result.decisions.filter((d) => d.status === "selected" && sectorOf[d.clusterId] === t.sectorId).length;
          expect(selected).toBeLessThanOrEqual(t.places);
          expect(result.sectors.find((s) => s.sectorId === t.sectorId)!.selected).toBe(selected);
        }
        for (const t of input.clusterTargets) expect(result.clusters.find((c) => c.clusterId === t.clusterId)?.selected ?? 0).toBeLessThanOrEqual(t.places);
        // A cluster with neither target has no places.
        for (const c of result.clusters) if (c.target === 0) expect(c.selected).toBe(0);
        expect(result.totals.selected).toBeLessThanOrEqual(input.totalStalls);
        expect(result.flags.filter((f) => f.code !== "reserved_share_unmet")).toEqual([]);
      }),
      runs,
    );
  });

  it("places are not left empty while an eligible applicant waits, unless a target or the stalls stop it", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = runSelection(input);
        if (result.totals.selected >= input.totalStalls) return;
        const places = placesFor(input);
        for (const c of result.clusters) {
          if (c.eligible === c.selected) continue;
          const sector = places.sectorOf(c.clusterId);
          const sectorSelected = result.decisions.filter((d) => d.status === "selected" && sector !== null && sectorOf[d.clusterId] === sector).length;
          expect(c.selected >= places.clusterCap(c.clusterId) || sectorSelected >= places.sectorCap(sector)).toBe(true);
        }
      }),
      runs,
    );
  });

  it("reserved shares honoured whenever enough eligible applicants exist and the reservations fit the sector targets and stalls", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = runSelection(input);
        const units = [...result.clusters.map((c) => ({ sectorId: c.sectorId, reserved: c.reserved })), ...result.sectors.map((s) => ({ sectorId: s.sectorId, reserved: s.reserved }))];
        const required = (u: (typeof units)[number]) => u.reserved.reduce((t, r) => t + r.required, 0);
        if (units.reduce((s, u) => s + required(u), 0) > input.totalStalls) return;
        for (const t of input.sectorTargets ?? []) if (units.filter((u) => u.sectorId === t.sectorId).reduce((s, u) => s + required(u), 0) > t.places) return;
        for (const u of units) for (const r of u.reserved) if (r.eligible >= r.required) expect(r.filled).toBeGreaterThanOrEqual(r.required);
        expect(result.flags).toEqual([]);
      }),
      runs,
    );
  });

  it("every decision names the rule behind it; reserved places displace one applicant each, per cluster or shared sector", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = runSelection(input);
        const places = placesFor(input);
        for (const d of result.decisions) {
          const codes = d.reasons.map((r) => r.code);
          if (d.status === "selected") expect(codes.some((c) => c === "open_seat" || c === "reserved_seat")).toBe(true);
          else expect(codes.some((c) => ["cluster_target_reached", "sector_target_reached", "stall_total_reached", "below_minimum_score", "no_places_in_cluster"].includes(c))).toBe(true);
          if (codes.includes("sector_target_reached")) expect(places.sectorTarget(sectorOf[d.clusterId]!)).not.toBeNull();
          if (d.seat === "reserved") expect(inGroup(d, d.seatGroup!)).toBe(true);
        }
        const byUnit = new Map<string, typeof result.decisions>();
        for (const d of result.decisions) byUnit.set(places.unitOf(d.clusterId), [...(byUnit.get(places.unitOf(d.clusterId)) ?? []), d]);
        for (const [, members] of byUnit) {
          expect(members.filter((d) => d.seat === "reserved").length).toBe(members.filter((d) => d.reasons.some((r) => r.code === "reserved_places_filled")).length);
        }
      }),
      runs,
    );
  });

  it("same input gives the same output, in any order", () => {
    fc.assert(
      fc.property(inputArb, fc.integer(), (input, seed) => {
        const result = runSelection(input);
        expect(runSelection(input)).toEqual(result);
        const random = seededRandom(seed);
        const reordered = { ...input, applications: shuffled(input.applications, random), clusterTargets: shuffled(input.clusterTargets, random), sectorTargets: shuffled(input.sectorTargets ?? [], random) };
        expect(runSelection(reordered)).toEqual(result);
      }),
      runs,
    );
  });
});
