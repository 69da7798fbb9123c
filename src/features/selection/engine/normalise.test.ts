import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "../../../platform/errors";
import { normaliseScores, rescale, weightedRaw } from "./normalise";

const criteria = [
  { id: "quality", weight: 1 },
  { id: "innovation", weight: 1 },
  { id: "market", weight: 2 },
];
const s = (quality: number, innovation: number, market: number) => ({ quality, innovation, market });

describe("weighted raw score", () => {
  it("weights each criterion", () => {
    expect(weightedRaw(criteria, s(5, 1, 3))).toBe((5 + 1 + 6) / 4);
    expect(weightedRaw(criteria, s(2, 2, 2))).toBe(2);
  });
});

describe("normaliseScores", () => {
  // A harsh reviewer (h) and a generous one (g) rank the same three applications the same way.
  const reviews = [
    { applicationId: "a1", reviewerId: "h", scores: s(1, 1, 1) },
    { applicationId: "a2", reviewerId: "h", scores: s(2, 2, 2) },
    { applicationId: "a3", reviewerId: "h", scores: s(3, 3, 3) },
    { applicationId: "a1", reviewerId: "g", scores: s(3, 3, 3) },
    { applicationId: "a2", reviewerId: "g", scores: s(4, 4, 4) },
    { applicationId: "a3", reviewerId: "g", scores: s(5, 5, 5) },
  ];

  it("makes a harsh and a generous reviewer count alike", () => {
    const result = normaliseScores({ criteria, reviews });
    const byPair = new Map(result.reviews.map((r) => [`${r.applicationId}/${r.reviewerId}`, r]));
    for (const app of ["a1", "a2", "a3"]) {
      expect(byPair.get(`${app}/h`)!.normalised).toBeCloseTo(byPair.get(`${app}/g`)!.normalised, 10);
    }
    expect(byPair.get("a2/h")!.normalised).toBe(50);
    // z = ±sqrt(3/2) for three evenly spaced scores (population sd).
    expect(byPair.get("a3/g")!.normalised).toBeCloseTo(50 + 15 * Math.sqrt(1.5), 10);
    const a1 = result.applications.find((a) => a.applicationId === "a1")!;
    expect(a1.meanRaw).toBe(2);
    expect(a1.spread).toBeCloseTo(0, 10);
    expect(a1.disagreement).toBe(false);
    expect(result.reviewers.every((r) => r.basis === "reviewer")).toBe(true);
  });

  it("puts reviewers with too few reviews on the pooled scale", () => {
    const result = normaliseScores({
      criteria,
      reviews: [...reviews, { applicationId: "a4", reviewerId: "once", scores: s(5, 5, 5) }],
    });
    const once = result.reviewers.find((r) => r.reviewerId === "once")!;
    expect(once.basis).toBe("pooled");
    const review = result.reviews.find((r) => r.reviewerId === "once")!;
    expect(review.z).toBeCloseTo((5 - result.pooled.meanRaw) / result.pooled.stdevRaw, 10);
    expect(review.normalised).toBeGreaterThan(50);
  });

  it("gives a reviewer who scored everything the same a neutral 50", () => {
    const result = normaliseScores({
      criteria,
      reviews: ["a1", "a2", "a3"].map((applicationId) => ({ applicationId, reviewerId: "flat", scores: s(4, 4, 4) })),
    });
    expect(result.reviewers[0]!.basis).toBe("flat");
    expect(result.reviews.every((r) => r.normalised === 50)).toBe(true);
  });

  it("clamps to 0–100 and flags strong disagreement at the threshold", () => {
    expect(rescale(10)).toBe(100);
    expect(rescale(-10)).toBe(0);
    const disagree = [
      ...["a1", "a2", "a3", "a4"].map((applicationId, i) => ({ applicationId, reviewerId: "r1", scores: s(i + 1, i + 1, i + 1) })),
      ...["a1", "a2", "a3", "a4"].map((applicationId, i) => ({ applicationId, reviewerId: "r2", scores: s(4 - i, 4 - i, 4 - i) })),
    ];
    const result = normaliseScores({ criteria, reviews: disagree });
    const a1 = result.applications.find((a) => a.applicationId === "a1")!;
    expect(a1.spread).toBeGreaterThan(30);
    expect(a1.disagreement).toBe(true);
    expect(a1.stdevNormalised).toBeCloseTo(a1.spread / 2, 10);
    expect(normaliseScores({ criteria, reviews: disagree, disagreementThreshold: 99 }).applications.some((a) => a.disagreement)).toBe(false);
  });

  it("rejects missing, unknown and out-of-range scores and duplicate reviews with stable codes", () => {
    const bad = () =>
      normaliseScores({
        criteria,
        reviews: [
          { applicationId: "a1", reviewerId: "r", scores: { quality: 6, innovation: 1, market: 1 } },
          { applicationId: "a1", reviewerId: "r", scores: { quality: 1, innovation: 1 } },
          { applicationId: "a2", reviewerId: "r", scores: { quality: 1, innovation: 1, market: 1, taste: 2 } },
        ],
      });
    expect(bad).toThrow(DomainError);
    try {
      bad();
    } catch (e) {
      const codes = (e as DomainError).fields.map((f) => f.code);
      expect(codes).toContain("too_big");
    }
    let codes: string[] = [];
    try {
      normaliseScores({
        criteria,
        reviews: [
          { applicationId: "a1", reviewerId: "r", scores: s(1, 1, 1) },
          { applicationId: "a1", reviewerId: "r", scores: { quality: 1, innovation: 1 } as never },
          { applicationId: "a2", reviewerId: "r", scores: { ...s(1, 1, 1), taste: 2 } },
        ],
      });
    } catch (e) {
      codes = (e as DomainError).fields.map((f) => f.code);
    }
    expect(codes).toEqual(expect.arrayContaining(["duplicate_review", "required", "unknown_criterion"]));
  });

  it("does not depend on the order of the reviews", () => {
    const a = normaliseScores({ criteria, reviews });
    const b = normaliseScores({ criteria, reviews: [...reviews].reverse() });
    expect(b).toEqual(a);
  });

  it("property: scores stay in 0–100, and shifting a reviewer's scores changes nothing", () => {
    const reviewArb = fc.record({ app: fc.integer({ min: 0, max: 9 }), reviewer: fc.integer({ min: 0, max: 4 }), q: fc.integer({ min: 1, max: 4 }), i: fc.integer({ min: 1, max: 4 }), m: fc.integer({ min: 1, max: 4 }) });
    fc.assert(
      fc.property(fc.uniqueArray(reviewArb, { selector: (r) => `${r.app}/${r.reviewer}`, maxLength: 40 }), fc.integer({ min: 0, max: 4 }), (list, lifted) => {
        const toReview = (r: (typeof list)[number], up: number) => ({ applicationId: `a${r.app}`, reviewerId: `r${r.reviewer}`, scores: s(r.q + up, r.i + up, r.m + up) });
        const before = normaliseScores({ criteria, reviews: list.map((r) => toReview(r, 0)) });
        for (const r of before.reviews) {
          expect(r.normalised).toBeGreaterThanOrEqual(0);
          expect(r.normalised).toBeLessThanOrEqual(100);
        }
        // A more generous reviewer (every score one higher) on their own scale: same normalised scores.
        const after = normaliseScores({ criteria, reviews: list.map((r) => toReview(r, r.reviewer === lifted ? 1 : 0)) });
        const own = (res: typeof before) => res.reviews.filter((r) => r.reviewerId === `r${lifted}` && r.basis !== "pooled").map((r) => r.normalised);
        own(after).forEach((x, k) => expect(x).toBeCloseTo(own(before)[k]!, 9));
      }),
      { numRuns: 200, seed: 3 },
    );
  });
});
