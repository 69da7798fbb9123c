import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate, defaultAllocRules, type AllocArea, type AllocInput, type AllocStall } from "./allocate";
import { exhibitor, row } from "./fixtures";

// Random floors: two halls of rows of stalls along aisles, rows split into pavilions of four
// clusters, a women's enclave, an ICT enclave and a stage; random free/held stalls and features;
// random exhibitors with needs and HS headings; random pins (some on the same stall).

const clusters = ["c0", "c1", "c2", "c3", "c9"]; // c9 has no pavilion
const areaIds = ["P0", "P1", "P2", "P3", "WE", "ICT", "ST", null] as const;
const areas: AllocArea[] = [
  ...["c0", "c1", "c2", "c3"].map((c, i) => ({ id: `P${i}`, kind: "cluster_pavilion" as const, clusterId: c })),
  { id: "WE", kind: "women_enclave", clusterId: null },
  { id: "ICT", kind: "enclave", clusterId: null },
  { id: "ST", kind: "stage", clusterId: null },
];

const stallArb = fc.record({ free: fc.constantFrom(true, true, true, true, false), power: fc.boolean(), accessible: fc.boolean(), corner: fc.boolean(), big: fc.boolean() });
const rowArb = fc.record({ area: fc.constantFrom(...areaIds), stalls: fc.array(stallArb, { minLength: 1, maxLength: 6 }) });
const exArb = fc.record({
  cluster: fc.constantFrom(...clusters),
  womenLed: fc.boolean(),
  micro: fc.boolean(),
  wants: fc.boolean(),
  ict: fc.constantFrom(false, false, false, true),
  power: fc.boolean(),
  accessible: fc.boolean(),
  corner: fc.boolean(),
  big: fc.boolean(),
  wish: fc.boolean(),
  headings: fc.subarray(["9018", "6403", "9506"], { maxLength: 2 }),
});

const inputArb = fc
  .record({
    rows: fc.array(rowArb, { minLength: 1, maxLength: 8 }),
    exhibitors: fc.array(exArb, { maxLength: 30 }),
    pins: fc.array(fc.tuple(fc.nat(40), fc.nat(60)), { maxLength: 5 }),
    separate: fc.boolean(),
    women: fc.constantFrom("women_led_micro" as const, "women_led" as const, "off" as const),
  })
  .map(({ rows, exhibitors, pins, separate, women }): AllocInput => {
    const stalls: AllocStall[] = [];
    rows.forEach((r, i) => {
      const hall = i % 2 === 0 ? "H1" : "H2";
      stalls.push(
        ...row(`${hall}R${i}`, { hallId: hall, hallOrder: hall === "H1" ? 1 : 2, y: 6 * Math.floor(i / 2), count: r.stalls.length, areaId: r.area, seq0: 100 * i }, (j) => {
          const s = r.stalls[j]!;
          return { free: s.free, power: s.power, accessible: s.accessible, corner: s.corner, areaM2: s.big ? 18 : 9, w: s.big ? 6 : 3, x: 6 * j };
        }),
      );
    });
    const exs = exhibitors.map((e, i) =>
      exhibitor(`e${String(i).padStart(2, "0")}`, {
        clusterId: e.cluster,
        womenLed: e.womenLed,
        micro: e.micro,
        wantsWomenEnclave: e.wants,
        enclaveId: e.ict ? "ICT" : null,
        needsPower: e.power,
        // A wish never takes anyone out of its area (the property below checks it with `fits`).
        wantsPower: e.wish && !e.power,
        needsAccessible: e.accessible,
        wantsCorner: e.corner,
        minAreaM2: e.big ? 12 : 0,
        hsHeadings: e.headings,
      }),
    );
    return {
      areas,
      stalls,
      exhibitors: exs,
      pins: exs.length && stalls.length ? pins.map(([e, s]) => ({ exhibitorId: exs[e % exs.length]!.id, stallId: stalls[s % stalls.length]!.id })) : [],
      rules: { ...defaultAllocRules, separateCompetitors: separate, womenEnclave: women },
    };
  });

