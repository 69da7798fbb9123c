/* global require, module, __filename, setTimeout, clearTimeout */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file, run as a worker thread */
// Runs MiniSat (the `logic-solver` package's build, decision 0009) on a CNF
// given as numbers: DIMACS literals, each clause ended by 0. Cardinality
// groups ("at most `bound` of these literals") are added lazily: solve
// without them, and encode (sequential counter) only the groups a model
// breaks, then solve again; most table limits are never reached, so their
// thousands of clauses are never built. With `eager`, all are encoded up front. Plain CommonJS so that it also runs
// as a worker thread, which the caller can end when its time is up (MiniSat
// itself has no time limit). Searching from a hint, sat.ts runs it as a
// manager (`manage`) of tries on renumbered variables (`solveShuffled`).
// Used by sat.ts; no other import of the project.
"use strict";
const { readFileSync } = require("node:fs");

// The package's build has a fixed 64 MB heap, which the break questions fill with learned
// clauses within seconds ("Cannot enlarge memory arrays", the run then gives no answer). The
// same build is loaded here with a larger heap (Emscripten reads it when the module starts);
// nothing else of the package's code changes.
const HEAP_BYTES = 512 * 1024 * 1024;
let cMinisat = null;
function loadMinisat() {
  if (cMinisat) return cMinisat;
  const src = readFileSync(require.resolve("logic-solver/minisat.js"), "utf8");
  const from = 'Module["TOTAL_MEMORY"]||67108864';
  if (!src.includes(from)) { cMinisat = require("logic-solver/minisat.js"); return cMinisat; }
  const mod = { exports: {} };
  new Function("module", "require", src.replace(from, `Module["TOTAL_MEMORY"]||${HEAP_BYTES}`))(mod, require);
  cMinisat = mod.exports;
  return cMinisat;
}

/** The few calls of MiniSat used here (as logic-solver's minisat_wrapper.js makes them). */
class MiniSat {
  constructor() {
    this.C = loadMinisat()();
    this.C._createTheSolver();
  }
  ensureVar(v) { this.C._ensureVar(v); }
  addClause(terms) {
    const C = this.C;
    const sp = C.Runtime.stackSave();
    try {
      const ptr = C.allocate((terms.length + 1) * 4, "i32", C.ALLOC_STACK);
      for (let i = 0; i < terms.length; i++) C.setValue(ptr + i * 4, terms[i], "i32");
      C.setValue(ptr + terms.length * 4, 0, "i32");
      return C._addClause(ptr) ? true : false;
    } finally {
      C.Runtime.stackRestore(sp);
    }
  }
  solve() { return this.C._solve() ? true : false; }
  getSolution() {
    const C = this.C;
    const n = C._getNumVars();
    const ptr = C._getSolution();
    const sol = [null];
    // 0 is MiniSat's l_True.
    for (let i = 0; i < n; i++) sol[i + 1] = C.getValue(ptr + i, "i8") === 0;
    return sol;
  }
}

/**
 * At least m of lits are false (the same as at most n - m true), by a counter that only
 * goes down: t[i][j] = "at least j+1 of lits[0..i] are false" must be supported.
 * Its size is n * m, against n * (n - m) for the counter below: the smaller one is used.
 */
function atLeastFalse(add, next, lits, m) {
  const n = lits.length;
  if (m <= 0) return;
  if (m > n) { add([]); return; }
  let prev = null;
  for (let i = 0; i < n; i++) {
    const cur = [];
    for (let j = 0; j < Math.min(m, i + 1); j++) cur.push(next());
    for (let j = 0; j < cur.length; j++) {
      // cur[j] -> prev[j] or (lits[i] false and prev[j-1]).
      const keep = prev && j < prev.length ? [prev[j]] : [];
      add([-cur[j], ...keep, -lits[i]]);
      if (j > 0) add([-cur[j], ...keep, prev[j - 1]]);
    }
    prev = cur;
  }
  add([prev[m - 1]]);
}

/** Sinz's sequential counter: at most k of lits, with fresh variables from next(). */
function atMost(add, next, lits, k) {
  const n = lits.length;
  if (k >= n) return;
  if (k === 0) { for (const l of lits) add([-l]); return; }
  if (n - k < k) { atLeastFalse(add, next, lits, n - k); return; }
  // s[i][j]: at least j+1 of lits[0..i] are true.
  let prev = null;
  for (let i = 0; i < n; i++) {
    const cur = [];
    for (let j = 0; j < k; j++) cur.push(next());
    add([-lits[i], cur[0]]);
    if (prev) {
      for (let j = 0; j < k; j++) add([-prev[j], cur[j]]);
      for (let j = 1; j < k; j++) add([-lits[i], -prev[j - 1], cur[j]]);
      add([-lits[i], -prev[k - 1]]);
    }
    prev = cur;
  }
}

