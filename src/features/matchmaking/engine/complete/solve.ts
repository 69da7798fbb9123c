// Complete mode: the schedule a MIP solver (HiGHS, WebAssembly; decision
// 0008) proves or improves within a time budget.
//  Phase 1 decides whether every meeting can be placed. When the start
//  schedule (the fast path's) already places all of them, that is the proof;
//  otherwise the solver maximises the meetings placed, and the result carries
//  the counting certificates (certificate.ts) and the solver's proved bound.
//  Phase 2 keeps that set of meetings placed and minimises breaks under the
//  fairness rule, with the start schedule as incumbent; if the solver proves
//  that no fair schedule exists, it minimises breaks without the rule. The
//  best lower bound proved on breaks is always reported.
// Time: the solver's own clock, or wall time through the caller's `clock`
// option (no clock is read here).
import type { Highs } from "highs";
import { counting } from "./certificate";
import { checkSchedule, countBreaks } from "./check";
import { breaksModel, placementModel } from "./model";
import { seededRandom } from "../../../../platform/random";
import { dayOf, meetingsOf, type CompleteInput } from "./problem";

export type Solver = Highs;

let loading: Promise<Solver> | null = null;
/** Loads the HiGHS WebAssembly runtime once per process. */
export function loadSolver(): Promise<Solver> {
  loading ??= import("highs").then((m) => m.default());
  return loading;
}

export type CompleteOptions = {
  /** Time budget of the whole run (both phases), default 10 000 ms. */
  budgetMs?: number;
  /** Run phase 2 (default true); false stops once placement is decided. */
  minimiseGaps?: boolean;
  /** Largest allowed max - min breaks, default 2; null: no fairness rule. */
  fairness?: number | null;
  /** A valid schedule to start from (slot per meeting, -1 unplaced), e.g. the fast path's. */
  start?: ArrayLike<number>;
  /** A lower bound on breaks already proved for schedules placing every meeting (e.g. zero-break windows). */
  knownLowerBound?: number;
  /**
   * Milliseconds from any origin (the caller's clock). With it the budget is wall time,
   * model building included; without it only the solver's own run time counts.
   */
  clock?: () => number;
  /** Seed of the neighbourhood choice (deterministic for a seed, up to the solver's time limits). */
  seed?: number;
};

export type CompleteResult = {
  /** Slot of each meeting, -1 when not placed. */
  slotOf: number[];
  placed: number;
  total: number;
  allPlaced: boolean;
  /** Most meetings any schedule can place, as proved (equals placed when optimal). */
  placedUpperBound: number;
  /** Why not every meeting can be placed (empty when all are placed). */
  certificate: string[];
  breaks: number;
  perParticipant: number[];
  maxBreaks: number;
  minBreaks: number;
  fair: boolean;
  /** Proved lower bound on breaks for the placed set (and for fair schedules when `fairnessModelled`). */
  lowerBound: number;
  breaksOptimal: boolean;
  /** Whether the fairness rule was part of the model the bound comes from. */
  fairnessModelled: boolean;
  /** Seconds the solver ran. */
  solverSeconds: number;
  phases: string[];
};

const OPTIMAL = 7, INFEASIBLE = 8;
const GLOBAL_SHARE = 0.3;
/** Meetings freed per neighbourhood, and the solver's time per neighbourhood (seconds). */
const FREE_MEETINGS = 40;
const ROUND_SECONDS = 1;
/** Slots freed by a time-window neighbourhood. */
const WINDOW_SLOTS = 5;

type Run = { status: number; values: Map<string, number>; dual: number; primal: number; seconds: number };

