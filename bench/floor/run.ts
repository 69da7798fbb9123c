// The stall allocation engine's speed and quality (issue #12, item 3): on generated floors and on
// the demo's floor. Target: 1,000 stalls and 900 exhibitors in under 2 s, everyone placed.
//
//   npm run bench:floor                  generated floors, then the demo (seeded in PGlite, ~20–60 s)
//   npm run bench:floor -- --no-demo     generated floors only
//   options: --runs 3 (timed runs per floor; the median is reported) --seed 1
//
// Generated floor: halls of 250 stalls (10 rows of 25 stalls of 3 m × 3 m, back to back in pairs,
// 3 m aisles), numbered along the aisles; a pavilion per cluster sized to its exhibitors plus 5 %,
// filled in aisle order across halls, the women entrepreneurs' enclave and an ICT enclave, the rest
// of the stalls in no area. Exhibitors: 40 clusters of skewed sizes, 6 % women-led micro enterprises
// asking for the enclave, 4 % put in the ICT enclave, 15 % need power, 5 % step-free access, 10 %
// ask for a corner, 5 % for a 12 m² stall (there are 3 m × 4 m stalls at the rows' ends); each makes
// one or two HS headings of its cluster (so neighbours compete). Seeded PRNG: the same floor each run.
//
// Each line: {name, stalls, ms (median), msFirst, placed, total, ownPavilionShare (placed in the
// area the rule gives them), contiguity (per cluster or enclave, the share of its exhibitors in its
// largest block of stalls that touch or face each other across an aisle, weighted by size),
// preferencesMet (power, access, corner and size requests met / made), loadAverage}.
import "../../src/wiring";
import os from "node:os";
import { parseArgs } from "node:util";
import { and, eq } from "drizzle-orm";
import { allocate, defaultAllocRules, type AllocArea, type AllocExhibitor, type AllocInput, type AllocResult, type AllocStall } from "../../src/features/floor/engine/allocate";
import { neighbours } from "../../src/features/floor/engine/adjacency";

const { values: args } = parseArgs({ options: { runs: { type: "string", default: "3" }, seed: { type: "string", default: "1" }, "no-demo": { type: "boolean", default: false } } });
const RUNS = Math.max(1, Number(args.runs));

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generated floor of `stallCount` stalls (a multiple of 250) and `exhibitorCount` exhibitors. */
export function generatedFloor(stallCount: number, exhibitorCount: number, seed: number): AllocInput {
  const rnd = prng(seed);
  const PER_ROW = 25;
  const ROWS = 10;
  const halls = Math.ceil(stallCount / (PER_ROW * ROWS));
  // Exhibitors first: the pavilions are sized to them.
  const CLUSTERS = 40;
  const weights = Array.from({ length: CLUSTERS }, (_, i) => 1 / (1 + i * 0.15));
  const sum = weights.reduce((a, b) => a + b, 0);
  const pickCluster = () => {
    let x = rnd() * sum;
    for (let i = 0; i < CLUSTERS; i++) if ((x -= weights[i]!) <= 0) return i;
    return CLUSTERS - 1;
  };
  const exhibitors: AllocExhibitor[] = [];
  for (let i = 0; i < exhibitorCount; i++) {
    const c = pickCluster();
    const r = rnd();
    const women = r < 0.06;
    const ict = !women && r < 0.1;
    const heading = String(8400 + c * 3 + Math.floor(rnd() * 3));
    exhibitors.push({
      id: `e${String(i).padStart(5, "0")}`,
      clusterId: `c${c}`,
      womenLed: women || rnd() < 0.15,
      micro: women || rnd() < 0.3,
      wantsWomenEnclave: women,
      enclaveId: ict ? "ict" : null,
      needsPower: rnd() < 0.15,
      needsAccessible: rnd() < 0.05,
      wantsCorner: rnd() < 0.1,
      minAreaM2: rnd() < 0.05 ? 12 : 0,
      hsHeadings: rnd() < 0.3 ? [heading, String(8400 + c * 3 + 2)] : [heading],
    });
  }
  const women = exhibitors.filter((e) => e.wantsWomenEnclave).length;
  const ict = exhibitors.filter((e) => e.enclaveId).length;
  const perCluster = new Map<string, number>();
  for (const e of exhibitors) if (!e.wantsWomenEnclave && !e.enclaveId) perCluster.set(e.clusterId!, (perCluster.get(e.clusterId!) ?? 0) + 1);
  const areaSizes: { area: AllocArea; n: number }[] = [
    { area: { id: "women", kind: "women_enclave", clusterId: null }, n: Math.ceil(women * 1.05) + 1 },
    { area: { id: "ict", kind: "enclave", clusterId: null }, n: Math.ceil(ict * 1.05) + 1 },
    ...[...perCluster.entries()].sort().map(([c, n]) => ({ area: { id: `pav-${c}`, kind: "cluster_pavilion" as const, clusterId: c }, n: Math.ceil(n * 1.05) })),
  ];
  const stalls: AllocStall[] = [];
  for (let h = 0; h < halls; h++)
    for (let seq = 0; seq < PER_ROW * ROWS && stalls.length < stallCount; seq++) {
      const r = Math.floor(seq / PER_ROW);
      const k = seq % PER_ROW;
      const col = r % 2 === 0 ? k : PER_ROW - 1 - k;
      const end = col === 0 || col === PER_ROW - 1;
      stalls.push({
        id: `s${h + 1}-${String(seq + 101)}`,
        number: `${h + 1}-${seq + 101}`,
        hallId: `H${h + 1}`,
        hallOrder: h + 1,
        seq,
        x: 3 * col,
        y: Math.floor(r / 2) * 9 + (r % 2) * (end ? 4 : 3),
        w: 3,
        h: end ? 4 : 3,
        areaId: null,
        areaM2: end ? 12 : 9,
        power: col % 3 === 0,
        accessible: r < 2,
        corner: end,
        free: true,
      });
    }
  // Pavilions fill the stalls in aisle order; an area never starts in one hall and ends in the next.
  let i = 0;
  for (const { area, n } of areaSizes) {
    const hallLeft = PER_ROW * ROWS - (stalls[i]?.seq ?? 0);
    if (n > hallLeft && n <= PER_ROW * ROWS) i += hallLeft;
    for (let k = 0; k < n && i < stalls.length; k++, i++) stalls[i]!.areaId = area.id;
  }
  return { areas: areaSizes.map((a) => a.area), stalls, exhibitors, pins: [], rules: defaultAllocRules };
}

