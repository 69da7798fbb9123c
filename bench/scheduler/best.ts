// "Best schedule" (issue #16 item 2): the fast path against the search with a time budget, and the
// LP bound against the time-indexed bound, at the showcase's size and around it. JSON lines.
//
//   npm run bench:best                          # budget 10 s, bound limit 30 s, every instance
//   npm run bench:best -- --budget-ms 30000 --only showcase
import { parseArgs } from "node:util";
import { lpBound, timeIndexedBound } from "../../src/features/matchmaking/engine/bound";
import { compile } from "../../src/features/matchmaking/engine/problem";
import { runSchedule } from "../../src/features/matchmaking/engine/scheduler";
import { scheduleInputSchema } from "../../src/features/matchmaking/engine/schema";
import { validateSchedule } from "../../src/features/matchmaking/engine/validate";
import { CONFIGS, generate, type GenConfig } from "./generate";

const { values: args } = parseArgs({ options: { "budget-ms": { type: "string", default: "10000" }, "bound-s": { type: "string", default: "30" }, only: { type: "string", default: "" } } });
const budgetMs = Number(args["budget-ms"]);
const boundSec = Number(args["bound-s"]);
// The showcase: ~500 participants, ~5,000 requests over three days of 16 slots (issue #16 item 2).
const instances: Record<string, Omit<GenConfig, "name">> = {
  "small-tight-tables": CONFIGS["small-tight-tables"]!,
  "showcase-500": { participants: 500, days: 3, slotsPerDay: 16, requestsPerParticipant: 20, zipf: 0.8, tableFactor: 0.8, foreignShare: 0.15, seed: 41 },
  "showcase-500-loose": { participants: 500, days: 3, slotsPerDay: 16, requestsPerParticipant: 20, zipf: 0.6, tableFactor: 1.15, foreignShare: 0.1, seed: 42 },
  "medium-tight-tables": CONFIGS["medium-tight-tables"]!,
};
const r4 = (x: number) => Math.round(x * 10000) / 10000;
for (const [name, config] of Object.entries(instances)) {
  if (args.only && !name.includes(args.only)) continue;
  const input = scheduleInputSchema.parse(generate({ name, ...config }));
  const pr = compile(input);
  const lp = await lpBound(pr);
  const t0 = performance.now();
  const fast = runSchedule(input, { seed: 1, target: lp.bound }).output;
  const fastMs = Math.round(performance.now() - t0);
  const t1 = performance.now();
  const best = runSchedule(input, { seed: 1, target: lp.bound, budgetMs }).output;
  const bestMs = Math.round(performance.now() - t1);
  const tight = await timeIndexedBound(pr, boundSec);
  const bound = tight.bound !== null ? Math.min(tight.bound, lp.bound) : lp.bound;
  console.log(
    JSON.stringify({
      instance: name,
      participants: pr.P,
      requests: pr.R,
      slots: pr.S,
      fast: { weight: fast.stats.weight, scheduled: fast.stats.scheduled, ms: fastMs, violations: validateSchedule(input, fast).length },
      best: { weight: best.stats.weight, scheduled: best.stats.scheduled, ms: bestMs, budgetMs, violations: validateSchedule(input, best).length },
      lpBound: lp.bound,
      timeIndexed: { bound: tight.bound, status: tight.status, ms: tight.ms },
      ratioFastToLp: r4(fast.stats.weight / lp.bound),
      ratioBestToLp: r4(best.stats.weight / lp.bound),
      ratioBestToBound: r4(best.stats.weight / bound),
    }),
  );
}
