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

export type Phase = "compile" | "construct" | "improve" | "cover" | "compact" | "output" | "bound";

export type ScheduleOptions = {
  seed?: number;
  /** Work budget multiplier for the local search (1 = default). */
  effort?: number;
  onProgress?: (phase: Phase) => void;
  /** An upper bound on the weight (e.g. engine/bound.ts's LP bound): once the schedule reaches
   *  it, the weight search stops (nothing more can be gained); coverage and gaps still run. */
  target?: number;
  /** "Best schedule" (issue #16 item 2): keep searching for up to this many milliseconds of wall
   *  time (the whole run, construction included) while the weight is below `target`. Without it
   *  the run does a fixed amount of work and is reproducible from its seed; with it, how far the
   *  search gets depends on the machine, so two runs may differ (never below the fixed amount's). */
  budgetMs?: number;
  /** The clock the budget is read on (tests); `performance.now` by default. */
  now?: () => number;
};

export type ScheduleRun = { output: ScheduleOutput; problem: Problem; state: State; ctx: Context };

export function runSchedule(input: ScheduleInput, options: ScheduleOptions = {}): ScheduleRun {
  const now = options.now ?? (() => performance.now());
  const started = now();
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
  if (options.budgetMs !== undefined) searchFor(ctx, st, started + options.budgetMs, now, reached);
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

/** More LNS passes until the deadline, the target, or a run of passes that gain nothing (the
 *  lexicographic objective: fewer zero-meeting participants, then weight). Between passes only, so
 *  the deadline is overrun by at most one pass (one neighbourhood per waiting request). */
function searchFor(ctx: Context, st: State, deadline: number, now: () => number, reached: () => boolean): void {
  const zero = () => {
    let n = 0;
    for (let p = 0; p < ctx.pr.P; p++) if (st.count[p] === 0 && ctx.reqsOf[p]!.length > 0) n++;
    return n;
  };
  let best = { zero: zero(), weight: st.weight };
  for (let idle = 0; idle < STALE_PASSES && !reached() && now() < deadline; ) {
    lns(ctx, st, 1);
    const got = { zero: zero(), weight: st.weight };
    if (got.zero < best.zero || (got.zero === best.zero && got.weight > best.weight + 1e-9)) { best = got; idle = 0; }
    else idle++;
  }
}
/** Passes without gain after which more time is not worth spending (plateau moves may still help
 *  a few passes later; measured in docs/benchmarks.md, "Best schedule"). */
const STALE_PASSES = 25;

/** Schedule a raw (not yet parsed) input; throws ZodError or InputError on a bad one. */
export function schedule(raw: ScheduleInputRaw | ScheduleInput, options: ScheduleOptions = {}): ScheduleOutput {
  const input = scheduleInputSchema.parse(raw);
  return runSchedule(input, options).output;
}
