// The demo edition's completed nomination call: every demo enterprise
// nominated by its trade body and applied, a few more applicants that were not
// all selected, three reviews each by seeded reviewers, and a published
// selection of the demo's 170 exhibitors. Deterministic (seeded random, fixed
// dates) and idempotent (nothing happens when the call exists).
import { eq, inArray } from "drizzle-orm";
import { users } from "../../platform/auth/tables";
import type { Executor } from "../../platform/db/types";
import { hashSecret, newSecret } from "../../platform/ids";
import { generateDemoEnterprises, type SeedEnterprise } from "#features/catalogue";
import { clusters, editionTradeBodies, tradeBodies } from "#features/editions";
import { defaultCriteria } from "#features/nominations";
import { nominationCalls, nominations, reviewerAffiliations, reviews, selections } from "#features/nominations";
import { assignReviewers, normaliseScores, PreferenceRule, runSelection, seededRandom } from "./engine";

const OPENS = new Date("2025-09-01T04:00:00Z");
const CLOSES = new Date("2025-10-15T18:59:00Z");
const PUBLISHED = new Date("2025-11-15T06:00:00Z");
const DAY = 86_400_000;
const RULE = PreferenceRule.parse({
  bonus: { womenLed: 5, micro: 3, womenLedMicro: 2 },
  reservedShare: { womenLedMicro: 0.1 },
  waitlistPerCluster: 3,
});
export const DEMO_REVIEWERS = ["reviewer@demo.numaish.pk", ...[2, 3, 4, 5, 6].map((n) => `reviewer${n}@demo.numaish.pk`)];

export async function seedDemoCall(tx: Executor, p: { organiserId: string; editionId: string }) {
  const [existing] = await tx.select({ id: nominationCalls.editionId }).from(nominationCalls).where(eq(nominationCalls.editionId, p.editionId));
  if (existing) return { created: false };
  // The demo reviewer accounts (seeded with the other demo accounts); without them there is no call to show.
  const reviewerUsers = await tx.select().from(users).where(inArray(users.email, DEMO_REVIEWERS));
  if (reviewerUsers.length < 4) return { created: false };
  const random = seededRandom(4);
  const clusterRows = await tx.select().from(clusters).where(eq(clusters.editionId, p.editionId));
  const clusterId = new Map(clusterRows.map((c) => [c.slug, c.id]));
  const bodyRows = await tx.select().from(tradeBodies).where(eq(tradeBodies.organiserId, p.organiserId));
  const bodyId = new Map(bodyRows.map((b) => [b.slug, b.id]));
  const quotas = await tx.select().from(editionTradeBodies).where(eq(editionTradeBodies.editionId, p.editionId));

  // The 170 exhibitors, and unsuccessful applicants drawn from another seed of
  // the same generator (larger small and medium firms led by men, within the
  // quota their trade body had left).
  const exhibitors = generateDemoEnterprises();
  const taken = new Set(exhibitors.map((e) => e.ntn));
  const used = new Map<string, number>();
  for (const e of exhibitors) used.set(e.nominatedBy, (used.get(e.nominatedBy) ?? 0) + 1);
  const quota = new Map(quotas.map((q) => [q.tradeBodyId, q.nominationQuota]));
  const others: SeedEnterprise[] = [];
  for (const e of generateDemoEnterprises(2031)) {
    const body = bodyId.get(e.nominatedBy);
    if (others.length >= 36 || !body || taken.has(e.ntn) || e.womenLed || e.sizeClass === "micro") continue;
    if ((used.get(e.nominatedBy) ?? 0) >= (quota.get(body) ?? 0)) continue;
    used.set(e.nominatedBy, (used.get(e.nominatedBy) ?? 0) + 1);
    taken.add(e.ntn);
    others.push(e);
  }
  const places = new Map<string, number>();
  for (const e of exhibitors) places.set(e.clusterSlug, (places.get(e.clusterSlug) ?? 0) + 1);

  await tx.insert(nominationCalls).values({
    editionId: p.editionId,
    opensAt: OPENS,
    closesAt: CLOSES,
    criteria: defaultCriteria,
    clusterTargets: [...places].map(([slug, n]) => ({ clusterId: clusterId.get(slug)!, places: n })),
    totalStalls: exhibitors.length,
    rule: RULE as unknown as Record<string, unknown>,
    reviewsPerApplication: 3,
    appealDays: 14,
    publishedAt: new Date(OPENS.getTime() - 7 * DAY),
    updatedAt: new Date(OPENS.getTime() - 7 * DAY),
  });

  const applicants = [...exhibitors.map((e) => ({ e, strength: 0.55 + 0.45 * random() })), ...others.map((e) => ({ e, strength: 0.35 * random() }))];
  const rows = applicants.map(({ e }, i) =>
    demoApplicationRow(e, {
      editionId: p.editionId,
      tradeBodyId: bodyId.get(e.nominatedBy)!,
      clusterId: clusterId.get(e.clusterSlug)!,
      locale: i % 3 === 0 ? "en" : "ur",
      createdAt: new Date(OPENS.getTime() + i * 4 * 3_600_000),
      submittedAt: new Date(OPENS.getTime() + (i * 4 + 1) * 3_600_000),
      linkExpiresAt: new Date(CLOSES.getTime() + 30 * DAY),
    }),
  );
  const inserted = await tx.insert(nominations).values(rows).returning({ id: nominations.id, ntn: nominations.ntn });
  const idOf = new Map(inserted.map((r) => [r.ntn, r.id]));

  // One reviewer belongs to the LCCI, so never reviews its nominees.
  const lcci = bodyId.get("lcci");
  const affiliated = reviewerUsers.find((u) => u.email === DEMO_REVIEWERS[5])!;
  if (lcci) await tx.insert(reviewerAffiliations).values({ userId: affiliated.id, tradeBodyId: lcci }).onConflictDoNothing();

  const appIds = applicants.map(({ e }) => ({ id: idOf.get(e.ntn)!, tradeBodyId: bodyId.get(e.nominatedBy)! }));
  const assignment = assignReviewers({
    applications: appIds,
    reviewers: reviewerUsers.map((u) => ({ id: u.id, tradeBodyIds: u.id === affiliated.id && lcci ? [lcci] : [] })),
    reviewsPerApplication: 3,
    seed: 2026,
  });
  const strength = new Map(applicants.map(({ e, strength: s }) => [idOf.get(e.ntn)!, s]));
  const severity = new Map(reviewerUsers.map((u, i) => [u.id, (i % 3) - 1])); // harsh, neutral, generous
  const clamp = (x: number) => Math.max(1, Math.min(5, Math.round(x)));
  const reviewRows = assignment.assignments.map(({ applicationId, reviewerId }, i) => {
    const base = 1 + 4 * strength.get(applicationId)! + 0.6 * severity.get(reviewerId)!;
    const scores = { quality: clamp(base + random() - 0.5), innovation: clamp(base + random() - 0.5), market_readiness: clamp(base + random() - 0.5) };
    return {
      nominationId: applicationId,
      reviewerId,
      assignedAt: new Date(CLOSES.getTime() + DAY),
      scores,
      comments: { quality: scores.quality >= 4 ? "Clean finishing, consistent batches." : "Finishing needs work." },
      submittedAt: new Date(CLOSES.getTime() + (2 + (i % 14)) * DAY),
    };
  });
  for (let i = 0; i < reviewRows.length; i += 500) await tx.insert(reviews).values(reviewRows.slice(i, i + 500));

  const normalised = normaliseScores({
    criteria: defaultCriteria.map((c) => ({ id: c.id, weight: c.weight })),
    reviews: reviewRows.map((r) => ({ applicationId: r.nominationId, reviewerId: r.reviewerId, scores: r.scores })),
  });
  const score = new Map(normalised.applications.map((a) => [a.applicationId, a]));
  const byId = new Map(rows.map((r) => [idOf.get(r.ntn)!, r]));
  const result = runSelection({
    applications: [...byId].map(([id, r]) => ({
      id,
      clusterId: r.clusterId,
      sizeClass: r.sizeClass,
      womenLed: r.womenLed,
      normalisedScore: score.get(id)!.meanNormalised,
      rawScore: score.get(id)!.meanRaw,
      submittedAt: r.submittedAt.toISOString(),
      tradeBodyId: r.tradeBodyId,
    })),
    clusterTargets: [...places].map(([slug, n]) => ({ clusterId: clusterId.get(slug)!, places: n })),
    totalStalls: exhibitors.length,
    rule: RULE,
  });
  await tx.insert(selections).values({
    editionId: p.editionId,
    result: result as unknown as Record<string, unknown>,
    ranAt: new Date(PUBLISHED.getTime() - 2 * DAY),
    publishedAt: PUBLISHED,
    appealsCloseAt: new Date(PUBLISHED.getTime() + 14 * DAY),
  });
  return { created: true, applications: rows.length, reviews: reviewRows.length, selected: result.totals.selected };
}

