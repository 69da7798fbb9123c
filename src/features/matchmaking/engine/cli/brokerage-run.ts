// One brokerage instance in complete mode, timed and checked: shared by
// `npm run brokerage` and the brokerage benchmarks.
import { readFileSync } from "node:fs";
import { checkSchedule } from "../complete/check";
import { parseBrokerage } from "../complete/dzn";
import { fastPath } from "../complete/fast";
import { loadSolver, scheduleComplete } from "../complete/solve";
import type { CompleteInput } from "../complete/problem";

export async function scheduleBrokerageFile(file: string, budgetMs: number, fairness: number | null) {
  return scheduleBrokerageInput(file, parseBrokerage(readFileSync(file, "utf8")).input, budgetMs, fairness);
}

/**
 * The budget covers the fast path and the solver; on a loaded machine, where
 * the fast path can take most of it, the solver still gets 30 % of it.
 */
export async function scheduleBrokerageInput(file: string, input: CompleteInput, budgetMs: number, fairness: number | null) {
  const t0 = performance.now();
  const fast = fastPath(input);
  const fastMs = performance.now() - t0;
  const solver = await loadSolver();
  const r = scheduleComplete(input, solver, { budgetMs: Math.max(0.3 * budgetMs, budgetMs - fastMs), clock: () => performance.now(), fairness, start: fast.slotOf, knownLowerBound: fast.windowsLowerBound });
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
    phases: r.phases,
    violations,
  };
}
