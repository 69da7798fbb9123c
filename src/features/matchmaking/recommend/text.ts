/**
 * Text relevance of (SME, buyer) pairs in both directions: the buyer's needs
 * against the SME's offers, and the SME's needs against the buyer's offers
 * (a bank offering finance, a distributor offering market access).
 *
 * Computed one SME at a time, straight into a dense per-buyer row that the
 * candidate loop reads: for the first direction the SME's offer terms walk an
 * inverted index of buyers' needs (BM25 is a sum over shared terms, so it can
 * be accumulated from the document's side); for the second the SME's needs
 * are an ordinary BM25 query. Nothing is stored per pair, so memory stays
 * flat however many pairs share words.
 */
import { Bm25Index, type Bm25Params } from "./bm25";
import type { Prepared } from "./signals";

/** What a scorer may reuse from an earlier one over the same side (recommendOne's cache). */
export interface TextPrebuilt {
  smeOffers?: Bm25Index;
  buyerOffers?: Bm25Index;
  needsOf?: Map<string, number[]>;
}

/** term -> buyers whose needs contain it. */
export function needsIndex(buyers: readonly Prepared[]): Map<string, number[]> {
  const needsOf = new Map<string, number[]>();
  for (const b of buyers) {
    for (const term of b.needTerms) {
      let list = needsOf.get(term);
      if (!list) needsOf.set(term, (list = []));
      list.push(b.index);
    }
  }
  return needsOf;
}

export const offersIndex = (side: readonly Prepared[], params: Bm25Params): Bm25Index =>
  new Bm25Index(
    side.map((s) => s.offers.map((t) => t.term)),
    params,
  );

export class TextScorer {
  /** SME offers: the documents buyers' needs are matched against. */
  readonly smeOffers: Bm25Index;
  /** Buyer-side offers: the documents SMEs' needs are matched against. */
  readonly buyerOffers: Bm25Index;
  /** term -> buyers whose needs contain it. */
  private readonly needsOf: Map<string, number[]>;
  /** Per buyer, the reference score of its needs over SME offers (see Bm25Index.referenceScore). */
  private readonly needsRef: Float64Array;
  private readonly acc: Float64Array;

  constructor(
    smes: readonly Prepared[],
    buyers: readonly Prepared[],
    params: Bm25Params,
    /** Below this a match is a lone shared generic word ("quality"): noise that would make nearly every pair a candidate. */
    private readonly minRelevance: number,
    /** Indexes built earlier over the same participants (their index positions unchanged). */
    prebuilt: TextPrebuilt = {},
  ) {
    this.smeOffers = prebuilt.smeOffers ?? offersIndex(smes, params);
    this.buyerOffers = prebuilt.buyerOffers ?? offersIndex(buyers, params);
    this.needsRef = Float64Array.from(buyers, (b) => this.smeOffers.referenceScore([...b.needTerms]));
    this.needsOf = prebuilt.needsOf ?? needsIndex(buyers);
    this.acc = new Float64Array(buyers.length);
  }

  /**
   * Writes into `row[b]` the relevance (0..~1) of every buyer b matching the
   * SME at or above the threshold, the better of the two directions (not the
   * mean: most participants write only one of the two texts), and returns
   * those buyers. `row` must be all zeros on entry; the caller clears it.
   */
  scoreSme(sme: Prepared, row: Float64Array): number[] {
    const { acc, needsRef, minRelevance } = this;
    const touched: number[] = [];
    for (const { term, weight } of this.smeOffers.termWeights(sme.index)) {
      for (const b of this.needsOf.get(term) ?? []) {
        if (acc[b] === 0) touched.push(b);
        acc[b]! += weight;
      }
    }
    const found: number[] = [];
    for (const b of touched) {
      const v = acc[b]! / needsRef[b]!;
      acc[b] = 0;
      if (v >= minRelevance) {
        row[b] = v;
        found.push(b);
      }
    }
    const query = [...sme.needTerms];
    const ref = this.buyerOffers.referenceScore(query);
    if (ref > 0) {
      this.buyerOffers.forEachHit(query, minRelevance * ref, (b, score) => {
        const v = score / ref;
        if (row[b] === 0) found.push(b);
        if (v > row[b]!) row[b] = v;
      });
    }
    return found;
  }
}
