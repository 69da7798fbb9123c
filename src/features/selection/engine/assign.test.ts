import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignReviewers, type AssignInput } from "./assign";

const apps = (n: number, tradeBody = (i: number) => `tb${i % 4}`) =>
  Array.from({ length: n }, (_, i) => ({ id: `app${String(i).padStart(3, "0")}`, tradeBodyId: tradeBody(i) }));
const revs = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `rev${String(i).padStart(2, "0")}` }));

function check(input: AssignInput) {
  const result = assignReviewers(input);
  const k = input.reviewsPerApplication;
  const reviewers = new Map(input.reviewers.map((r) => [r.id, r]));
  const byApp = new Map<string, string[]>();
  for (const a of result.assignments) byApp.set(a.applicationId, [...(byApp.get(a.applicationId) ?? []), a.reviewerId]);
  for (const app of input.applications) {
    const rs = byApp.get(app.id) ?? [];
    expect(new Set(rs).size).toBe(rs.length); // distinct reviewers
    for (const r of rs) {
      expect(reviewers.get(r)!.conflicts ?? []).not.toContain(app.id);
      expect(reviewers.get(r)!.tradeBodyIds ?? []).not.toContain(app.tradeBodyId);
    }
    const short = result.shortfalls.find((s) => s.applicationId === app.id);
    if (short) expect(rs.length).toBeLessThan(k);
    else expect(rs.length).toBe(k);
  }
  for (const l of result.loads) if (l.capacity !== null) expect(l.load).toBeLessThanOrEqual(l.capacity);
  return result;
}

const spread = (loads: { load: number }[]) => Math.max(...loads.map((l) => l.load)) - Math.min(...loads.map((l) => l.load));

describe("assignReviewers", () => {
  it("gives every application k distinct eligible reviewers with loads within one", () => {
    const reviewers = revs(13).map((r, i) => ({ ...r, tradeBodyIds: i < 3 ? [`tb${i}`] : [], conflicts: i === 5 ? ["app001", "app002"] : [] }));
    const result = check({ applications: apps(170), reviewers, reviewsPerApplication: 3, seed: 7 });
    expect(result.shortfalls).toEqual([]);
    expect(result.assignments).toHaveLength(510);
    expect(spread(result.loads)).toBeLessThanOrEqual(1);
  });

  it("balances as well as the trade-body exclusions allow", () => {
    // Two reviewers belong to the trade body that nominated 90% of applications:
    // they can only take the other 10%, everyone else shares the rest evenly.
    const applications = apps(100, (i) => (i % 10 === 0 ? "other" : "big"));
    const reviewers = revs(8).map((r, i) => ({ ...r, tradeBodyIds: i < 2 ? ["big"] : [] }));
    const result = check({ applications, reviewers, reviewsPerApplication: 2, seed: 3 });
    expect(result.shortfalls).toEqual([]);
    const loads = result.loads.map((l) => l.load);
    expect(loads.slice(0, 2)).toEqual([10, 10]);
    expect(Math.max(...loads.slice(2)) - Math.min(...loads.slice(2))).toBeLessThanOrEqual(1);
  });

  it("reports an application with too few eligible reviewers, with the exclusions", () => {
    const reviewers = [{ id: "a", capacity: 1 }, { id: "b", conflicts: ["app000"] }, { id: "c", tradeBodyIds: ["tb0"] }];
    const result = check({ applications: apps(4), reviewers, reviewsPerApplication: 2 });
    // Max flow reroutes: apps 1–3 use b and c so that a's single place goes to app000.
    expect(result.shortfalls).toEqual([
      { applicationId: "app000", required: 2, assigned: 1, eligible: 1, reason: "too_few_eligible_reviewers", excluded: { conflict: 1, tradeBody: 1 } },
    ]);
  });

  it("respects capacities and reports what they leave unserved", () => {
    const reviewers = [{ id: "a", capacity: 1 }, { id: "b", capacity: 1 }, { id: "c" }];
    const result = check({ applications: apps(4), reviewers, reviewsPerApplication: 2 });
    expect(result.loads.map((l) => l.load)).toEqual([1, 1, 4]);
    expect(result.shortfalls).toHaveLength(2);
    expect(result.shortfalls.every((s) => s.reason === "reviewer_capacity_exhausted" && s.assigned === 1)).toBe(true);
  });

  it("is deterministic under a seed and independent of input order", () => {
    const input = { applications: apps(40), reviewers: revs(9), reviewsPerApplication: 3, seed: 11 };
    const a = assignReviewers(input);
    expect(assignReviewers(input)).toEqual(a);
    expect(assignReviewers({ ...input, applications: [...input.applications].reverse(), reviewers: [...input.reviewers].reverse() })).toEqual(a);
    expect(assignReviewers({ ...input, seed: 12 }).assignments).not.toEqual(a.assignments);
  });

  it("keeps eligible existing assignments and repairs one dropped after a conflict", () => {
    const input = { applications: apps(20), reviewers: revs(6), reviewsPerApplication: 3, seed: 5 };
    const first = assignReviewers(input);
    const victim = first.assignments[0]!;
    const reviewers = input.reviewers.map((r) => (r.id === victim.reviewerId ? { ...r, conflicts: [victim.applicationId] } : r));
    const second = check({ ...input, reviewers, existing: first.assignments });
    expect(second.dropped).toEqual([{ applicationId: victim.applicationId, reviewerId: victim.reviewerId, reason: "conflict" }]);
    expect(second.assignments.filter((a) => !a.existing)).toHaveLength(1);
    expect(second.assignments.filter((a) => a.existing)).toHaveLength(first.assignments.length - 1);
  });

  it("property: never conflicted, never the nominating trade body, exactly k when feasible, loads within one when unconstrained", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 3, max: 10 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer(),
        fc.array(fc.tuple(fc.nat(9), fc.nat(39)), { maxLength: 15 }),
        (nApps, nRevs, k, seed, conflicts) => {
          const reviewers = revs(nRevs).map((r, i) => ({
            ...r,
            tradeBodyIds: i === 0 ? ["tb0"] : [],
            conflicts: conflicts.filter(([ri]) => ri === i).map(([, ai]) => `app${String(ai).padStart(3, "0")}`),
          }));
          const result = check({ applications: apps(nApps), reviewers, reviewsPerApplication: k, seed });
          if (conflicts.length === 0 && nApps % 4 !== 0) {
            // Only reviewer 0 is restricted (tb0 = a quarter of applications); all others must be within one.
            expect(spread(result.loads.slice(1))).toBeLessThanOrEqual(1);
          }
          // Exchange optimality: no reviewer could hand a review to one at least two lighter.
          const load = new Map(result.loads.map((l) => [l.reviewerId, l.load]));
          const pairs = new Set(result.assignments.map((a) => `${a.applicationId}/${a.reviewerId}`));
          const appsById = new Map(apps(nApps).map((a) => [a.id, a]));
          for (const a of result.assignments) {
            for (const r of reviewers) {
              if (load.get(r.id)! + 2 > load.get(a.reviewerId)!) continue;
              const app = appsById.get(a.applicationId)!;
              const eligible = !r.conflicts.includes(app.id) && !r.tradeBodyIds.includes(app.tradeBodyId);
              expect(eligible && !pairs.has(`${app.id}/${r.id}`)).toBe(false);
            }
          }
        },
      ),
      { numRuns: 60, seed: 42 },
    );
  });
});
