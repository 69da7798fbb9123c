// Public entry point of the scheduler: pure, deterministic for an input and a
// seed, no I/O. See docs/scheduler.md for the algorithm.
import { greedy, initState, makeContext, type Context } from "./greedy";
import { coverZeroes, compactGaps, fillUnscheduled } from "./improve";
import { lns } from "./lns";
import { compile, type Problem } from "./problem";
import { buildOutput } from "./result";
import { seededRandom } from "../../../platform/random";
import { scheduleInputSchema, type ScheduleInput, type ScheduleInputRaw, type ScheduleOutput } from "./schema";
import type { State } from "./state";

export type Phase = "compile" | "construct" | "improve" | "cover" | "compact" | "output";

export type ScheduleOptions = {
  seed?: number;
  /** Work budget multiplier for the local search (1 = default). */
  effort?: number;
  onProgress?: (phase: Phase) => void;
  /** An upper bound on the weight (e.g. engine/bound.ts's LP bound): once the schedule reaches
   *  it, the weight search stops (nothing more can be gained); coverage and gaps still run. */
  target?: number;
};

export type ScheduleRun = { output: ScheduleOutput; problem: Problem; state: State; ctx: Context };

export function runSchedule(input: ScheduleInput, options: ScheduleOptions = {}): ScheduleRun {
  const seed = options.seed ?? input.seed ?? 1;
  const say = options.onProgress ?? (() => {});
  const effort = options.effort ?? 1;
  say("compile");
  const pr = compile(input);
  const ctx = makeContext(pr, seededRandom(seed));
  const st = initState(pr);
  say("construct");
  greedy(ctx, st);
  say("improve");
  const budget = Math.round((2_000_000 + 400 * pr.R) * effort);
  // A cheap ejection-chain pass first, then LNS (one neighbourhood per waiting request),
  // which does most of the work on tight instances.
  const reached = () => options.target !== undefined && st.weight >= options.target - 1e-9;
  if (!reached()) fillUnscheduled(ctx, st, budget / 4);
  if (!reached()) lns(ctx, st, effort);
  say("cover");
  const before = st.scheduled;
  coverZeroes(ctx, st, budget);
  // Coverage moves may have dropped meetings: give their time to waiting requests.
  if (st.scheduled !== before) fillUnscheduled(ctx, st, budget / 4);
  say("compact");
  compactGaps(ctx, st, 3, Math.round((1_000_000 + 100 * pr.R) * effort));
  say("output");
  return { output: buildOutput(ctx, st, seed), problem: pr, state: st, ctx };
}

/** Schedule a raw (not yet parsed) input; throws ZodError or InputError on a bad one. */
export function schedule(raw: ScheduleInputRaw | ScheduleInput, options: ScheduleOptions = {}): ScheduleOutput {
  const input = scheduleInputSchema.parse(raw);
  return runSchedule(input, options).output;
}
