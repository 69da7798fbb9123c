// The independent SAT check (sat.ts) against exhaustive search, then the
// complete mode (HiGHS) against the SAT check on small generated instances:
// never fewer meetings placed than a full schedule allows, certificates and
// bounds that the SAT check confirms.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { counting } from "./certificate";
import { checkSchedule, countBreaks } from "./check";
import type { CompleteInput } from "./problem";
import { decide, decideWithin } from "./sat";
import { createRequire } from "node:module";
import { loadSolver, scheduleComplete, type Solver } from "./solve";

let solver: Solver;
beforeAll(async () => { solver = await loadSolver(); });

/** Exhaustive search: most meetings placeable, fewest breaks of a full schedule (null if none). */
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

/** Random instances: pairs, pins, precedences, forbidden slots, morning/afternoon windows, two days sometimes. */
function instances(maxP: number, maxS: number, maxM: number) {
  return fc.record({
    P: fc.integer({ min: 2, max: maxP }),
    S: fc.integer({ min: 2, max: maxS }),
    tables: fc.integer({ min: 1, max: 3 }),
    twoDays: fc.boolean(),
    raw: fc.array(fc.record({
      a: fc.nat(), b: fc.nat(),
      pin: fc.option(fc.nat(), { freq: 5 }),
      after: fc.option(fc.nat(), { freq: 3 }),
      when: fc.integer({ min: 0, max: 5 }),
      forb: fc.option(fc.nat(), { freq: 3 }),
    }), { minLength: 1, maxLength: maxM }),
  }).map(({ P, S, tables, twoDays, raw }): CompleteInput => {
    const half = Math.max(1, Math.floor(S / 2));
    const meetings = raw.map((m, i) => {
      const a = m.a % P;
      const b = (a + 1 + (m.b % (P - 1))) % P;
      const after = m.after !== null && m.after % raw.length !== i ? [m.after % raw.length] : undefined;
      const allowed = m.when === 1 ? Array.from({ length: half }, (_, s) => s) : m.when === 2 ? Array.from({ length: S - half }, (_, s) => s + half) : undefined;
      return { a, b, ...(allowed ? { allowed } : {}), ...(m.pin !== null ? { pinned: m.pin % S } : {}), ...(after ? { after } : {}) };
    });
    const forbidden = Array.from({ length: P }, (_, p) => (raw[p]?.forb != null ? [raw[p]!.forb! % S] : []));
    return { participants: P, slots: S, tables, meetings, forbidden, ...(twoDays ? { dayOf: Array.from({ length: S }, (_, s) => (s < half ? 0 : 1)) } : {}) };
  });
}

type Cnf = { vars: number; clauses: Int32Array; groups: { lits: number[]; bound: number }[]; eager?: boolean };
const { solveCnf } = createRequire(import.meta.url)("./sat-run.cjs") as { solveCnf: (p: Cnf) => { status: string } };

describe("cardinality groups of the SAT runner", () => {
  it("'at most k' holds exactly, lazy or eager, counted up (k small) or down (k near n), on literals of either sign", () => {
    for (let n = 1; n <= 5; n++) for (let k = 0; k <= n; k++) for (const eager of [false, true]) {
      for (let bits = 0; bits < 1 << n; bits++) {
        // Variables 1..n fixed by unit clauses; the group holds v or -v alternately.
        const lits = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? i + 1 : -(i + 1)));
        const clauses: number[] = [];
        let trueLits = 0;
        for (let i = 0; i < n; i++) {
          const on = ((bits >> i) & 1) === 1;
          clauses.push(on ? i + 1 : -(i + 1), 0);
          if (on === lits[i]! > 0) trueLits++;
        }
        const r = solveCnf({ vars: n, clauses: Int32Array.from(clauses), groups: [{ lits, bound: k }], eager });
        expect(r.status, `n ${n} k ${k} eager ${eager} bits ${bits}`).toBe(trueLits <= k ? "sat" : "unsat");
      }
    }
  });
});

