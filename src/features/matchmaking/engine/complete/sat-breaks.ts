// After the MIP (solve.ts): "at most k breaks" asked of the SAT check
// (sat.ts) for k = the proved lower bound, then k + 1, ... up to one below
// the breaks found, each within what is left of the time. A "no" raises the
// proved lower bound to k + 1; a "yes" is a schedule with at most k breaks,
// kept when the independent checker accepts it and it is fair, and then
// optimal (every smaller k was answered "no" or is below the bound). The
// same set of meetings stays placed. Each question's search starts from the
// best schedule in hand (sat.ts, `hint`). Time: the caller's clock.
import { checkSchedule, countBreaks } from "./check";
import type { CompleteInput } from "./problem";
import { decideWithin, type SatResult } from "./sat";
import type { CompleteResult } from "./solve";

export type SatBreaksOptions = {
  /** Wall time left for the SAT questions, in ms. */
  ms: number;
  /** Milliseconds from any origin. */
  clock: () => number;
  /** Largest allowed max - min breaks (null: no rule); a schedule that breaks it is not taken. */
  fairness: number | null;
  /**
   * A question already asked (in its worker thread, e.g. while the MIP ran on the
   * other core): "all meetings placed with at most k breaks".
   */
  asked?: { k: number; answer: Promise<SatResult> };
};

export async function improveBreaksBySat(input: CompleteInput, r: CompleteResult, opts: SatBreaksOptions): Promise<CompleteResult> {
  const t0 = opts.clock();
  const keep = new Set<number>();
  r.slotOf.forEach((s, i) => { if (s >= 0) keep.add(i); });
  let out = r;
  let k = r.lowerBound;
  // Bounds from the SAT answers hold for every schedule of this set, fair or not, so they
  // are valid whatever the fairness rule; a fairness-modelled MIP bound can already be higher.
  while (k < out.breaks) {
    const left = opts.ms - (opts.clock() - t0);
    // The question asked in advance ends with the budget on its own: wait for it even now.
    const early = opts.asked && opts.asked.k === k && keep.size === input.meetings.length ? opts.asked.answer : null;
    if (left < 200 && !early) { out = { ...out, phases: [...out.phases, `sat breaks ≤ ${k}: not asked, no time left`] }; break; }
    const t = opts.clock();
    const a = early ? await early : await decideWithin(input, { keep, breaksAtMost: k, hint: out.slotOf }, left);
    const took = Math.round(opts.clock() - t);
    if (a.status === "unknown") { out = { ...out, phases: [...out.phases, `sat breaks ≤ ${k}: no answer in ${took} ms`] }; break; }
    if (a.status === "unsat") {
      out = { ...out, lowerBound: Math.max(out.lowerBound, k + 1), phases: [...out.phases, `sat breaks ≤ ${k}: none (${took} ms), lower bound ${k + 1}`] };
      k++;
      continue;
    }
    const b = countBreaks(input, a.slotOf);
    const fair = opts.fairness === null || b.max - b.min <= opts.fairness;
    const placed = a.slotOf.filter((s) => s >= 0).length;
    if (checkSchedule(input, a.slotOf).length > 0 || placed !== r.placed || !fair || b.total >= out.breaks) {
      out = { ...out, phases: [...out.phases, `sat breaks ≤ ${k}: a schedule with ${b.total} breaks not taken (${fair ? "not better" : "unfair"}, ${took} ms)`] };
      break;
    }
    out = {
      ...out,
      slotOf: a.slotOf,
      breaks: b.total,
      perParticipant: b.perParticipant,
      maxBreaks: b.max,
      minBreaks: b.min,
      fair,
      breaksOptimal: b.total <= out.lowerBound,
      phases: [...out.phases, `sat breaks ≤ ${k}: found ${b.total} (${took} ms)`],
    };
    break;
  }
  if (out.lowerBound >= out.breaks) out = { ...out, lowerBound: out.breaks, breaksOptimal: true };
  return out;
}
