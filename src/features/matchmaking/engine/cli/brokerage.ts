// npm run brokerage -- FILE.dzn [--budget-ms N] [--no-fairness] [-o out.json]
// Schedules one brokerage instance (the study's MiniZinc format, see
// ../shared/bench/b2b-brokerage/README.md) in complete mode: the fast path's
// schedule, then HiGHS within the budget (and, on the second core and after
// it, "at most k breaks" asked of the SAT check). Writes JSON (stdout unless -o): the
// slot of every meeting (1-based, meetings numbered as in `requested`), placed
// count, certificate when not all are placed, breaks (total and per
// participant), fairness, the proved lower bound, the independent checker's
// findings and the time. Exit codes: 0 ok, 1 the checker found a violation,
// 2 bad usage or input.
import { writeFileSync } from "node:fs";
import { scheduleBrokerageFile } from "./brokerage-run";

const USAGE = "usage: npm run brokerage -- FILE.dzn [--budget-ms N] [--no-fairness] [-o out.json]";

function fail(msg: string, code = 2): never {
  process.stderr.write(`brokerage: ${msg}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let file: string | undefined;
  let out: string | undefined;
  let budget = 10_000;
  let fairness: number | null = 2;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "-o" || a === "--out") out = args[++i];
    else if (a === "--budget-ms") budget = Number(args[++i]);
    else if (a === "--no-fairness") fairness = null;
    else if (a === "-h" || a === "--help") { process.stdout.write(`${USAGE}\n`); return; }
    else if (!file) file = a;
    else fail(`unexpected argument ${a}`);
  }
  if (!file) fail(USAGE);
  if (!Number.isFinite(budget) || budget <= 0) fail("--budget-ms must be a positive number");
  let result;
  try {
    result = await scheduleBrokerageFile(file, budget, fairness);
  } catch (e) {
    fail(`cannot schedule ${file}: ${(e as Error).message}`);
  }
  const json = `${JSON.stringify(result, null, 2)}\n`;
  if (out) writeFileSync(out, json);
  else process.stdout.write(json);
  process.stderr.write(`${file}: ${result.placed}/${result.total} placed, ${result.breaks} breaks (lower bound ${result.lowerBound}), fair ${result.fair}, ${result.ms} ms\n`);
  if (result.violations.length > 0) process.exit(1);
}

main().catch((e: unknown) => fail((e as Error).message ?? String(e), 1));