function run(solver: Solver, lp: string, seconds: number, incumbent: Map<string, number> | null, wanted: (name: string) => boolean): Run {
  const model = solver.createModel({ format: "lp", data: lp });
  try {
    model.options.set({ output_flag: false, time_limit: Math.max(0.05, seconds), mip_rel_gap: 0, mip_abs_gap: 0.5 });
    const n = model.getDimensions().numCols;
    const names: string[] = [];
    for (let j = 0; j < n; j++) names.push(model.getColName(j));
    if (incumbent) {
      const col = new Float64Array(n);
      names.forEach((v, j) => { col[j] = incumbent.get(v) ?? 0; });
      try { model.setSolution({ colValue: col }); } catch { /* an incumbent the model rejects is simply not used */ }
    }
    const res = model.run();
    const values = new Map<string, number>();
    let dual = NaN, primal = NaN;
    try { dual = Number(model.info.get("mip_dual_bound")); } catch { /* not a MIP run */ }
    try { primal = Number(model.info.get("objective_function_value")); } catch { /* no solution */ }
    let hasSolution = false;
    try { hasSolution = Number(model.info.get("primal_solution_status")) === 2; } catch { /* none */ }
    if (hasSolution) {
      const sol = model.getSolution().colValue;
      names.forEach((v, j) => { if (wanted(v)) values.set(v, sol[j]!); });
    }
    return { status: res.modelStatus, values, dual, primal, seconds: model.getRunTime() };
  } finally {
    model.dispose();
  }
}

function slotsFrom(values: Map<string, number>, M: number): number[] {
  const slotOf = new Array<number>(M).fill(-1);
  for (const [v, x] of values) {
    if (v[0] !== "x" || x < 0.5) continue;
    const [i, s] = v.slice(1).split("_").map(Number);
    slotOf[i!] = s!;
  }
  return slotOf;
}

/** Column values of a schedule in the breaks model (x, run starts, days, bmax/bmin). */
function incumbentValues(input: CompleteInput, slotOf: number[]): Map<string, number> {
  const m = new Map<string, number>();
  const busy = new Set<string>();
  slotOf.forEach((s, i) => {
    if (s < 0) return;
    m.set(`x${i}_${s}`, 1);
    busy.add(`${input.meetings[i]!.a}:${s}`);
    busy.add(`${input.meetings[i]!.b}:${s}`);
  });
  for (let p = 0; p < input.participants; p++) {
    for (let s = 0; s < input.slots; s++) {
      if (!busy.has(`${p}:${s}`)) continue;
      m.set(`a${p}_${dayOf(input, s)}`, 1);
      const prevSame = s > 0 && dayOf(input, s - 1) === dayOf(input, s);
      if (!(prevSame && busy.has(`${p}:${s - 1}`))) m.set(`u${p}_${s}`, 1);
    }
  }
  const b = countBreaks(input, slotOf);
  m.set("bmax", b.max);
  m.set("bmin", b.min);
  return m;
}