/** The figures of one allocation. */
export function quality(input: AllocInput, result: AllocResult) {
  const total = input.exhibitors.length;
  const placed = result.assignments.length;
  const own = result.assignments.filter((a) => a.inOwnArea).length;
  const stallById = new Map(input.stalls.map((s) => [s.id, s]));
  const exById = new Map(input.exhibitors.map((e) => [e.id, e]));
  const nb = neighbours(input.stalls, input.rules.aisleM);
  // Groups: an enclave's exhibitors, or a cluster's (outside enclaves).
  const groups = new Map<string, string[]>();
  for (const a of result.assignments) {
    const e = exById.get(a.exhibitorId)!;
    const key = e.wantsWomenEnclave && a.areaId && input.areas.find((x) => x.id === a.areaId)?.kind === "women_enclave" ? "women" : e.enclaveId ? `enc:${e.enclaveId}` : `c:${e.clusterId}`;
    groups.set(key, [...(groups.get(key) ?? []), a.stallId]);
  }
  let inBlock = 0;
  for (const ids of groups.values()) {
    const mine = new Set(ids);
    const seen = new Set<string>();
    let largest = 0;
    for (const start of ids) {
      if (seen.has(start)) continue;
      let size = 0;
      const stack = [start];
      seen.add(start);
      while (stack.length) {
        const s = stack.pop()!;
        size++;
        const n = nb.get(s)!;
        for (const o of [...n.side, ...n.across])
          if (mine.has(o) && !seen.has(o)) {
            seen.add(o);
            stack.push(o);
          }
      }
      largest = Math.max(largest, size);
    }
    inBlock += largest;
  }
  let asked = 0;
  let met = 0;
  for (const a of result.assignments) {
    const e = exById.get(a.exhibitorId)!;
    const s = stallById.get(a.stallId)!;
    for (const [wants, has] of [
      [e.needsPower, s.power],
      [e.wantsPower ?? false, s.power],
      [e.needsAccessible, s.accessible],
      [e.wantsCorner, s.corner],
      [e.minAreaM2 > 0, s.areaM2 >= e.minAreaM2],
    ] as const)
      if (wants) {
        asked++;
        if (has) met++;
      }
  }
  for (const u of result.unplaced) {
    const e = exById.get(u.exhibitorId)!;
    asked += [e.needsPower, e.wantsPower ?? false, e.needsAccessible, e.wantsCorner, e.minAreaM2 > 0].filter(Boolean).length;
  }
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  return { placed, total, ownPavilionShare: r3(own / total), contiguity: r3(placed ? inBlock / placed : 0), preferencesMet: r3(asked ? met / asked : 1) };
}

