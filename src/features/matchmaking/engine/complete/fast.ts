// The fast path on a complete-mode input: the engine's construction and
// search (scheduler.ts), then the break-minimising annealing (brokerage.ts),
// inside the zero-break windows when they prune (windows.ts). Its schedule is
// the complete mode's starting incumbent; the windows give a lower bound on
// breaks. Deterministic (seeded, iteration-bounded).
import { allowed } from "../greedy";
import { solveBrokerage } from "../brokerage";
import { runSchedule } from "../scheduler";
import { scheduleInputSchema, type ScheduleInputRaw } from "../schema";
import { State } from "../state";
import { zeroBreakWindows } from "../windows";
import { seededRandom } from "../../../../platform/random";
import { dayOf, tablesAt, type CompleteInput } from "./problem";

export function toScheduleInput(input: CompleteInput): ScheduleInputRaw {
  const sid = (s: number) => `s${s + 1}`;
  const all = Array.from({ length: input.slots }, (_, s) => s);
  const slots = all.map((s) => {
    const m = 9 * 60 + s * 20;
    return { id: sid(s), day: dayOf(input, s) + 1, start: `${String(Math.floor(m / 60) % 24).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`, length: 20, tables: tablesAt(input, s) };
  });
  const participants = Array.from({ length: input.participants }, (_, p) => {
    const forb = new Set(input.forbidden?.[p] ?? []);
    return { id: `b${p + 1}`, side: "sme" as const, ...(forb.size > 0 ? { availability: all.filter((s) => !forb.has(s)).map(sid) } : {}), languages: [], hostsAtStall: false };
  });
  const requests = input.meetings.map((m, i) => {
    const win = m.allowed ? new Set(m.allowed) : null;
    const outside = win ? all.filter((s) => !win.has(s)) : [];
    return {
      id: `m${i + 1}`, a: `b${m.a + 1}`, b: `b${m.b + 1}`, weight: 1,
      ...(outside.length > 0 ? { forbiddenSlots: outside.map(sid) } : {}),
      ...(m.pinned !== undefined ? { pinnedSlot: sid(m.pinned) } : {}),
      ...(m.after?.length ? { after: m.after.map((q) => `m${q + 1}`) } : {}),
    };
  });
  return { version: 1, slots, participants, requests, fixed: [] };
}

export type FastResult = { slotOf: number[]; windowsLowerBound: number };

export function fastPath(input: CompleteInput, seed = 1): FastResult {
  const si = scheduleInputSchema.parse(toScheduleInput(input));
  const run = runSchedule(si, { seed, effort: 1 });
  const { problem: pr, ctx } = run;
  const its = Math.min(1_500_000, Math.max(200_000, Math.round(7e6 / (pr.R / pr.S))));
  const win = zeroBreakWindows(ctx);
  let options = 0, kept = 0;
  for (let r = 0; r < pr.R; r++) for (const s of allowed(ctx, r)) { options++; kept += win.mask[r * pr.S + s]!; }
  const useWindows = win.consistent && kept <= 0.8 * options;
  let res = solveBrokerage(ctx, run.state.slotOf, { iterations: its, fairness: 2, rand: seededRandom(seed), ...(useWindows ? { mask: win.mask } : {}) });
  if (useWindows && !res.feasible) res = solveBrokerage(ctx, res.slots, { iterations: its, fairness: 2, rand: seededRandom(seed + 1) });
  // Re-place the annealed slots through the engine's checks (valid, maybe partial).
  let st = new State(pr);
  const order = Array.from({ length: pr.R }, (_, r) => r).sort((x, y) => res.slots[x]! - res.slots[y]! || x - y);
  for (const r of order) { const s = res.slots[r]!; if (s >= 0 && st.canPlace(r, s)) st.place(r, s); }
  if (st.scheduled < run.state.scheduled) st = run.state;
  const slotOf = input.meetings.map((_, i) => st.slotOf[pr.reqIndex.get(`m${i + 1}`)!]!);
  return { slotOf, windowsLowerBound: win.lowerBound };
}
