// The pure path of a call at the demo's scale: assign reviewers, score,
// normalise, select with the preference rule, withdraw and promote, report.
import { describe, expect, it } from "vitest";
import { applyOverrides, assignReviewers, normaliseScores, promoteFromWaitlist, runSelection, seededRandom, transparencyReport } from "./index";

describe("review → normalisation → selection → report", () => {
  it("selects about 170 exhibitors from 320 applications within every limit", () => {
    const random = seededRandom(2026);
    const clusters = Array.from({ length: 30 }, (_, i) => `cluster-${String(i).padStart(2, "0")}`);
    const applications = Array.from({ length: 320 }, (_, i) => ({
      id: `app-${String(i).padStart(3, "0")}`,
      clusterId: clusters[i % 30]!,
      tradeBodyId: `tb-${i % 12}`,
      sizeClass: (["micro", "small", "medium"] as const)[Math.floor(random() * 3)]!,
      womenLed: random() < 0.3,
      quality: random(), // the "true" quality reviewers perceive with noise
      province: ["Punjab", "Sindh", "KP", "Balochistan", "GB", "AJK"][i % 6]!,
    }));
    const reviewers = Array.from({ length: 24 }, (_, i) => ({
      id: `rev-${String(i).padStart(2, "0")}`,
      tradeBodyIds: i < 6 ? [`tb-${i}`] : [],
      conflicts: [`app-${String(i * 7).padStart(3, "0")}`],
      severity: (i % 3) - 1, // harsh, neutral, generous
    }));
    const assignment = assignReviewers({ applications, reviewers, reviewsPerApplication: 3, seed: 1 });
    expect(assignment.shortfalls).toEqual([]);
    expect(Math.max(...assignment.loads.map((l) => l.load)) - Math.min(...assignment.loads.map((l) => l.load))).toBeLessThanOrEqual(1);

    const byId = new Map(applications.map((a) => [a.id, a]));
    const sev = new Map(reviewers.map((r) => [r.id, r.severity]));
    const clamp = (x: number) => Math.max(1, Math.min(5, Math.round(x)));
    const reviews = assignment.assignments.map(({ applicationId, reviewerId }) => {
      const base = 1 + 4 * byId.get(applicationId)!.quality + sev.get(reviewerId)!;
      return { applicationId, reviewerId, scores: { quality: clamp(base + random() - 0.5), innovation: clamp(base), market: clamp(base - random() + 0.5) } };
    });
    const scores = normaliseScores({
      criteria: [
        { id: "quality", weight: 1 },
        { id: "innovation", weight: 1 },
        { id: "market", weight: 1 },
      ],
      reviews,
    });
    expect(scores.applications).toHaveLength(320);

    const scoreOf = new Map(scores.applications.map((s) => [s.applicationId, s]));
    const selection = runSelection({
      applications: applications.map((a, i) => ({
        id: a.id,
        clusterId: a.clusterId,
        sizeClass: a.sizeClass,
        womenLed: a.womenLed,
        normalisedScore: scoreOf.get(a.id)!.meanNormalised,
        rawScore: scoreOf.get(a.id)!.meanRaw,
        submittedAt: new Date(Date.UTC(2026, 8, 1) + i * 60_000).toISOString(),
        tradeBodyId: a.tradeBodyId,
      })),
      clusterTargets: clusters.map((clusterId, i) => ({ clusterId, places: i < 20 ? 6 : 5 })),
      totalStalls: 170,
      rule: { bonus: { womenLed: 5, micro: 3, womenLedMicro: 2 }, reservedShare: { womenLedMicro: 0.2 }, waitlistPerCluster: 3 },
    });
    expect(selection.totals.selected).toBe(170);
    expect(selection.flags).toEqual([]);
    expect(selection.clusters.every((c) => c.selected <= c.target!)).toBe(true);

    const selected = selection.decisions.find((d) => d.status === "selected")!;
    const promotion = promoteFromWaitlist(selection, selected.applicationId);
    expect(promotion.promoted).not.toBeNull();
    expect(promotion.result.totals.selected).toBe(170);
    const overridden = applyOverrides(promotion.result, [
      { applicationId: promotion.promoted!, status: "not_selected", justification: "Could not confirm attendance by the deadline" },
    ]);
    expect(overridden.totals.selected).toBe(169);

    const report = transparencyReport({
      applications: applications.map((a) => ({ ...a, normalisedScore: scoreOf.get(a.id)!.meanNormalised })),
      decisions: overridden.decisions,
    });
    expect(report.tables.sizeClass.total.applications.value).toBe(320);
    expect(report.tables.cluster.rows).toHaveLength(30);
  });
});
