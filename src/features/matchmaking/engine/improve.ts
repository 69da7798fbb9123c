// Local search after construction. Each move strictly improves the
// lexicographic objective (zero-meeting participants, then weight, then gaps),
// so the search always terminates; a deterministic work budget bounds it.
import { allowed, bestSlot, slotCost, type Context } from "./greedy";
import type { State } from "./state";

type Undo = { r: number; from: number }[];

function rollback(st: State, undo: Undo): void {
  for (let i = undo.length - 1; i >= 0; i--) {
    const u = undo[i]!;
    st.remove(u.r);
    if (u.from >= 0) st.place(u.r, u.from);
  }
}

/** Meetings at s that must leave for r to fit there (besides r's own participants' meetings). */
function capacityBlockers(st: State, r: number, s: number): number[] {
  const pr = st.pr;
  const out: number[] = [];
  const list = st.bySlot[s]!;
  const needTable = st.usesTable[r] === 1 && st.tableUsed[s]! >= pr.tables[s]!;
  const l = pr.lang[r]!;
  const needInterp = l >= 0 && st.interpUsed[l * pr.S + s]! >= pr.interp[l * pr.S + s]!;
  if (!needTable && !needInterp) return out;
  for (const m of list) {
    if (st.locked[m]) continue;
    if ((needTable && st.usesTable[m] === 1) || (needInterp && pr.lang[m] === l)) out.push(m);
  }
  return out;
}

/** Meetings of participant p on s's day (day cap reached), candidates to move away. */
function dayBlockers(st: State, p: number, s: number): number[] {
  const pr = st.pr;
  const d = pr.slotDay[s]!;
  if (st.dayCount[p * pr.D + d]! < pr.dayCap[p * pr.D + d]!) return [];
  const out: number[] = [];
  for (let t = 0; t < pr.S; t++) {
    if (pr.slotDay[t] !== d) continue;
    const m = st.occ[p * pr.S + t]!;
    if (m >= 0 && !st.locked[m]) out.push(m);
  }
  return out;
}

export type InsertMode = {
  eject: boolean;
  protectCoverage: boolean;
  /** With protectCoverage: participants newly covered minus those left with none must be >= this. */
  minCoverageGain?: number;
  /** Value used to judge ejections instead of r's weight (coverage moves use a huge one). */
  value?: number;
};

/**
 * Try to schedule r by moving the meetings in its way (one level of ejection
 * chain). With mode.eject, blockers that cannot be moved may be dropped when
 * their weight is lower than r's and nobody loses their only meeting.
 * Returns the meetings dropped, or null if r could not be placed.
 */
export function tryInsert(ctx: Context, st: State, r: number, mode: InsertMode): number[] | null {
  const pr = ctx.pr;
  const S = pr.S;
  const a = pr.ra[r]!;
  const b = pr.rb[r]!;
  const wr = mode.value ?? pr.weight[r]!;
  // Participants that get their first meeting if r is placed.
  const gain = (st.count[a] === 0 ? 1 : 0) + (st.count[b] === 0 ? 1 : 0);
  const minGain = mode.minCoverageGain ?? 0;
  for (const s of allowed(ctx, r)) {
    if (s < ctx.minSlot) continue;
    ctx.work += 4;
    if (!st.precedenceOk(r, s)) continue;
    const direct: number[] = [];
    const ma = st.occ[a * S + s]!;
    const mb = st.occ[b * S + s]!;
    if (ma >= 0) direct.push(ma);
    if (mb >= 0 && mb !== ma) direct.push(mb);
    if (direct.some((m) => st.locked[m] === 1)) continue;
    const undo: Undo = [];
    for (const m of direct) undo.push({ r: m, from: st.remove(m) });
    // One extra blocker for a full day, table or interpreter: pick the first that can move.
    const extras: number[] = [...dayBlockers(st, a, s), ...dayBlockers(st, b, s), ...capacityBlockers(st, r, s)];
    if (extras.length > 0 && !st.resourcesOk(r, s)) {
      let placed = false;
      for (const m of extras.slice(0, 6)) {
        const from = st.remove(m);
        if (st.resourcesOk(r, s)) {
          undo.push({ r: m, from });
          placed = true;
          break;
        }
        st.place(m, from);
      }
      if (!placed) { rollback(st, undo); continue; }
    }
    if (!st.resourcesOk(r, s)) { rollback(st, undo); continue; }
    st.place(r, s);
    undo.push({ r, from: -1 });
    const dropped: number[] = [];
    let lost = 0;
    let losses = 0;
    let ok = true;
    for (const u of undo) {
      if (u.r === r) continue;
      const t = bestSlot(ctx, st, u.r, u.from);
      if (t >= 0) {
        st.place(u.r, t);
        continue;
      }
      lost += pr.weight[u.r]!;
      if (!mode.eject || lost >= wr) { ok = false; break; }
      if (st.count[pr.ra[u.r]!] === 0) losses++;
      if (st.count[pr.rb[u.r]!] === 0) losses++;
      if (mode.protectCoverage && gain - losses < minGain) { ok = false; break; }
      dropped.push(u.r);
    }
    if (ok && mode.protectCoverage && gain - losses < minGain) ok = false;
    if (!ok) {
      // Undo relocations too: everything back to where it was.
      for (const u of undo) st.remove(u.r);
      for (const u of undo) if (u.from >= 0) st.place(u.r, u.from);
      continue;
    }
    return dropped;
  }
  return null;
}

