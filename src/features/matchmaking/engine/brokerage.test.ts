import { describe, expect, it } from "vitest";
import { breaksReport } from "./breaks";
import { solveBrokerage } from "./brokerage";
import { buildOutput } from "./result";
import { seededRandom } from "../../../platform/random";
import { runSchedule } from "./scheduler";
import { scheduleInputSchema } from "./schema";
import { State } from "./state";
import { validateSchedule } from "./validate";

// Round robin of 6 participants in 5 of 8 slots with 3 tables: a schedule with
// no break exists (every participant meets in 5 consecutive slots).
function roundRobin() {
  const n = 6;
  const requests: { id: string; a: string; b: string; after?: string[]; forbiddenSlots?: string[] }[] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) requests.push({ id: `m${i}-${j}`, a: `p${i}`, b: `p${j}` });
  requests[1]!.after = ["m0-1"]; // p0 meets p2 after p1
  requests[14]!.forbiddenSlots = ["s0"];
  return scheduleInputSchema.parse({
    slots: Array.from({ length: 8 }, (_, k) => ({ id: `s${k}`, day: 1, start: `${String(9 + k).padStart(2, "0")}:00`, length: 30, tables: 3 })),
    participants: Array.from({ length: n }, (_, i) => ({ id: `p${i}`, side: "sme", languages: [] })),
    requests,
  });
}

describe("break minimisation (brokerage pass)", () => {
  it("finds a schedule with every meeting and no break, valid and fair", () => {
    const input = roundRobin();
    const run = runSchedule(input, { seed: 3 });
    const res = solveBrokerage(run.ctx, run.state.slotOf, { iterations: 200_000, fairness: 2, rand: seededRandom(5) });
    expect(res.feasible).toBe(true);
    const st = new State(run.problem);
    for (let r = 0; r < run.problem.R; r++) st.place(r, res.slots[r]!);
    expect(breaksReport(st, 2)).toEqual({ breaks: 0, maxBreaks: 0, minBreaks: 0, fair: true });
    expect(res.breaks).toBe(0);
    expect(validateSchedule(input, buildOutput(run.ctx, st, 1))).toEqual([]);
  });

  it("is deterministic for a seed", () => {
    const input = roundRobin();
    const a = runSchedule(input, { seed: 3 });
    const b = runSchedule(input, { seed: 3 });
    const ra = solveBrokerage(a.ctx, a.state.slotOf, { iterations: 5_000, fairness: 2, rand: seededRandom(9) });
    const rb = solveBrokerage(b.ctx, b.state.slotOf, { iterations: 5_000, fairness: 2, rand: seededRandom(9) });
    expect([...ra.slots]).toEqual([...rb.slots]);
  });
});
