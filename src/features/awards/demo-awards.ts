import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../platform/db/types";
import { seededRandom } from "../../platform/random";
import { users } from "../../platform/auth/tables";
import { enterprises } from "#features/editions";
import { editionExhibitorIds } from "#features/exhibitors";
import { copyAwardsSetup } from "./copy-part";
import { assignJudges } from "./engine/assignment";
import { ineligibleBecause } from "./engine/eligibility";
import { leaderboard, placesOf } from "./engine/leaderboard";
import { recusedPairs } from "./operations/judging";
import { awardAssignments, awardCategories, awardCriteria, awardEntries, awardJudges, awardResults, awardRounds, awardScores } from "./tables";

// The demo's awards (issue #13, awards item 5): the 2026 show's four categories judged in two
// rounds by the demo reviewers (one of them affiliated with a cluster, so recused from its
// entries), scores drawn from a seeded generator (a quality per entry, a leniency per judge), the
// shortlist and final leaderboards, and the results locked and published at the awards ceremony
// (day 3, 16:30 Lahore time). Next year's edition gets the same categories and criteria, open:
// rounds in draft, no entries. Written straight to the tables (through the same engine and the
// database's recusal rule); idempotent: an edition with categories is left alone.

const PUBLISH_AT = new Date("2026-01-26T11:30:00Z");
const CREATED_AT = new Date("2026-01-05T05:00:00Z");

type Rule = { slug: string; en: string; ur: string; dEn: string; dUr: string; women?: boolean; sizes?: string[]; mode?: "automatic" | "application"; winners: number; runnersUp: number };
const categories: Rule[] = [
  { slug: "innovation", en: "Excellence in innovation", ur: "جدت میں امتیاز", dEn: "A new product, process or business model that changed what the enterprise can sell.", dUr: "نئی مصنوعات، طریقہ یا کاروباری ماڈل جس نے ادارے کی فروخت بدل دی۔", winners: 1, runnersUp: 2 },
  { slug: "women-led-micro", en: "Best women-led micro enterprise", ur: "بہترین خواتین کی زیرِ قیادت مائیکرو انٹرپرائز", dEn: "A micro enterprise led by a woman that grew its business and its people.", dUr: "خاتون کی زیرِ قیادت مائیکرو ادارہ جس نے اپنا کاروبار اور لوگ بڑھائے۔", women: true, sizes: ["micro"], winners: 1, runnersUp: 1 },
  { slug: "export-potential", en: "Export potential", ur: "برآمدی صلاحیت", dEn: "Ready for new markets: quality, capacity and a plan to reach buyers abroad.", dUr: "نئی منڈیوں کے لیے تیار: معیار، گنجائش اور بیرونِ ملک خریداروں تک پہنچنے کا منصوبہ۔", winners: 1, runnersUp: 2 },
  { slug: "quality-standards", en: "Quality and standards", ur: "معیار اور اسٹینڈرڈز", dEn: "Certified quality and standards kept in everyday production.", dUr: "مصدقہ معیار اور روزمرہ پیداوار میں اسٹینڈرڈز کی پابندی۔", mode: "application", winners: 1, runnersUp: 1 },
];
const criteria = {
  shortlist: [
    { slug: "merit", en: "Merit of the achievement", ur: "کامیابی کی اہمیت", gEn: "How much the achievement stands out in its cluster.", gUr: "کامیابی اپنے کلسٹر میں کتنی نمایاں ہے۔", weight: 2 },
    { slug: "evidence", en: "Evidence", ur: "ثبوت", gEn: "Sales, certificates, buyers' letters: what shows it is real.", gUr: "فروخت، اسناد، خریداروں کے خطوط: کیا ثابت کرتا ہے کہ یہ حقیقی ہے۔", weight: 1 },
  ],
  final: [
    { slug: "impact", en: "Impact", ur: "اثر", gEn: "On jobs, income and the cluster.", gUr: "روزگار، آمدنی اور کلسٹر پر۔", weight: 3 },
    { slug: "innovation", en: "Originality", ur: "انفرادیت", gEn: "New to the enterprise's market.", gUr: "ادارے کی منڈی کے لیے نیا۔", weight: 2 },
    { slug: "sustainability", en: "Sustainability", ur: "پائیداری", gEn: "Will it last: finances, people, environment.", gUr: "کیا یہ قائم رہے گا: مالیات، لوگ، ماحول۔", weight: 1 },
  ],
};
/** Entries per category in the demo: enough for a picture, few enough to seed fast. */
const MAX_ENTRIES = 14;

export async function seedDemoAwards(tx: Executor, editionId: string, organiserId: string, nextEditionId: string | null): Promise<void> {
  const [exists] = await tx.select({ id: awardCategories.id }).from(awardCategories).where(eq(awardCategories.editionId, editionId)).limit(1);
  if (!exists) await seedShow(tx, editionId, organiserId);
  if (nextEditionId) {
    const [next] = await tx.select({ id: awardCategories.id }).from(awardCategories).where(eq(awardCategories.editionId, nextEditionId)).limit(1);
    if (!next) await copyAwardsSetup(tx, editionId, nextEditionId);
  }
}

