/**
 * Candidate pairs: an SME and a buyer-side participant become a candidate only
 * when something says they are relevant to each other (interest, a shared
 * sector or cluster, the same HS chapter, or shared description terms). Each
 * source is an inverted index, so the work grows with the matches, not with
 * SMEs x buyers. Language, certifications and export signals only adjust the
 * score of pairs found here: a shared language alone is no reason to meet.
 */
import { Bm25Index } from "./bm25";
import type { Prepared } from "./signals";

export interface TextIndexes {
  /** SME offers, searched by buyers' needs. */
  smeOffers: Bm25Index;
  /** Buyer-side offers (finance, distribution, sourcing programmes), searched by SMEs' needs. */
  buyerOffers: Bm25Index;
}

export function buildTextIndexes(
  smes: readonly Prepared[],
  buyers: readonly Prepared[],
  params: { k1: number; b: number },
): TextIndexes {
  return {
    smeOffers: new Bm25Index(
      smes.map((s) => s.offers.map((t) => t.term)),
      params,
    ),
    buyerOffers: new Bm25Index(
      buyers.map((b) => b.offers.map((t) => t.term)),
      params,
    ),
  };
}

/**
 * Normalised text relevance of (SME, buyer) pairs, stored sparse by SME
 * (compressed rows: typed arrays instead of millions of Map entries).
 */
export class TextScores {
  constructor(
    private readonly rowStart: Int32Array,
    private readonly buyers: Int32Array,
    private readonly values: Float64Array,
  ) {}

  /** Each (buyer, relevance) recorded for SME `s`; a buyer may appear twice, once per direction. */
  forEach(s: number, visit: (buyer: number, relevance: number) => void): void {
    for (let i = this.rowStart[s]!; i < this.rowStart[s + 1]!; i++) visit(this.buyers[i]!, this.values[i]!);
  }
}

/**
 * Text relevance in both directions: buyer needs vs SME offers, and SME needs
 * vs buyer offers. Callers keep the better of the two, not the mean, because
 * most participants only write one of the two texts and that should not
 * halve their relevance. Below `minRelevance` a match is a lone shared
 * generic word ("quality"): noise that would make nearly every pair a
 * candidate, so it is dropped.
 */
export function textRelevance(
  smes: readonly Prepared[],
  buyers: readonly Prepared[],
  idx: TextIndexes,
  minRelevance: number,
): TextScores {
  const ss: number[] = [];
  const bs: number[] = [];
  const vs: number[] = [];
  for (const buyer of buyers) {
    const q = buyer.needs.map((t) => t.term);
    const ref = idx.smeOffers.referenceScore(q);
    if (ref > 0)
      idx.smeOffers.forEachHit(q, minRelevance * ref, (doc, score) => (ss.push(doc), bs.push(buyer.index), vs.push(score / ref)));
  }
  for (const sme of smes) {
    const q = sme.needs.map((t) => t.term);
    const ref = idx.buyerOffers.referenceScore(q);
    if (ref > 0)
      idx.buyerOffers.forEachHit(q, minRelevance * ref, (doc, score) => (ss.push(sme.index), bs.push(doc), vs.push(score / ref)));
  }
  // Counting sort by SME into compressed rows; within a row, insertion order (deterministic).
  const rowStart = new Int32Array(smes.length + 1);
  for (const s of ss) rowStart[s + 1]!++;
  for (let s = 0; s < smes.length; s++) rowStart[s + 1]! += rowStart[s]!;
  const fill = rowStart.slice(0, smes.length);
  const outB = new Int32Array(ss.length);
  const outV = new Float64Array(ss.length);
  for (let i = 0; i < ss.length; i++) {
    const at = fill[ss[i]!]!++;
    outB[at] = bs[i]!;
    outV[at] = vs[i]!;
  }
  return new TextScores(rowStart, outB, outV);
}

function postings(buyers: readonly Prepared[], keysOf: (b: Prepared) => Iterable<string>): Map<string, number[]> {
  const index = new Map<string, number[]>();
  for (const b of buyers) {
    for (const k of new Set(keysOf(b))) {
      let list = index.get(k);
      if (!list) index.set(k, (list = []));
      list.push(b.index);
    }
  }
  return index;
}

/** Builds the structured inverted indexes once and hands out each SME's candidate buyers. */
export class CandidateFinder {
  private readonly bySector: Map<string, number[]>;
  private readonly byCluster: Map<string, number[]>;
  private readonly byChapter: Map<string, number[]>;
  /** stamp[b] === s + 1 when buyer b is already a candidate of SME s: dedupe without a Set per SME. */
  private readonly stamp: Int32Array;

  constructor(buyers: readonly Prepared[]) {
    this.bySector = postings(buyers, (b) => b.sectors.keys());
    this.byCluster = postings(buyers, (b) => b.clusters.keys());
    this.byChapter = postings(buyers, (b) => b.p.hsCodes.map((c) => c.slice(0, 2)));
    this.stamp = new Int32Array(buyers.length);
  }

  /** Candidate buyer indices for one SME, in a deterministic order. */
  candidates(sme: Prepared, textBuyers: Iterable<number>, interested: Iterable<number>): number[] {
    const out: number[] = [];
    const mark = sme.index + 1;
    const take = (b: number) => {
      if (this.stamp[b] !== mark) {
        this.stamp[b] = mark;
        out.push(b);
      }
    };
    for (const b of interested) take(b);
    for (const k of sme.sectors.keys()) for (const b of this.bySector.get(k) ?? []) take(b);
    for (const k of sme.clusters.keys()) for (const b of this.byCluster.get(k) ?? []) take(b);
    for (const code of sme.p.hsCodes) for (const b of this.byChapter.get(code.slice(0, 2)) ?? []) take(b);
    for (const b of textBuyers) take(b);
    return out.sort((x, y) => x - y);
  }
}
