import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { placeNamesUr } from "#features/catalogue";
import { enterprises } from "#features/editions";
import { clusters, sectors } from "#features/editions";
import { normaliseText, searchWords } from "#features/matchmaking";
import { exhibitorProducts, exhibitorProfiles } from "../tables";

// The public catalogue's filters and search in SQL (issue #12, item 6), so a large edition's
// catalogue reads one page of exhibitors, never all of them. The search keeps the recommendation
// engine's normalisation (Urdu and Arabic letter forms, harakat, Urdu digits folded): each profile
// stores its words normalised in `search_terms` (" a b c "), computed in SQL by triggers whenever
// a text it holds is written, in the writer's transaction (migration 0036: `catalogue_words` is
// normaliseText in SQL). A read never writes. A query word matches a stored word it starts
// (`LIKE '% word%'`), or its English stem does ("gloves" finds "glove"), or it starts a word of
// the Urdu name of the exhibitor's district (the district is stored in English).

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

/** Each normalised word of the Urdu names of places → the English names of the places. */
const placeWordsUr: [string, string[]][] = (() => {
  const of = new Map<string, Set<string>>();
  for (const [en, ur] of [...Object.entries(provinceNamesUr), ...Object.entries(placeNamesUr)])
    for (const { word } of searchWords(ur)) of.set(word, (of.get(word) ?? new Set()).add(en));
  return [...of].map(([w, ens]) => [w, [...ens]]);
})();

/** The English names of the places whose Urdu name has a word starting with `word`. */
const placesStartingWith = (word: string) => [...new Set(placeWordsUr.filter(([w]) => w.startsWith(word)).flatMap(([, ens]) => ens))];

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The SQL condition of a query on a profile (`exhibitor_profiles` joined with `enterprises` in the
 * caller's FROM): every word of the query starts one of its words (or the Urdu name of its
 * district), or (digits only, 2 to 8) one of its products' HS codes starts with them. An empty query: no condition; a query with no words: nothing.
 */
export function queryCondition(q: string): SQL | undefined {
  const query = q.trim();
  if (!query) return undefined;
  const words = [...new Map(searchWords(query).map((w) => [w.word, w])).values()];
  const startsAWord = (w: string) => sql`${exhibitorProfiles.searchTerms} LIKE ${`% ${likeEscape(w)}%`}`;
  const matches = ({ word, term }: { word: string; term: string }) => {
    const places = placesStartingWith(word);
    return or(startsAWord(word), term !== word ? startsAWord(term) : undefined, places.length ? inArray(enterprises.district, places) : undefined);
  };
  const byWords = words.length ? and(...words.map(matches)) : sql`false`;
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