/**
 * problem: { vars, clauses (flat, 0-terminated), groups: [{ lits, bound }], eager: bool }
 * Returns { status: "sat", model: Uint8Array (index = variable) } or { status: "unsat" }, and rounds.
 */
function solveCnf(problem) {
  const sat = new MiniSat();
  let vars = problem.vars;
  let ok = true;
  const add = (c) => { if (ok && !sat.addClause(c)) ok = false; };
  const next = () => ++vars;
  let clause = [];
  for (const l of problem.clauses) {
    if (l === 0) { add(clause); clause = []; } else clause.push(l);
  }
  const groups = problem.groups || [];
  const encoded = new Uint8Array(groups.length);
  if (problem.eager) groups.forEach((g, i) => { atMost(add, next, g.lits, g.bound); encoded[i] = 1; });
  let rounds = 0;
  for (;;) {
    rounds++;
    if (!ok) return { status: "unsat", rounds };
    sat.ensureVar(vars);
    if (!sat.solve()) return { status: "unsat", rounds };
    const sol = sat.getSolution();
    let broken = 0;
    groups.forEach((g, i) => {
      if (encoded[i]) return;
      let n = 0;
      for (const l of g.lits) if (l > 0 ? sol[l] : !sol[-l]) n++;
      if (n > g.bound) { atMost(add, next, g.lits, g.bound); encoded[i] = 1; broken++; }
    });
    if (broken === 0) {
      const model = new Uint8Array(problem.vars + 1);
      for (let v = 1; v <= problem.vars; v++) model[v] = sol[v] ? 1 : 0;
      return { status: "sat", model, rounds };
    }
  }
}

/**
 * The same problem with its variables renumbered by a seeded shuffle (seed 0: unchanged).
 * MiniSat's first decisions follow the variable numbers, and its time on one question can
 * differ tenfold from one numbering to another; a second try with another numbering is a
 * fresh draw. The answer is the same; a model is mapped back.
 */
function solveShuffled(problem, seed) {
  if (!seed) return solveCnf(problem);
  let x = (seed * 2654435761) >>> 0 || 1;
  const rnd = () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x / 4294967296; };
  const n = problem.vars;
  const perm = new Int32Array(n + 1);
  for (let v = 1; v <= n; v++) perm[v] = v;
  for (let v = n; v > 1; v--) { const j = 1 + Math.floor(rnd() * v); const t = perm[v]; perm[v] = perm[j]; perm[j] = t; }
  const map = (l) => (l === 0 ? 0 : l > 0 ? perm[l] : -perm[-l]);
  const r = solveCnf({ ...problem, clauses: Int32Array.from(problem.clauses, map), groups: (problem.groups || []).map((g) => ({ lits: g.lits.map(map), bound: g.bound })) });
  if (r.status !== "sat") return r;
  const model = new Uint8Array(n + 1);
  for (let v = 1; v <= n; v++) model[v] = r.model[perm[v]];
  return { ...r, model };
}

module.exports = { solveCnf, solveShuffled };

const { parentPort, workerData, Worker } = require("node:worker_threads");

/**
 * Tries of `firstMs`, then twice as long each, every one a worker running MiniSat on another
 * numbering (solveShuffled), the last to the end of `ms`; posts the first answer, or
 * "unknown". Run in a worker of its own, so that its timers keep time while the thread that
 * asked is busy (the MIP runs there without yielding).
 */
function manage(problem, firstMs, ms) {
  const end = Date.now() + ms;
  let slice = firstMs;
  let seed = 0;
  const attempt = () => {
    const left = end - Date.now();
    if (left <= 0) { parentPort.postMessage({ status: "unknown" }); return; }
    // A try that would leave less than twice itself for the next one takes the rest.
    const last = left < 3 * slice;
    const w = new Worker(__filename, { workerData: { satProblem: problem, seed } });
    const timer = last ? null : setTimeout(() => { void w.terminate(); seed++; slice *= 2; attempt(); }, slice);
    w.once("message", (r) => { if (timer) clearTimeout(timer); parentPort.postMessage(r); void w.terminate(); });
    w.once("error", () => { if (timer) clearTimeout(timer); parentPort.postMessage({ status: "unknown" }); });
  };
  attempt();
}

if (parentPort && workerData && workerData.satProblem) {
  if (workerData.firstTryMs) manage(workerData.satProblem, workerData.firstTryMs, workerData.ms);
  else parentPort.postMessage(solveShuffled(workerData.satProblem, workerData.seed || 0));
}
