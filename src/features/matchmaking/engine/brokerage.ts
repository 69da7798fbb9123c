// Dedicated pass for events where every meeting must take place and the goal
// is fewest breaks (the real brokerage instances). Simulated annealing over
// clash-free partial assignments (no participant is ever double-booked):
//  - Kempe-chain swap: move a meeting from slot s to t and swap, between s and
//    t, the alternating chain of meetings of the same participants, so nobody
//    clashes afterwards (the classic move for edge-colouring-like problems);
//  - insert a waiting meeting into a slot, sending the meetings of its two
//    participants there back to the waiting list.
// Cost: waiting meetings, table overflow and broken precedences (heavy), then
// breaks, idle slots inside participants' spans (a finer signal that guides
// toward compact days) and fairness (max - min breaks above the limit).
// Deterministic: iteration count and seeded PRNG.
import { allowed, type Context } from "./greedy";

export type BrokerageOptions = {
  iterations: number;
  fairness: number;
  rand: () => number;
  /** Annealing temperatures, start and end (defaults tuned on the shared instances). */
  t0?: number;
  t1?: number;
  /** Share of moves aimed next to another meeting of a participant with a break. */
  focus?: number;
  /** Weight of idle slots inside participants' spans (shaping term), default 0.3. */
  idleWeight?: number;
  /** R*S flags narrowing each meeting's slots (e.g. zero-break windows); meetings outside wait. */
  mask?: Uint8Array;
};
export type BrokerageResult = { slots: Int32Array; feasible: boolean; breaks: number; maxBreaks: number; minBreaks: number };

const W_WAIT = 4;
const W_TABLE = 3;
const W_PREC = 3;
const W_IDLE = 0.3;
const W_FAIR = 4;
const P_INSERT = 0.3;
// Temperatures: tuned on forum-13/forum-14/tic-13 (a hotter start only wastes iterations).
const T0 = 0.6;
const T1 = 0.02;

