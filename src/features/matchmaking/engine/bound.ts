// Upper bound on the scheduled weight of a run, solved with HiGHS (WASM): the
// maximum-weight b-matching relaxation (issue 5). x_r in [0,1] per request, each
// participant at most its capacity (sum over days of min(day cap, available
// slots that day)), pooled-table meetings at most the total tables over all
// slots, interpreted meetings at most the interpreters of their language over
// all slots. Requests with no allowed slot are 0; fixed ones are 1. The app
// shows a run's weight against it (b2b runs); the benchmark compares with it.
// Pure computation (no I/O beyond loading the solver's WASM once per process).
import highsLoader from "highs";
import { allowed, makeContext } from "./greedy";
import { compile, type Problem } from "./problem";
import { scheduleInputSchema, type ScheduleInputRaw } from "./schema";
import { seededRandom } from "../../../platform/random";

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let solver: Promise<Highs> | null = null;
/** The HiGHS solver, loaded once. */
export function getHighs(): Promise<Highs> {
  solver ??= highsLoader();
  return solver;
}

function capacity(pr: Problem, p: number): number {
  let cap = 0;
  for (let d = 0; d < pr.D; d++) {
    let n = 0;
    for (let s = 0; s < pr.S; s++) if (pr.slotDay[s] === d && pr.avail[p * pr.S + s]) n++;
    cap += Math.min(n, pr.dayCap[p * pr.D + d]!);
  }
  return cap;
}

function rows(lines: string[], name: string, terms: string[], op: string, rhs: number): void {
  if (terms.length === 0) return;
  // LP format lines should stay short; wrap every 50 terms.
  let line = ` ${name}:`;
  for (let i = 0; i < terms.length; i++) {
    line += ` + ${terms[i]}`;
    if (i % 50 === 49) { lines.push(line); line = ""; }
  }
  lines.push(`${line} ${op} ${rhs}`);
}

/** The LP relaxation bound of a compiled problem. */
export async function lpBound(pr: Problem): Promise<{ bound: number; ms: number; status: string }> {
  const t0 = performance.now();
  const ctx = makeContext(pr, seededRandom(1));
  const live: number[] = [];
  for (let r = 0; r < pr.R; r++) if (allowed(ctx, r).length > 0 || pr.fixedSlot[r]! >= 0) live.push(r);
  const lines: string[] = ["Maximize", " obj:"];
  for (const r of live) lines.push(` + ${pr.weight[r]} x${r}`);
  lines.push("Subject To");
  const byPart: string[][] = Array.from({ length: pr.P }, () => []);
  const table: string[] = [];
  const byLang: string[][] = Array.from({ length: pr.L }, () => []);
  for (const r of live) {
    byPart[pr.ra[r]!]!.push(`x${r}`);
    byPart[pr.rb[r]!]!.push(`x${r}`);
    if (pr.needsTable[r]) table.push(`x${r}`);
    if (pr.lang[r]! >= 0) byLang[pr.lang[r]!]!.push(`x${r}`);
  }
  for (let p = 0; p < pr.P; p++) {
    const cap = capacity(pr, p);
    if (byPart[p]!.length > cap) rows(lines, `p${p}`, byPart[p]!, "<=", cap);
  }
  let tables = 0;
  for (let s = 0; s < pr.S; s++) tables += pr.tables[s]!;
  rows(lines, "tables", table, "<=", tables);
  for (let l = 0; l < pr.L; l++) {
    let n = 0;
    for (let s = 0; s < pr.S; s++) n += pr.interp[l * pr.S + s]!;
    rows(lines, `lang${l}`, byLang[l]!, "<=", n);
  }
  lines.push("Bounds");
  for (const r of live) lines.push(pr.fixedSlot[r]! >= 0 ? ` x${r} = 1` : ` 0 <= x${r} <= 1`);
  lines.push("End");
  const h = await getHighs();
  const res = h.solve(lines.join("\n"), { output_flag: false } as never);
  return { bound: res.ObjectiveValue, ms: Math.round(performance.now() - t0), status: res.Status };
}

const MAX_COLUMNS = 600_000;

