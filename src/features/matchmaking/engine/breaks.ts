// Breaks as the brokerage study counts them: a break is a maximal idle run
// between two meetings of a participant on one day (State.gapsOf); fairness
// is max - min breaks over participants that have meetings.
import type { State } from "./state";

export type BreaksReport = { breaks: number; maxBreaks: number; minBreaks: number; fair: boolean };

function evaluate(st: State, fairness: number): { total: number; max: number; min: number; cost: number } {
  let total = 0;
  let max = 0;
  let min = Infinity;
  for (let p = 0; p < st.pr.P; p++) {
    if (st.count[p] === 0) continue;
    const g = st.gapsOf(p);
    total += g;
    if (g > max) max = g;
    if (g < min) min = g;
  }
  if (min === Infinity) min = 0;
  const unfair = Math.max(0, max - min - fairness);
  return { total, max, min, cost: total + 50 * unfair };
}

export function breaksReport(st: State, fairness: number): BreaksReport {
  const e = evaluate(st, fairness);
  return { breaks: e.total, maxBreaks: e.max, minBreaks: e.min, fair: e.max - e.min <= fairness };
}
