// One brokerage instance in complete mode, timed and checked: shared by
// `npm run brokerage` and the brokerage benchmarks.
import { readFileSync } from "node:fs";
import { checkSchedule, countBreaks } from "../complete/check";
import { parseBrokerage } from "../complete/dzn";
import { fastPath } from "../complete/fast";
import { improveBreaksBySat } from "../complete/sat-breaks";
import { decideWithin } from "../complete/sat";
import { loadSolver, scheduleComplete } from "../complete/solve";
import type { CompleteInput } from "../complete/problem";

export async function scheduleBrokerageFile(file: string, budgetMs: number, fairness: number | null) {
  return scheduleBrokerageInput(file, parseBrokerage(readFileSync(file, "utf8")).input, budgetMs, fairness);
}

/**
 * The budget covers the fast path and the solvers; on a loaded machine, where
 * the fast path can take most of it, the solvers still get 30 % of it. When
 * the fast path placed every meeting and has breaks above its proved bound,
 * the SAT check is asked "at most that bound" in a worker thread (the second
 * core) while the MIP runs, searching from the fast path's schedule (`hint`); after the MIP, the SAT questions go on up the
 * breaks (sat-breaks.ts) with what is left of the budget.
 */
export async function scheduleBrokerageInput(file: string, input: CompleteInput, budgetMs: number, fairness: number | null, opts: { sat?: boolean } = {}) {
  const t0 = performance.now();
  const clock = () => performance.now();
  const fast = fastPath(input);
  const fastMs = performance.now() - t0;
  const solverMs = Math.max(0.3 * budgetMs, budgetMs - fastMs);
  const useSat = opts.sat !== false;
  const fastBreaks = countBreaks(input, fast.slotOf).total;
  const ask = new AbortController();
  const asked = useSat && fast.slotOf.every((s) => s >= 0) && fastBreaks > fast.windowsLowerBound
    ? { k: fast.windowsLowerBound, answer: decideWithin(input, { breaksAtMost: fast.windowsLowerBound, hint: fast.slotOf }, solverMs, ask.signal) }
    : undefined;
  const solver = await loadSolver();
  const cpu0 = process.cpuUsage();
  let r = scheduleComplete(input, solver, { budgetMs: solverMs, clock, fairness, start: fast.slotOf, knownLowerBound: fast.windowsLowerBound });
  if (useSat) r = await improveBreaksBySat(input, r, { ms: t0 + fastMs + solverMs - clock(), clock, fairness, ...(asked ? { asked } : {}) });
  ask.abort();
  const cpu = process.cpuUsage(cpu0);
  const ms = Math.round(performance.now() - t0);
  const violations = checkSchedule(input, r.slotOf, { placed: r.placed, breaks: r.breaks, allPlaced: r.allPlaced });
  return {
    file,
    meetings: r.slotOf.map((s, i) => ({ meeting: i + 1, slot: s >= 0 ? s + 1 : null })),
    placed: r.placed,
    total: r.total,
    allPlaced: r.allPlaced,
    placedUpperBound: r.placedUpperBound,
    certificate: r.certificate,
    breaks: r.breaks,
    perParticipant: r.perParticipant,
    maxBreaks: r.maxBreaks,
    minBreaks: r.minBreaks,
    fair: r.fair,
    lowerBound: r.lowerBound,
    breaksOptimal: r.breaksOptimal,
    fairnessModelled: r.fairnessModelled,
    fastPathMs: Math.round(fastMs),
    ms,
    /** CPU time of the solvers (both threads: MIP and SAT), ms. */
    solverCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    phases: r.phases,
    violations,
  };
}