export function scheduleComplete(input: CompleteInput, solver: Solver, opts: CompleteOptions = {}): CompleteResult {
  const budget = (opts.budgetMs ?? 10_000) / 1000;
  const fairness = opts.fairness === undefined ? 2 : opts.fairness;
  const M = input.meetings.length;
  const phases: string[] = [];
  const t0 = opts.clock?.();
  let solverSeconds = 0;
  let used = 0;
  /** Add a run's solver time; with a clock, the budget used is the wall time so far. */
  const spend = (seconds: number) => {
    solverSeconds += seconds;
    used = opts.clock && t0 !== undefined ? Math.max(used + seconds, (opts.clock() - t0) / 1000) : used + seconds;
  };
  let slotOf = new Array<number>(M).fill(-1);
  if (opts.start && checkSchedule(input, opts.start).length === 0) slotOf = Array.from(opts.start);
  let placed = slotOf.filter((s) => s >= 0).length;
  let placedUpperBound = M;
  let certificate: string[] = [];

  // Phase 1: decide "all placed", or place the most possible.
  if (placed < M) {
    const inc = new Map<string, number>();
    slotOf.forEach((s, i) => { if (s >= 0) inc.set(`x${i}_${s}`, 1); });
    const r = run(solver, placementModel(input), budget - used, inc, (v) => v[0] === "x");
    spend(r.seconds);
    const found = slotsFrom(r.values, M);
    const n = found.filter((s) => s >= 0).length;
    if (n > placed && checkSchedule(input, found).length === 0) { slotOf = found; placed = n; }
    if (Number.isFinite(r.dual)) placedUpperBound = Math.min(M, Math.floor(r.dual + 1e-6));
    if (r.status === OPTIMAL) placedUpperBound = Math.min(placedUpperBound, placed);
    phases.push(`placement: status ${r.status}, ${placed} placed, at most ${placedUpperBound} (${r.seconds.toFixed(2)} s)`);
    if (placed < M) {
      const c = counting(input);
      certificate = c.lines;
      if (placedUpperBound < M) certificate.push(`the solver proved that at most ${placedUpperBound} of the ${M} meetings can be placed together`);
      placedUpperBound = Math.min(placedUpperBound, c.placedAtMost);
    }
  }

  let lowerBound = 0;
  let breaksOptimal = false;
  let fairnessModelled = false;
  if (placed === M && opts.knownLowerBound) lowerBound = opts.knownLowerBound;
  const keep = new Set<number>();
  slotOf.forEach((s, i) => { if (s >= 0) keep.add(i); });
  const startBreaks = countBreaks(input, slotOf);
  const startOptimal = placed === M && startBreaks.total <= lowerBound && (fairness === null || startBreaks.max - startBreaks.min <= fairness);
  if (startOptimal) { breaksOptimal = true; phases.push("breaks: the start schedule meets the proved lower bound"); }
  if (opts.minimiseGaps !== false && keep.size > 0 && !startOptimal) {
    const tries: (number | null)[] = fairness === null ? [null] : [fairness, null];
    for (const f of tries) {
      // The whole model gets a share of the time (its bound, and the optimum on small events);
      // large-neighbourhood search with the solver gets the rest.
      const left = (budget - used) * GLOBAL_SHARE;
      if (left <= 0.05) break;
      const current = countBreaks(input, slotOf);
      const startFair = f === null || current.max - current.min <= f;
      const model = breaksModel(input, keep, f);
      const r = run(solver, model.lp, left, startFair ? incumbentValues(input, slotOf) : null, (v) => v[0] === "x");
      spend(r.seconds);
      phases.push(`breaks${f === null ? "" : ` (fairness ${f})`}: status ${r.status}, objective ${r.primal}, bound ${r.dual} (${r.seconds.toFixed(2)} s)`);
      if (r.status === INFEASIBLE) continue; // no fair schedule of this set: minimise without the rule
      const found = slotsFrom(r.values, M);
      if (r.values.size > 0 && checkSchedule(input, found).length === 0 && found.filter((s) => s >= 0).length === placed) {
        const nb = countBreaks(input, found);
        const nowFair = f === null || nb.max - nb.min <= f;
        const better = (nowFair && !startFair) || (nowFair === startFair && nb.total < current.total);
        if (better) slotOf = found;
      }
      if (Number.isFinite(r.dual)) lowerBound = Math.max(lowerBound, Math.ceil(r.dual - 1e-6));
      if (r.status === OPTIMAL) breaksOptimal = true;
      fairnessModelled = f !== null;
      if (!breaksOptimal) {
        const l = neighbourhoods(input, solver, slotOf, keep, f, budget - used, lowerBound, opts.seed ?? 1, opts.clock);
        solverSeconds += l.solverSeconds;
        used += l.seconds;
        phases.push(`neighbourhoods: ${l.rounds} solved, ${l.improved} improved (${l.seconds.toFixed(2)} s)`);
        slotOf = l.slotOf;
      }
      break;
    }
  }
  const b = countBreaks(input, slotOf);
  return {
    slotOf,
    placed,
    total: M,
    allPlaced: placed === M,
    placedUpperBound,
    certificate,
    breaks: b.total,
    perParticipant: b.perParticipant,
    maxBreaks: b.max,
    minBreaks: b.min,
    fair: fairness === null || b.max - b.min <= fairness,
    lowerBound: Math.min(lowerBound, b.total),
    breaksOptimal: breaksOptimal && lowerBound >= b.total,
    fairnessModelled,
    solverSeconds,
    phases,
  };
}

