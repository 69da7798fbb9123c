import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Ctx } from "../../platform/context";
import { authorize } from "../../platform/permissions/policy";
import { editions } from "#features/editions";
import { selections } from "#features/nominations";
import { editionResults, editionStanding, type EditionStanding, type ResultKind } from "./standing";

// What the public edition pages add to an edition's details: where it stands today and, once it
// took place, its results; and the organiser's past editions for the home page. Public reads.

type Edition = typeof editions.$inferSelect;

/** The results that exist of these editions: today the published selection's transparency report
 *  (the catalogue, winners and outcomes join here as they arrive). */
async function resultsOf(ctx: Ctx, ids: string[]): Promise<Map<string, Partial<Record<ResultKind, boolean>>>> {
  const found = new Map<string, Partial<Record<ResultKind, boolean>>>();
  if (ids.length === 0) return found;
  const published = await ctx.db
    .select({ editionId: selections.editionId })
    .from(selections)
    .where(and(inArray(selections.editionId, ids), isNotNull(selections.publishedAt)));
  for (const p of published) found.set(p.editionId, { transparency: true });
  return found;
}

export interface StandingView {
  standing: EditionStanding;
  results: { kind: ResultKind; to: string }[];
}

/** Where the edition stands now, with its results (the transparency report once published). */
export async function standingOf(ctx: Ctx, edition: Edition): Promise<StandingView> {
  authorize(ctx.actor, "edition.read");
  const standing = editionStanding(edition, ctx.clock.now());
  const has = (await resultsOf(ctx, [edition.id])).get(edition.id) ?? {};
  return { standing, results: editionResults(edition.slug, has) };
}

export interface PastEdition {
  slug: string;
  nameEn: string;
  nameUr: string;
  startsOn: string;
  endsOn: string;
  results: { kind: ResultKind; to: string }[];
}

/** Published editions of the organiser that took place, newest first (the one shown excluded). */
export async function pastEditions(ctx: Ctx, shown: Edition): Promise<PastEdition[]> {
  authorize(ctx.actor, "edition.read");
  const rows = await ctx.db
    .select()
    .from(editions)
    .where(and(eq(editions.organiserId, shown.organiserId), eq(editions.status, "published")))
    .orderBy(desc(editions.startsOn));
  const past = rows.filter((e) => e.id !== shown.id && editionStanding(e, ctx.clock.now()) === "took_place");
  const results = await resultsOf(ctx, past.map((e) => e.id));
  return past.map((e) => ({
    slug: e.slug,
    nameEn: e.nameEn,
    nameUr: e.nameUr,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    results: editionResults(e.slug, results.get(e.id) ?? {}),
  }));
}
