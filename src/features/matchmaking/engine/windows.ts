// Zero-break windows. With no break, a participant's n meetings fill n
// consecutive slots of one day, all available to it: a "window". So each
// meeting can only go where the windows of its two participants can overlap.
// This module narrows every meeting's slots by that reasoning (bounds
// propagation to a fixpoint: window starts <-> meeting slots <-> precedences
// <-> pinned slots taken from the participant's other meetings). The break
// pass searches inside these domains first: far fewer slots to try, and every
// clash-free full assignment inside them has no break for the participants
// that were constrained.
//
// A participant with no possible window (e.g. forbidden slots in the middle of
// what it needs) is left free: it must have a break anyway, and its meetings
// keep their full slot lists (its partners' windows still narrow them).
import { allowed, type Context } from "./greedy";

export type Windows = {
  /** R*S flags: meeting r may go to slot s. */
  mask: Uint8Array;
  /** Participants with no zero-break window (left unconstrained). */
  free: number[];
  /** False when propagation emptied a meeting's domain: no schedule gives every constrained participant zero breaks. */
  consistent: boolean;
  /**
   * Breaks any schedule that places every meeting must have: one per
   * participant with no window at all, plus one when assuming all the others
   * have none leads to a contradiction (a domain emptied, or another
   * participant lost all its windows).
   */
  lowerBound: number;
};

export function zeroBreakWindows(ctx: Context): Windows {
  const { pr } = ctx;
  const { S, P, R } = pr;
  const mask = new Uint8Array(R * S);
  for (let r = 0; r < R; r++) for (const s of allowed(ctx, r)) mask[r * S + s] = 1;
  const n = ctx.reqsOf.map((l) => l.length);
  const isFree = new Uint8Array(P);
  // cover[p*S+s] = 1 when some still-possible window of p contains s.
  const cover = new Uint8Array(P * S);
  const windowOk = (p: number, a: number) => {
    const e = a + n[p]! - 1;
    if (e >= S || pr.slotDay[a] !== pr.slotDay[e]) return false;
    for (let s = a; s <= e; s++) if (!pr.avail[p * S + s]) return false;
    for (const m of ctx.reqsOf[p]!) {
      let hit = false;
      for (let s = a; s <= e && !hit; s++) if (mask[m * S + s]) hit = true;
      if (!hit) return false;
    }
    return true;
  };
  const recover = (p: number): boolean => {
    // Recompute p's cover from its surviving windows; true if it changed.
    const base = p * S;
    const next = new Uint8Array(S);
    let any = false;
    for (let a = 0; a < S; a++) {
      if (!windowOk(p, a)) continue;
      any = true;
      for (let s = a; s < a + n[p]!; s++) next[s] = 1;
    }
    if (!any) { isFree[p] = 1; next.fill(1); }
    let changed = false;
    for (let s = 0; s < S; s++) if (cover[base + s] !== next[s]) { cover[base + s] = next[s]!; changed = true; }
    return changed;
  };
  let consistent = true;
  for (let p = 0; p < P; p++) if (n[p]! > 0) recover(p);
  let staticFree = 0;
  for (let p = 0; p < P; p++) staticFree += isFree[p]!;
  const prune = (m: number, keep: (s: number) => boolean): boolean => {
    let changed = false;
    let left = 0;
    for (let s = 0; s < S; s++) {
      const k = m * S + s;
      if (!mask[k]) continue;
      if (keep(s)) left++;
      else { mask[k] = 0; changed = true; }
    }
    if (left === 0) consistent = false;
    return changed;
  };
  const lo = (m: number) => { for (let s = 0; s < S; s++) if (mask[m * S + s]) return s; return S; };
  const hi = (m: number) => { for (let s = S - 1; s >= 0; s--) if (mask[m * S + s]) return s; return -1; };
  const single = (m: number) => { const a = lo(m); return a === hi(m) ? a : -1; };
  // Bounded fixpoint loop (each round only removes slots, so it terminates anyway).
  for (let round = 0; round < 50 && consistent; round++) {
    let changed = false;
    for (let m = 0; m < R && consistent; m++) {
      const a = pr.ra[m]!, b = pr.rb[m]!;
      if (prune(m, (s) => cover[a * S + s] === 1 && cover[b * S + s] === 1)) changed = true;
      // Precedences: strictly after every predecessor's earliest slot, before every successor's latest.
      for (const q of pr.preds[m]!) { const l = lo(q); if (prune(m, (s) => s > l)) changed = true; }
      for (const q of pr.succs[m]!) { const h = hi(q); if (prune(m, (s) => s < h)) changed = true; }
    }
    // A meeting with one slot left takes that slot from its participants' other meetings.
    for (let m = 0; m < R && consistent; m++) {
      const s = single(m);
      if (s < 0) continue;
      for (const p of [pr.ra[m]!, pr.rb[m]!]) for (const o of ctx.reqsOf[p]!) {
        if (o !== m && mask[o * S + s]) { mask[o * S + s] = 0; changed = true; if (lo(o) === S) consistent = false; }
      }
    }
    for (let p = 0; p < P; p++) if (n[p]! > 0 && !isFree[p] && recover(p)) changed = true;
    if (!changed) break;
  }
  const free: number[] = [];
  for (let p = 0; p < P; p++) if (isFree[p]) free.push(p);
  return { mask, free, consistent, lowerBound: staticFree + (!consistent || free.length > staticFree ? 1 : 0) };
}
