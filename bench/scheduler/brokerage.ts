// npm run bench:brokerage [-- --budget-ms N] [--only forum-14,tic]
// Complete mode on the shared brokerage files (../shared/bench/b2b-brokerage):
// one JSON line per file on stdout (file, placed, total, breaks, reference
// breaks, proved lower bound, fairness held, checker violations, ms); progress
// on stderr. Every schedule is validated by the independent checker, and the
// independent SAT check (complete/sat.ts) says whether a full schedule exists.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { scheduleBrokerageFile } from "../../src/features/matchmaking/engine/cli/brokerage-run";
import { parseBrokerage } from "../../src/features/matchmaking/engine/complete/dzn";
import { decideWithin } from "../../src/features/matchmaking/engine/complete/sat";

/** Published reference breaks (../shared/bench/b2b-brokerage/README.md, corrected 2026-12-04: forum-13.prec25 has no full schedule). */
export const REFERENCE_BREAKS: Record<string, number> = {
  "forum-13.original": 0, "forum-14.original": 2, "tic-12.original": 0, "tic-13.original": 0, "tic-13.prec25": 0,
};

const here = dirname(fileURLToPath(import.meta.url));
export const SHARED = join(here, "../../../shared/bench/b2b-brokerage");

const args = process.argv.slice(2);
const arg = (f: string) => { const i = args.indexOf(f); return i >= 0 ? args[i + 1] : undefined; };
const budget = Number(arg("--budget-ms") ?? 10_000);
const only = (arg("--only") ?? "").split(",").filter(Boolean);

async function main(): Promise<void> {
  const files = readdirSync(SHARED).filter((f) => f.endsWith(".dzn")).sort();
  for (const f of files) {
    const name = f.replace(/\.dzn$/, "");
    if (only.length && !only.some((o) => name.includes(o))) continue;
    process.stderr.write(`bench: ${name}\n`);
    // The independent SAT check first: can every meeting be placed?
    const t = performance.now();
    const sat = await decideWithin(parseBrokerage(readFileSync(join(SHARED, f), "utf8")).input, {}, 60_000);
    const satMs = Math.round(performance.now() - t);
    const fullSchedule = sat.status === "sat" ? "yes" : sat.status === "unsat" ? "no" : "unknown";
    const r = await scheduleBrokerageFile(join(SHARED, f), budget, 2);
    const ref = REFERENCE_BREAKS[name];
    process.stdout.write(`${JSON.stringify({
      file: name, fullSchedule, satMs, placed: r.placed, total: r.total, allPlaced: r.allPlaced, placedUpperBound: r.placedUpperBound,
      certificates: r.certificate.length, breaks: r.breaks, referenceBreaks: ref ?? null, lowerBound: r.lowerBound,
      breaksOptimal: r.breaksOptimal, fair: r.fair, maxBreaks: r.maxBreaks, minBreaks: r.minBreaks,
      violations: r.violations.length, budgetMs: budget, ms: r.ms, fastPathMs: r.fastPathMs, solverCpuMs: r.solverCpuMs,
      sat: r.phases.filter((p) => p.startsWith("sat")),
    })}\n`);
  }
}

await main();
