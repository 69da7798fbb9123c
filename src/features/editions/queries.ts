import { and, asc, count, desc, eq } from "drizzle-orm";
import type { Executor } from "../../platform/db/types";
import { enterprises } from "./enterprise-tables";
import {
  clusters,
  editions,
  editionTradeBodies,
  organisers,
  sectors,
  tradeBodies,
  venues,
  venueSpaces,
  visitorCategories,
} from "./tables";

export async function findEdition(db: Executor, where: { id?: string; slug?: string }) {
  const cond = where.id ? eq(editions.id, where.id) : eq(editions.slug, where.slug ?? "");
  const [row] = await db.select().from(editions).where(cond).limit(1);
  return row ?? null;
}

/** The edition the public home shows: the latest published one. */
export async function findCurrentEdition(db: Executor) {
  const [row] = await db
    .select()
    .from(editions)
    .where(eq(editions.status, "published"))
    .orderBy(desc(editions.startsOn))
    .limit(1);
  return row ?? null;
}

/** Everything the edition's pages show, in a few queries. */
export async function loadEditionDetails(db: Executor, editionId: string) {
  const edition = await findEdition(db, { id: editionId });
  if (!edition) return null;
  const [organiser] = await db.select().from(organisers).where(eq(organisers.id, edition.organiserId));
  const [venue] = await db.select().from(venues).where(eq(venues.id, edition.venueId));
  // Sequential: `db` may be a transaction, and one connection runs one query at a time.
  const spaceRows = await db.select().from(venueSpaces).where(eq(venueSpaces.venueId, edition.venueId)).orderBy(asc(venueSpaces.sort));
  const sectorRows = await db.select().from(sectors).where(eq(sectors.editionId, editionId)).orderBy(asc(sectors.sort), asc(sectors.nameEn));
  const clusterRows = await db.select().from(clusters).where(eq(clusters.editionId, editionId)).orderBy(asc(clusters.nameEn));
  const tradeBodyRows = await db
      .select({ tradeBody: tradeBodies, nominationQuota: editionTradeBodies.nominationQuota })
      .from(editionTradeBodies)
      .innerJoin(tradeBodies, eq(tradeBodies.id, editionTradeBodies.tradeBodyId))
      .where(eq(editionTradeBodies.editionId, editionId))
      .orderBy(asc(tradeBodies.nameEn));
  const categoryRows = await db
      .select()
      .from(visitorCategories)
      .where(eq(visitorCategories.editionId, editionId))
      .orderBy(asc(visitorCategories.sort));
  const counts = await db
      .select({ womenLed: enterprises.womenLed, n: count() })
      .from(enterprises)
      .where(and(eq(enterprises.organiserId, edition.organiserId)))
      .groupBy(enterprises.womenLed);
  const enterpriseCount = counts.reduce((s, r) => s + r.n, 0);
  const womenLedCount = counts.find((r) => r.womenLed)?.n ?? 0;
  return {
    edition,
    organiser: organiser!,
    venue: venue!,
    spaces: spaceRows,
    sectors: sectorRows,
    clusters: clusterRows,
    tradeBodies: tradeBodyRows.map((r) => ({ ...r.tradeBody, nominationQuota: r.nominationQuota })),
    visitorCategories: categoryRows,
    enterpriseCount,
    womenLedCount,
  };
}

export type EditionDetails = NonNullable<Awaited<ReturnType<typeof loadEditionDetails>>>;
