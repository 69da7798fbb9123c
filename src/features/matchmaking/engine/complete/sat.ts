// The independent feasibility check: the placement rules written as plain
// SAT clauses and decided by MiniSat (`logic-solver`, decision 0009), with no
// code shared with the MIP model (model.ts) but the input's domains.
//  x(i,s): meeting i takes slot s, for s in its domain (window, forbidden
//  slots and pin already applied by problem.ts);
//  each kept meeting takes one slot (or, when only `atLeast` meetings must be
//  placed, at most one, and at most M - atLeast are left out);
//  a participant has at most one meeting per slot; a slot has at most its
//  tables (a lazy cardinality group, see sat-run.cjs); q before i: i in s
//  needs q in a slot before s.
// With `breaksAtMost` k it also says whether the kept meetings can all be
// placed with at most k breaks in all: busy(p,s) <-> some meeting of p in s;
// seen(p,s) <- p busy at or before s on that day; g(p,s) is forced true when
// p is busy at s, idle at s-1 and busy earlier that day (a break ends at s);
// at most k g's are true. So "0 breaks" or "at most k" is a yes/no question,
// and "no" proves a lower bound of k+1 breaks. In that question the table
// limit is counted on busy(p,s) (at most twice the tables), and a `hint`
// schedule sets where MiniSat's search starts.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { dayOf, domains, tablesAt, type CompleteInput } from "./problem";

type SatProblem = { vars: number; clauses: Int32Array; groups: { lits: number[]; bound: number }[]; eager?: boolean };
type SatAnswer = { status: "sat"; model: Uint8Array; rounds: number } | { status: "unsat"; rounds: number } | { status: "unknown" };

const runner = createRequire(import.meta.url).resolve("./sat-run.cjs");
const { solveCnf } = createRequire(import.meta.url)("./sat-run.cjs") as { solveCnf: (p: SatProblem) => SatAnswer };

export type SatQuestion = {
  /** Meetings that must all be placed (all when omitted); the others are left out of the question. */
  keep?: Set<number>;
  /** Instead of "all kept meetings placed": at least this many placed. */
  atLeast?: number;
  /** And at most this many breaks in all (with every kept meeting placed: not with `atLeast`). */
  breaksAtMost?: number;
  /**
   * A schedule to search near (slot per meeting, -1 unplaced), e.g. the fast path's: MiniSat
   * tries "false" first on every variable it decides, so the variables this schedule makes true
   * are stored negated, and the search starts from it. Changes no answer, only the search order.
   */
  hint?: ArrayLike<number>;
};

export type SatEncoding = { problem: SatProblem; decode: (model: Uint8Array) => number[] };

class Cnf {
  vars = 0;
  private readonly lits: number[] = [];
  fresh(): number { return ++this.vars; }
  add(...c: number[]): void { for (const l of c) this.lits.push(l); this.lits.push(0); }
  atMostOne(ls: number[]): void {
    if (ls.length <= 6) { for (let a = 0; a < ls.length; a++) for (let b = a + 1; b < ls.length; b++) this.add(-ls[a]!, -ls[b]!); return; }
    this.atMost(ls, 1);
  }
  /** Sequential counter (Sinz), eager. */
  atMost(ls: number[], k: number): void {
    if (k >= ls.length) return;
    if (k === 0) { for (const l of ls) this.add(-l); return; }
    let prev: number[] | null = null;
    for (const l of ls) {
      const cur = Array.from({ length: k }, () => this.fresh());
      this.add(-l, cur[0]!);
      if (prev) {
        for (let j = 0; j < k; j++) this.add(-prev[j]!, cur[j]!);
        for (let j = 1; j < k; j++) this.add(-l, -prev[j - 1]!, cur[j]!);
        this.add(-l, -prev[k - 1]!);
      }
      prev = cur;
    }
  }
  /** The clauses with the variables in `flip` negated (a satisfying model of one is one of the other with those flipped). */
  clauses(flip?: Uint8Array): Int32Array {
    if (!flip) return Int32Array.from(this.lits);
    return Int32Array.from(this.lits, (l) => (flip[Math.abs(l)] ? -l : l));
  }
}

