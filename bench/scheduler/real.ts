// Real brokerage instances: schedule with the engine, then the dedicated
// break-minimising pass; check with the independent validator.
import { readFileSync } from "node:fs";
import { solveBrokerage } from "../../src/features/matchmaking/engine/brokerage";
import { buildOutput } from "../../src/features/matchmaking/engine/result";
import { mulberry32 } from "../../src/features/matchmaking/engine/rng";
import { runSchedule } from "../../src/features/matchmaking/engine/scheduler";
import { scheduleInputSchema } from "../../src/features/matchmaking/engine/schema";
import { State } from "../../src/features/matchmaking/engine/state";
import { validateSchedule } from "../../src/features/matchmaking/engine/validate";
import { dznToInput, parseDzn } from "./dzn";

/** Reference breaks from ../shared/bench/b2b-brokerage/README.md (null: none published). */
export const REFERENCE: Record<string, number> = {
  "forum-13.original": 0, "forum-13.prec25": 0, "forum-14.original": 2,
  "tic-12.original": 0, "tic-13.original": 0, "tic-13.prec25": 0,
};

export function runReal(file: string, name: string, iterations: number) {
  const input = scheduleInputSchema.parse(dznToInput(parseDzn(readFileSync(file, "utf8"))));
  const t0 = performance.now();
  const run = runSchedule(input, { seed: 1 });
  const res = solveBrokerage(run.ctx, run.state.slotOf, { iterations, fairness: 2, rand: mulberry32(1) });
  let output = run.output;
  if (res.feasible) {
    const st = new State(run.problem);
    for (let r = 0; r < run.problem.R; r++) st.place(r, res.slots[r]!);
    output = buildOutput(run.ctx, st, 1);
  }
  const ms = Math.round(performance.now() - t0);
  const violations = validateSchedule(input, output).length;
  const ref = REFERENCE[name];
  return {
    instance: name,
    participants: input.participants.length,
    meetings: input.requests.length,
    placed: output.stats.scheduled,
    allPlaced: output.stats.scheduled === input.requests.length,
    breaks: res.feasible ? res.breaks : null,
    reference: ref ?? null,
    withinReference: res.feasible && ref !== undefined ? res.breaks <= ref : null,
    maxBreaks: res.maxBreaks,
    minBreaks: res.minBreaks,
    fair: res.feasible && res.maxBreaks - res.minBreaks <= 2,
    violations,
    ms,
  };
}
