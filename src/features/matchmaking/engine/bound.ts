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
import type { Problem } from "./problem";
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
