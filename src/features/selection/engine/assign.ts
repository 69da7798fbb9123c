// Automatic reviewer assignment.
//
// Each application needs k distinct reviewers; a reviewer is eligible for an
// application unless they declared a conflict on it or belong to the trade body
// that nominated it. Loads are balanced exactly by a minimum-cost flow:
//   source → application (capacity = reviews still needed)
//   application → eligible reviewer (capacity 1: distinct reviewers)
//   reviewer → sink as unit arcs costing L+1, L+2, … for a reviewer already at
//   load L (convex: each further review costs more than the previous one).
// A minimum-cost maximum flow minimises Σ load², and on this kind of
// (transportation) polytope that is the same as the lexicographically most even
// load vector: the largest load is as small as it can be, the smallest as large
// as it can be. So when capacities and eligibility allow it, max − min ≤ 1.
// Applications that can get k reviewers are served first (a second flow call
// that never withdraws their flow); the rest get as many as they can and are
// reported with a reason. Determinism: nodes are inserted
// in an order shuffled by the seed, which picks one of the equally cheap
// optima; the same input and seed always give the same assignment.
// `existing` pairs (reviews already assigned) are kept when still eligible and
// count toward both the application's k and the reviewer's load, so a conflict
// declared later can be repaired by re-running with that pair removed.
import { z } from "zod";
import { parseInput } from "../../../platform/validation";
import { byString, seededRandom, shuffled } from "./common";
import { FlowGraph } from "./flow";

export const AssignInput = z
  .object({
    applications: z.array(z.object({ id: z.string().min(1), tradeBodyId: z.string().min(1) })),
    reviewers: z.array(
      z.object({
        id: z.string().min(1),
        tradeBodyIds: z.array(z.string()).default([]),
        conflicts: z.array(z.string()).default([]), // application ids
        capacity: z.number().int().min(0).optional(), // most reviews in total, existing included
      }),
    ),
    reviewsPerApplication: z.number().int().min(1),
    seed: z.number().int().default(1),
    existing: z.array(z.object({ applicationId: z.string(), reviewerId: z.string() })).default([]),
  })
  .superRefine((input, ctx) => {
    const unique = (ids: string[], path: string) => {
      const seen = new Set<string>();
      ids.forEach((id, i) => {
        if (seen.has(id)) ctx.addIssue({ code: "custom", path: [path, i, "id"], params: { code: "duplicate_id" } });
        seen.add(id);
      });
    };
    unique(input.applications.map((a) => a.id), "applications");
    unique(input.reviewers.map((r) => r.id), "reviewers");
  });
export type AssignInput = z.input<typeof AssignInput>;

export const ShortfallReason = z.enum(["too_few_eligible_reviewers", "reviewer_capacity_exhausted"]);

export const AssignResult = z.object({
  assignments: z.array(z.object({ applicationId: z.string(), reviewerId: z.string(), existing: z.boolean() })),
  loads: z.array(z.object({ reviewerId: z.string(), load: z.number().int(), capacity: z.number().int().nullable() })),
  shortfalls: z.array(
    z.object({
      applicationId: z.string(),
      required: z.number().int(),
      assigned: z.number().int(),
      eligible: z.number().int(),
      reason: ShortfallReason,
      excluded: z.object({ conflict: z.number().int(), tradeBody: z.number().int() }),
    }),
  ),
  dropped: z.array(z.object({ applicationId: z.string(), reviewerId: z.string(), reason: z.enum(["conflict", "trade_body", "unknown"]) })),
});
export type AssignResult = z.infer<typeof AssignResult>;

type Reviewer = z.output<typeof AssignInput>["reviewers"][number];
type Application = z.output<typeof AssignInput>["applications"][number];

export function ineligibility(reviewer: Reviewer, application: Application): "conflict" | "trade_body" | null {
  if (reviewer.conflicts.includes(application.id)) return "conflict";
  if (reviewer.tradeBodyIds.includes(application.tradeBodyId)) return "trade_body";
  return null;
}

