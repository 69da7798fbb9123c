import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { certificates, counting } from "./certificate";
import { checkSchedule, countBreaks } from "./check";
import { parseBrokerage } from "./dzn";
import type { CompleteInput } from "./problem";
import { loadSolver, scheduleComplete, type Solver } from "./solve";

let solver: Solver;
beforeAll(async () => { solver = await loadSolver(); });

const valid = (input: CompleteInput, slotOf: number[]) => expect(checkSchedule(input, slotOf)).toEqual([]);

/** Exhaustive search on tiny inputs: most meetings placeable, and fewest breaks of a full schedule (null if none). */
function brute(input: CompleteInput): { maxPlaced: number; minBreaksFull: number | null } {
  const M = input.meetings.length;
  const slotOf = new Array<number>(M).fill(-1);
  let maxPlaced = 0;
  let minBreaksFull: number | null = null;
  const go = (i: number, placed: number) => {
    if (i === M) {
      if (checkSchedule(input, slotOf).length > 0) return;
      maxPlaced = Math.max(maxPlaced, placed);
      if (placed === M) { const b = countBreaks(input, slotOf).total; minBreaksFull = minBreaksFull === null ? b : Math.min(minBreaksFull, b); }
      return;
    }
    for (let s = -1; s < input.slots; s++) { slotOf[i] = s; go(i + 1, placed + (s >= 0 ? 1 : 0)); }
    slotOf[i] = -1;
  };
  go(0, 0);
  return { maxPlaced, minBreaksFull };
}

