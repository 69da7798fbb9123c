/**
 * Micro-benchmark: a seeded synthetic edition run through `recommend`.
 * Run: npx tsx src/features/matchmaking/recommend/bench.ts [perSide] [seed] [runs]
 * Not exported from index.ts, so pages never bundle it.
 */
import { performance } from "node:perf_hooks";
import { generateInput } from "./generate";
import { recommend } from "./recommend";
import type { RecommendInput, RecommendOutput } from "./schema";

export interface BenchResult {
  perSide: number;
  runs: number;
  candidatePairs: number;
  /** Parsing, indexing, scoring and explaining, output not re-validated: wall clock, best and median of `runs` after a warm-up. */
  bestMs: number;
  medianMs: number;
  /** CPU time of the best run (includes garbage-collector threads): steadier than wall clock on a busy machine. */
  cpuMs: number;
  /** One run with the default output validation on. */
  msWithOutputValidation: number;
}

function timed(input: RecommendInput): { ms: number; cpuMs: number; out: RecommendOutput } {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const out = recommend(input);
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, out };
}

export function benchRecommend(perSide: number, seed = 1, runs = 3): BenchResult {
  const input = generateInput(perSide, seed);
  const fastInput = { ...input, options: { ...input.options, validateOutput: false } };
  timed(fastInput); // warm-up: lets the JIT compile the hot loop before we time it
  const results = Array.from({ length: runs }, () => timed(fastInput)).sort((a, b) => a.ms - b.ms);
  const best = results[0]!;
  return {
    perSide,
    runs,
    candidatePairs: best.out.stats.candidatePairs,
    bestMs: Math.round(best.ms),
    medianMs: Math.round(results[Math.floor(runs / 2)]!.ms),
    cpuMs: Math.round(best.cpuMs),
    msWithOutputValidation: Math.round(timed(input).ms),
  };
}

// Run as a script: print one JSON line.
if (process.argv[1]?.endsWith("bench.ts")) {
  const perSide = Number(process.argv[2] ?? 2000);
  console.log(JSON.stringify(benchRecommend(perSide, Number(process.argv[3] ?? 1), Number(process.argv[4] ?? 3))));
}