/**
 * Large-neighbourhood search with the solver: free the meetings of a few
 * participants (one with breaks, chosen at random, and its
 * partners, until about FREE_MEETINGS meetings), or, every other round, all
 * meetings in WINDOW_SLOTS consecutive slots; pin every other meeting
 * where it is, and let HiGHS re-place the freed ones for fewest breaks under
 * the same rules (fairness included). A neighbourhood's result is kept when
 * it has fewer breaks. Stops at the proved lower bound or the time budget.
 */
function neighbourhoods(input: CompleteInput, solver: Solver, start: number[], keep: Set<number>, fairness: number | null, seconds: number, lowerBound: number, seed: number, clock?: () => number) {
  const t0 = clock?.();
  let solverSeconds = 0;
  const rand = seededRandom(seed);
  const mine = meetingsOf(input);
  let slotOf = start;
  let best = countBreaks(input, slotOf);
  let used = 0, rounds = 0, improved = 0;
  while (seconds - used > 0.2 && best.total > lowerBound) {
    const withBreaks = best.perParticipant.map((b, p) => [b, p] as const).filter(([b]) => b > 0);
    if (withBreaks.length === 0) break;
    const pick = withBreaks[Math.floor(rand() * withBreaks.length)]![1];
    const free = new Set<number>();
    if (rounds % 2 === 1) {
      // Every other round: all meetings in a few consecutive slots around one of the
      // participant's breaks (swaps across the whole event).
      const busy = mine[pick]!.map((m) => slotOf[m]!).filter((s) => s >= 0).sort((x, y) => x - y);
      const gaps = busy.filter((s, k) => k > 0 && s > busy[k - 1]! + 1);
      const at = gaps.length ? gaps[Math.floor(rand() * gaps.length)]! : busy[0] ?? 0;
      const t = Math.max(0, Math.min(input.slots - WINDOW_SLOTS, at - 1 - Math.floor(rand() * (WINDOW_SLOTS - 1))));
      slotOf.forEach((s, i) => { if (s >= t && s < t + WINDOW_SLOTS) free.add(i); });
    }
    const queue = rounds % 2 === 1 ? [] : [pick];
    const seen = new Set<number>([pick]);
    while (queue.length && free.size < FREE_MEETINGS) {
      const p = queue.shift()!;
      const ms = [...mine[p]!].sort(() => rand() - 0.5);
      for (const m of ms) {
        if (!keep.has(m)) continue;
        free.add(m);
        for (const q of [input.meetings[m]!.a, input.meetings[m]!.b]) if (!seen.has(q)) { seen.add(q); queue.push(q); }
      }
    }
    const sub: CompleteInput = { ...input, meetings: input.meetings.map((m, i) => (free.has(i) || slotOf[i]! < 0 ? m : { ...m, pinned: slotOf[i]! })) };
    const model = breaksModel(sub, keep, fairness);
    const r = run(solver, model.lp, Math.min(ROUND_SECONDS, seconds - used), incumbentValues(input, slotOf), (v) => v[0] === "x");
    solverSeconds += r.seconds;
    used = clock && t0 !== undefined ? Math.max(used + r.seconds, (clock() - t0) / 1000) : used + r.seconds;
    rounds++;
    const found = slotsFrom(r.values, input.meetings.length);
    if (r.values.size === 0 || checkSchedule(input, found).length > 0 || found.filter((s) => s >= 0).length !== keep.size) continue;
    const nb = countBreaks(input, found);
    if (nb.total < best.total && (fairness === null || nb.max - nb.min <= fairness)) { slotOf = found; best = nb; improved++; }
  }
  return { slotOf, seconds: used, solverSeconds, rounds, improved };
}