async function seedShow(tx: Executor, editionId: string, organiserId: string) {
  const random = seededRandom(2026);
  const judgeRows = await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, ["reviewer@demo.numaish.pk", ...[2, 3, 4, 5, 6].map((n) => `reviewer${n}@demo.numaish.pk`)]));
  // reviewer@ first: the demo judge signed in from the front page is the one recused by a cluster.
  const rank = (email: string) => (email.startsWith("reviewer@") ? "" : email);
  const judgeIds = judgeRows.sort((a, b) => rank(a.email).localeCompare(rank(b.email))).map((j) => j.id);
  if (judgeIds.length < 4) return; // no demo accounts (seeded without passwords): no judges, no awards
  const selected = new Set(await editionExhibitorIds(tx, editionId));
  const pool = (await tx.select().from(enterprises).where(eq(enterprises.organiserId, organiserId))).filter((e) => selected.has(e.id)).sort((a, b) => a.slug.localeCompare(b.slug));
  const quality = new Map(pool.map((e) => [e.id, 1.5 + random() * 3]));
  const leniency = new Map(judgeIds.map((j) => [j, (random() - 0.5) * 1.6]));
  const score = (entryId: string, judgeId: string) => Math.max(1, Math.min(5, Math.round(quality.get(entryId)! + leniency.get(judgeId)! + (random() - 0.5) * 1.2)));

  for (const [sort, c] of categories.entries()) {
    const [cat] = await tx
      .insert(awardCategories)
      .values({ editionId, slug: c.slug, nameEn: c.en, nameUr: c.ur, descriptionEn: c.dEn, descriptionUr: c.dUr, womenLedOnly: !!c.women, sizeClasses: c.sizes ?? [], entryMode: c.mode ?? "automatic", winners: c.winners, runnersUp: c.runnersUp, sort })
      .returning();
    const eligible = pool.filter((e) => ineligibleBecause(cat!, { ...e, selected: true }).length === 0);
    // Spread the show's exhibitors over the categories; each category takes its own slice.
    const chosen = eligible.filter((_, i) => (i + sort) % Math.max(1, Math.ceil(eligible.length / MAX_ENTRIES)) === 0).slice(0, MAX_ENTRIES);
    if (chosen.length === 0) continue;
    const entries = await tx
      .insert(awardEntries)
      .values(chosen.map((e) => ({ editionId, categoryId: cat!.id, enterpriseId: e.id, source: c.mode === "application" ? ("application" as const) : ("automatic" as const), statement: c.mode === "application" ? `${e.nameEn}: certified to ${e.certifications[0] ?? "national standards"}, audited every year.` : "", createdAt: CREATED_AT })))
      .returning({ id: awardEntries.id, enterpriseId: awardEntries.enterpriseId });
    for (const e of entries) quality.set(e.id, quality.get(e.enterpriseId)!);
    let entryIds = entries.map((e) => e.id);
    for (const kind of ["shortlist", "final"] as const) {
      const [round] = await tx.insert(awardRounds).values({ editionId, categoryId: cat!.id, kind, status: "open", judgesPerEntry: kind === "shortlist" ? 2 : 3, advance: 5 }).returning();
      const ks = await tx
        .insert(awardCriteria)
        .values(criteria[kind].map((k, i) => ({ roundId: round!.id, slug: k.slug, nameEn: k.en, nameUr: k.ur, guidanceEn: k.gEn, guidanceUr: k.gUr, weight: k.weight, sort: i })))
        .returning({ id: awardCriteria.id, weight: awardCriteria.weight });
      // Shortlist: four judges; the first (reviewer@) is affiliated with the first entry's cluster, so recused from it.
      const judges = kind === "shortlist" ? judgeIds.slice(0, 4) : judgeIds.slice(judgeIds.length - 3);
      const firstCluster = sort === 0 && kind === "shortlist" ? chosen[0]!.clusterSlug : null;
      await tx.insert(awardJudges).values(judges.map((userId, i) => ({ roundId: round!.id, userId, lead: i === judges.length - 1, clusterSlugs: i === 0 && firstCluster ? [firstCluster] : [] })));
      const recused = await recusedPairs(tx, round!.id, entryIds);
      const { assignments } = assignJudges({ entryIds, judgeIds: judges, recused, existing: [], judgesPerEntry: round!.judgesPerEntry, seed: 7 + sort });
      if (assignments.length === 0) continue;
      await tx.insert(awardAssignments).values(assignments.map((a) => ({ roundId: round!.id, entryId: a.entryId, userId: a.judgeId })));
      const scores = assignments.flatMap((a) => ks.map((k) => ({ roundId: round!.id, entryId: a.entryId, userId: a.judgeId, criterionId: k.id, score: score(a.entryId, a.judgeId), comment: "", scoredAt: CREATED_AT })));
      await tx.insert(awardScores).values(scores);
      await tx.update(awardRounds).set({ status: "closed" }).where(eq(awardRounds.id, round!.id));
      const board = leaderboard({ criteria: ks, scores: scores.map((s) => ({ entryId: s.entryId, judgeId: s.userId, criterionId: s.criterionId, score: s.score })) });
      if (kind === "shortlist") {
        entryIds = board.slice(0, round!.advance).map((b) => b.entryId);
        await tx.update(awardEntries).set({ shortlisted: true }).where(and(eq(awardEntries.categoryId, cat!.id), inArray(awardEntries.id, entryIds)));
      } else {
        const places = placesOf(board, c.winners, c.runnersUp);
        await tx.insert(awardResults).values(places.map((p, i) => ({ categoryId: cat!.id, entryId: p.entryId, place: p.place, rank: i + 1, meanNormalised: Math.round(p.meanNormalised * 100) })));
        await tx.update(awardCategories).set({ lockedAt: new Date(PUBLISH_AT.getTime() - 86_400_000), publishAt: PUBLISH_AT }).where(eq(awardCategories.id, cat!.id));
      }
    }
  }
}