describe("SAT feasibility check (MiniSat)", () => {
  it("agrees with exhaustive search: full schedule, most placeable, fewest breaks", () => {
    fc.assert(
      fc.property(instances(4, 4, 5), (input) => {
        const exact = brute(input);
        const M = input.meetings.length;
        const full = decide(input);
        expect(full.status).toBe(exact.maxPlaced === M ? "sat" : "unsat");
        if (full.status === "sat") expect(checkSchedule(input, full.slotOf, { allPlaced: true })).toEqual([]);
        const most = decide(input, { atLeast: exact.maxPlaced });
        expect(most.status).toBe("sat");
        if (most.status === "sat") expect(checkSchedule(input, most.slotOf, { placed: most.slotOf.filter((s) => s >= 0).length })).toEqual([]);
        expect(decide(input, { atLeast: exact.maxPlaced + 1 }).status).toBe("unsat");
        if (exact.minBreaksFull !== null) {
          const best = decide(input, { breaksAtMost: exact.minBreaksFull });
          expect(best.status).toBe("sat");
          if (best.status === "sat") expect(countBreaks(input, best.slotOf).total).toBeLessThanOrEqual(exact.minBreaksFull);
          if (exact.minBreaksFull > 0) expect(decide(input, { breaksAtMost: exact.minBreaksFull - 1 }).status).toBe("unsat");
        }
      }),
      { numRuns: 25, seed: 9 },
    );
  }, 60_000); // about 1.5 s of CPU; the margin is for a loaded machine

  it("'at most k breaks' with a hint: same answers as exhaustive search, whatever the hint", () => {
    fc.assert(
      fc.property(instances(4, 4, 5), fc.array(fc.integer({ min: -1, max: 4 }), { minLength: 5, maxLength: 5 }), (input, raw) => {
        const exact = brute(input);
        if (exact.minBreaksFull === null) return;
        // Any slots at all (outside domains, clashing): a hint changes the search, not the answer.
        const hint = input.meetings.map((_, i) => raw[i]!);
        const best = decide(input, { breaksAtMost: exact.minBreaksFull, hint });
        expect(best.status).toBe("sat");
        if (best.status === "sat") {
          expect(checkSchedule(input, best.slotOf, { allPlaced: true })).toEqual([]);
          expect(countBreaks(input, best.slotOf).total).toBeLessThanOrEqual(exact.minBreaksFull);
          // The answer as hint: still the same answer.
          expect(decide(input, { breaksAtMost: exact.minBreaksFull, hint: best.slotOf }).status).toBe("sat");
        }
        if (exact.minBreaksFull > 0) expect(decide(input, { breaksAtMost: exact.minBreaksFull - 1, hint }).status).toBe("unsat");
      }),
      { numRuns: 25, seed: 23 },
    );
  }, 60_000);

  it("0 breaks: found inside the windows, refused when a window has a forbidden hole or the tables force a break", () => {
    // 0 meets 1, 2, 3; 3 meets 4; the schedule in hand has breaks.
    const open: CompleteInput = { participants: 5, slots: 5, tables: 2, meetings: [{ a: 0, b: 1 }, { a: 0, b: 2 }, { a: 0, b: 3 }, { a: 3, b: 4 }] };
    const hint = [0, 2, 4, 1];
    expect(countBreaks(open, hint).total).toBeGreaterThan(0);
    const r = decide(open, { breaksAtMost: 0, hint });
    expect(r.status).toBe("sat");
    if (r.status === "sat") {
      expect(checkSchedule(open, r.slotOf, { allPlaced: true })).toEqual([]);
      expect(countBreaks(open, r.slotOf).total).toBe(0);
    }
    // 0 cannot attend the middle slot: its two meetings sit around it, one break at least.
    const hole: CompleteInput = { participants: 3, slots: 3, tables: 1, meetings: [{ a: 0, b: 1 }, { a: 0, b: 2 }], forbidden: [[1], [], []] };
    expect(decide(hole, { breaksAtMost: 0 }).status).toBe("unsat");
    expect(decide(hole, { breaksAtMost: 1, hint: [0, 2] }).status).toBe("sat");
    // One table, five meetings in five slots, one pinned to slot 2: 0's pair and 3's pair
    // cannot both sit side by side. With two tables they can.
    const meetings = [{ a: 0, b: 1 }, { a: 0, b: 2 }, { a: 3, b: 4 }, { a: 3, b: 5 }, { a: 6, b: 7, pinned: 1 }];
    const oneTable: CompleteInput = { participants: 8, slots: 5, tables: 1, meetings };
    expect(decide(oneTable, {}).status).toBe("sat");
    expect(decide(oneTable, { breaksAtMost: 0, hint: [0, 2, 3, 4, 1] }).status).toBe("unsat");
    const b = decide(oneTable, { breaksAtMost: 1 });
    expect(b.status).toBe("sat");
    if (b.status === "sat") expect(checkSchedule(oneTable, b.slotOf, { allPlaced: true, breaks: 1 })).toEqual([]);
    const two = decide({ ...oneTable, tables: 2 }, { breaksAtMost: 0 });
    expect(two.status).toBe("sat");
    if (two.status === "sat") expect(checkSchedule({ ...oneTable, tables: 2 }, two.slotOf, { allPlaced: true, breaks: 0 })).toEqual([]);
  });

  it("answers in a worker thread, and 'unknown' when the time is up", async () => {
    const input: CompleteInput = { participants: 3, slots: 3, tables: 1, meetings: [{ a: 0, b: 1 }, { a: 0, b: 2 }, { a: 1, b: 2 }] };
    const r = await decideWithin(input, {}, 4000);
    expect(r.status).toBe("sat");
    if (r.status === "sat") expect(checkSchedule(input, r.slotOf, { allPlaced: true })).toEqual([]);
    expect((await decideWithin({ ...input, slots: 2 }, {}, 4000)).status).toBe("unsat");
    expect((await decideWithin(input, {}, 0)).status).toBe("unknown");
    // From a hint: tries in workers of a manager worker; the same answers.
    // One table: the participant not in the middle meeting waits through it, so 1 break, not 0.
    const hinted = await decideWithin(input, { breaksAtMost: 1, hint: [0, 2, 1] }, 4000);
    expect(hinted.status).toBe("sat");
    if (hinted.status === "sat") expect(checkSchedule(input, hinted.slotOf, { allPlaced: true, breaks: 1 })).toEqual([]);
    expect((await decideWithin(input, { breaksAtMost: 0, hint: [0, 2, 1] }, 4000)).status).toBe("unsat");
    expect((await decideWithin(input, { breaksAtMost: 0, hint: [0, 2, 1] }, 0)).status).toBe("unknown");
  }, 30_000);
});