function time(name: string, input: AllocInput) {
  const ms: number[] = [];
  let result: AllocResult | undefined;
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    result = allocate(input);
    ms.push(performance.now() - t0);
  }
  const sorted = [...ms].sort((a, b) => a - b);
  const line = {
    name,
    stalls: input.stalls.length,
    ms: Math.round(sorted[Math.floor(sorted.length / 2)]!),
    msFirst: Math.round(ms[0]!),
    ...quality(input, result!),
    targetMs: 2000,
    loadAverage: Math.round(os.loadavg()[0]! * 10) / 10,
  };
  console.log(JSON.stringify(line));
  return line;
}

const seed = Number(args.seed);
time("generated-500-stalls-450-exhibitors", generatedFloor(500, 450, seed));
time("generated-1000-stalls-900-exhibitors", generatedFloor(1000, 900, seed));
time("generated-2000-stalls-1800-exhibitors", generatedFloor(2000, 1800, seed));

if (!args["no-demo"]) {
  // The demo: the 2026 show seeded as `npm run seed` does; the allocation re-run over its plan with
  // every stall free, its exhibitors read back as the seed gave them to the engine.
  const { fixedClock } = await import("../../src/platform/clock");
  const { seedDemo } = await import("../../src/features/demo/seed-demo");
  const { openBenchDb } = await import("../lib/database");
  const { floorAreas, floorHalls, floorStalls } = await import("../../src/features/floor/tables");
  const { enterprises, products } = await import("../../src/features/editions/enterprise-tables");
  const { clusters, editions } = await import("../../src/features/editions/tables");
  const { database, cleanup } = await openBenchDb();
  try {
    await database.migrate();
    const db = database.db;
    // With accounts: the demo's selection (and so its floor) is made by its seeded reviewers.
    await seedDemo(db, fixedClock("2026-01-10T08:00:00Z"));
    const [edition] = await db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
    const editionId = edition!.id;
    const halls = await db.select().from(floorHalls).where(eq(floorHalls.editionId, editionId));
    const areaRows = await db.select().from(floorAreas).where(eq(floorAreas.editionId, editionId));
    const stallRows = await db.select().from(floorStalls).where(eq(floorStalls.editionId, editionId));
    const held = await db.select({ stall: floorStalls, ent: enterprises }).from(floorStalls).innerJoin(enterprises, eq(enterprises.id, floorStalls.enterpriseId)).where(and(eq(floorStalls.editionId, editionId), eq(floorStalls.state, "confirmed")));
    if (stallRows.length === 0 || held.length === 0) throw new Error("the demo seed made no floor");
    const clusterRows = await db.select().from(clusters).where(eq(clusters.editionId, editionId));
    const prods = await db.select().from(products);
    const ictArea = areaRows.find((a) => a.code === "ict-enclave")?.id ?? null;
    const hallOrder = new Map(halls.map((h) => [h.id, h.sort]));
    const ents = held.map((h) => h.ent).sort((a, b) => ((a.ntn ?? "") < (b.ntn ?? "") ? -1 : 1));
    const { engineNeeds } = await import("../../src/features/floor/operations/allocation-input");
    const { stallNeedsPort } = await import("../../src/features/floor/stall-needs-port");
    const said = await stallNeedsPort().needsOf(db, editionId, ents.map((e) => e.id));
    const input: AllocInput = {
      areas: areaRows.map((a) => ({ id: a.id, kind: a.kind, clusterId: a.clusterId })),
      stalls: stallRows.map((s) => ({ id: s.id, hallId: s.hallId, hallOrder: hallOrder.get(s.hallId)!, number: s.number, seq: s.seq, x: s.x!, y: s.y!, w: s.w!, h: s.h!, areaId: s.areaId, areaM2: s.areaM2, power: s.power, accessible: s.accessible, corner: s.corner, free: true })),
      // As the seed builds them (floor/demo-plan.ts): the needs each stated in its portal.
      exhibitors: ents.map((e) => ({
        id: e.id,
        clusterId: clusterRows.find((c) => c.slug === e.clusterSlug)?.id ?? null,
        womenLed: e.womenLed,
        micro: e.sizeClass === "micro",
        ...engineNeeds(said.get(e.id), e.womenLed && e.sizeClass === "micro"),
        enclaveId: e.clusterSlug === "lahore-it-software" ? ictArea : null,
        hsHeadings: [...new Set(prods.filter((p) => p.enterpriseId === e.id).map((p) => p.hsCode.slice(0, 4)))],
      })),
      pins: [],
      rules: defaultAllocRules,
    };
    time("demo-2026", input);
  } finally {
    await cleanup();
  }
}
