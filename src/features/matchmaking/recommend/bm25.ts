/**
 * Okapi BM25 over a fixed set of documents with an inverted index.
 *
 * Built once per run; a query walks only the postings of its own terms, so
 * scoring 2,000 buyers' needs against 2,000 SMEs' product texts costs the
 * number of shared term occurrences, not 4 million text comparisons.
 */

export interface Bm25Params {
  /** Term-frequency saturation; 1.2 is the usual default for short texts. */
  k1: number;
  /** Length normalisation; 0.75 is the usual default. */
  b: number;
}

export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.75 };

export interface Bm25Hit {
  doc: number;
  score: number;
}

interface Posting {
  docs: number[];
  tfs: number[];
  idf: number;
}

export class Bm25Index {
  readonly docCount: number;
  private readonly postings = new Map<string, Posting>();
  /** k1 x (1 - b + b x length / average length), per document: the length part of BM25, computed once. */
  private readonly docNorm: Float64Array;
  /** Reused accumulator and touched-list: one slot per document, cleared after each query. */
  private readonly acc: Float64Array;
  private readonly touched: Int32Array;
  /** Each document's distinct terms and their counts, for scoring from the document's side. */
  private readonly docTerms: { term: string; tf: number }[][] = [];

  constructor(
    docs: readonly (readonly string[])[],
    private readonly params: Bm25Params = DEFAULT_BM25,
  ) {
    const n = docs.length;
    this.docCount = n;
    this.acc = new Float64Array(n);
    this.touched = new Int32Array(n);
    let total = 0;
    docs.forEach((terms, doc) => {
      total += terms.length;
      const counts = new Map<string, number>();
      for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
      this.docTerms.push([...counts].map(([term, tf]) => ({ term, tf })));
      for (const [t, tf] of counts) {
        let list = this.postings.get(t);
        if (!list) this.postings.set(t, (list = { docs: [], tfs: [], idf: 0 }));
        list.docs.push(doc);
        list.tfs.push(tf);
      }
    });
    // Lucene's idf: never negative, so a term in most documents still counts a little instead of penalising.
    for (const list of this.postings.values()) list.idf = Math.log(1 + (n - list.docs.length + 0.5) / (list.docs.length + 0.5));
    // An empty corpus still has a defined average so length normalisation never divides by zero.
    const avg = n > 0 && total > 0 ? total / n : 1;
    this.docNorm = Float64Array.from(docs, (terms) => params.k1 * (1 - params.b + (params.b * terms.length) / avg));
  }

  idf(term: string): number {
    const list = this.postings.get(term);
    return list ? list.idf : Math.log(1 + (this.docCount + 0.5) / 0.5);
  }

  /**
   * The score a document would get if it held every query term once at
   * average length. Dividing by it puts text relevance on a 0..~1 scale that
   * means "share of the query's evidence matched", comparable across queries.
   * Terms no document contains are left out: words nobody offers ("we
   * source", "reliable") cannot tell documents apart, and counting them
   * would only punish people who write longer requests.
   */
  referenceScore(queryTerms: readonly string[]): number {
    let sum = 0;
    for (const t of new Set(queryTerms)) sum += this.postings.get(t)?.idf ?? 0;
    return sum;
  }

  /**
   * What each of a document's terms adds to the score of any query holding
   * it: BM25 is a sum over shared terms, so it can be accumulated from the
   * document's side too (see text.ts), with the same result up to float rounding.
   */
  termWeights(doc: number): { term: string; weight: number }[] {
    const k1p1 = this.params.k1 + 1;
    const norm = this.docNorm[doc]!;
    return (this.docTerms[doc] ?? []).map(({ term, tf }) => ({ term, weight: (this.idf(term) * tf * k1p1) / (tf + norm) }));
  }

  /** Documents sharing at least one term with the query, in document order (deterministic). */
  search(queryTerms: readonly string[]): Bm25Hit[] {
    const hits: Bm25Hit[] = [];
    this.forEachHit(queryTerms, 0, (doc, score) => hits.push({ doc, score }));
    return hits;
  }

  /**
   * Calls `visit` for each document scoring at least `minScore`, in document
   * order. The hot path: no hit objects, so thousands of queries over
   * thousands of documents do not churn the garbage collector.
   */
  forEachHit(queryTerms: readonly string[], minScore: number, visit: (doc: number, score: number) => void): void {
    const k1p1 = this.params.k1 + 1;
    const { acc, docNorm, touched } = this;
    let count = 0;
    for (const term of new Set(queryTerms)) {
      const list = this.postings.get(term);
      if (!list) continue;
      const { docs, tfs, idf } = list;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!;
        const tf = tfs[i]!;
        if (acc[doc] === 0) touched[count++] = doc;
        acc[doc]! += (idf * tf * k1p1) / (tf + docNorm[doc]!);
      }
    }
    const order = touched.subarray(0, count).sort();
    for (let i = 0; i < count; i++) {
      const doc = order[i]!;
      const score = acc[doc]!;
      acc[doc] = 0;
      if (score >= minScore) visit(doc, score);
    }
  }
}