export function encode(input: CompleteInput, q: SatQuestion = {}): SatEncoding {
  const M = input.meetings.length;
  const keep = q.keep ?? new Set(input.meetings.map((_, i) => i));
  const dom = domains(input);
  const cnf = new Cnf();
  const x = new Map<number, Map<number, number>>();
  const bySlot: number[][] = Array.from({ length: input.slots }, () => []);
  const byPs: Map<number, number[]>[] = Array.from({ length: input.participants }, () => new Map());
  const leftOut: number[] = [];
  const outOf = new Map<number, number>();
  for (let i = 0; i < M; i++) {
    if (!keep.has(i)) continue;
    const m = input.meetings[i]!;
    const row = new Map<number, number>();
    for (const s of dom[i]!) {
      const v = cnf.fresh();
      row.set(s, v);
      bySlot[s]!.push(v);
      for (const p of [m.a, m.b]) { const l = byPs[p]!.get(s) ?? []; l.push(v); byPs[p]!.set(s, l); }
    }
    x.set(i, row);
    const vs = [...row.values()];
    if (q.atLeast === undefined) cnf.add(...vs); // an empty domain gives the empty clause: no full schedule
    else { const out = cnf.fresh(); leftOut.push(out); outOf.set(i, out); cnf.add(out, ...vs); for (const v of vs) cnf.add(-v, -out); }
    cnf.atMostOne(vs);
  }
  if (q.atLeast !== undefined) {
    if (q.atLeast > keep.size) cnf.add(); // more meetings asked for than there are: the empty clause
    else cnf.atMost(leftOut, keep.size - q.atLeast);
  }
  for (const ps of byPs) for (const vs of ps.values()) cnf.atMostOne(vs);
  // Order encoding (le(i,s): meeting i is placed at slot s or earlier), used by
  // precedences and windows: bounds then travel by binary clauses.
  const T = cnf.fresh();
  cnf.add(T);
  const order = new Map<number, Map<number, number>>();
  for (const [i, row] of x) {
    const ss = [...row.keys()];
    if (ss.length === 0) continue;
    const lo = Math.min(...ss), hi = Math.max(...ss);
    const les = new Map<number, number>();
    for (let s = lo; s < hi; s++) les.set(s, cnf.fresh());
    for (let s = lo; s + 1 < hi; s++) cnf.add(-les.get(s)!, les.get(s + 1)!);
    for (const [s, v] of row) {
      if (s < hi) cnf.add(-v, les.get(s)!);
      if (s > lo) cnf.add(-v, -les.get(s - 1)!);
    }
    order.set(i, les);
  }
  const le = (i: number, s: number): number => {
    const les = order.get(i)!;
    const row = x.get(i)!;
    const ss = [...row.keys()];
    if (s < Math.min(...ss)) return -T;
    if (s >= Math.max(...ss)) return T;
    return les.get(s)!;
  };
  for (let i = 0; i < M; i++) {
    const row = x.get(i);
    if (!row || row.size === 0) continue;
    for (const p of input.meetings[i]!.after ?? []) {
      const before = x.get(p);
      if (!before || before.size === 0) continue;
      // i at s or earlier needs p at s-1 or earlier (when both take place).
      const either = [outOf.get(i), outOf.get(p)].filter((v) => v !== undefined);
      for (let s = 0; s < input.slots; s++) cnf.add(-le(i, s), s === 0 ? -T : le(p, s - 1), ...either);
    }
  }
  let groups = bySlot.map((lits, s) => ({ lits, bound: tablesAt(input, s) })).filter((g) => g.lits.length > g.bound);
  if (q.breaksAtMost !== undefined && q.atLeast !== undefined) throw new Error("sat: breaksAtMost needs every kept meeting placed");
  const hinted: number[] = [];
  if (q.breaksAtMost !== undefined) {
    const busyAt: number[][] = Array.from({ length: input.slots }, () => []);
    hinted.push(...breaks(input, cnf, byPs, keep, q.breaksAtMost, { T, le: (i, s) => (x.get(i)?.size ? le(i, s) : T), hint: q.hint, busyAt }));
    // The table limit counted on participants instead of meetings: a slot's meetings make
    // twice as many participants busy, so "at most t meetings" is "at most 2t busy". Few
    // busy literals per slot (one per participant, against one per meeting that may use
    // it), and the window reasoning moves them directly: MiniSat answers forum-14 "at
    // most 2 breaks" in a few seconds with these, in 20-50 s with the meeting counts.
    groups = busyAt.map((lits, s) => ({ lits, bound: 2 * tablesAt(input, s) })).filter((g) => g.lits.length > g.bound);
  }
  let flip: Uint8Array | undefined;
  if (q.hint) {
    flip = new Uint8Array(cnf.vars + 1);
    for (const [i, row] of x) { const v = row.get(q.hint[i] ?? -1); if (v !== undefined) flip[v] = 1; }
    for (const v of hinted) flip[v] = 1;
  }
  const f = flip;
  const lit = (l: number) => (f && f[Math.abs(l)] ? -l : l);
  // The busy counts of the breaks question are small (a few literals above the bound on
  // events whose tables are nearly all used) and bind there: encoded up front, MiniSat
  // answers tic-13.prec25 "0 breaks" in ~1 s instead of 4-6 s over several lazy rounds.
  const eager = q.breaksAtMost !== undefined;
  const problem: SatProblem = { vars: cnf.vars, clauses: cnf.clauses(f), groups: groups.map((g) => ({ lits: g.lits.map(lit), bound: g.bound })), eager };
  const decode = (model: Uint8Array) => {
    const slotOf = new Array<number>(M).fill(-1);
    for (const [i, row] of x) for (const [s, v] of row) if (model[v]! ^ (f?.[v] ?? 0)) slotOf[i] = s;
    return slotOf;
  };
  return { problem, decode };
}