/** A demo enterprise's submitted application (the demo's calls, completed and open, use it). */
export function demoApplicationRow(
  e: SeedEnterprise,
  p: { editionId: string; tradeBodyId: string; clusterId: string; locale: "en" | "ur"; createdAt: Date; submittedAt: Date; linkExpiresAt: Date },
) {
  return {
    editionId: p.editionId,
    tradeBodyId: p.tradeBodyId,
    clusterId: p.clusterId,
    ntn: e.ntn,
    enterpriseName: e.nameEn,
    sizeClass: e.sizeClass,
    annualTurnoverPkr: e.annualTurnoverPkr,
    employees: e.employees,
    womenLed: e.womenLed,
    contactName: `${e.nameEn.split(" ")[0]} (owner)`,
    // Fictional, in the demo's own domain as its other people are (…@trade.demo.numaish.pk,
    // …@visitors.demo.numaish.pk): what B2B emails and access links reach (b2b contactOf).
    email: `${e.slug}@exhibitors.demo.numaish.pk`,
    phone: null,
    district: e.district,
    locale: p.locale,
    status: "submitted" as const,
    // Random, never shown: the demo's applicants are reached through the trade body.
    linkHash: hashSecret(newSecret()),
    linkExpiresAt: p.linkExpiresAt,
    application: {
      enterpriseName: e.nameEn,
      district: e.district,
      womenLed: e.womenLed ? "yes" : "no",
      employees: e.employees,
      turnoverBand: e.sizeClass,
      products: e.products.map((x) => ({ name: x.nameEn, hsCode: x.hsCode })),
      certifications: e.certifications,
      exportMarkets: e.exportMarkets,
      goals: e.exportMarkets.length ? "Meet new foreign buyers and distributors." : "Find first export buyers and domestic wholesalers.",
    },
    submittedAt: p.submittedAt,
    createdAt: p.createdAt,
  };
}
