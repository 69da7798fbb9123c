// The demo's open call: next year's edition, a draft copied from the 2026
// edition (sectors, clusters, trade bodies and quotas, visitor categories, as
// "copy edition" does), with a published nomination call that is open when the
// demo is first seeded, so a trade-body representative can try nominating.
// The completed 2026 call and its published selection are not touched.
// Idempotent: the edition is found by its marker, the call by its edition.
//
// seedDemo calls this after seedDemoCall and then publishes the new edition (its days are ahead,
// so it takes visitor registration too) and gives it the demo's zones and gates.
import { and, eq, inArray, like } from "drizzle-orm";
import { users } from "../../platform/auth/tables";
import type { Executor } from "../../platform/db/types";
import { generateDemoEnterprises } from "#features/catalogue";
import { defaultCriteria } from "#features/nominations";
import { nominationCalls, nominations, reviewerAffiliations, reviews } from "#features/nominations";
import { clusters, editions, editionTradeBodies, sectors, tradeBodies, visitorCategories } from "#features/editions";
import { DEMO_REVIEWERS, demoApplicationRow } from "./demo-call";
import { assignReviewers, PreferenceRule } from "./engine";

const DAY = 86_400_000;
const PKT = 5 * 3_600_000;
const startOfPktDay = (t: number) => Math.floor((t + PKT) / DAY) * DAY - PKT;

/**
 * When the open call runs: it opened two weeks before the seeding, closes 90
 * days after it but two weeks before the edition at the latest, and stays open
 * at least 30 days from the seeding (else the edition is a year later). The
 * edition is January's, of 2027 or the year after the seeding.
 */
export function openCallPlan(now: Date) {
  const today = startOfPktDay(now.getTime());
  for (let year = Math.max(2027, new Date(now.getTime() + PKT).getUTCFullYear() + 1); ; year++) {
    const startsOn = `${year}-01-23`;
    const closes = Math.min(today + 90 * DAY, startOfPktDay(Date.parse(`${startsOn}T00:00:00+05:00`)) - 14 * DAY) + DAY - 60_000; // 23:59 PKT
    if (closes - now.getTime() < 30 * DAY) continue;
    return {
      year,
      slug: `sme-showcase-${year}`,
      startsOn,
      endsOn: `${year}-01-25`,
      opensAt: new Date(today - 14 * DAY + 9 * 3_600_000), // 09:00 PKT
      closesAt: new Date(closes),
    };
  }
}

export async function seedDemoOpenCall(tx: Executor, p: { organiserId: string; editionId: string; now: Date }) {
  const plan = openCallPlan(p.now);
  const [source] = await tx.select().from(editions).where(eq(editions.id, p.editionId));
  if (!source) return { created: false };
  // Once seeded, the demo's open call is found by its marker (a copy of the
  // 2026 edition named sme-showcase-…), whatever year it was seeded for.
  const [already] = await tx
    .select()
    .from(editions)
    .where(and(eq(editions.copiedFromId, source.id), like(editions.slug, "sme-showcase-%")));
  if (already) return { created: false, editionId: already.id };

  const swapYear = (s: string) => s.replaceAll(String(source.year), String(plan.year));
  const [edition] = await tx
    .insert(editions)
    .values({
      organiserId: source.organiserId,
      slug: plan.slug,
      year: plan.year,
      nameEn: swapYear(source.nameEn),
      nameUr: swapYear(source.nameUr),
      taglineEn: source.taglineEn,
      taglineUr: source.taglineUr,
      startsOn: plan.startsOn,
      endsOn: plan.endsOn,
      timezone: source.timezone,
      venueId: source.venueId,
      status: "draft",
      copiedFromId: source.id,
      createdAt: new Date(plan.opensAt.getTime() - 14 * DAY),
      updatedAt: new Date(plan.opensAt.getTime() - 14 * DAY),
    })
    .onConflictDoNothing()
    .returning();
  if (!edition) return { created: false };
  const id = edition.id;
  const cats = await tx.select().from(visitorCategories).where(eq(visitorCategories.editionId, source.id));
  if (cats.length) await tx.insert(visitorCategories).values(cats.map(({ id: _id, ...c }) => ({ ...c, editionId: id })));
  const sectorIds = new Map<string, string>();
  for (const { id: oldId, ...s } of await tx.select().from(sectors).where(eq(sectors.editionId, source.id))) {
    const [row] = await tx.insert(sectors).values({ ...s, editionId: id }).returning({ id: sectors.id });
    sectorIds.set(oldId, row!.id);
  }
  const oldClusters = await tx.select().from(clusters).where(eq(clusters.editionId, source.id));
  const newClusters = oldClusters.length
    ? await tx
        .insert(clusters)
        .values(oldClusters.map(({ id: _id, ...c }) => ({ ...c, editionId: id, sectorId: c.sectorId ? sectorIds.get(c.sectorId)! : null })))
        .returning()
    : [];
  const tbs = await tx.select().from(editionTradeBodies).where(eq(editionTradeBodies.editionId, source.id));
  if (tbs.length) await tx.insert(editionTradeBodies).values(tbs.map((t) => ({ ...t, editionId: id })));

  // Places: a cap per sector (last year's exhibitors in the sector, plus one
  // in ten), and places of their own only for clusters outside any sector.
  const [lastCall] = await tx.select().from(nominationCalls).where(eq(nominationCalls.editionId, source.id));
  const lastPlaces = new Map((lastCall?.clusterTargets ?? []).map((t) => [t.clusterId, t.places]));
  const slugOf = new Map(oldClusters.map((c) => [c.id, c.slug]));
  const placesBySlug = new Map([...lastPlaces].map(([clusterId, n]) => [slugOf.get(clusterId)!, n]));
  const perSector = new Map<string, number>();
  const clusterTargets: { clusterId: string; places: number }[] = [];
  for (const c of newClusters) {
    const n = placesBySlug.get(c.slug) ?? 2;
    if (c.sectorId) perSector.set(c.sectorId, (perSector.get(c.sectorId) ?? 0) + n);
    else clusterTargets.push({ clusterId: c.id, places: n });
  }
  const sectorTargets = [...perSector].map(([sectorId, n]) => ({ sectorId, places: Math.ceil(n * 1.1) }));
  const rule = lastCall ? PreferenceRule.parse(lastCall.rule) : PreferenceRule.parse({});
  await tx
    .insert(nominationCalls)
    .values({
      editionId: id,
      opensAt: plan.opensAt,
      closesAt: plan.closesAt,
      criteria: lastCall?.criteria ?? defaultCriteria,
      clusterTargets,
      sectorTargets,
      totalStalls: sectorTargets.reduce((s, t) => s + t.places, 0) + clusterTargets.reduce((s, t) => s + t.places, 0),
      rule: rule as unknown as Record<string, unknown>,
      reviewsPerApplication: 3,
      appealDays: 14,
      publishedAt: new Date(plan.opensAt.getTime() - 7 * DAY),
      updatedAt: new Date(plan.opensAt.getTime() - 7 * DAY),
    })
    .onConflictDoNothing();
  const applications = await seedOpenCallApplications(tx, { organiserId: source.organiserId, editionId: id, opensAt: plan.opensAt, closesAt: plan.closesAt, now: p.now });
  return { created: true, editionId: id, slug: plan.slug, applications };
}