/** Returns the variables the hint makes true (busy slots), for encode to store negated. */
function breaks(input: CompleteInput, cnf: Cnf, byPs: Map<number, number[]>[], keep: Set<number>, k: number, o: { T: number; le: (i: number, s: number) => number; hint?: ArrayLike<number> | undefined; busyAt: number[][] }): number[] {
  const hinted: number[] = [];
  const busyIn = new Set<string>();
  const slotsIn: number[][] = Array.from({ length: input.participants }, () => []);
  if (o.hint) for (const i of keep) {
    const s = o.hint[i] ?? -1;
    if (s < 0) continue;
    for (const p of [input.meetings[i]!.a, input.meetings[i]!.b]) { busyIn.add(`${p}:${s}`); slotsIn[p]!.push(s); }
  }
  // In the hint: p busy at or before s on s's day; the start of p's window when its n meetings fill one.
  const seenIn = (p: number, s: number) => slotsIn[p]!.some((t) => t <= s && dayOf(input, t) === dayOf(input, s));
  const windowIn = (p: number, n: number): number | null => {
    const ss = slotsIn[p]!;
    if (ss.length !== n || n === 0) return null;
    const lo = Math.min(...ss), hi = Math.max(...ss);
    return hi - lo + 1 === n && new Set(ss).size === n && dayOf(input, lo) === dayOf(input, hi) ? lo : null;
  };
  const mineOf: number[][] = Array.from({ length: input.participants }, () => []);
  for (const i of keep) { mineOf[input.meetings[i]!.a]!.push(i); mineOf[input.meetings[i]!.b]!.push(i); }
  const S = input.slots;
  const count = new Array<number>(input.participants).fill(0);
  for (const i of keep) { count[input.meetings[i]!.a]!++; count[input.meetings[i]!.b]!++; }
  const ends: number[] = [];
  const withBreak: number[] = [];
  for (let p = 0; p < input.participants; p++) {
    if (count[p] === 0) continue;
    const busy: (number | null)[] = [];
    for (let s = 0; s < S; s++) {
      const xs = byPs[p]!.get(s);
      if (!xs) { busy.push(null); continue; }
      const b = cnf.fresh();
      for (const v of xs) cnf.add(-v, b);
      cnf.add(-b, ...xs);
      busy.push(b);
      o.busyAt[s]!.push(b);
      if (busyIn.has(`${p}:${s}`)) hinted.push(b);
    }
    const mine: number[] = [];
    let seen: number | null = null;
    // With k = 0 nobody has a break: the windows below say all of it (z forced true), and
    // MiniSat answers tic-13.prec25 about twice as fast without these break-end variables.
    for (let s = 0; s < S && k > 0; s++) {
      const first = s === 0 || dayOf(input, s) !== dayOf(input, s - 1);
      if (first) seen = null;
      const b = busy[s]!;
      const prev = first ? null : busy[s - 1]!;
      if (b !== null && seen !== null) {
        // busy now, idle just before, busy earlier: a break ends here.
        const g = cnf.fresh();
        mine.push(g);
        cnf.add(-b, ...(prev !== null ? [prev] : []), -seen, g);
      }
      if (b !== null || seen !== null) {
        const nseen = cnf.fresh();
        if (b !== null) cnf.add(-b, nseen);
        if (seen !== null) cnf.add(-seen, nseen);
        seen = nseen;
        if (seenIn(p, s)) hinted.push(nseen);
      }
    }
    ends.push(...mine);
    // Redundant, for propagation (the zero-break windows of windows.ts as clauses): a
    // participant with no break (z) fills n consecutive slots of one day, its window,
    // starting at one a (w); every slot of the window is busy; at most k participants
    // have a break.
    const n = count[p]!;
    const starts: number[] = [];
    for (let a = 0; a + n - 1 < S; a++) {
      let ok = dayOf(input, a) === dayOf(input, a + n - 1);
      for (let t = a; t < a + n && ok; t++) ok = busy[t] !== null;
      if (ok) starts.push(a);
    }
    const z = cnf.fresh();
    const hintStart = windowIn(p, n);
    if (hintStart !== null) hinted.push(z);
    withBreak.push(-z);
    if (starts.length === 0) { cnf.add(-z); continue; }
    const w = new Map(starts.map((a) => [a, cnf.fresh()]));
    if (hintStart !== null && w.has(hintStart)) hinted.push(w.get(hintStart)!);
    cnf.add(-z, ...w.values());
    cnf.atMostOne([...w.values()]);
    for (const [a, v] of w) {
      cnf.add(-v, z);
      for (let t = a; t < a + n; t++) cnf.add(-v, busy[t]!);
    }
    for (let s = 0; s < S; s++) {
      if (busy[s] === null) continue;
      cnf.add(-busy[s]!, -z, ...[...w].filter(([a]) => a <= s && s < a + n).map(([, v]) => v));
    }
    // The same window as bounds: ws(a) = "p's window starts at a or earlier".
    const ws = Array.from({ length: S }, (_, a) => (a === S - 1 ? o.T : cnf.fresh()));
    if (hintStart !== null) for (let a = hintStart; a < S - 1; a++) hinted.push(ws[a]!);
    for (let a = 0; a + 1 < S; a++) cnf.add(-ws[a]!, ws[a + 1]!);
    for (let a = 0; a < S; a++) {
      const v = w.get(a);
      if (v !== undefined) { cnf.add(-v, ws[a]!); if (a > 0) cnf.add(-v, -ws[a - 1]!); }
      cnf.add(-z, -ws[a]!, ...(a > 0 ? [ws[a - 1]!] : []), ...(v !== undefined ? [v] : []));
    }
    for (const i of mineOf[p]!) for (let s = 0; s < S; s++) {
      cnf.add(-z, -o.le(i, s), ws[s]!);
      cnf.add(-z, -ws[s]!, o.le(i, Math.min(S - 1, s + n - 1)));
    }
  }
  cnf.atMost(withBreak, k);
  cnf.atMost(ends, k);
  return hinted;
}

