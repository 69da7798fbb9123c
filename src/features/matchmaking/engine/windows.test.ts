import { describe, expect, it } from "vitest";
import { solveBrokerage } from "./brokerage";
import { makeContext } from "./greedy";
import { compile } from "./problem";
import { seededRandom } from "../../../platform/random";
import { runSchedule } from "./scheduler";
import { scheduleInputSchema } from "./schema";
import { zeroBreakWindows } from "./windows";

type Req = { a: number; b: number; pin?: number; forbid?: number[] };

function ctxOf(slots: number, reqs: Req[], unavailable: Record<number, number[]> = {}) {
  const parts = new Set(reqs.flatMap((r) => [r.a, r.b]));
  const input = scheduleInputSchema.parse({
    slots: Array.from({ length: slots }, (_, k) => ({ id: `s${k}`, day: 1, start: `${String(9 + k).padStart(2, "0")}:00`, length: 30, tables: 5 })),
    participants: [...parts].sort((x, y) => x - y).map((p) => ({
      id: `p${p}`, side: "sme", languages: [],
      ...(unavailable[p] ? { availability: Array.from({ length: slots }, (_, k) => k).filter((k) => !unavailable[p]!.includes(k)).map((k) => `s${k}`) } : {}),
    })),
    requests: reqs.map((r, i) => ({
      id: `m${i}`, a: `p${r.a}`, b: `p${r.b}`,
      ...(r.pin !== undefined ? { pinnedSlot: `s${r.pin}` } : {}),
      ...(r.forbid ? { forbiddenSlots: r.forbid.map((k) => `s${k}`) } : {}),
    })),
  });
  return makeContext(compile(input), seededRandom(1));
}

const slotsOf = (mask: Uint8Array, S: number, m: number) => Array.from({ length: S }, (_, s) => s).filter((s) => mask[m * S + s]);

describe("zero-break windows", () => {
  it("narrows meetings to the window a pinned meeting forces", () => {
    // p0 meets p1 (pinned to s0), p2 and p3: with no break p0 is busy s0-s2,
    // so its other two meetings can only take s1 or s2.
    const ctx = ctxOf(6, [{ a: 0, b: 1, pin: 0 }, { a: 0, b: 2 }, { a: 0, b: 3 }]);
    const w = zeroBreakWindows(ctx);
    expect(w.consistent).toBe(true);
    expect(w.free).toEqual([]);
    expect(slotsOf(w.mask, 6, 0)).toEqual([0]);
    expect(slotsOf(w.mask, 6, 1)).toEqual([1, 2]);
    expect(slotsOf(w.mask, 6, 2)).toEqual([1, 2]);
    expect(w.lowerBound).toBe(0);
  });

  it("leaves a participant that must have a break free and counts it in the bound", () => {
    // p0 is unavailable in s1 and s2 but has meetings pinned on both sides.
    const ctx = ctxOf(5, [{ a: 0, b: 1, pin: 0 }, { a: 0, b: 2, pin: 3 }, { a: 0, b: 3 }], { 0: [1, 2] });
    const w = zeroBreakWindows(ctx);
    expect(w.free).toEqual([0]);
    expect(w.consistent).toBe(true);
    expect(slotsOf(w.mask, 5, 2)).toEqual([4]); // p3 has one meeting: any free slot of p0 but s0, s3
    expect(w.lowerBound).toBe(1);
  });

  it("proves one more break when the windows of two participants cannot meet", () => {
    // p0: meetings with p1 and p2 (pinned s0) -> busy s0-s1.
    // p1: meetings with p0 and p3 (pinned s3) -> busy s2-s3. They cannot meet.
    const ctx = ctxOf(4, [{ a: 0, b: 1 }, { a: 0, b: 2, pin: 0 }, { a: 1, b: 3, pin: 3 }]);
    const w = zeroBreakWindows(ctx);
    expect(w.consistent).toBe(false);
    expect(w.lowerBound).toBe(1);
  });

  it("keeps a zero-break schedule reachable for the break pass", () => {
    // Round robin of 6 in 8 slots (3 tables): every participant can meet the
    // other five in five consecutive slots.
    const n = 6;
    const requests: { id: string; a: string; b: string }[] = [];
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) requests.push({ id: `m${i}-${j}`, a: `p${i}`, b: `p${j}` });
    const input = scheduleInputSchema.parse({
      slots: Array.from({ length: 8 }, (_, k) => ({ id: `s${k}`, day: 1, start: `${String(9 + k).padStart(2, "0")}:00`, length: 30, tables: 3 })),
      participants: Array.from({ length: n }, (_, i) => ({ id: `p${i}`, side: "sme", languages: [] })),
      requests,
    });
    const run = runSchedule(input, { seed: 3 });
    const w = zeroBreakWindows(run.ctx);
    expect(w.consistent).toBe(true);
    const res = solveBrokerage(run.ctx, run.state.slotOf, { iterations: 200_000, fairness: 2, rand: seededRandom(5), mask: w.mask });
    expect(res.feasible).toBe(true);
    expect(res.breaks).toBe(0);
    for (let r = 0; r < run.problem.R; r++) expect(w.mask[r * run.problem.S + res.slots[r]!]).toBe(1);
  });
});
