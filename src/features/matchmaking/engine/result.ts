// From working state to the output format: table numbers, reason codes for
// every unscheduled request, and the objective figures.
import { allowed, type Context } from "./greedy";
import { staticOk, type Problem } from "./problem";
import type { ReasonCode, ScheduleOutput } from "./schema";
import type { State } from "./state";

/** Why r is not scheduled in the final state (first blocking cause, see docs/scheduler.md). */
export function reasonFor(pr: Problem, st: State, r: number): ReasonCode {
  const S = pr.S;
  const a = pr.ra[r]!;
  const b = pr.rb[r]!;
  let common = false;
  let staticInterp = 0;
  let staticTable = 0;
  let anyStatic = false;
  for (let s = 0; s < S; s++) {
    if (pr.avail[a * S + s] && pr.avail[b * S + s] && (pr.pin[r]! < 0 || pr.pin[r] === s) && pr.forbidden.get(r)?.[s] !== 1) {
      common = true;
      const l = pr.lang[r]!;
      // A slot with no interpreter of the language at all, else no table at all.
      if (l >= 0 && pr.interp[l * S + s] === 0) staticInterp++;
      else if (pr.needsTable[r] && pr.tables[s] === 0) staticTable++;
      else anyStatic = true;
    }
  }
  if (!common) return "no_common_slot";
  if (!anyStatic) return staticInterp >= staticTable ? "no_interpreter" : "no_table";
  let tableOnly = false;
  let interpOnly = false;
  let prec = false;
  for (let s = 0; s < S; s++) {
    if (!staticOk(pr, r, s)) continue;
    const d = pr.slotDay[s]!;
    const partBlocked =
      st.occ[a * S + s]! >= 0 || st.occ[b * S + s]! >= 0 ||
      st.dayCount[a * pr.D + d]! >= pr.dayCap[a * pr.D + d]! ||
      st.dayCount[b * pr.D + d]! >= pr.dayCap[b * pr.D + d]!;
    if (partBlocked) continue;
    if (!st.precedenceOk(r, s)) { prec = true; continue; }
    if (pr.needsTable[r] && st.tableUsed[s]! >= pr.tables[s]!) tableOnly = true;
    else interpOnly = true;
  }
  if (tableOnly) return "no_table";
  if (interpOnly) return "no_interpreter";
  if (prec) return "precedence";
  return "participant_full";
}

export function zeroMeetingCount(ctx: Context, st: State): number {
  let n = 0;
  for (let p = 0; p < ctx.pr.P; p++) {
    if (st.count[p]! > 0) continue;
    if (ctx.reqsOf[p]!.some((r) => allowed(ctx, r).length > 0)) n++;
  }
  return n;
}

export function totalGaps(st: State): number {
  let g = 0;
  for (let p = 0; p < st.pr.P; p++) g += st.gapsOf(p);
  return g;
}

/**
 * Table numbers per slot: fixed meetings keep theirs, meetings with a
 * preferred number (repair keeps the old one) get it when free, others the
 * lowest free number.
 */
export function assignTables(st: State, prefer?: Map<number, number>): Int32Array {
  const pr = st.pr;
  const table = new Int32Array(pr.R); // 0 stall / unscheduled, k table
  for (let s = 0; s < pr.S; s++) {
    const list = st.bySlot[s]!.filter((r) => st.usesTable[r] === 1).sort((x, y) => x - y);
    const taken = new Set<number>();
    const rest: number[] = [];
    for (const r of list) {
      const want = pr.fixedTable[r]! > 0 ? pr.fixedTable[r]! : (prefer?.get(r) ?? 0);
      if (want > 0 && !taken.has(want) && want <= Math.max(pr.tables[s]!, pr.fixedTable[r]!)) {
        taken.add(want);
        table[r] = want;
      } else rest.push(r);
    }
    let next = 1;
    for (const r of rest) {
      while (taken.has(next)) next++;
      table[r] = next;
      taken.add(next);
    }
  }
  return table;
}

/** skip: requests that no longer exist (cancelled in a repair session). */
export function buildOutput(ctx: Context, st: State, seed: number, prefer?: Map<number, number>, skip?: Set<number>): ScheduleOutput {
  const pr = ctx.pr;
  const table = assignTables(st, prefer);
  const meetings: ScheduleOutput["meetings"] = [];
  for (let s = 0; s < pr.S; s++) {
    const list = st.bySlot[s]!.slice().sort((x, y) => x - y);
    for (const r of list) {
      meetings.push({ request: pr.input.requests[r]!.id, slot: pr.slotIds[s]!, table: st.usesTable[r] ? table[r]! : "stall" });
    }
  }
  const unscheduled: ScheduleOutput["unscheduled"] = [];
  for (let r = 0; r < pr.R; r++) {
    if (st.slotOf[r]! < 0 && !skip?.has(r)) unscheduled.push({ request: pr.input.requests[r]!.id, reason: reasonFor(pr, st, r) });
  }
  return {
    version: 1,
    seed,
    meetings,
    unscheduled,
    stats: {
      requests: pr.R - (skip?.size ?? 0),
      scheduled: st.scheduled,
      weight: Math.round(st.weight * 1e6) / 1e6,
      zeroMeeting: zeroMeetingCount(ctx, st),
      gaps: totalGaps(st),
    },
  };
}
