// Upper bounds on the scheduled weight, solved with HiGHS (WASM).
// lpBound (the LP relaxation) lives with the engine (src/features/matchmaking/engine/bound.ts) so
// the app can show a run's ratio to it; it is re-exported here for the benchmarks.
// exactModel: the full time-indexed MIP (one binary per request and allowed
//   slot) with every hard constraint, for small instances under a time limit.
import { getHighs } from "../../src/features/matchmaking/engine/bound";
import { allowed, makeContext } from "../../src/features/matchmaking/engine/greedy";
import type { Problem } from "../../src/features/matchmaking/engine/problem";
import { seededRandom } from "../../src/platform/random";

export { lpBound } from "../../src/features/matchmaking/engine/bound";

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
