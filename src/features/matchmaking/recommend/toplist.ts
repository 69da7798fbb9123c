/**
 * The best `limit` counterparts of one participant, kept while pairs stream
 * past. A participant can have thousands of candidates but shows a list of
 * 20, so most offers are rejected by one comparison with the current worst,
 * without allocating: this is what lets the engine skip storing every pair.
 */

export interface Entry {
  score: number;
  /** The counterpart's id: breaks score ties by plain code-unit order, identical on every machine. */
  counterpartId: string;
  sme: number;
  buyer: number;
  text: number;
}

/** Positive when `a` ranks above `b`. */
function compare(a: { score: number; counterpartId: string }, b: Entry): number {
  if (a.score !== b.score) return a.score - b.score;
  return a.counterpartId < b.counterpartId ? 1 : a.counterpartId > b.counterpartId ? -1 : 0;
}

export class TopList {
  /** Best first. */
  readonly entries: Entry[] = [];
  /**
   * Score an offer must reach to have a chance once the list is full
   * (-Infinity before). Callers test it inline, so the common rejection costs
   * no call and no boxed number.
   */
  floor = -Infinity;

  constructor(private readonly limit: number) {}

  offer(score: number, counterpartId: string, sme: number, buyer: number, text: number): void {
    const { entries, limit } = this;
    if (entries.length === limit && compare({ score, counterpartId }, entries[limit - 1]!) <= 0) return;
    const entry: Entry = { score, counterpartId, sme, buyer, text };
    let i = entries.length === limit ? limit - 1 : entries.length;
    while (i > 0 && compare(entry, entries[i - 1]!) > 0) {
      entries[i] = entries[i - 1]!;
      i--;
    }
    entries[i] = entry;
    if (entries.length === limit) this.floor = entries[limit - 1]!.score;
  }
}
