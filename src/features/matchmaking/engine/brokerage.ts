// Dedicated pass for events where every meeting must take place and the goal
// is fewest breaks (the real brokerage instances). Penalty-based simulated
// annealing: each meeting always has a slot in its allowed set; clashes,
// table overflow and broken precedences are penalised heavily, breaks count
// one each, and a fairness violation (max - min breaks > limit) is penalised.
// Moves: a meeting to another allowed slot, or a swap with a meeting of one of
// its participants. Stops as soon as a feasible zero-break schedule is found.
// Deterministic: iteration count, seeded PRNG.
import { allowed, type Context } from "./greedy";

export type BrokerageOptions = { iterations: number; fairness: number; rand: () => number; restarts?: number };
export type BrokerageResult = { slots: Int32Array; feasible: boolean; breaks: number; maxBreaks: number; minBreaks: number };

const HARD = 3;

export function solveBrokerage(ctx: Context, start: Int32Array, opt: BrokerageOptions): BrokerageResult {
  const pr = ctx.pr;
  const { S, P, R } = pr;
  const slot = Int32Array.from(start);
  for (let r = 0; r < R; r++) if (slot[r]! < 0) slot[r] = allowed(ctx, r)[0] ?? 0;
  const cnt = new Int32Array(P * S);
  const tab = new Int32Array(S);
  for (let r = 0; r < R; r++) {
    cnt[pr.ra[r]! * S + slot[r]!]!++;
    cnt[pr.rb[r]! * S + slot[r]!]!++;
    if (pr.needsTable[r]) tab[slot[r]!]!++;
  }
  const has = new Uint8Array(P);
  for (let r = 0; r < R; r++) { has[pr.ra[r]!] = 1; has[pr.rb[r]!] = 1; }
  // Per participant: clashes + breaks.
  const brk = new Int32Array(P);
  const clash = new Int32Array(P);
  const scan = (p: number) => {
    let g = 0, c = 0, seen = false, idle = false;
    const base = p * S;
    for (let s = 0; s < S; s++) {
      if (pr.slotFirstOfDay[s]) { seen = false; idle = false; }
      const n = cnt[base + s]!;
      if (n > 0) { if (n > 1) c += n - 1; if (seen && idle) g++; seen = true; idle = false; } else if (seen) idle = true;
    }
    brk[p] = g;
    clash[p] = c;
  };
  const hist = new Int32Array(S + 2);
  let totalBrk = 0, totalClash = 0;
  for (let p = 0; p < P; p++) { scan(p); if (has[p]) { hist[brk[p]!]!++; totalBrk += brk[p]!; totalClash += clash[p]!; } }
  let overflow = 0;
  for (let s = 0; s < S; s++) overflow += Math.max(0, tab[s]! - pr.tables[s]!);
  const precViol = (r: number, s: number) => {
    let v = 0;
    for (const q of pr.preds[r]!) if (slot[q]! >= s) v++;
    for (const q of pr.succs[r]!) if (slot[q]! <= s) v++;
    return v;
  };
  let prec = 0;
  for (let r = 0; r < R; r++) for (const q of pr.preds[r]!) if (slot[q]! >= slot[r]!) prec++;
  const spread = () => {
    let lo = 0; while (lo < hist.length - 1 && hist[lo] === 0) lo++;
    let hi = hist.length - 1; while (hi > 0 && hist[hi] === 0) hi--;
    return Math.max(0, hi - lo - opt.fairness);
  };
  const cost = () => HARD * (totalClash + overflow + prec) + totalBrk + 4 * spread();
  const movable: number[] = [];
  for (let r = 0; r < R; r++) if (allowed(ctx, r).length > 1) movable.push(r);
  // Move r to t, updating all counters; returns nothing (cost() reads totals).
  const parts: number[] = [];
  const move = (r: number, t: number) => {
    const s = slot[r]!;
    prec -= precViol(r, s);
    if (pr.needsTable[r]) {
      overflow -= Math.max(0, tab[s]! - pr.tables[s]!) + Math.max(0, tab[t]! - pr.tables[t]!);
      tab[s]!--; tab[t]!++;
      overflow += Math.max(0, tab[s]! - pr.tables[s]!) + Math.max(0, tab[t]! - pr.tables[t]!);
    }
    for (const p of [pr.ra[r]!, pr.rb[r]!]) { cnt[p * S + s]!--; cnt[p * S + t]!++; }
    slot[r] = t;
    prec += precViol(r, t);
  };
  const rescan = () => {
    for (const p of parts) {
      hist[brk[p]!]!--; totalBrk -= brk[p]!; totalClash -= clash[p]!;
      scan(p);
      hist[brk[p]!]!++; totalBrk += brk[p]!; totalClash += clash[p]!;
    }
  };
  let cur = cost();
  let best = cur;
  const bestSlot = Int32Array.from(slot);
  const T0 = 1, T1 = 0.05;
  const iters = opt.iterations;
  for (let it = 0; it < iters && best > 0 && movable.length > 0; it++) {
    const T = T0 * Math.pow(T1 / T0, it / iters);
    const r = movable[Math.floor(opt.rand() * movable.length)]!;
    const list = allowed(ctx, r);
    const t = list[Math.floor(opt.rand() * list.length)]!;
    const s = slot[r]!;
    if (t === s) continue;
    // Half the time, swap with a meeting of one of r's participants at t.
    let other = -1;
    if (opt.rand() < 0.5) {
      const p = opt.rand() < 0.5 ? pr.ra[r]! : pr.rb[r]!;
      if (cnt[p * S + t]! > 0) {
        for (const q of ctx.reqsOf[p]!) if (slot[q] === t && q !== r) { other = q; break; }
        if (other >= 0 && !allowed(ctx, other).includes(s)) other = -1;
      }
    }
    parts.length = 0;
    parts.push(pr.ra[r]!, pr.rb[r]!);
    move(r, t);
    if (other >= 0) { move(other, s); parts.push(pr.ra[other]!, pr.rb[other]!); }
    rescan();
    const next = cost();
    const d = next - cur;
    if (d <= 0 || opt.rand() < Math.exp(-d / T)) {
      cur = next;
      if (cur < best) { best = cur; bestSlot.set(slot); }
    } else {
      if (other >= 0) move(other, t);
      move(r, s);
      rescan();
    }
  }
  // Report on the best assignment.
  slot.set(bestSlot);
  cnt.fill(0);
  for (let r = 0; r < R; r++) { cnt[pr.ra[r]! * S + slot[r]!]!++; cnt[pr.rb[r]! * S + slot[r]!]!++; }
  let breaks = 0, maxB = 0, minB = Infinity, clashes = 0;
  for (let p = 0; p < P; p++) { if (!has[p]) continue; scan(p); breaks += brk[p]!; clashes += clash[p]!; maxB = Math.max(maxB, brk[p]!); minB = Math.min(minB, brk[p]!); }
  tab.fill(0);
  for (let r = 0; r < R; r++) if (pr.needsTable[r]) tab[slot[r]!]!++;
  let over = 0;
  for (let s = 0; s < S; s++) over += Math.max(0, tab[s]! - pr.tables[s]!);
  let pv = 0;
  for (let r = 0; r < R; r++) for (const q of pr.preds[r]!) if (slot[q]! >= slot[r]!) pv++;
  return { slots: slot, feasible: clashes === 0 && over === 0 && pv === 0, breaks, maxBreaks: maxB, minBreaks: minB === Infinity ? 0 : minB };
}