describe("complete mode cross-checked by the SAT check", () => {
  it("places every meeting whenever SAT finds a full schedule; otherwise its certificates and bounds hold", () => {
    fc.assert(
      fc.property(instances(6, 6, 10), (input) => {
        const M = input.meetings.length;
        const r = scheduleComplete(input, solver, { budgetMs: 1500, fairness: null });
        expect(checkSchedule(input, r.slotOf, { placed: r.placed, breaks: r.breaks, allPlaced: r.allPlaced })).toEqual([]);
        const full = decide(input);
        const c = counting(input);
        if (full.status === "sat") {
          expect(r.allPlaced).toBe(true);
          expect(r.certificate).toEqual([]);
          // No counting certificate may claim that a placeable event is not.
          expect(c.lines).toEqual([]);
          expect(c.placedAtMost).toBe(M);
          // The lower bound on breaks is valid, and so is a claimed optimum.
          if (r.lowerBound > 0) expect(decide(input, { breaksAtMost: r.lowerBound - 1 }).status).toBe("unsat");
          if (r.breaksOptimal && r.breaks > 0) expect(decide(input, { breaksAtMost: r.breaks - 1 }).status).toBe("unsat");
        } else {
          expect(r.allPlaced).toBe(false);
          expect(r.certificate.length).toBeGreaterThan(0);
          // "At most K placeable" (solver's and counting's) is true, and the most possible are placed.
          expect(decide(input, { atLeast: r.placedUpperBound + 1 }).status).toBe("unsat");
          expect(decide(input, { atLeast: c.placedAtMost + 1 }).status).toBe("unsat");
          expect(decide(input, { atLeast: r.placed + 1 }).status).toBe("unsat");
        }
      }),
      { numRuns: 25, seed: 16 },
    );
  }, 60_000);
});
