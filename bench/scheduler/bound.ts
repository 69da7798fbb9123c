// Upper bounds on the scheduled weight, solved with HiGHS (WASM).
// lpBound: maximum-weight b-matching relaxation (issue 5): x_r in [0,1] per
//   request, each participant at most its capacity (sum over days of
//   min(day cap, available slots that day)), pooled-table meetings at most the
//   total tables over all slots, interpreted meetings at most the interpreters
//   of their language over all slots. Requests with no allowed slot are 0.
// exactModel: the full time-indexed MIP (one binary per request and allowed
//   slot) with every hard constraint, for small instances under a time limit.
import highsLoader from "highs";
import { allowed, makeContext } from "../../src/features/matchmaking/engine/greedy";
import type { Problem } from "../../src/features/matchmaking/engine/problem";
import { seededRandom } from "../../src/platform/random";

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let solver: Highs | null = null;
async function getHighs(): Promise<Highs> {
  solver ??= await highsLoader();
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

/** Exact time-indexed model (weight only) with HiGHS under a time limit. */
export async function exactModel(pr: Problem, timeLimit: number): Promise<{ status: string; objective: number; dualBound: number | null; ms: number }> {
  const t0 = performance.now();
  const ctx = makeContext(pr, seededRandom(1));
  const S = pr.S;
  const v = (r: number, s: number) => `y${r}_${s}`;
  const lines: string[] = ["Maximize", " obj:"];
  const vars: string[] = [];
  const byPartSlot = new Map<number, string[]>();
  const byPartDay = new Map<number, string[]>();
  const bySlot: string[][] = Array.from({ length: S }, () => []);
  const byLangSlot = new Map<number, string[]>();
  const push = (m: Map<number, string[]>, k: number, x: string) => { const l = m.get(k); if (l) l.push(x); else m.set(k, [x]); };
  for (let r = 0; r < pr.R; r++) {
    const al = pr.fixedSlot[r]! >= 0 ? Int32Array.of(pr.fixedSlot[r]!) : allowed(ctx, r);
    for (const s of al) {
      const x = v(r, s);
      vars.push(x);
      lines.push(` + ${pr.weight[r]} ${x}`);
      for (const p of [pr.ra[r]!, pr.rb[r]!]) {
        push(byPartSlot, p * S + s, x);
        push(byPartDay, p * pr.D + pr.slotDay[s]!, x);
      }
      if (pr.needsTable[r] && !(pr.fixedSlot[r]! >= 0 && pr.fixedTable[r] === 0)) bySlot[s]!.push(x);
      if (pr.lang[r]! >= 0) push(byLangSlot, pr.lang[r]! * S + s, x);
    }
  }
  lines.push("Subject To");
  for (let r = 0; r < pr.R; r++) {
    const al = pr.fixedSlot[r]! >= 0 ? [pr.fixedSlot[r]!] : [...allowed(ctx, r)];
    if (al.length > 1) rows(lines, `one${r}`, al.map((s) => v(r, s)), "<=", 1);
    if (pr.fixedSlot[r]! >= 0) rows(lines, `fix${r}`, [v(r, pr.fixedSlot[r]!)], "=", 1);
  }
  for (const [k, xs] of byPartSlot) if (xs.length > 1) rows(lines, `ps${k}`, xs, "<=", 1);
  for (const [k, xs] of byPartDay) if (xs.length > pr.dayCap[k]!) rows(lines, `pd${k}`, xs, "<=", pr.dayCap[k]!);
  for (let s = 0; s < S; s++) if (bySlot[s]!.length > pr.tables[s]!) rows(lines, `t${s}`, bySlot[s]!, "<=", pr.tables[s]!);
  for (const [k, xs] of byLangSlot) if (xs.length > pr.interp[k]!) rows(lines, `l${k}`, xs, "<=", pr.interp[k]!);
  // Precedences: if both scheduled, pred strictly earlier; modelled as y_q,t + y_r,s <= 1 for t >= s.
  let c = 0;
  for (let r = 0; r < pr.R; r++) {
    for (const q of pr.preds[r]!) {
      for (const s of allowed(ctx, r)) for (const t of allowed(ctx, q)) if (t >= s) lines.push(` pr${c++}: ${v(r, s)} + ${v(q, t)} <= 1`);
    }
  }
  lines.push("Binary");
  for (let i = 0; i < vars.length; i += 40) lines.push(" " + vars.slice(i, i + 40).join(" "));
  lines.push("End");
  const h = await getHighs();
  const res = h.solve(lines.join("\n"), { output_flag: false, time_limit: timeLimit, mip_rel_gap: 1e-4 } as never);
  const info = res as unknown as { ObjectiveValue: number; Status: string; Info?: { mip_dual_bound?: number } };
  return { status: info.Status, objective: info.ObjectiveValue, dualBound: info.Info?.mip_dual_bound ?? null, ms: Math.round(performance.now() - t0) };
}
