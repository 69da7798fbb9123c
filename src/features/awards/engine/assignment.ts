// Load-balanced assignment of a round's entries to its judges: the selection engine's
// min-cost-flow assignment (selection/engine/assign.ts), with every recusal (declared conflict,
// trade body or cluster affiliation; the database's `awards_recused` decides, the operation passes
// the pairs) as a conflict, so no recused judge is ever given an entry. Pure.
import { assignReviewers } from "#features/selection/client";

export function assignJudges(input: {
  entryIds: readonly string[];
  judgeIds: readonly string[];
  recused: readonly { entryId: string; judgeId: string }[];
  existing: readonly { entryId: string; judgeId: string }[];
  judgesPerEntry: number;
  seed?: number;
}) {
  const conflicts = new Map<string, string[]>(input.judgeIds.map((j) => [j, []]));
  for (const r of input.recused) conflicts.get(r.judgeId)?.push(r.entryId);
  const result = assignReviewers({
    // One trade body no judge has: affiliation is already in `recused`.
    applications: input.entryIds.map((id) => ({ id, tradeBodyId: "-" })),
    reviewers: input.judgeIds.map((id) => ({ id, conflicts: conflicts.get(id)! })),
    reviewsPerApplication: input.judgesPerEntry,
    seed: input.seed ?? 1,
    existing: input.existing.map((p) => ({ applicationId: p.entryId, reviewerId: p.judgeId })),
  });
  return {
    assignments: result.assignments.map((a) => ({ entryId: a.applicationId, judgeId: a.reviewerId, existing: a.existing })),
    loads: result.loads.map((l) => ({ judgeId: l.reviewerId, load: l.load })),
    shortfalls: result.shortfalls.map((s) => ({ entryId: s.applicationId, required: s.required, assigned: s.assigned, eligible: s.eligible })),
    dropped: result.dropped.map((d) => ({ entryId: d.applicationId, judgeId: d.reviewerId })),
  };
}