/** Insert unscheduled requests, best weight first, until no progress or budget spent. */
export function fillUnscheduled(ctx: Context, st: State, budget: number, candidates?: number[]): void {
  const pr = ctx.pr;
  const limit = ctx.work + budget;
  let pool = candidates ?? Array.from({ length: pr.R }, (_, r) => r);
  for (let round = 0; round < 3; round++) {
    pool = pool.filter((r) => st.slotOf[r]! < 0 && allowed(ctx, r).length > 0);
    pool.sort((x, y) => pr.weight[y]! - pr.weight[x]! || x - y);
    let progress = false;
    for (const r of pool) {
      if (ctx.work > limit) return;
      if (st.slotOf[r]! >= 0) continue;
      const s = bestSlot(ctx, st, r);
      if (s >= 0) { st.place(r, s); progress = true; continue; }
      const dropped = tryInsert(ctx, st, r, { eject: true, protectCoverage: true });
      if (dropped) { progress = true; for (const d of dropped) pool.push(d); }
    }
    if (!progress) return;
  }
}

/** Give a meeting to participants that have feasible requests but none scheduled. */
export function coverZeroes(ctx: Context, st: State, budget: number): void {
  const pr = ctx.pr;
  const limit = ctx.work + budget;
  for (let p = 0; p < pr.P; p++) {
    if (st.count[p]! > 0 || ctx.work > limit) continue;
    const reqs = ctx.reqsOf[p]!.filter((r) => allowed(ctx, r).length > 0);
    reqs.sort((x, y) => pr.weight[y]! - pr.weight[x]! || x - y);
    for (const r of reqs) {
      // Ejecting is fine here even at a weight loss (coverage comes first), as long as
      // nobody else loses their only meeting: tryInsert protects that.
      const dropped = tryInsert(ctx, st, r, { eject: true, protectCoverage: true, minCoverageGain: 1, value: Infinity });
      if (dropped) break;
    }
  }
}

/** Move single meetings to slots that lower the participants' total gaps. */
export function compactGaps(ctx: Context, st: State, passes: number, budget: number): void {
  const pr = ctx.pr;
  const limit = ctx.work + budget;
  for (let pass = 0; pass < passes; pass++) {
    let improved = 0;
    for (let r = 0; r < pr.R; r++) {
      if (ctx.work > limit) return;
      const s = st.slotOf[r]!;
      if (s < 0 || st.locked[r]) continue;
      const a = pr.ra[r]!;
      const b = pr.rb[r]!;
      const ga = st.gapDeltaRemove(a, s) + st.gapDeltaRemove(b, s);
      // Only meetings that sit apart from their neighbours can gain anything.
      if (ga === 0 && adjacentBoth(st, a, b, s)) continue;
      st.remove(r);
      let best = s;
      let bestDelta = 0;
      const list = allowed(ctx, r);
      ctx.work += list.length;
      for (const t of list) {
        if (t === s || slotCost(ctx, st, r, t) === Infinity) continue;
        const delta = ga + st.gapDeltaAdd(a, t) + st.gapDeltaAdd(b, t);
        if (delta < bestDelta) { bestDelta = delta; best = t; }
      }
      st.place(r, best);
      if (best !== s) improved++;
    }
    if (improved === 0) return;
  }
}

function adjacentBoth(st: State, a: number, b: number, s: number): boolean {
  const pr = st.pr;
  const near = (p: number) => {
    const base = p * pr.S;
    const left = !pr.slotFirstOfDay[s] && st.occ[base + s - 1]! >= 0;
    const right = s + 1 < pr.S && pr.slotDay[s + 1] === pr.slotDay[s] && st.occ[base + s + 1]! >= 0;
    return left || right;
  };
  return near(a) && near(b);
}
