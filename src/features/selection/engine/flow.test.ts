import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FlowGraph } from "./flow";

type Arc = [number, number, number, number];

const residual = (arcs: Arc[]) =>
  arcs.flatMap(([u, v, cap, w]) => [
    { u, v, cap, w },
    { u: v, v: u, cap: 0, w: -w },
  ]);

// Reference: one unit at a time along a Bellman–Ford shortest path on an
// explicit residual list. Slow and obviously right.
// Like FlowGraph, it never sends flow back into the source, so a second call
// keeps what the first sent (assign.ts serves complete applications first).
function reference(n: number, arcs: Arc[], s: number, t: number, res = residual(arcs)) {
  let flow = 0;
  let cost = 0;
  for (;;) {
    const dist = new Array<number>(n).fill(Infinity);
    const via = new Array<number>(n).fill(-1);
    dist[s] = 0;
    for (let round = 0; round < n; round++) {
      res.forEach((e, i) => {
        if (e.cap > 0 && e.v !== s && dist[e.u]! + e.w < dist[e.v]!) {
          dist[e.v] = dist[e.u]! + e.w;
          via[e.v] = i;
        }
      });
    }
    if (dist[t] === Infinity) return { flow, cost };
    for (let v = t; v !== s; v = res[via[v]!]!.u) {
      res[via[v]!]!.cap -= 1;
      res[via[v]! ^ 1]!.cap += 1;
    }
    flow += 1;
    cost += dist[t]!;
  }
}

// The shape assign.ts builds: source 0, sink 1, applications 2..7, reviewers 8..11.
const pairArb = fc.tuple(fc.integer({ min: 2, max: 7 }), fc.integer({ min: 8, max: 11 }));
const instanceArb = fc.record({
  pairs: fc.uniqueArray(pairArb, { selector: ([a, r]) => `${a}/${r}`, maxLength: 24 }),
  demand: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 6, maxLength: 6 }),
  units: fc.array(fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 5 }), { minLength: 4, maxLength: 4 }),
  phaseOne: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
});

describe("FlowGraph", () => {
  it("finds a minimum-cost maximum flow, also when source arcs are added in a second call", () => {
    fc.assert(
      fc.property(instanceArb, ({ pairs, demand, units, phaseOne }) => {
        const inner: Arc[] = [
          ...pairs.map(([a, r]): Arc => [a, r, 1, 0]),
          ...units.flatMap((costs, i) => costs.map((c): Arc => [8 + i, 1, 1, c])),
        ];
        const sourceArc = (i: number): Arc => [0, 2 + i, demand[i]!, 0];
        const g = new FlowGraph(12);
        for (const a of inner) g.addArc(...a);
        for (let i = 0; i < 6; i++) if (phaseOne[i]) g.addArc(...sourceArc(i));
        const first = g.minCostFlow(0, 1);
        const res = residual([...inner, ...[0, 1, 2, 3, 4, 5].filter((i) => phaseOne[i]).map(sourceArc)]);
        const ref1 = reference(12, [], 0, 1, res);
        expect(first).toBe(ref1.flow);
        expect(g.totalCost()).toBe(ref1.cost);
        for (let i = 0; i < 6; i++) if (!phaseOne[i]) g.addArc(...sourceArc(i));
        res.push(...residual([0, 1, 2, 3, 4, 5].filter((i) => !phaseOne[i]).map(sourceArc)));
        const second = g.minCostFlow(0, 1);
        const ref2 = reference(12, [], 0, 1, res);
        expect(second).toBe(ref2.flow);
        expect(g.totalCost()).toBe(ref1.cost + ref2.cost);
        // Continuing never loses flow: the total is the maximum flow of the whole graph.
        expect(first + second).toBe(reference(12, [...inner, ...[0, 1, 2, 3, 4, 5].map(sourceArc)], 0, 1).flow);
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it("fails loudly instead of looping on a negative cycle", () => {
    const g = new FlowGraph(3);
    g.addArc(0, 1, 2, 0);
    g.addArc(1, 2, 1, 5);
    expect(g.minCostFlow(0, 2)).toBe(1);
    g.addArc(1, 2, 1, 0); // a cheaper parallel arc: 1 → 2 → 1 now costs −5 (not a source arc: misuse)
    expect(() => g.minCostFlow(0, 2)).toThrow(/negative cycle/);
  });
});
