import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lpBound, timeIndexedBound } from "./bound";
import { compile } from "./problem";
import { runSchedule } from "./scheduler";
import { scheduleInputSchema } from "./schema";
import { inputArb } from "./test/arbitrary";
import { validateSchedule } from "./validate";

// "Best schedule" (issue #16 item 2): the search with a time budget, and the tighter bound it reports.

/** A clock that moves `step` ms each time it is read: the budget is spent in a known number of reads. */
const ticking = (step: number) => {
  let t = 0;
  return () => (t += step);
};

describe("best schedule: the search with a time budget", () => {
  it("never breaks a hard constraint and never ends below the fixed amount of work (generated inputs)", () => {
    fc.assert(
      fc.property(inputArb, (raw) => {
        const input = scheduleInputSchema.parse(raw);
        const fast = runSchedule(input, { seed: 3 });
        const best = runSchedule(input, { seed: 3, budgetMs: 1_000, now: ticking(1) });
        expect(validateSchedule(input, best.output)).toEqual([]);
        // Lexicographic: no more zero-meeting participants, and then no less weight.
        expect(best.output.stats.zeroMeeting).toBeLessThanOrEqual(fast.output.stats.zeroMeeting);
        if (best.output.stats.zeroMeeting === fast.output.stats.zeroMeeting) expect(best.output.stats.weight).toBeGreaterThanOrEqual(fast.output.stats.weight - 1e-9);
      }),
      { numRuns: 150 },
    );
  });

  it("stops at the deadline: a budget already spent is the fixed amount of work, exactly", () => {
    fc.assert(
      fc.property(inputArb, (raw) => {
        const input = scheduleInputSchema.parse(raw);
        const fast = runSchedule(input, { seed: 5 }).output;
        const spent = runSchedule(input, { seed: 5, budgetMs: 0, now: ticking(1) }).output;
        expect(spent).toEqual(fast);
      }),
      { numRuns: 60 },
    );
  });
});

describe("the time-indexed bound", () => {
  it("is tighter than the LP bound where slots, not totals, bind, and equals the optimum there", async () => {
    // Three disjoint pairs that can only meet in slot 1, which has one table; slot 2 has one too.
    // Totals (the LP bound): 2 tables over the day, so 2. Per slot: 1, which is the optimum.
    const input = scheduleInputSchema.parse({
      version: 1,
      slots: [
        { id: "s1", day: 1, start: "09:00", length: 20, tables: 1 },
        { id: "s2", day: 1, start: "09:20", length: 20, tables: 1 },
      ],
      participants: ["a", "b", "c", "d", "e", "f"].map((id, i) => ({ id, side: i % 2 ? "buyer" : "sme", languages: [], availability: ["s1"] })),
      requests: [
        { id: "r1", a: "a", b: "b" },
        { id: "r2", a: "c", b: "d" },
        { id: "r3", a: "e", b: "f" },
      ],
    });
    const pr = compile(input);
    const lp = await lpBound(pr);
    const tight = await timeIndexedBound(pr, 10);
    expect(lp.bound).toBeCloseTo(2, 6);
    expect(tight).toMatchObject({ status: "Optimal" });
    expect(tight.bound).toBeCloseTo(1, 6);
    expect(runSchedule(input).output.stats.weight).toBe(1);
  });

  it("is a valid bound: never below a schedule's weight, never above the LP bound (generated inputs)", async () => {
    await fc.assert(
      fc.asyncProperty(inputArb, async (raw) => {
        const input = scheduleInputSchema.parse(raw);
        const pr = compile(input);
        const weight = runSchedule(input, { seed: 2, budgetMs: 1_000, now: ticking(1) }).output.stats.weight;
        const [lp, tight] = [await lpBound(pr), await timeIndexedBound(pr, 10)];
        if (tight.status !== "Optimal" || lp.status !== "Optimal") return; // e.g. fixed meetings that clash: no bound
        expect(tight.bound!).toBeGreaterThanOrEqual(weight - 1e-6);
        expect(tight.bound!).toBeLessThanOrEqual(lp.bound + 1e-6);
      }),
      { numRuns: 80 },
    );
  });
});