describe("complete mode (HiGHS)", () => {
  it("places every meeting when a full schedule exists, with pins and precedences held", () => {
    // 4 participants, round robin (6 meetings) in 4 slots, 2 tables; m0 pinned to slot 3, m5 after m1.
    const pairs = [[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]] as const;
    const input: CompleteInput = {
      participants: 4, slots: 4, tables: 2,
      meetings: pairs.map(([a, b], i) => ({ a, b, ...(i === 0 ? { pinned: 3 } : {}), ...(i === 5 ? { after: [1] } : {}) })),
    };
    const r = scheduleComplete(input, solver, { budgetMs: 3000, fairness: null });
    expect(r.allPlaced).toBe(true);
    expect(r.certificate).toEqual([]);
    expect(r.slotOf[0]).toBe(3);
    expect(r.slotOf[1]!).toBeLessThan(r.slotOf[5]!);
    valid(input, r.slotOf);
    expect(r.lowerBound).toBeLessThanOrEqual(r.breaks);
  });

  it("gives a certificate and places the most possible when not every meeting fits", () => {
    // Participant 0 has three meetings but only two slots it can attend.
    const input: CompleteInput = {
      participants: 4, slots: 3, tables: 3, forbidden: [[2], [], [], []],
      meetings: [{ a: 0, b: 1 }, { a: 0, b: 2 }, { a: 0, b: 3 }, { a: 1, b: 2 }],
    };
    expect(counting(input).placedAtMost).toBe(3);
    const r = scheduleComplete(input, solver, { budgetMs: 3000 });
    expect(r.allPlaced).toBe(false);
    expect(r.placed).toBe(3);
    expect(r.placedUpperBound).toBe(3);
    expect(r.certificate.some((c) => c.startsWith("participant 1: 3 meetings"))).toBe(true);
    valid(input, r.slotOf);
  });

  it("certifies a precedence that windows make impossible (afternoon-only before morning-only)", () => {
    const text = `nBusiness = 3;
nMeetings = 2;
nTables = 2;
nTotalSlots = 4;
nMorningSlots = 2;
requested = [| 1, 2, 2 | 1, 3, 1 |];

forbidden = [{0}, {0}, {0}];
fixed = [0, 0];
precedences = [{}, {1}];`;
    const { input } = parseBrokerage(text);
    expect(certificates(input)).toEqual(["meeting 1 (earliest slot 3) cannot come before meeting 2 (latest slot 2)"]);
    const r = scheduleComplete(input, solver, { budgetMs: 3000 });
    expect(r.placed).toBe(1);
    expect(r.placedUpperBound).toBe(1);
    valid(input, r.slotOf);
  });

  it("proves a break that every schedule must have, and reaches it", () => {
    // Participant 0 meets 1 and 2 but cannot attend slot 1 (of 0..2): one break, no better.
    const input: CompleteInput = { participants: 3, slots: 3, tables: 2, forbidden: [[1], [], []], meetings: [{ a: 0, b: 1 }, { a: 0, b: 2 }] };
    const r = scheduleComplete(input, solver, { budgetMs: 3000 });
    expect(r.allPlaced).toBe(true);
    expect(r.breaks).toBe(1);
    expect(r.lowerBound).toBe(1);
    expect(r.breaksOptimal).toBe(true);
  });

  it("improves a start schedule with breaks to the optimum", () => {
    const input: CompleteInput = { participants: 3, slots: 4, tables: 1, meetings: [{ a: 0, b: 1 }, { a: 0, b: 2 }] };
    const start = [0, 3];
    expect(countBreaks(input, start).total).toBe(1);
    const r = scheduleComplete(input, solver, { budgetMs: 3000, start });
    expect(r.breaks).toBe(0);
    expect(r.lowerBound).toBe(0);
    valid(input, r.slotOf);
  });

  it("agrees with exhaustive search on tiny instances (placed count, bound and optimum of breaks)", () => {
    const arb = fc.record({
      P: fc.integer({ min: 2, max: 4 }),
      S: fc.integer({ min: 2, max: 4 }),
      tables: fc.integer({ min: 1, max: 2 }),
      raw: fc.array(fc.record({ a: fc.nat(), b: fc.nat(), pin: fc.option(fc.nat(), { freq: 4 }), after: fc.option(fc.nat(), { freq: 3 }), forb: fc.option(fc.nat(), { freq: 3 }) }), { minLength: 1, maxLength: 5 }),
    });
    fc.assert(
      fc.property(arb, ({ P, S, tables, raw }) => {
        const meetings = raw.map((m, i) => {
          const a = m.a % P;
          const b = (a + 1 + (m.b % (P - 1))) % P;
          const after = m.after !== null && m.after % raw.length !== i ? [m.after % raw.length] : undefined;
          return { a, b, ...(m.pin !== null ? { pinned: m.pin % S } : {}), ...(after ? { after } : {}) };
        });
        const forbidden = Array.from({ length: P }, (_, p) => (raw[p]?.forb != null ? [raw[p]!.forb! % S] : []));
        const input: CompleteInput = { participants: P, slots: S, tables, meetings, forbidden };
        const exact = brute(input);
        const r = scheduleComplete(input, solver, { budgetMs: 2000, fairness: null });
        expect(checkSchedule(input, r.slotOf)).toEqual([]);
        expect(r.placed).toBe(exact.maxPlaced);
        expect(r.placedUpperBound).toBe(exact.maxPlaced);
        if (r.allPlaced) {
          expect(r.lowerBound).toBeLessThanOrEqual(exact.minBreaksFull!);
          expect(r.breaks).toBe(exact.minBreaksFull);
        } else expect(r.certificate.length).toBeGreaterThan(0);
      }),
      { numRuns: 40, seed: 16 },
    );
  });

  it("checker catches a broken schedule", () => {
    const input: CompleteInput = {
      participants: 3, slots: 3, tables: 1, forbidden: [[], [], [2]],
      meetings: [{ a: 0, b: 1, pinned: 0 }, { a: 0, b: 2, after: [0] }, { a: 1, b: 2, allowed: [0, 1] }],
    };
    expect(checkSchedule(input, [0, 1, -1])).toEqual([]);
    const bad = checkSchedule(input, [1, 1, 2], { allPlaced: true, breaks: 5 });
    expect(bad).toEqual(expect.arrayContaining([
      "meeting 1: pinned to slot 1, placed in 2",
      "participant 1 has meetings 1 and 2 in slot 2",
      "slot 2: 2 meetings for 1 tables",
      "meeting 3: slot 3 outside its window",
      "meeting 3: participant 3 cannot attend slot 3",
      "meeting 1 (slot 2) must come before meeting 2 (slot 2)",
      "reported 5 breaks, counted 0",
    ]));
    expect(checkSchedule(input, [0, 1, -1], { allPlaced: true })).toEqual(["reported all placed, but 1 meetings have no slot"]);
  });
});