export function solveBrokerage(ctx: Context, start: Int32Array, opt: BrokerageOptions): BrokerageResult {
  const pr = ctx.pr;
  const { S, P, R } = pr;
  const ok = new Uint8Array(R * S);
  const lists: Int32Array[] = [];
  for (let r = 0; r < R; r++) {
    const l: number[] = [];
    for (const s of allowed(ctx, r)) if (!opt.mask || opt.mask[r * S + s]) { ok[r * S + s] = 1; l.push(s); }
    lists.push(Int32Array.from(l));
  }
  const slot = new Int32Array(R).fill(-1);
  const occ = new Int32Array(P * S).fill(-1);
  const tab = new Int32Array(S);
  let waiting = 0;
  const put = (r: number, s: number) => {
    slot[r] = s;
    occ[pr.ra[r]! * S + s] = r;
    occ[pr.rb[r]! * S + s] = r;
    if (pr.needsTable[r]) tab[s]!++;
  };
  const lift = (r: number) => {
    const s = slot[r]!;
    occ[pr.ra[r]! * S + s] = -1;
    occ[pr.rb[r]! * S + s] = -1;
    if (pr.needsTable[r]) tab[s]!--;
    slot[r] = -1;
  };
  for (let r = 0; r < R; r++) {
    const s = start[r]!;
    if (s >= 0 && ok[r * S + s] && occ[pr.ra[r]! * S + s]! < 0 && occ[pr.rb[r]! * S + s]! < 0) put(r, s);
    else waiting++;
  }
  const waitList: number[] = [];
  for (let r = 0; r < R; r++) if (slot[r]! < 0 && lists[r]!.length > 0) waitList.push(r);
  let overflow = 0;
  for (let s = 0; s < S; s++) overflow += Math.max(0, tab[s]! - pr.tables[s]!);
  const pairViol = (q: number, r: number) => (slot[q]! >= 0 && slot[r]! >= 0 && slot[q]! >= slot[r]! ? 1 : 0);
  let prec = 0;
  const anyPrec = pr.preds.some((x) => x.length > 0);
  for (let r = 0; r < R; r++) for (const q of pr.preds[r]!) prec += pairViol(q, r);
  const has = new Uint8Array(P);
  for (let r = 0; r < R; r++) { has[pr.ra[r]!] = 1; has[pr.rb[r]!] = 1; }
  const brk = new Int32Array(P);
  const idle = new Int32Array(P);
  const scan = (p: number) => {
    let g = 0, hole = 0, seen = false, run = 0;
    const base = p * S;
    for (let s = 0; s < S; s++) {
      if (pr.slotFirstOfDay[s]) { seen = false; run = 0; }
      if (occ[base + s]! >= 0) {
        if (seen && run > 0) { g++; hole += run; }
        seen = true; run = 0;
      } else if (seen) run++;
    }
    brk[p] = g;
    idle[p] = hole;
  };
  const hist = new Int32Array(S + 2);
  let totalBrk = 0, totalIdle = 0;
  for (let p = 0; p < P; p++) if (has[p]) { scan(p); hist[brk[p]!]!++; totalBrk += brk[p]!; totalIdle += idle[p]!; }
  const spread = () => {
    let lo = 0; while (lo < hist.length - 1 && hist[lo] === 0) lo++;
    let hi = hist.length - 1; while (hi > 0 && hist[hi] === 0) hi--;
    return Math.max(0, hi - lo - opt.fairness);
  };
  const hardCost = () => W_WAIT * waiting + W_TABLE * overflow + W_PREC * prec;
  const wIdle = opt.idleWeight ?? W_IDLE;
  const cost = () => hardCost() + totalBrk + wIdle * totalIdle + W_FAIR * spread();

  // Bookkeeping shared by both moves: which meetings move, which participants change.
  const chain: number[] = [];
  const mark = new Uint8Array(R);
  const parts: number[] = [];
  const pmark = new Uint8Array(P);
  const oldSlot: number[] = [];
  const touch = (p: number) => { if (!pmark[p]) { pmark[p] = 1; parts.push(p); } };
  const precOf = () => {
    // Violations on pairs involving the chain, each pair counted once.
    let v = 0;
    for (const m of chain) {
      for (const q of pr.preds[m]!) v += pairViol(q, m);
      for (const q of pr.succs[m]!) if (!mark[q]) v += pairViol(m, q);
    }
    return v;
  };
  const overflowAt = (s: number) => Math.max(0, tab[s]! - pr.tables[s]!);
  // Break/idle values of the touched participants before the move, to undo without rescanning.
  const savedBrk: number[] = [];
  const savedIdle: number[] = [];
  const rescore = () => {
    savedBrk.length = 0;
    savedIdle.length = 0;
    for (const p of parts) {
      savedBrk.push(brk[p]!);
      savedIdle.push(idle[p]!);
      hist[brk[p]!]!--; totalBrk -= brk[p]!; totalIdle -= idle[p]!;
      scan(p);
      hist[brk[p]!]!++; totalBrk += brk[p]!; totalIdle += idle[p]!;
    }
  };
  const restore = () => {
    parts.forEach((p, i) => {
      hist[brk[p]!]!--; totalBrk -= brk[p]!; totalIdle -= idle[p]!;
      brk[p] = savedBrk[i]!;
      idle[p] = savedIdle[i]!;
      hist[brk[p]!]!++; totalBrk += brk[p]!; totalIdle += idle[p]!;
    });
  };
  const reset = () => {
    for (const m of chain) mark[m] = 0;
    for (const p of parts) pmark[p] = 0;
    chain.length = 0;
    parts.length = 0;
    oldSlot.length = 0;
  };

  const t0 = opt.t0 ?? T0;
  const t1 = opt.t1 ?? T1;
  const focus = opt.focus ?? 0;
  // Pinned meetings never move: draw only among the others.
  const movable: number[] = [];
  for (let r = 0; r < R; r++) if (lists[r]!.length > 1) movable.push(r);
  let cur = cost();
  // Three tiers of "best": fair and feasible, else feasible, else least cost.
  const tier = () => (hardCost() > 0 ? 2 : spread() > 0 ? 1 : 0);
  let bestTier = tier();
  let best = cur;
  const bestSlot = Int32Array.from(slot);
  for (let it = 0; it < opt.iterations && !(bestTier === 0 && best === 0); it++) {
    const T = t0 * Math.pow(t1 / t0, it / opt.iterations);
    reset();
    let slotsTouched0: number, slotsTouched1 = -1;
    let over0: number;
    const w0 = waiting;
    let prec0: number;
    const evicted: number[] = [];
    let inserted = -1;
    if (waitList.length > 0 && opt.rand() < P_INSERT) {
      // Insert a waiting meeting, evicting what its participants have in that slot.
      const wi = Math.floor(opt.rand() * waitList.length);
      const r = waitList[wi]!;
      const list = lists[r]!;
      const s = list[Math.floor(opt.rand() * list.length)]!;
      slotsTouched0 = s;
      over0 = overflowAt(s);
      const ma = occ[pr.ra[r]! * S + s]!;
      const mb = occ[pr.rb[r]! * S + s]!;
      if (ma >= 0) { mark[ma] = 1; chain.push(ma); }
      if (mb >= 0 && !mark[mb]) { mark[mb] = 1; chain.push(mb); }
      chain.push(r); mark[r] = 1;
      prec0 = anyPrec ? precOf() : 0;
      for (const m of chain) { touch(pr.ra[m]!); touch(pr.rb[m]!); }
      for (const m of chain) if (m !== r) { lift(m); evicted.push(m); }
      put(r, s);
      inserted = r;
      waiting += evicted.length - 1;
    } else {
      if (movable.length === 0) continue;
      let r = movable[Math.floor(opt.rand() * movable.length)]!;
      let t = -1;
      if (opt.rand() < focus) {
        // Aimed move: a participant with a break; one of its meetings goes next to another one.
        const p = opt.rand() < 0.5 ? pr.ra[r]! : pr.rb[r]!;
        if (brk[p]! > 0) {
          const mine = ctx.reqsOf[p]!;
          r = mine[Math.floor(opt.rand() * mine.length)]!;
          const o = mine[Math.floor(opt.rand() * mine.length)]!;
          if (slot[o]! >= 0) t = slot[o]! + (opt.rand() < 0.5 ? -1 : 1);
        }
      }
      const s = slot[r]!;
      if (s < 0) continue;
      const list = lists[r]!;
      if (list.length < 2) continue;
      if (t < 0 || t >= S || !ok[r * S + t]) t = list[Math.floor(opt.rand() * list.length)]!;
      if (t === s) continue;
      // Build the Kempe chain between s and t.
      chain.push(r); mark[r] = 1;
      let feasible = true;
      for (let i = 0; i < chain.length && feasible; i++) {
        const m = chain[i]!;
        const y = slot[m] === s ? t : s;
        if (!ok[m * S + y]) feasible = false;
        const qa = occ[pr.ra[m]! * S + y]!;
        if (qa >= 0 && !mark[qa]) { mark[qa] = 1; chain.push(qa); }
        const qb = occ[pr.rb[m]! * S + y]!;
        if (qb >= 0 && !mark[qb]) { mark[qb] = 1; chain.push(qb); }
      }
      if (!feasible || chain.length > 40) continue;
      slotsTouched0 = s; slotsTouched1 = t;
      over0 = overflowAt(s) + overflowAt(t);
      prec0 = anyPrec ? precOf() : 0;
      for (const m of chain) { touch(pr.ra[m]!); touch(pr.rb[m]!); oldSlot.push(slot[m]!); }
      for (const m of chain) lift(m);
      chain.forEach((m, i) => put(m, oldSlot[i] === s ? t : s));
    }
    overflow += overflowAt(slotsTouched0) + (slotsTouched1 >= 0 ? overflowAt(slotsTouched1) : 0) - over0;
    if (anyPrec) prec += precOf() - prec0;
    rescore();
    const next = cost();
    const d = next - cur;
    if (d <= 0 || opt.rand() < Math.exp(-d / T)) {
      cur = next;
      if (inserted >= 0) {
        const i = waitList.indexOf(inserted);
        waitList[i] = waitList[waitList.length - 1]!;
        waitList.pop();
        for (const m of evicted) waitList.push(m);
      }
      const k = tier();
      if (k < bestTier || (k === bestTier && cur < best)) { bestTier = k; best = cur; bestSlot.set(slot); }
    } else {
      // Undo.
      const p1 = anyPrec ? precOf() : 0;
      const o1 = overflowAt(slotsTouched0) + (slotsTouched1 >= 0 ? overflowAt(slotsTouched1) : 0);
      if (inserted >= 0) {
        lift(inserted);
        for (const m of evicted) put(m, slotsTouched0);
        waiting = w0;
      } else {
        for (const m of chain) lift(m);
        chain.forEach((m, i) => put(m, oldSlot[i]!));
      }
      overflow += overflowAt(slotsTouched0) + (slotsTouched1 >= 0 ? overflowAt(slotsTouched1) : 0) - o1;
      if (anyPrec) prec += precOf() - p1;
      restore();
    }
  }
  reset();
  // Report on the best assignment.
  for (let r = 0; r < R; r++) if (slot[r]! >= 0) lift(r);
  let placedAll = true;
  for (let r = 0; r < R; r++) { if (bestSlot[r]! >= 0) put(r, bestSlot[r]!); else placedAll = false; }
  let breaks = 0, maxB = 0, minB = Infinity;
  for (let p = 0; p < P; p++) { if (!has[p]) continue; scan(p); breaks += brk[p]!; maxB = Math.max(maxB, brk[p]!); minB = Math.min(minB, brk[p]!); }
  let over = 0;
  for (let s = 0; s < S; s++) over += overflowAt(s);
  let pv = 0;
  for (let r = 0; r < R; r++) for (const q of pr.preds[r]!) pv += pairViol(q, r);
  return { slots: Int32Array.from(slot), feasible: placedAll && over === 0 && pv === 0, breaks, maxBreaks: maxB, minBreaks: minB === Infinity ? 0 : minB };
}
