// npm run bench:variants [-- --budget-ms N] [--only forum-13]
// 20 seeded variants of the shared brokerage events, generated the way the
// study did (issue 16): for each of forum-13, forum-14, tic-12 and tic-13:
// precedences on 15 % and on 25 % of the meetings (each chosen meeting follows
// another meeting of one of its participants), 20 % and 40 % pinned meetings
// (pinned to the slots of the fast path's schedule of the original; extra
// forbidden slots added to the 40 % file, as the study's fixed040-Forb), and
// extra forbidden slots (30 % of participants lose one slot).
// Complete mode on each, every schedule validated by the independent checker;
// the independent SAT check (complete/sat.ts, MiniSat) says whether each
// variant can be fully placed (`fullSchedule`: yes, no, or unknown after
// --sat-ms, default 60 000) and the line says whether the complete mode agrees;
// one JSON line per variant and a summary line (sum of breaks, sum of lower bounds).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { scheduleBrokerageInput } from "../../src/features/matchmaking/engine/cli/brokerage-run";
import { parseBrokerage } from "../../src/features/matchmaking/engine/complete/dzn";
import { fastPath } from "../../src/features/matchmaking/engine/complete/fast";
import type { CompleteInput } from "../../src/features/matchmaking/engine/complete/problem";
import { decideWithin } from "../../src/features/matchmaking/engine/complete/sat";
import { seededRandom } from "../../src/platform/random";

const here = new URL(".", import.meta.url).pathname;
const SHARED = join(here, "../../../shared/bench/b2b-brokerage");
const EVENTS = ["forum-13", "forum-14", "tic-12", "tic-13"];

/** Precedences on `share` of the meetings: each chosen meeting follows another meeting of one of its participants. */
function withPrecedences(input: CompleteInput, share: number, rand: () => number): CompleteInput {
  const mine: number[][] = Array.from({ length: input.participants }, () => []);
  input.meetings.forEach((m, i) => { mine[m.a]!.push(i); mine[m.b]!.push(i); });
  const meetings = input.meetings.map((m) => ({ ...m, after: [...(m.after ?? [])] }));
  const order = meetings.map((_, i) => i).sort(() => rand() - 0.5).slice(0, Math.round(share * meetings.length));
  for (const i of order) {
    const m = meetings[i]!;
    const pool = mine[rand() < 0.5 ? m.a : m.b]!.filter((q) => q !== i && !meetings[q]!.after.includes(i));
    if (pool.length) m.after.push(pool[Math.floor(rand() * pool.length)]!);
  }
  return { ...input, meetings: meetings.map(({ after, ...m }) => (after.length ? { ...m, after } : m)) };
}

function withPins(input: CompleteInput, share: number, slotOf: number[], rand: () => number): CompleteInput {
  return { ...input, meetings: input.meetings.map((m, i) => (slotOf[i]! >= 0 && rand() < share ? { ...m, pinned: slotOf[i]! } : m)) };
}

/** Each participant loses, with probability `share`, one slot it has no pinned meeting in. */
function withForbidden(input: CompleteInput, share: number, rand: () => number): CompleteInput {
  const forbidden = Array.from({ length: input.participants }, (_, p) => [...(input.forbidden?.[p] ?? [])]);
  const pinned = Array.from({ length: input.participants }, () => new Set<number>());
  for (const m of input.meetings) if (m.pinned !== undefined) { pinned[m.a]!.add(m.pinned); pinned[m.b]!.add(m.pinned); }
  for (let p = 0; p < input.participants; p++) {
    if (rand() >= share) continue;
    const s = Math.floor(rand() * input.slots);
    if (!pinned[p]!.has(s)) forbidden[p]!.push(s);
  }
  return { ...input, forbidden: forbidden.map((f) => [...new Set(f)]) };
}

export function variants(): { name: string; input: CompleteInput }[] {
  const out: { name: string; input: CompleteInput }[] = [];
  EVENTS.forEach((ev, k) => {
    const base = parseBrokerage(readFileSync(join(SHARED, `${ev}.original.dzn`), "utf8")).input;
    const start = fastPath(base).slotOf;
    const r = (n: number) => seededRandom(1000 * (k + 1) + n);
    out.push({ name: `${ev}.gen-prec15`, input: withPrecedences(base, 0.15, r(1)) });
    out.push({ name: `${ev}.gen-prec25`, input: withPrecedences(base, 0.25, r(2)) });
    out.push({ name: `${ev}.gen-fixed20`, input: withPins(base, 0.2, start, r(3)) });
    out.push({ name: `${ev}.gen-fixed40-forb`, input: withForbidden(withPins(base, 0.4, start, r(4)), 0.3, r(5)) });
    out.push({ name: `${ev}.gen-forb`, input: withForbidden(base, 0.3, r(6)) });
  });
  return out;
}

const args = process.argv.slice(2);
const arg = (f: string) => { const i = args.indexOf(f); return i >= 0 ? args[i + 1] : undefined; };

async function main(): Promise<void> {
  const budget = Number(arg("--budget-ms") ?? 10_000);
  const only = (arg("--only") ?? "").split(",").filter(Boolean);
  const satMs = Number(arg("--sat-ms") ?? 60_000);
  let breaks = 0, bounds = 0, n = 0, allPlaced = 0, fair = 0, violations = 0, placeable = 0, disagree = 0;
  for (const v of variants()) {
    if (only.length && !only.some((o) => v.name.includes(o))) continue;
    process.stderr.write(`bench: ${v.name}\n`);
    const t = performance.now();
    const sat = await decideWithin(v.input, {}, satMs);
    const satMsTaken = Math.round(performance.now() - t);
    const fullSchedule = sat.status === "sat" ? "yes" : sat.status === "unsat" ? "no" : "unknown";
    const r = await scheduleBrokerageInput(v.name, v.input, budget, 2);
    const agrees = fullSchedule === "unknown" ? null : (fullSchedule === "yes") === r.allPlaced;
    placeable += fullSchedule === "yes" ? 1 : 0;
    disagree += agrees === false ? 1 : 0;
    n++; breaks += r.breaks; bounds += r.lowerBound; allPlaced += r.allPlaced ? 1 : 0; fair += r.fair ? 1 : 0; violations += r.violations.length;
    process.stdout.write(`${JSON.stringify({
      file: v.name, fullSchedule, satMs: satMsTaken, agrees, placed: r.placed, total: r.total, allPlaced: r.allPlaced, placedUpperBound: r.placedUpperBound,
      certificates: r.certificate.length, breaks: r.breaks, lowerBound: r.lowerBound, breaksOptimal: r.breaksOptimal,
      fair: r.fair, violations: r.violations.length, budgetMs: budget, ms: r.ms, fastPathMs: r.fastPathMs, solverCpuMs: r.solverCpuMs,
      sat: r.phases.filter((p) => p.startsWith("sat")),
    })}\n`);
  }
  process.stdout.write(`${JSON.stringify({ summary: true, variants: n, fullyPlaceable: placeable, disagreements: disagree, allPlaced, fair, breaks, lowerBounds: bounds, violations })}\n`);
}

await main();