/** A tighter upper bound for "best schedule" runs (issue #16 item 2): the LP relaxation of the
 *  time-indexed model, one variable per request and allowed slot in [0, 1], with every capacity
 *  per slot (a participant in one meeting per slot, tables and interpreters per slot) and per day
 *  (day caps). Precedences are left out, which can only raise the bound, so it stays valid. Never
 *  above `lpBound` in theory; the caller takes the smaller of the two. Much larger than `lpBound`
 *  (requests × slots columns): seconds at the showcase's size, so it runs in the scheduler's worker
 *  thread, and answers null when HiGHS does not prove it optimal within `timeLimitSec`. */
export async function timeIndexedBound(pr: Problem, timeLimitSec: number, solverOptions: Record<string, unknown> = {}): Promise<{ bound: number | null; ms: number; status: string }> {
  const t0 = performance.now();
  // Beyond this many columns the model alone is hundreds of MB of text and HiGHS does not finish
  // in any budget we offer (at 240,000 it did not in 30 s): answer at once rather than try.
  if (pr.R * pr.S > MAX_COLUMNS) return { bound: null, ms: 0, status: "too_large" };
  const ctx = makeContext(pr, seededRandom(1));
  const S = pr.S;
  const lines: string[] = ["Maximize", " obj:"];
  const bounds: string[] = [];
  const byPartSlot = new Map<number, string[]>();
  const byPartDay = new Map<number, string[]>();
  const bySlot: string[][] = Array.from({ length: S }, () => []);
  const byLangSlot = new Map<number, string[]>();
  const one: string[][] = [];
  const push = (m: Map<number, string[]>, k: number, x: string) => {
    const l = m.get(k);
    if (l) l.push(x);
    else m.set(k, [x]);
  };
  for (let r = 0; r < pr.R; r++) {
    const fixed = pr.fixedSlot[r]! >= 0;
    const slots = fixed ? Int32Array.of(pr.fixedSlot[r]!) : allowed(ctx, r);
    const xs: string[] = [];
    for (const s of slots) {
      const x = `y${r}_${s}`;
      xs.push(x);
      lines.push(` + ${pr.weight[r]} ${x}`);
      bounds.push(fixed ? ` ${x} = 1` : ` 0 <= ${x} <= 1`);
      for (const p of [pr.ra[r]!, pr.rb[r]!]) {
        push(byPartSlot, p * S + s, x);
        push(byPartDay, p * pr.D + pr.slotDay[s]!, x);
      }
      if (pr.needsTable[r] && !(fixed && pr.fixedTable[r] === 0)) bySlot[s]!.push(x);
      if (pr.lang[r]! >= 0) push(byLangSlot, pr.lang[r]! * S + s, x);
    }
    if (xs.length > 1) one.push(xs);
  }
  lines.push("Subject To");
  one.forEach((xs, i) => rows(lines, `one${i}`, xs, "<=", 1));
  for (const [k, xs] of byPartSlot) if (xs.length > 1) rows(lines, `ps${k}`, xs, "<=", 1);
  for (const [k, xs] of byPartDay) if (xs.length > pr.dayCap[k]!) rows(lines, `pd${k}`, xs, "<=", pr.dayCap[k]!);
  for (let s = 0; s < S; s++) if (bySlot[s]!.length > pr.tables[s]!) rows(lines, `t${s}`, bySlot[s]!, "<=", pr.tables[s]!);
  for (const [k, xs] of byLangSlot) if (xs.length > pr.interp[k]!) rows(lines, `l${k}`, xs, "<=", pr.interp[k]!);
  lines.push("Bounds");
  for (const b of bounds) lines.push(b); // one at a time: a spread of 100,000 arguments overflows the stack
  lines.push("End");
  const h = await getHighs();
  const res = h.solve(lines.join("\n"), { output_flag: false, time_limit: timeLimitSec, ...solverOptions } as never);
  const ms = Math.round(performance.now() - t0);
  return { bound: res.Status === "Optimal" ? res.ObjectiveValue : null, ms, status: res.Status };
}

/** `timeIndexedBound` of a raw input (the scheduler's worker thread calls this after the schedule). */
export function timeIndexedBoundOf(raw: ScheduleInputRaw, timeLimitSec: number) {
  return timeIndexedBound(compile(scheduleInputSchema.parse(raw)), timeLimitSec);
}