function shuffle<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// Property runs take 1–2 s alone and several times that on a loaded 2-core machine: a generous
// timeout (not a speed target; speed lives in benchmarks).
describe("allocation, on random floors", { timeout: 60_000 }, () => {
  it("never puts two exhibitors on one stall, accounts for every exhibitor once, and uses only open stalls", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = allocate(input);
        const stalls = r.assignments.map((a) => a.stallId);
        expect(new Set(stalls).size).toBe(stalls.length);
        const ids = [...r.assignments.map((a) => a.exhibitorId), ...r.unplaced.map((u) => u.exhibitorId)].sort();
        expect(ids).toEqual(input.exhibitors.map((e) => e.id).sort());
        const byId = new Map(input.stalls.map((s) => [s.id, s]));
        const area = (id: string | null) => areas.find((a) => a.id === id);
        for (const a of r.assignments) {
          if (a.pinned) continue;
          const s = byId.get(a.stallId)!;
          expect(s.free).toBe(true);
          expect(area(s.areaId)?.kind).not.toBe("stage");
          const ex = input.exhibitors.find((e) => e.id === a.exhibitorId)!;
          if (area(s.areaId)?.kind === "women_enclave") {
            expect(ex.womenLed).toBe(true);
            expect(input.rules.womenEnclave).not.toBe("off");
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("keeps every pin that names a stall no earlier pin took", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = allocate(input);
        const taken = new Set<string>();
        const seen = new Set<string>();
        for (const p of [...input.pins].sort((a, b) => (a.exhibitorId + a.stallId < b.exhibitorId + b.stallId ? -1 : 1))) {
          if (seen.has(p.exhibitorId) || taken.has(p.stallId)) continue;
          seen.add(p.exhibitorId);
          taken.add(p.stallId);
          expect(r.assignments.find((a) => a.exhibitorId === p.exhibitorId)).toMatchObject({ stallId: p.stallId, pinned: true });
        }
      }),
      { numRuns: 300 },
    );
  });

  it("leaves an exhibitor outside its pavilion only when the pavilion has no free stall with its needs, and unplaced only when nothing is open", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = allocate(input);
        const used = new Set(r.assignments.map((a) => a.stallId));
        const fits = (e: (typeof input.exhibitors)[number], s: AllocStall) =>
          (!e.needsPower || s.power) && (!e.needsAccessible || s.accessible) && s.areaM2 >= e.minAreaM2;
        for (const a of r.assignments) {
          if (a.inOwnArea) continue;
          expect(a.reasons.map((x) => x.code)).toContain("nearest_free");
          const e = input.exhibitors.find((x) => x.id === a.exhibitorId)!;
          const pav = areas.find((x) => x.clusterId === e.clusterId)?.id;
          const room = input.stalls.filter((s) => s.areaId === pav && s.free && !used.has(s.id) && fits(e, s));
          expect(room).toEqual([]);
        }
        for (const u of r.unplaced) {
          const e = input.exhibitors.find((x) => x.id === u.exhibitorId)!;
          const open = input.stalls.filter((s) => {
            const k = areas.find((x) => x.id === s.areaId)?.kind;
            return s.free && !used.has(s.id) && k !== "stage" && k !== "women_enclave";
          });
          expect(open).toEqual([]);
          expect(e).toBeTruthy();
        }
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same allocation for the same input in any order", () => {
    fc.assert(
      fc.property(inputArb, fc.integer(), (input, seed) => {
        const shuffled: AllocInput = {
          ...input,
          stalls: shuffle(input.stalls, seed),
          exhibitors: shuffle(input.exhibitors, seed + 1),
          pins: shuffle(input.pins, seed + 2),
          areas: shuffle(input.areas, seed + 3),
        };
        expect(allocate(shuffled)).toEqual(allocate(input));
      }),
      { numRuns: 200 },
    );
  });
});
