// npm run bench:scheduler [-- --only small,tight] [--no-exact] [--no-real] [--no-repair]
// One JSON line per instance on stdout; progress on stderr. Instances are
// generated from fixed seeds and cached under bench/scheduler/instances/.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { makeContext } from "../../src/features/matchmaking/engine/greedy";
import { zeroMeetingCount } from "../../src/features/matchmaking/engine/result";
import { seededRandom } from "../../src/platform/random";
import { runSchedule } from "../../src/features/matchmaking/engine/scheduler";
import { scheduleInputSchema } from "../../src/features/matchmaking/engine/schema";
import { validateSchedule } from "../../src/features/matchmaking/engine/validate";
import { firstCome } from "./baseline";
import { exactModel, lpBound } from "./bound";
import { CONFIGS, generate } from "./generate";
import { runReal } from "./real";
import { repairBench } from "./repair-bench";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flag = (f: string) => args.includes(f);
const onlyIdx = args.indexOf("--only");
const only = onlyIdx >= 0 ? (args[onlyIdx + 1] ?? "").split(",").filter(Boolean) : [];
const wanted = (name: string) => only.length === 0 || only.some((o) => name.includes(o));
const log = (s: string) => process.stderr.write(`bench: ${s}\n`);
const r4 = (x: number) => Math.round(x * 10000) / 10000;

async function synthetic(name: string): Promise<void> {
  const dir = join(here, "instances");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  if (!existsSync(file)) writeFileSync(file, JSON.stringify(generate({ name, ...CONFIGS[name]! })));
  const input = scheduleInputSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  log(`${name}: scheduling`);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const run = runSchedule(input, { seed: 1 });
  const ms = Math.round(performance.now() - t0);
  const cpu = process.cpuUsage(c0);
  const violations = validateSchedule(input, run.output).length;
  log(`${name}: bound`);
  const lp = await lpBound(run.problem);
  const base = firstCome(run.problem);
  const ctx = makeContext(run.problem, seededRandom(1));
  const s = run.output.stats;
  const line: Record<string, unknown> = {
    instance: name,
    participants: input.participants.length,
    requests: s.requests,
    scheduled: s.scheduled,
    weight: s.weight,
    bound: r4(lp.bound),
    ratio: r4(s.weight / lp.bound),
    baselineWeight: base.weight,
    baselineRatio: r4(base.weight / lp.bound),
    zeroMeeting: s.zeroMeeting,
    baselineZeroMeeting: zeroMeetingCount(ctx, base),
    gaps: s.gaps,
    ms,
    /** CPU time of the scheduling call: close to ms on an idle machine, lower when others compete. */
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    violations,
    boundMs: lp.ms,
  };
  if (name.startsWith("small") && !flag("--no-exact")) {
    log(`${name}: exact MIP (60 s limit)`);
    const ex = await exactModel(run.problem, 60);
    line.exact = { status: ex.status, weight: ex.objective, ratioToExact: r4(s.weight / ex.objective), ms: ex.ms };
  }
  if (!flag("--no-repair")) {
    log(`${name}: repair`);
    const cap = name.startsWith("large") ? 200 : 1000;
    line.repair = repairBench(input, run.output, cap, 7);
    // Same cancellations, allowing up to 2 moves per repair to refill freed time.
    line.repairWithMoves = repairBench(input, run.output, cap, 7, 2);
  }
  process.stdout.write(JSON.stringify(line) + "\n");
}

async function main(): Promise<void> {
  for (const name of Object.keys(CONFIGS)) if (wanted(name)) await synthetic(name);
  const realDir = join(here, "../../../shared/bench/b2b-brokerage");
  if (flag("--no-real") || !existsSync(realDir)) return;
  for (const f of readdirSync(realDir).filter((x) => x.endsWith(".dzn")).sort()) {
    const name = f.replace(/\.dzn$/, "");
    if (!wanted(name) && !wanted("real")) continue;
    process.stdout.write(JSON.stringify(runReal(join(realDir, f), name)) + "\n");
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
