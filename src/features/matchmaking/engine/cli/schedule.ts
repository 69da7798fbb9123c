// npm run schedule -- <input.json> [-o out.json] [--seed N]
// Validates the input (zod + references), schedules it in a worker thread and
// writes the schedule as JSON (stdout unless -o). Exit codes: 0 ok, 2 bad
// input or usage, 1 unexpected failure.
import { readFileSync, writeFileSync } from "node:fs";
import { checkReferences } from "../problem";
import { scheduleInputSchema } from "../schema";
import { runScheduleInWorker } from "../worker";

function fail(msg: string, code = 2): never {
  process.stderr.write(`schedule: ${msg}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let file: string | undefined;
  let out: string | undefined;
  let seed: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "-o" || a === "--out") out = args[++i];
    else if (a === "--seed") seed = Number(args[++i]);
    else if (a === "-h" || a === "--help") { process.stdout.write("usage: npm run schedule -- <input.json> [-o out.json] [--seed N]\n"); return; }
    else if (!file) file = a;
    else fail(`unexpected argument ${a}`);
  }
  if (!file) fail("usage: npm run schedule -- <input.json> [-o out.json] [--seed N]");
  if (seed !== undefined && !Number.isInteger(seed)) fail("--seed must be an integer");
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    fail(`cannot read ${file}: ${(e as Error).message}`);
  }
  const parsed = scheduleInputSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 20).map((i) => `  ${i.path.join(".") || "(root)"}: ${i.message}`);
    fail(`invalid input ${file}:\n${lines.join("\n")}`);
  }
  const refs = checkReferences(parsed.data);
  if (refs.length > 0) fail(`invalid input ${file}:\n${refs.slice(0, 20).map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  const large = parsed.data.requests.length > 5000;
  const t0 = performance.now();
  const output = await runScheduleInWorker(parsed.data, {
    ...(seed !== undefined ? { seed } : {}),
    onProgress: (p) => { if (large) process.stderr.write(`schedule: ${p}… ${Math.round(performance.now() - t0)} ms\n`); },
  });
  const text = JSON.stringify(output, null, 1) + "\n";
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
  const s = output.stats;
  process.stderr.write(`schedule: ${s.scheduled}/${s.requests} meetings, weight ${s.weight}, ${s.zeroMeeting} without a meeting, ${s.gaps} gaps, ${Math.round(performance.now() - t0)} ms\n`);
}

main().catch((e: unknown) => fail((e as Error).message ?? String(e), 1));
