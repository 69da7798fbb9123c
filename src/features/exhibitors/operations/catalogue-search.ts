import { and, asc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { inTransaction, type Ctx } from "../../../platform/context";
import { placeNamesUr } from "../../catalogue/seed-data/place-names";
import { enterprises } from "../../editions/enterprise-tables";
import { clusters, sectors } from "../../editions/tables";
import { normaliseText, tokenise } from "../../matchmaking/recommend";
import { exhibitorProducts, exhibitorProfiles } from "../tables";

// The public catalogue's filters and search in SQL (issue #12, item 6), so a large edition's
// catalogue reads one page of exhibitors, never all of them. The search keeps the recommendation
// engine's normalisation (Urdu and Arabic letter forms, harakat, Urdu digits folded; English
// stemmed), which only runs here in TypeScript: each profile stores its words normalised in
// `search_terms` (" a b c "), and a query word matches a word it starts (`LIKE '% word%'`). The
// column is computed here, on the catalogue's read, for the profiles whose texts changed (triggers
// of migration 0034 set it NULL).

export const provinceNamesUr: Record<string, string> = {
  Punjab: "پنجاب",
  Sindh: "سندھ",
  "Khyber Pakhtunkhwa": "خیبر پختونخوا",
  Balochistan: "بلوچستان",
  "Gilgit-Baltistan": "گلگت بلتستان",
  "Islamabad Capital Territory": "اسلام آباد",
  "Azad Jammu and Kashmir": "آزاد جموں و کشمیر",
};
export const placeUr = (name: string | null) => (name ? (provinceNamesUr[name] ?? placeNamesUr[name] ?? null) : null);

/** The normalised words of the texts, each once, as stored: " a b c " (empty texts: " "). */
export function searchTermsOf(...texts: (string | null | undefined)[]): string {
  const terms = new Set(tokenise(texts.filter(Boolean).join(" ")).map((t) => t.term));
  return ` ${[...terms].join(" ")} `;
}

/** Computes the search text of the edition's profiles that have none (new, or a text changed). */
export async function fillSearchTerms(ctx: Ctx, editionId: string): Promise<number> {
  const [stale] = await ctx.db.select({ id: exhibitorProfiles.id }).from(exhibitorProfiles).where(and(eq(exhibitorProfiles.editionId, editionId), isNull(exhibitorProfiles.searchTerms))).limit(1);
  if (!stale) return 0;
  return inTransaction(ctx, async (tx) => {
    // Locked first, then read: a writer that changed one of them has committed (its trigger wrote
    // the row); one that changes it now waits for this commit and sets it stale again.
    const locked = await tx
      .select({ id: exhibitorProfiles.id })
      .from(exhibitorProfiles)
      .where(and(eq(exhibitorProfiles.editionId, editionId), isNull(exhibitorProfiles.searchTerms)))
      .for("update", { skipLocked: true });
    if (!locked.length) return 0;
    const ids = locked.map((r) => r.id);
    const rows = await tx
      .select({ id: exhibitorProfiles.id, p: exhibitorProfiles, e: { nameEn: enterprises.nameEn, nameUr: enterprises.nameUr, district: enterprises.district }, c: { nameEn: clusters.nameEn, nameUr: clusters.nameUr } })
      .from(exhibitorProfiles)
      .innerJoin(enterprises, eq(enterprises.id, exhibitorProfiles.enterpriseId))
      .leftJoin(clusters, and(eq(clusters.editionId, exhibitorProfiles.editionId), eq(clusters.slug, enterprises.clusterSlug)))
      .where(inArray(exhibitorProfiles.id, ids));
    const prods = await tx
      .select({ profileId: exhibitorProducts.profileId, nameEn: exhibitorProducts.nameEn, nameUr: exhibitorProducts.nameUr, descriptionEn: exhibitorProducts.descriptionEn, descriptionUr: exhibitorProducts.descriptionUr })
      .from(exhibitorProducts)
      .where(inArray(exhibitorProducts.profileId, ids))
      .orderBy(asc(exhibitorProducts.sort));
    const prodsOf = new Map<string, typeof prods>();
    for (const x of prods) prodsOf.set(x.profileId, [...(prodsOf.get(x.profileId) ?? []), x]);
    const terms = rows.map(({ id, p, e, c }) =>
      searchTermsOf(
        e.nameEn,
        e.nameUr,
        p.fasciaEn,
        p.fasciaUr,
        p.descriptionEn,
        p.descriptionUr,
        c?.nameEn,
        c?.nameUr,
        e.district,
        placeUr(e.district),
        ...(prodsOf.get(id) ?? []).flatMap((x) => [x.nameEn, x.nameUr, x.descriptionEn, x.descriptionUr]),
      ),
    );
    // One statement for them all; the text as a JSON array (its own parameter, whatever its size).
    await tx.execute(sql`
      UPDATE exhibitor_profiles AS p SET search_terms = v.terms
      FROM (SELECT * FROM json_to_recordset(${JSON.stringify(rows.map((r, i) => ({ id: r.id, terms: terms[i] })))}::json) AS x(id uuid, terms text)) AS v
      WHERE p.id = v.id`);
    return rows.length;
  });
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The SQL condition of a query on a profile (`exhibitor_profiles` as in the caller's FROM): every
 * word of the query starts one of its words, or (digits only, 2 to 8) one of its products' HS
 * codes starts with them. An empty query: no condition; a query with no words: nothing.
 */
export function queryCondition(q: string): SQL | undefined {
  const query = q.trim();
  if (!query) return undefined;
  const words = [...new Set(tokenise(query).map((t) => t.term))];
  const byWords = words.length ? and(...words.map((w) => sql`${exhibitorProfiles.searchTerms} LIKE ${`% ${likeEscape(w)}%`}`)) : sql`false`;
  const digits = normaliseText(query).replace(/[\s.]/g, "");
  if (!/^[0-9]{2,8}$/.test(digits)) return byWords;
  const byHs = sql`EXISTS (SELECT 1 FROM ${exhibitorProducts} WHERE ${exhibitorProducts.profileId} = ${exhibitorProfiles.id} AND ${exhibitorProducts.hsCode} LIKE ${`${digits}%`})`;
  return sql`(${byHs} OR ${byWords})`;
}

export interface FilterInput {
  q: string;
  sector: string;
  cluster: string;
  province: string;
  district: string;
  womenLed: boolean;
  size: "" | "micro" | "small" | "medium";
}

/** The filters as SQL conditions on `exhibitor_profiles` joined with `enterprises`. */
export function filterConditions(editionId: string, f: FilterInput): (SQL | undefined)[] {
  const clusterOfEdition = (extra: SQL) =>
    sql`EXISTS (SELECT 1 FROM ${clusters} WHERE ${clusters.editionId} = ${editionId} AND ${clusters.slug} = ${enterprises.clusterSlug} AND ${extra})`;
  return [
    f.sector ? clusterOfEdition(sql`${clusters.sectorId} IN (SELECT ${sectors.id} FROM ${sectors} WHERE ${sectors.editionId} = ${editionId} AND ${sectors.code} = ${f.sector})`) : undefined,
    f.cluster ? and(eq(enterprises.clusterSlug, f.cluster), clusterOfEdition(sql`true`)) : undefined,
    f.province ? eq(enterprises.province, f.province) : undefined,
    f.district ? eq(enterprises.district, f.district) : undefined,
    f.womenLed ? eq(enterprises.womenLed, true) : undefined,
    f.size ? eq(enterprises.sizeClass, f.size) : undefined,
    queryCondition(f.q),
  ];
}
