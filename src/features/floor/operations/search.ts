import { z } from "zod";
import type { Ctx } from "../../../platform/context";
import { parseInput, type Input } from "../../../platform/validation";
import { normaliseText, tokenise } from "#features/matchmaking";
import { loadPublicFloor, visibleEdition, type PublicArea, type PublicFloor, type PublicHall, type PublicStall } from "./plan";

// Searching the public floor (issue #12, item 4): by exhibitor, product, HS code, cluster, area or
// stall number, in English and Urdu. Words go through the recommendation engine's normalisation
// (matchmaking/recommend: Arabic and Urdu letter forms, harakat, invisible characters and Urdu
// digits folded; English stemmed), so "آلات جراحی" finds "الات جراحي" and "surgical" finds
// "Surgery". Every word of the query must start a word of the stall's text (a prefix: "surg"
// finds "surgical"). Digits also search HS codes by prefix ("9018" finds 9018.90) and stall
// numbers ("2114" and "۲-۱۱۴" find stall 2-114). Only what publicPlan shows is searched: an
// exhibitor only on a confirmed stall.

export type SearchField = "stall" | "exhibitor" | "product" | "hs" | "cluster" | "area";

export interface FloorHit {
  stall: PublicStall;
  hall: Pick<PublicHall, "id" | "code" | "nameEn" | "nameUr">;
  area: Pick<PublicArea, "id" | "code" | "nameEn" | "nameUr" | "kind"> | null;
  /** What matched, best first. */
  matched: SearchField[];
  /** The products that matched (by name or HS code), to show under the hit. */
  products: { nameEn: string; nameUr: string | null; hsCode: string }[];
}

const WEIGHT: Record<SearchField, number> = { stall: 100, exhibitor: 20, hs: 10, product: 8, cluster: 4, area: 3 };
export const SEARCH_LIMIT = 60;

const digitsOf = (s: string) => normaliseText(s).replace(/[^0-9]/g, "");
const termsOf = (...texts: (string | null | undefined)[]) => tokenise(texts.filter(Boolean).join(" ")).map((t) => t.term);

/** Every query term starts some term of the text. */
function allPrefix(query: readonly string[], text: readonly string[]): boolean {
  return query.length > 0 && query.every((q) => text.some((t) => t.startsWith(q)));
}

/** The hits of `q` on a loaded floor, best first then in hall and aisle order. Pure. */
export function searchLoadedFloor(floor: PublicFloor, q: string): FloorHit[] {
  const query = q.trim();
  if (!query) return [];
  const qTerms = termsOf(query);
  const qDigits = digitsOf(query);
  const onlyDigits = qDigits.length > 0 && normaliseText(query).replace(/[\s.\-–]/g, "") === qDigits;
  const qStall = normaliseText(query).replace(/[\s\-–]/g, "");
  const hallById = new Map(floor.halls.map((h) => [h.id, h]));
  const areaById = new Map(floor.areas.map((a) => [a.id, a]));
  const hallOrder = new Map(floor.halls.map((h, i) => [h.id, i]));
  const hits: (FloorHit & { score: number })[] = [];
  for (const s of floor.stalls) {
    const matched: SearchField[] = [];
    const prods: FloorHit["products"] = [];
    const area = s.areaId ? (areaById.get(s.areaId) ?? null) : null;
    const number = normaliseText(s.number).replace(/[\s\-–]/g, "");
    if (number === qStall || (onlyDigits && digitsOf(s.number) === qDigits)) matched.push("stall");
    const e = s.exhibitor;
    if (e) {
      if (allPrefix(qTerms, termsOf(e.nameEn, e.nameUr))) matched.push("exhibitor");
      for (const p of e.products) {
        const byHs = onlyDigits && qDigits.length >= 2 && p.hsCode.replace(/[^0-9]/g, "").startsWith(qDigits);
        const byName = allPrefix(qTerms, termsOf(p.nameEn, p.nameUr));
        if (byHs && !matched.includes("hs")) matched.push("hs");
        if (byName && !matched.includes("product")) matched.push("product");
        if (byHs || byName) prods.push(p);
      }
      if (e.cluster && allPrefix(qTerms, termsOf(e.cluster.nameEn, e.cluster.nameUr))) matched.push("cluster");
      // A query that spans fields ("Sialkot scissors") still finds the stall when no one field has every word.
      if (matched.length === 0 && qTerms.length > 1) {
        const all = termsOf(e.nameEn, e.nameUr, e.cluster?.nameEn, e.cluster?.nameUr, area?.nameEn, area?.nameUr, ...e.products.flatMap((p) => [p.nameEn, p.nameUr]));
        if (allPrefix(qTerms, all)) matched.push("exhibitor");
      }
    }
    if (area && allPrefix(qTerms, termsOf(area.nameEn, area.nameUr))) matched.push("area");
    if (matched.length === 0) continue;
    matched.sort((a, b) => WEIGHT[b] - WEIGHT[a]);
    const hall = hallById.get(s.hallId)!;
    hits.push({
      stall: s,
      hall: { id: hall.id, code: hall.code, nameEn: hall.nameEn, nameUr: hall.nameUr },
      area: area ? { id: area.id, code: area.code, nameEn: area.nameEn, nameUr: area.nameUr, kind: area.kind } : null,
      matched,
      products: prods,
      score: matched.reduce((sum, m) => sum + WEIGHT[m], 0),
    });
  }
  hits.sort((a, b) => b.score - a.score || hallOrder.get(a.stall.hallId)! - hallOrder.get(b.stall.hallId)! || a.stall.seq - b.stall.seq);
  return hits.slice(0, SEARCH_LIMIT).map(({ score: _score, ...h }) => h);
}

/**
 * Searches an edition's public floor (`slug` or `editionId`; `q` up to 200 characters). Refusals:
 * `not_found` (the edition), `validation_failed`. At most SEARCH_LIMIT hits.
 */
const searchFloorInput = z
  .object({ slug: z.string().min(1).max(100).optional(), editionId: z.uuid().optional(), q: z.string().max(200) })
  .refine((v) => v.slug !== undefined || v.editionId !== undefined, { message: "slug or editionId", path: ["slug"] });

export async function searchFloor(ctx: Ctx, raw: Input<typeof searchFloorInput>): Promise<{ edition: PublicFloor["edition"]; q: string; hits: FloorHit[] }> {
  const input = parseInput(searchFloorInput, raw);
  const edition = await visibleEdition(ctx, input);
  const floor = await loadPublicFloor(ctx.db, edition);
  return { edition: floor.edition, q: input.q, hits: searchLoadedFloor(floor, input.q) };
}