export type SatResult = { status: "sat"; slotOf: number[] } | { status: "unsat" } | { status: "unknown" };

/** Decides the question in this thread (no time limit: for small inputs and tests). */
export function decide(input: CompleteInput, q: SatQuestion = {}): SatResult {
  const e = encode(input, q);
  const r = solveCnf(e.problem);
  return r.status === "sat" ? { status: "sat", slotOf: e.decode(r.model) } : { status: "unsat" };
}

/** First try's time when searching from a hint; each next try (renumbered) gets twice the last. */
const FIRST_TRY_MS = 1500;

/**
 * Decides the question in a worker thread, ended after `ms` or on `signal` ("unknown").
 * With a hint (a search for a schedule, where MiniSat's time is heavy-tailed), tries of
 * 1.5 s, 3 s, 6 s, ... each on a renumbering of the variables (sat-run.cjs, `manage`),
 * the last one to the end of the time; without, one try.
 */
export function decideWithin(input: CompleteInput, q: SatQuestion, ms: number, signal?: AbortSignal): Promise<SatResult> {
  const e = encode(input, q);
  return new Promise((resolve) => {
    const tries = q.hint ? { firstTryMs: FIRST_TRY_MS, ms: Math.max(1, ms) } : {};
    const worker = new Worker(runner, { workerData: { satProblem: e.problem, ...tries } });
    const stop = () => { clearTimeout(timer); void worker.terminate(); resolve({ status: "unknown" }); };
    const timer = setTimeout(stop, Math.max(1, ms));
    signal?.addEventListener("abort", stop, { once: true });
    worker.once("message", (r: SatAnswer) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(r.status === "sat" ? { status: "sat", slotOf: e.decode(r.model) } : r.status === "unsat" ? { status: "unsat" } : { status: "unknown" });
    });
    worker.once("error", () => { clearTimeout(timer); resolve({ status: "unknown" }); });
  });
}