/** How many applications are already in when the demo is seeded (none from the LCCI: its
 *  representative, chamber@, starts with the whole quota). */
export const OPEN_CALL_APPLICATIONS = 18;

/**
 * The open call's first applications, submitted since it opened, each assigned to three demo
 * reviewers (balanced by the engine, affiliations respected) and not yet scored: the README's
 * reviewer account has work waiting in /review.
 */
async function seedOpenCallApplications(tx: Executor, p: { organiserId: string; editionId: string; opensAt: Date; closesAt: Date; now: Date }) {
  const reviewerUsers = await tx.select({ id: users.id }).from(users).where(inArray(users.email, DEMO_REVIEWERS));
  if (reviewerUsers.length < 3) return 0;
  const clusterId = new Map((await tx.select().from(clusters).where(eq(clusters.editionId, p.editionId))).map((c) => [c.slug, c.id]));
  const bodyId = new Map((await tx.select().from(tradeBodies).where(eq(tradeBodies.organiserId, p.organiserId))).map((b) => [b.slug, b.id]));
  const picked = generateDemoEnterprises(2027)
    .filter((e) => e.nominatedBy !== "lcci" && bodyId.has(e.nominatedBy) && clusterId.has(e.clusterSlug))
    .filter((e, i, all) => all.findIndex((x) => x.ntn === e.ntn) === i)
    .slice(0, OPEN_CALL_APPLICATIONS);
  if (picked.length === 0) return 0;
  const since = p.now.getTime() - p.opensAt.getTime();
  const rows = picked.map((e, i) =>
    demoApplicationRow(e, {
      editionId: p.editionId,
      tradeBodyId: bodyId.get(e.nominatedBy)!,
      clusterId: clusterId.get(e.clusterSlug)!,
      locale: i % 3 === 0 ? "en" : "ur",
      createdAt: new Date(p.opensAt.getTime() + Math.floor((since * i) / (picked.length + 1))),
      submittedAt: new Date(p.opensAt.getTime() + Math.floor((since * (i + 1)) / (picked.length + 1))),
      linkExpiresAt: new Date(p.closesAt.getTime() + 30 * DAY),
    }),
  );
  const inserted = await tx.insert(nominations).values(rows).returning({ id: nominations.id, tradeBodyId: nominations.tradeBodyId });
  const ids = reviewerUsers.map((u) => u.id);
  const affiliations = await tx.select().from(reviewerAffiliations).where(inArray(reviewerAffiliations.userId, ids));
  const assignment = assignReviewers({
    applications: inserted.map((n) => ({ id: n.id, tradeBodyId: n.tradeBodyId })),
    reviewers: ids.map((id) => ({ id, tradeBodyIds: affiliations.filter((a) => a.userId === id).map((a) => a.tradeBodyId) })),
    reviewsPerApplication: 3,
    seed: 2027,
  });
  const assignedAt = new Date(p.now.getTime() - 3_600_000);
  if (assignment.assignments.length) {
    await tx.insert(reviews).values(assignment.assignments.map((a) => ({ nominationId: a.applicationId, reviewerId: a.reviewerId, assignedAt })));
  }
  return inserted.length;
}
