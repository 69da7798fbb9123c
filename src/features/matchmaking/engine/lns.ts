// Large-neighbourhood search: pick a waiting request, clear the schedules of
// its two participants, rebuild greedily (heaviest first, best slot) together
// with their other waiting requests and whatever the freed partners can now
// take, and keep the result only if the lexicographic objective (zero-meeting
// participants, weight, gaps of the people touched) does not get worse.
// Seeded choices and an iteration count keep it deterministic.
import { allowed, bestSlot, type Context } from "./greedy";
import type { State } from "./state";

/** rounds: iterations per waiting request (requests with an allowed slot but no meeting). */
export function lns(ctx: Context, st: State, rounds: number, maxIterations = Infinity): void {
  const pr = ctx.pr;
  const feasible = new Uint8Array(pr.P); // has at least one request with an allowed slot
  for (let p = 0; p < pr.P; p++) feasible[p] = ctx.reqsOf[p]!.some((r) => allowed(ctx, r).length > 0) ? 1 : 0;
  let waiting: number[] = [];
  const refreshWaiting = () => {
    waiting = [];
    for (let r = 0; r < pr.R; r++) {
      if (st.slotOf[r]! >= 0 || allowed(ctx, r).length === 0) continue;
      waiting.push(r);
    }
  };
  refreshWaiting();
  if (waiting.length === 0) return;
  const iterations = Math.min(maxIterations, Math.round(rounds * waiting.length));
  const touched = new Set<number>();
  const log: { r: number; from: number }[] = [];
  const mark = new Uint8Array(pr.R);
  for (let it = 0; it < iterations; it++) {
    if (it % 2000 === 1999) refreshWaiting();
    if (waiting.length === 0) return;
    // Bias toward heavy waiting requests: best of two random picks.
    let r = waiting[Math.floor(ctx.rand() * waiting.length)]!;
    const r2 = waiting[Math.floor(ctx.rand() * waiting.length)]!;
    if (pr.weight[r2]! > pr.weight[r]!) r = r2;
    if (st.slotOf[r]! >= 0) continue;
    const a = pr.ra[r]!;
    const b = pr.rb[r]!;
    touched.clear();
    touched.add(a);
    touched.add(b);
    log.length = 0;
    const cands: number[] = [r];
    mark[r] = 1;
    for (const p of [a, b]) {
      for (const m of ctx.reqsOf[p]!) {
        if (mark[m]) continue;
        const s = st.slotOf[m]!;
        if (s >= 0) {
          if (st.locked[m]) continue;
          touched.add(pr.ra[m]!);
          touched.add(pr.rb[m]!);
        } else if (allowed(ctx, m).length === 0) continue;
        mark[m] = 1;
        cands.push(m);
      }
    }
    // Objective on the touched participants before; later ones are added as they are
    // touched (their schedule is still the original one at that moment).
    let zero0 = 0;
    let gaps0 = 0;
    for (const p of touched) { if (feasible[p] && st.count[p] === 0) zero0++; gaps0 += st.gapsOf(p); }
    const touch = (p: number) => {
      if (touched.has(p)) return;
      touched.add(p);
      if (feasible[p] && st.count[p] === 0) zero0++;
      gaps0 += st.gapsOf(p);
    };
    const w0 = st.weight;
    for (const m of cands) {
      const s = st.slotOf[m]!;
      if (s >= 0) { log.push({ r: m, from: s }); st.remove(m); }
    }
    // Partners freed by the clearing may take one of their own waiting requests.
    const extra: number[] = [];
    for (const p of touched) {
      if (p === a || p === b) continue;
      for (const m of ctx.reqsOf[p]!) if (!mark[m] && st.slotOf[m]! < 0 && allowed(ctx, m).length > 0) { mark[m] = 1; extra.push(m); }
    }
    cands.sort((x, y) => pr.weight[y]! - pr.weight[x]! || allowed(ctx, x).length - allowed(ctx, y).length || (ctx.rand() < 0.5 ? -1 : 1));
    extra.sort((x, y) => pr.weight[y]! - pr.weight[x]! || x - y);
    const placed: number[] = [];
    for (const m of cands.concat(extra)) {
      const s = bestSlot(ctx, st, m);
      if (s >= 0) {
        touch(pr.ra[m]!);
        touch(pr.rb[m]!);
        st.place(m, s);
        placed.push(m);
      }
    }
    for (const m of cands) mark[m] = 0;
    for (const m of extra) mark[m] = 0;
    let zero1 = 0;
    let gaps1 = 0;
    for (const p of touched) { if (feasible[p] && st.count[p] === 0) zero1++; gaps1 += st.gapsOf(p); }
    const dz = zero1 - zero0;
    const dw = st.weight - w0;
    const better = dz < 0 || (dz === 0 && (dw > 1e-9 || (Math.abs(dw) <= 1e-9 && gaps1 <= gaps0)));
    if (!better) {
      for (const m of placed) st.remove(m);
      for (const u of log) st.place(u.r, u.from);
    }
  }
}
