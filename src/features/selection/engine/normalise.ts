// Per-reviewer score normalisation, so a harsh and a generous reviewer count alike.
//
// 1. Weighted raw score of a review: Σ wᵢ·sᵢ / Σ wᵢ over the criteria, on the
//    1–5 scale the reviewer used.
// 2. z-score against the reviewer's own mean and (population) standard
//    deviation of raw scores, rescaled: normalised = clamp(50 + 15·z, 0, 100).
//    50 is "exactly this reviewer's average", 15 points is one standard
//    deviation, anything beyond ±3⅓ deviations is clamped to the scale's ends.
// 3. Reviewers with too little evidence (fewer than `minReviewsForOwnScale`
//    reviews, default 3) are placed on the pooled scale: the mean and standard
//    deviation of all raw scores in the call. Two reviews always give z = ±1 on
//    their own scale, which would exaggerate a tiny difference.
// 4. A reviewer with enough reviews who gave every application the same raw
//    score expressed no preference between them: every review gets 50 ("flat").
//    If the pooled scale itself is flat, everything is 50 too.
// Per application: mean raw, mean normalised, spread (max − min and population
// standard deviation of the normalised scores) and a `disagreement` flag when
// two or more reviews differ by at least `disagreementThreshold` normalised
// points (default 30, i.e. two reviewer standard deviations).
import { z } from "zod";
import { parseInput } from "../../../platform/validation";
import { byString, mean, round2, stdev } from "./common";

export const NORMALISED_CENTRE = 50;
export const NORMALISED_POINTS_PER_SD = 15;
export const DEFAULT_MIN_REVIEWS_FOR_OWN_SCALE = 3;
export const DEFAULT_DISAGREEMENT_THRESHOLD = 30;

export const Criterion = z.object({ id: z.string().min(1), weight: z.number().positive().finite() });

export const Review = z.object({
  applicationId: z.string().min(1),
  reviewerId: z.string().min(1),
  scores: z.record(z.string(), z.number().int().min(1).max(5)),
});

export const NormaliseInput = z
  .object({
    criteria: z.array(Criterion).min(1),
    reviews: z.array(Review),
    minReviewsForOwnScale: z.number().int().min(2).default(DEFAULT_MIN_REVIEWS_FOR_OWN_SCALE),
    disagreementThreshold: z.number().positive().max(100).default(DEFAULT_DISAGREEMENT_THRESHOLD),
  })
  .superRefine((input, ctx) => {
    const ids = new Set<string>();
    input.criteria.forEach((c, i) => {
      if (ids.has(c.id)) ctx.addIssue({ code: "custom", path: ["criteria", i, "id"], params: { code: "duplicate_criterion" } });
      ids.add(c.id);
    });
    const pairs = new Set<string>();
    input.reviews.forEach((r, i) => {
      const pair = `${r.applicationId}\u0000${r.reviewerId}`;
      if (pairs.has(pair)) ctx.addIssue({ code: "custom", path: ["reviews", i], params: { code: "duplicate_review" } });
      pairs.add(pair);
      for (const id of ids) {
        if (r.scores[id] === undefined) ctx.addIssue({ code: "custom", path: ["reviews", i, "scores", id], params: { code: "required" } });
      }
      for (const key of Object.keys(r.scores)) {
        if (!ids.has(key)) ctx.addIssue({ code: "custom", path: ["reviews", i, "scores", key], params: { code: "unknown_criterion" } });
      }
    });
  });
export type NormaliseInput = z.input<typeof NormaliseInput>;

export const ScaleBasis = z.enum(["reviewer", "pooled", "flat"]);

export const NormalisedReview = z.object({
  applicationId: z.string(),
  reviewerId: z.string(),
  raw: z.number(), // weighted, 1–5
  z: z.number(),
  normalised: z.number(), // 0–100
  basis: ScaleBasis,
});
export type NormalisedReview = z.infer<typeof NormalisedReview>;

export const ReviewerScale = z.object({
  reviewerId: z.string(),
  reviews: z.number().int(),
  meanRaw: z.number(),
  stdevRaw: z.number(),
  basis: ScaleBasis,
});
export type ReviewerScale = z.infer<typeof ReviewerScale>;

