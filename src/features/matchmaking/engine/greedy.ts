// Construction: fixed meetings first, then one meeting for every participant
// that can have one (the first objective), then everything else by weight,
// scarcest first. Slot choice keeps participants' days compact and steers
// table meetings away from slots many other requests depend on.
import { staticOk, type Problem } from "./problem";
import { State } from "./state";

export type Context = {
  pr: Problem;
  /** Statically allowed slots per request (availability, pin, forbidden, zero capacity); use allowed(). */
  slots: (Int32Array | undefined)[];
  /**
   * Slots before this ordinal are closed to moves (repair: past and notification
   * horizon). Allowed lists ignore it (so they survive a change of horizon);
   * bestSlot and tryInsert skip those slots.
   */
  minSlot: number;
  /** Expected pressure on each slot: sum over requests of 1/|allowed slots|. */
  pressure: Float64Array;
  /** Requests per participant. */
  reqsOf: number[][];
  rand: () => number;
  /** Deterministic work counter used as a budget instead of wall-clock time. */
  work: number;
};

const buf = { a: new Int32Array(0) };
function computeAllowed(pr: Problem, r: number): Int32Array {
  if (buf.a.length < pr.S) buf.a = new Int32Array(pr.S);
  let n = 0;
  for (let s = 0; s < pr.S; s++) if (staticOk(pr, r, s)) buf.a[n++] = s;
  return buf.a.slice(0, n);
}

export function allowed(ctx: Context, r: number): Int32Array {
  let l = ctx.slots[r];
  if (l === undefined) {
    l = computeAllowed(ctx.pr, r);
    ctx.slots[r] = l;
  }
  return l;
}

/**
 * lazy: compute allowed slots on first use only (repair touches few requests);
 * slot pressure is then left at zero.
 */
export function makeContext(pr: Problem, rand: () => number, opts: { lazy?: boolean; minSlot?: number } = {}): Context {
  const minSlot = opts.minSlot ?? 0;
  const slots: (Int32Array | undefined)[] = new Array(pr.R);
  const pressure = new Float64Array(pr.S);
  const reqsOf: number[][] = Array.from({ length: pr.P }, () => []);
  for (let r = 0; r < pr.R; r++) {
    reqsOf[pr.ra[r]!]!.push(r);
    reqsOf[pr.rb[r]!]!.push(r);
  }
  if (opts.lazy) return { pr, slots, pressure, reqsOf, rand, work: 0, minSlot };
  for (let r = 0; r < pr.R; r++) {
    const list = computeAllowed(pr, r);
    slots[r] = list;
    for (const s of list) pressure[s]! += 1 / list.length;
  }
  // Normalise by what each slot can absorb, so a slot with few tables counts as busier.
  let maxT = 1;
  for (let s = 0; s < pr.S; s++) maxT = Math.max(maxT, pr.tables[s]!);
  for (let s = 0; s < pr.S; s++) pressure[s] = pressure[s]! / (pr.tables[s]! + 1) * (maxT + 1) / Math.max(1, pr.R);
  return { pr, slots, pressure, reqsOf, rand, work: 0, minSlot };
}

export function initState(pr: Problem): State {
  const st = new State(pr);
  for (let r = 0; r < pr.R; r++) {
    const s = pr.fixedSlot[r]!;
    if (s < 0) continue;
    st.usesTable[r] = pr.fixedTable[r] === 0 ? 0 : 1;
    st.place(r, s);
    st.locked[r] = 1;
  }
  return st;
}

/** Cost of putting r in s (lower is better); Infinity if not possible now. */
export function slotCost(ctx: Context, st: State, r: number, s: number): number {
  if (!st.resourcesOk(r, s) || !st.precedenceOk(r, s)) return Infinity;
  const pr = ctx.pr;
  const a = pr.ra[r]!;
  const b = pr.rb[r]!;
  const d = pr.slotDay[s]!;
  let c = 4 * (st.gapDeltaAdd(a, s) + st.gapDeltaAdd(b, s));
  // Prefer days the two already meet on: fewer, denser days per participant.
  if (st.dayCount[a * pr.D + d] === 0) c += 0.5;
  if (st.dayCount[b * pr.D + d] === 0) c += 0.5;
  if (pr.needsTable[r] === 1) c += ctx.pressure[s]! * (1 + st.tableUsed[s]! / (pr.tables[s]! + 1));
  return c + s * 1e-6; // earlier slot on exact ties
}

export function bestSlot(ctx: Context, st: State, r: number, exclude = -1): number {
  let best = -1;
  let bestC = Infinity;
  const list = allowed(ctx, r);
  ctx.work += list.length;
  for (let i = 0; i < list.length; i++) {
    const s = list[i]!;
    if (s === exclude || s < ctx.minSlot) continue;
    const c = slotCost(ctx, st, r, s);
    if (c < bestC) { bestC = c; best = s; }
  }
  return best;
}

function shuffledIndex(n: number, rand: () => number): Float64Array {
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) t[i] = rand();
  return t;
}

export function greedy(ctx: Context, st: State): void {
  const pr = ctx.pr;
  const tie = shuffledIndex(pr.R, ctx.rand);
  // Participant capacity and demand, to prefer partners that are not oversubscribed.
  const load = new Float64Array(pr.P);
  for (let p = 0; p < pr.P; p++) {
    let cap = 0;
    for (let d = 0; d < pr.D; d++) cap += pr.dayCap[p * pr.D + d]!;
    load[p] = ctx.reqsOf[p]!.length / Math.max(1, Math.min(cap, pr.S));
  }
  // Phase 1: coverage, participants with the fewest options first.
  const feasibleCount = new Int32Array(pr.P);
  for (let p = 0; p < pr.P; p++) for (const r of ctx.reqsOf[p]!) if (allowed(ctx, r).length > 0) feasibleCount[p]!++;
  const parts = Array.from({ length: pr.P }, (_, p) => p)
    .filter((p) => feasibleCount[p]! > 0)
    .sort((x, y) => feasibleCount[x]! - feasibleCount[y]! || x - y);
  for (const p of parts) {
    if (st.count[p]! > 0) continue;
    const cands = ctx.reqsOf[p]!.filter((r) => st.slotOf[r]! < 0 && allowed(ctx, r).length > 0);
    const other = (r: number) => (pr.ra[r] === p ? pr.rb[r]! : pr.ra[r]!);
    cands.sort(
      (x, y) =>
        (st.count[other(x)]! > 0 ? 1 : 0) - (st.count[other(y)]! > 0 ? 1 : 0) ||
        load[other(x)]! - load[other(y)]! ||
        pr.weight[y]! - pr.weight[x]! ||
        tie[x]! - tie[y]!,
    );
    for (const r of cands) {
      const s = bestSlot(ctx, st, r);
      if (s >= 0) { st.place(r, s); break; }
    }
  }
  // Phase 2: by weight, then scarcest (fewest allowed slots, busiest endpoints) first.
  const order: number[] = [];
  for (let r = 0; r < pr.R; r++) if (st.slotOf[r]! < 0 && allowed(ctx, r).length > 0) order.push(r);
  const scarce = (r: number) => allowed(ctx, r).length / pr.S - 0.1 * Math.min(3, load[pr.ra[r]!]! + load[pr.rb[r]!]!);
  order.sort((x, y) => pr.weight[y]! - pr.weight[x]! || scarce(x) - scarce(y) || tie[x]! - tie[y]!);
  for (const r of order) {
    const s = bestSlot(ctx, st, r);
    if (s >= 0) st.place(r, s);
  }
}
