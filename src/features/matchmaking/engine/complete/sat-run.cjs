/* global require, module */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file, run as a worker thread */
// Runs MiniSat (the `logic-solver` package's build, decision 0009) on a CNF
// given as numbers: DIMACS literals, each clause ended by 0. Cardinality
// groups ("at most `bound` of these literals") are added lazily: solve
// without them, and encode (sequential counter) only the groups a model
// breaks, then solve again; most table limits are never reached, so their
// thousands of clauses are never built. Plain CommonJS so that it also runs
// as a worker thread, which the caller can end when its time is up (MiniSat
// itself has no time limit). Used by sat.ts; no other import of the project.
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

/** Sinz's sequential counter: at most k of lits, with fresh variables from next(). */
function atMost(add, next, lits, k) {
  const n = lits.length;
  if (k >= n) return;
  if (k === 0) { for (const l of lits) add([-l]); return; }
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

module.exports = { solveCnf };

const { parentPort, workerData } = require("node:worker_threads");
if (parentPort && workerData && workerData.satProblem) parentPort.postMessage(solveCnf(workerData.satProblem));
