// The 0-1 models of the complete mode, written in the LP format HiGHS reads.
// x{i}_{s} = 1 when meeting i takes slot s (only for slots in its domain).
// Phase 1 maximises the meetings placed; phase 2 places a fixed set of
// meetings and minimises breaks: busy(p,s) is the sum of p's x in slot s,
// u{p}_{s} = 1 exactly when p starts a run of meetings at s (busy now, idle in
// the slot before on the same day), a{p}_{d} = 1 exactly when p meets on day
// d; p's breaks are its run starts minus its days. u and a are continuous:
// the constraints make them 0/1 whenever x is.
import { dayOf, domains, tablesAt, type CompleteInput } from "./problem";

export const xName = (i: number, s: number) => `x${i}_${s}`;

class Lp {
  readonly rows: string[] = [];
  private n = 0;
  row(terms: [number, string][], op: "<=" | ">=" | "=", rhs: number): void {
    if (terms.length === 0) return;
    let line = ` c${this.n++}:`;
    terms.forEach(([c, v], k) => {
      line += ` ${c < 0 ? "-" : "+"} ${Math.abs(c) === 1 ? "" : `${Math.abs(c)} `}${v}`;
      if (k % 40 === 39) { this.rows.push(line); line = " "; }
    });
    this.rows.push(`${line} ${op} ${rhs}`);
  }
}

function objective(terms: [number, string][]): string[] {
  const out: string[] = [" obj:"];
  terms.forEach(([c, v], k) => {
    out[out.length - 1] += ` ${c < 0 ? "-" : "+"} ${Math.abs(c) === 1 ? "" : `${Math.abs(c)} `}${v}`;
    if (k % 40 === 39) out.push(" ");
  });
  return out;
}

type Base = { lp: Lp; xs: string[]; dom: number[][]; byPs: Map<number, [number, string][]>[] };

/** Placement rules over the meetings in `keep` (all when omitted). */
function placement(input: CompleteInput, keep: Set<number> | null): Base {
  const dom = domains(input);
  const lp = new Lp();
  const xs: string[] = [];
  const byPs: Map<number, [number, string][]>[] = Array.from({ length: input.participants }, () => new Map());
  const bySlot: [number, string][][] = Array.from({ length: input.slots }, () => []);
  input.meetings.forEach((m, i) => {
    if (keep && !keep.has(i)) return;
    const row: [number, string][] = [];
    for (const s of dom[i]!) {
      const v = xName(i, s);
      xs.push(v);
      row.push([1, v]);
      bySlot[s]!.push([1, v]);
      for (const p of [m.a, m.b]) {
        const l = byPs[p]!.get(s) ?? [];
        l.push([1, v]);
        byPs[p]!.set(s, l);
      }
    }
    lp.row(row, keep ? "=" : "<=", 1);
  });
  for (const ps of byPs) for (const terms of ps.values()) if (terms.length > 1) lp.row(terms, "<=", 1);
  bySlot.forEach((terms, s) => { if (terms.length > tablesAt(input, s)) lp.row(terms, "<=", tablesAt(input, s)); });
  // q strictly before i: for every t, q at or after t and i at or before t exclude each other.
  input.meetings.forEach((m, i) => {
    if (keep && !keep.has(i)) return;
    for (const q of m.after ?? []) {
      if (keep && !keep.has(q)) continue;
      const dq = dom[q]!, di = dom[i]!;
      if (!dq.length || !di.length) continue;
      for (let t = Math.min(...di); t <= Math.max(...dq); t++) {
        const terms: [number, string][] = [
          ...dq.filter((s) => s >= t).map((s): [number, string] => [1, xName(q, s)]),
          ...di.filter((s) => s <= t).map((s): [number, string] => [1, xName(i, s)]),
        ];
        lp.row(terms, "<=", 1);
      }
    }
  });
  return { lp, xs, dom, byPs };
}

function text(obj: "Maximize" | "Minimize", o: string[], lp: Lp, bounds: string[], bins: string[]): string {
  const out = [obj, ...o, "Subject To", ...lp.rows, "Bounds", ...bounds, "Binary"];
  for (let k = 0; k < bins.length; k += 20) out.push(" " + bins.slice(k, k + 20).join(" "));
  out.push("End");
  return out.join("\n");
}

export function placementModel(input: CompleteInput): string {
  const b = placement(input, null);
  return text("Maximize", objective(b.xs.map((v) => [1, v])), b.lp, [], b.xs);
}

export type BreaksModel = { lp: string; xs: string[]; participants: number[] };

/**
 * Phase 2: the meetings in `keep` all placed, fewest breaks. With `fairness`
 * set, max - min breaks over participants with a meeting is at most it.
 */
export function breaksModel(input: CompleteInput, keep: Set<number>, fairness: number | null): BreaksModel {
  const b = placement(input, keep);
  const { lp } = b;
  const obj: [number, string][] = [];
  const bounds: string[] = [];
  const active: number[] = [];
  for (let p = 0; p < input.participants; p++) {
    const ps = b.byPs[p]!;
    if (ps.size === 0) continue;
    active.push(p);
    const busy = (s: number) => ps.get(s) ?? [];
    const mine: [number, string][] = [];
    const days = new Map<number, number[]>();
    for (const s of [...ps.keys()].sort((x, y) => x - y)) {
      const d = dayOf(input, s);
      days.set(d, [...(days.get(d) ?? []), s]);
      const u = `u${p}_${s}`;
      bounds.push(` 0 <= ${u} <= 1`);
      mine.push([1, u]);
      const prev = s > 0 && dayOf(input, s - 1) === d ? busy(s - 1) : [];
      // u >= busy(s) - busy(s-1); u <= busy(s); u <= 1 - busy(s-1)
      lp.row([[1, u], ...busy(s).map(([, v]): [number, string] => [-1, v]), ...prev], ">=", 0);
      lp.row([[1, u], ...busy(s).map(([, v]): [number, string] => [-1, v])], "<=", 0);
      if (prev.length) lp.row([[1, u], ...prev], "<=", 1);
    }
    for (const [d, ss] of days) {
      const a = `a${p}_${d}`;
      bounds.push(` 0 <= ${a} <= 1`);
      mine.push([-1, a]);
      for (const s of ss) lp.row([[1, a], ...busy(s).map(([, v]): [number, string] => [-1, v])], ">=", 0);
      lp.row([[1, a], ...ss.flatMap((s) => busy(s).map(([, v]): [number, string] => [-1, v]))], "<=", 0);
      // Breaks are never negative: a day with meetings has at least one run start (tightens the relaxation).
      lp.row([...ss.map((s): [number, string] => [1, `u${p}_${s}`]), [-1, a]], ">=", 0);
    }
    obj.push(...mine);
    if (fairness !== null) {
      lp.row([[1, "bmax"], ...mine.map(([c, v]): [number, string] => [-c, v])], ">=", 0);
      lp.row([[1, "bmin"], ...mine.map(([c, v]): [number, string] => [-c, v])], "<=", 0);
    }
  }
  if (fairness !== null && active.length) lp.row([[1, "bmax"], [-1, "bmin"]], "<=", fairness);
  return { lp: text("Minimize", objective(obj), lp, bounds, b.xs), xs: b.xs, participants: active };
}
