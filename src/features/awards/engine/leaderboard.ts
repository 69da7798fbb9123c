// The leaderboard of a judging round: each judge's complete scoring of an entry (every criterion
// of the round) becomes one review; the selection engine's z-score normalisation puts every judge
// on one scale (so a harsh judge, or a recusal that leaves an entry with other judges, does not
// penalise it); entries rank by their mean normalised score. Ties: the higher mean raw score, then
// more reviews, then the entry id (stable, never the order rows came in). Places: the first
// `winners` are winners, the next `runnersUp` runners-up. Pure.
import { byString, normaliseScores, round2 } from "#features/selection/client";

export interface ScoreRow {
  entryId: string;
  judgeId: string;
  criterionId: string;
  score: number;
}

export interface LeaderboardRow {
  entryId: string;
  rank: number;
  reviews: number;
  meanRaw: number;
  meanNormalised: number;
  spread: number;
  disagreement: boolean;
}

/** Reviews of the round: only a judge's complete scoring of an entry counts. */
export function completeReviews(criteria: readonly { id: string }[], scores: readonly ScoreRow[]) {
  const byPair = new Map<string, { applicationId: string; reviewerId: string; scores: Record<string, number> }>();
  for (const s of scores) {
    const key = `${s.entryId}\u0000${s.judgeId}`;
    const r = byPair.get(key) ?? { applicationId: s.entryId, reviewerId: s.judgeId, scores: {} };
    r.scores[s.criterionId] = s.score;
    byPair.set(key, r);
  }
  const ids = criteria.map((c) => c.id);
  return [...byPair.values()].filter((r) => ids.every((id) => r.scores[id] !== undefined) && Object.keys(r.scores).length === ids.length);
}

export function leaderboard(input: {
  criteria: readonly { id: string; weight: number }[];
  scores: readonly ScoreRow[];
  disagreementThreshold?: number;
}): LeaderboardRow[] {
  if (input.criteria.length === 0) return [];
  const reviews = completeReviews(input.criteria, input.scores);
  if (reviews.length === 0) return [];
  const result = normaliseScores({
    criteria: input.criteria.map((c) => ({ id: c.id, weight: c.weight })),
    reviews,
    ...(input.disagreementThreshold ? { disagreementThreshold: input.disagreementThreshold } : {}),
  });
  const rows = result.applications.map((a) => ({
    entryId: a.applicationId,
    reviews: a.reviews,
    meanRaw: round2(a.meanRaw),
    meanNormalised: round2(a.meanNormalised),
    spread: round2(a.spread),
    disagreement: a.disagreement,
  }));
  rows.sort((x, y) => y.meanNormalised - x.meanNormalised || y.meanRaw - x.meanRaw || y.reviews - x.reviews || byString(x.entryId, y.entryId));
  return rows.map((r, i) => ({ ...r, rank: i + 1 }));
}

export function placesOf(board: readonly LeaderboardRow[], winners: number, runnersUp: number) {
  return board.slice(0, winners + runnersUp).map((r, i) => ({ entryId: r.entryId, rank: r.rank, meanNormalised: r.meanNormalised, place: i < winners ? ("winner" as const) : ("runner_up" as const) }));
}
