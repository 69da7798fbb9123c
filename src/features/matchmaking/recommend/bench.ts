/**
 * Micro-benchmark: a seeded synthetic edition run through `recommend`.
 * Run: npx tsx src/features/matchmaking/recommend/bench.ts [perSide] [seed]
 * Not exported from index.ts, so pages never bundle it.
 */
import { performance } from "node:perf_hooks";
import { generateInput } from "./generate";
import { recommend } from "./recommend";
import type { RecommendInput, RecommendOutput } from "./schema";

export interface BenchResult {
  perSide: number;
  candidatePairs: number;
  /** Parsing, indexing, scoring and explaining; output not re-validated. */
  ms: number;
  usPerParticipant: number;
  /** The same run with the default output validation on. */
  msWithOutputValidation: number;
}

function timed(input: RecommendInput): { ms: number; out: RecommendOutput } {
  const start = performance.now();
  const out = recommend(input);
  return { ms: performance.now() - start, out };
}

export function benchRecommend(perSide: number, seed = 1): BenchResult {
  const input = generateInput(perSide, seed);
  const fast = timed({ ...input, options: { ...input.options, validateOutput: false } });
  const checked = timed(input);
  return {
    perSide,
    candidatePairs: fast.out.stats.candidatePairs,
    ms: Math.round(fast.ms),
    usPerParticipant: Math.round((fast.ms * 1000) / (2 * perSide)),
    msWithOutputValidation: Math.round(checked.ms),
  };
}

// Run as a script: print one JSON line.
if (process.argv[1]?.endsWith("bench.ts")) {
  const perSide = Number(process.argv[2] ?? 2000);
  console.log(JSON.stringify(benchRecommend(perSide, Number(process.argv[3] ?? 1))));
}
