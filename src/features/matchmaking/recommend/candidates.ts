/**
 * Candidate pairs: an SME and a buyer-side participant become a candidate only
 * when something says they are relevant to each other (interest, a shared
 * sector or cluster, the same HS chapter, or shared description terms, which
 * text.ts supplies). Each source is an inverted index, so the work grows with
 * the matches, not with SMEs x buyers. Language, certifications and export signals only adjust the
 * score of pairs found here: a shared language alone is no reason to meet.
 */
import type { Prepared } from "./signals";

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
  /** stamp[b] === mark when buyer b is already a candidate of the current call: dedupe without a
   *  Set per SME. A new mark per call (not the SME's index), so a finder reused across runs
   *  (recommendOne's cached side) starts clean. */
  private readonly stamp: Int32Array;
  private mark = 0;

  constructor(buyers: readonly Prepared[]) {
    this.bySector = postings(buyers, (b) => b.sectors.keys());
    this.byCluster = postings(buyers, (b) => b.clusters.keys());
    this.byChapter = postings(buyers, (b) => b.p.hsCodes.map((c) => c.slice(0, 2)));
    this.stamp = new Int32Array(buyers.length);
  }

  /**
   * Candidate buyer indices for one SME, written to the front of `out` (sized
   * for every buyer and reused across SMEs, so no array per SME); returns how
   * many. The order follows the indexes and is deterministic; callers must not
   * depend on it anyway, since ranking is a total order on (score, id).
   */
  candidates(sme: Prepared, textBuyers: readonly number[], interested: readonly number[], out: Int32Array): number {
    const { stamp } = this;
    if (this.mark === 0x7fffffff) {
      stamp.fill(0);
      this.mark = 0;
    }
    const mark = ++this.mark;
    let n = 0;
    const take = (list: readonly number[] | undefined) => {
      if (!list) return;
      for (const b of list) {
        if (stamp[b] !== mark) {
          stamp[b] = mark;
          out[n++] = b;
        }
      }
    };
    take(interested);
    for (const k of sme.sectors.keys()) take(this.bySector.get(k));
    for (const k of sme.clusters.keys()) take(this.byCluster.get(k));
    for (const code of sme.p.hsCodes) take(this.byChapter.get(code.slice(0, 2)));
    take(textBuyers);
    return n;
  }
}
