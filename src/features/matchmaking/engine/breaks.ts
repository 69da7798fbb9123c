// Break minimisation for events where every meeting is already placed (the
// real brokerage instances): simulated annealing over feasible moves only
// (move one meeting to a free slot, or swap the slots of two meetings that
// share a participant), minimising total breaks under a fairness limit
// (max - min breaks over participants with meetings <= fairness). A break is a
// maximal idle run between two meetings on one day, i.e. State.gapsOf.
// Deterministic: the run length is an iteration count, not a clock.
import { allowed, type Context } from "./greedy";
import type { State } from "./state";

export type BreaksOptions = { iterations: number; fairness: number; rand: () => number };

export type BreaksReport = { breaks: number; maxBreaks: number; minBreaks: number; fair: boolean };

function evaluate(st: State, fairness: number): { total: number; max: number; min: number; cost: number } {
  let total = 0;
  let max = 0;
  let min = Infinity;
  for (let p = 0; p < st.pr.P; p++) {
    if (st.count[p] === 0) continue;
    const g = st.gapsOf(p);
    total += g;
    if (g > max) max = g;
    if (g < min) min = g;
  }
  if (min === Infinity) min = 0;
  const unfair = Math.max(0, max - min - fairness);
  return { total, max, min, cost: total + 50 * unfair };
}

export function breaksReport(st: State, fairness: number): BreaksReport {
  const e = evaluate(st, fairness);
  return { breaks: e.total, maxBreaks: e.max, minBreaks: e.min, fair: e.max - e.min <= fairness };
}

export function minimiseBreaks(ctx: Context, st: State, opt: BreaksOptions): BreaksReport {
  const pr = st.pr;
  const S = pr.S;
  const movable: number[] = [];
  for (let r = 0; r < pr.R; r++) if (st.slotOf[r]! >= 0 && !st.locked[r] && allowed(ctx, r).length > 1) movable.push(r);
  if (movable.length === 0) return breaksReport(st, opt.fairness);
  const g = new Int32Array(pr.P);
  const hist = new Int32Array(S + 2); // participants (with meetings) per break count
  for (let p = 0; p < pr.P; p++) if (st.count[p]! > 0) { g[p] = st.gapsOf(p); hist[g[p]!]!++; }
  let total = 0;
  for (let p = 0; p < pr.P; p++) total += g[p]!;
  const spread = () => {
    let lo = 0;
    while (lo < hist.length && hist[lo] === 0) lo++;
    let hi = hist.length - 1;
    while (hi > 0 && hist[hi] === 0) hi--;
    return Math.max(0, hi - lo - opt.fairness);
  };
  const cost = () => total + 50 * spread();
  let cur = cost();
  let best = cur;
  const bestSlots = Int32Array.from(st.slotOf);
  const touched: number[] = [];
  const refresh = () => {
    for (const p of touched) {
      hist[g[p]!]!--;
      total -= g[p]!;
      g[p] = st.gapsOf(p);
      hist[g[p]!]!++;
      total += g[p]!;
    }
  };
  const T0 = 1.5;
  const T1 = 0.02;
  for (let it = 0; it < opt.iterations; it++) {
    const T = T0 * Math.pow(T1 / T0, it / opt.iterations);
    const r = movable[Math.floor(opt.rand() * movable.length)]!;
    const from = st.slotOf[r]!;
    const list = allowed(ctx, r);
    const to = list[Math.floor(opt.rand() * list.length)]!;
    if (to === from) continue;
    touched.length = 0;
    touched.push(pr.ra[r]!, pr.rb[r]!);
    let other = -1;
    st.remove(r);
    if (st.canPlace(r, to)) {
      st.place(r, to);
    } else {
      // Swap with the meeting of one of r's participants sitting in `to`.
      const pick = opt.rand() < 0.5 ? pr.ra[r]! : pr.rb[r]!;
      other = st.occ[pick * S + to]!;
      if (other < 0 || st.locked[other]) { st.place(r, from); continue; }
      st.remove(other);
      if (st.canPlace(r, to)) {
        st.place(r, to);
        if (st.canPlace(other, from)) st.place(other, from);
        else { st.remove(r); st.place(r, from); st.place(other, to); continue; }
      } else { st.place(other, to); st.place(r, from); continue; }
      touched.push(pr.ra[other]!, pr.rb[other]!);
    }
    const before = cur;
    const saved = touched.map((p) => g[p]!);
    refresh();
    const next = cost();
    const delta = next - before;
    if (delta <= 0 || opt.rand() < Math.exp(-delta / T)) {
      cur = next;
      if (cur < best) { best = cur; bestSlots.set(st.slotOf); }
    } else {
      // Undo the move and restore the break counters.
      if (other >= 0) { st.remove(other); st.remove(r); st.place(r, from); st.place(other, to); }
      else { st.remove(r); st.place(r, from); }
      touched.forEach((p, i) => { hist[g[p]!]!--; total -= g[p]!; g[p] = saved[i]!; hist[g[p]!]!++; total += g[p]!; });
    }
  }
  // Restore the best schedule seen.
  for (const r of movable) st.remove(r);
  for (const r of movable) st.place(r, bestSlots[r]!);
  return breaksReport(st, opt.fairness);
}