export const ApplicationScore = z.object({
  applicationId: z.string(),
  reviews: z.number().int(),
  meanRaw: z.number(),
  meanNormalised: z.number(),
  spread: z.number(), // max − min of normalised scores
  stdevNormalised: z.number(),
  disagreement: z.boolean(),
});
export type ApplicationScore = z.infer<typeof ApplicationScore>;

export const NormaliseResult = z.object({
  reviews: z.array(NormalisedReview),
  reviewers: z.array(ReviewerScale),
  applications: z.array(ApplicationScore),
  pooled: z.object({ meanRaw: z.number(), stdevRaw: z.number() }),
});
export type NormaliseResult = z.infer<typeof NormaliseResult>;

export function weightedRaw(criteria: readonly { id: string; weight: number }[], scores: Record<string, number>): number {
  const total = criteria.reduce((s, c) => s + c.weight, 0);
  return criteria.reduce((s, c) => s + c.weight * scores[c.id]!, 0) / total;
}

export function rescale(z: number): number {
  return Math.min(100, Math.max(0, NORMALISED_CENTRE + NORMALISED_POINTS_PER_SD * z));
}

// Floating-point sums of identical scores can leave a standard deviation of 1e-16.
const FLAT = 1e-9;

export function normaliseScores(raw: NormaliseInput): NormaliseResult {
  const input = parseInput(NormaliseInput, raw);
  const reviews = [...input.reviews].sort(
    (a, b) => byString(a.applicationId, b.applicationId) || byString(a.reviewerId, b.reviewerId),
  );
  const raws = reviews.map((r) => weightedRaw(input.criteria, r.scores));
  const pooled = { meanRaw: mean(raws), stdevRaw: stdev(raws) };

  const byReviewer = new Map<string, number[]>();
  reviews.forEach((r, i) => {
    const list = byReviewer.get(r.reviewerId) ?? [];
    list.push(raws[i]!);
    byReviewer.set(r.reviewerId, list);
  });
  const scales = new Map<string, ReviewerScale>();
  for (const [reviewerId, xs] of [...byReviewer].sort((a, b) => byString(a[0], b[0]))) {
    const own = { meanRaw: mean(xs), stdevRaw: stdev(xs) };
    const enough = xs.length >= input.minReviewsForOwnScale;
    const scale = enough ? own : pooled;
    const basis = scale.stdevRaw < FLAT ? "flat" : enough ? "reviewer" : "pooled";
    scales.set(reviewerId, { reviewerId, reviews: xs.length, ...own, basis });
  }

  const normalised: NormalisedReview[] = reviews.map((r, i) => {
    const scale = scales.get(r.reviewerId)!;
    const ref = scale.basis === "reviewer" ? scale : pooled;
    const zScore = scale.basis === "flat" ? 0 : (raws[i]! - ref.meanRaw) / ref.stdevRaw;
    return { applicationId: r.applicationId, reviewerId: r.reviewerId, raw: raws[i]!, z: zScore, normalised: rescale(zScore), basis: scale.basis };
  });

  const byApplication = new Map<string, NormalisedReview[]>();
  for (const r of normalised) {
    const list = byApplication.get(r.applicationId) ?? [];
    list.push(r);
    byApplication.set(r.applicationId, list);
  }
  const applications: ApplicationScore[] = [...byApplication].map(([applicationId, rs]) => {
    const ns = rs.map((r) => r.normalised);
    const spread = Math.max(...ns) - Math.min(...ns);
    return {
      applicationId,
      reviews: rs.length,
      meanRaw: mean(rs.map((r) => r.raw)),
      meanNormalised: mean(ns),
      spread,
      stdevNormalised: stdev(ns),
      // Compare on the two-decimal figure organisers see, so the flag matches the page.
      disagreement: rs.length >= 2 && round2(spread) >= input.disagreementThreshold,
    };
  });

  return { reviews: normalised, reviewers: [...scales.values()], applications, pooled };
}