export function assignReviewers(raw: AssignInput): AssignResult {
  const input = parseInput(AssignInput, raw);
  const k = input.reviewsPerApplication;
  const random = seededRandom(input.seed);
  // Sort first so the seed, not the caller's order, decides the shuffle.
  const applications = shuffled([...input.applications].sort((a, b) => byString(a.id, b.id)), random);
  const reviewers = shuffled([...input.reviewers].sort((a, b) => byString(a.id, b.id)), random);
  const appById = new Map(applications.map((a) => [a.id, a]));
  const revById = new Map(reviewers.map((r) => [r.id, r]));

  // Keep existing pairs that are still eligible; drop the others with their reason.
  const kept = new Set<string>();
  const dropped: AssignResult["dropped"] = [];
  const load = new Map(reviewers.map((r) => [r.id, 0]));
  const have = new Map(applications.map((a) => [a.id, 0]));
  for (const pair of input.existing) {
    const a = appById.get(pair.applicationId);
    const r = revById.get(pair.reviewerId);
    const key = `${pair.applicationId}\u0000${pair.reviewerId}`;
    if (kept.has(key)) continue;
    const why = !a || !r ? "unknown" : ineligibility(r, a);
    if (why) {
      dropped.push({ ...pair, reason: why });
      continue;
    }
    kept.add(key);
    load.set(r!.id, load.get(r!.id)! + 1);
    have.set(a!.id, have.get(a!.id)! + 1);
  }

  const eligible = new Map<string, Reviewer[]>();
  const excluded = new Map<string, { conflict: number; tradeBody: number }>();
  for (const a of applications) {
    const list: Reviewer[] = [];
    const ex = { conflict: 0, tradeBody: 0 };
    for (const r of reviewers) {
      const why = ineligibility(r, a);
      if (why === "conflict") ex.conflict++;
      else if (why === "trade_body") ex.tradeBody++;
      else list.push(r);
    }
    eligible.set(a.id, list);
    excluded.set(a.id, ex);
  }
  const need = (a: Application) => Math.max(0, k - have.get(a.id)!);
  const fresh = (a: Application) => eligible.get(a.id)!.filter((r) => !kept.has(`${a.id}\u0000${r.id}`));

  // Nodes: 0 source, 1 sink, then applications, then reviewers.
  const source = 0;
  const sink = 1;
  const appNode = new Map(applications.map((a, i) => [a.id, 2 + i]));
  const revNode = new Map(reviewers.map((r, i) => [r.id, 2 + applications.length + i]));
  const graph = new FlowGraph(2 + applications.length + reviewers.length);
  const demand = applications.reduce((s, a) => s + need(a), 0);

  const pairArcs: { applicationId: string; reviewerId: string; arc: number }[] = [];
  const eligibleCount = new Map(reviewers.map((r) => [r.id, 0]));
  for (const a of applications) {
    for (const r of fresh(a)) {
      pairArcs.push({ applicationId: a.id, reviewerId: r.id, arc: graph.addArc(appNode.get(a.id)!, revNode.get(r.id)!, 1, 0) });
      eligibleCount.set(r.id, eligibleCount.get(r.id)! + 1);
    }
  }
  for (const r of reviewers) {
    const start = load.get(r.id)!;
    const room = r.capacity === undefined ? Infinity : Math.max(0, r.capacity - start);
    const units = Math.min(room, eligibleCount.get(r.id)!, demand);
    for (let j = 1; j <= units; j++) graph.addArc(revNode.get(r.id)!, sink, 1, start + j);
  }

  // Applications that can reach k first, so a partial one never takes a place a full one needed.
  const canReach = (a: Application) => fresh(a).length >= need(a);
  for (const phase of [true, false]) {
    for (const a of applications) {
      if (need(a) > 0 && canReach(a) === phase) graph.addArc(source, appNode.get(a.id)!, need(a), 0);
    }
    graph.minCostFlow(source, sink);
  }

  const assignments: AssignResult["assignments"] = [];
  for (const key of kept) {
    const [applicationId, reviewerId] = key.split("\u0000") as [string, string];
    assignments.push({ applicationId, reviewerId, existing: true });
  }
  for (const p of pairArcs) {
    if (graph.flowOn(p.arc) > 0) {
      assignments.push({ applicationId: p.applicationId, reviewerId: p.reviewerId, existing: false });
      load.set(p.reviewerId, load.get(p.reviewerId)! + 1);
      have.set(p.applicationId, have.get(p.applicationId)! + 1);
    }
  }
  assignments.sort((x, y) => byString(x.applicationId, y.applicationId) || byString(x.reviewerId, y.reviewerId));

  const shortfalls: AssignResult["shortfalls"] = [];
  for (const a of [...applications].sort((x, y) => byString(x.id, y.id))) {
    const assigned = have.get(a.id)!;
    if (assigned >= k) continue;
    const count = eligible.get(a.id)!.length;
    shortfalls.push({
      applicationId: a.id,
      required: k,
      assigned,
      eligible: count,
      reason: count < k ? "too_few_eligible_reviewers" : "reviewer_capacity_exhausted",
      excluded: excluded.get(a.id)!,
    });
  }
  const loads = [...reviewers]
    .sort((x, y) => byString(x.id, y.id))
    .map((r) => ({ reviewerId: r.id, load: load.get(r.id)!, capacity: r.capacity ?? null }));
  return { assignments, loads, shortfalls, dropped };
}
