/**
 * Turns a pair's signals into reasons for one viewer. Only run for the pairs
 * that make a participant's list, so it may afford sorting and term lookups.
 */
import type { Bm25Index } from "./bm25";
import type { Reason } from "./reasons";
import type { Breakdown, Weights } from "./schema";
import type { PairSignals, Prepared } from "./signals";
import type { Token } from "./tokenise";

export interface RankedTerm {
  term: string;
  surface: string;
  idf: number;
}

/** A document's distinct terms, most telling (highest idf) first, in the document's own words. */
export function rankTerms(doc: readonly Token[], index: Bm25Index): RankedTerm[] {
  const seen = new Map<string, RankedTerm>();
  for (const t of doc) if (!seen.has(t.term)) seen.set(t.term, { term: t.term, surface: t.surface, idf: index.idf(t.term) });
  return [...seen.values()].sort((a, b) => b.idf - a.idf || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
}

/** The first `max` ranked document terms the query asks for: ranking once per document keeps this a short scan per pair. */
export function sharedTerms(wanted: ReadonlySet<string>, ranked: readonly RankedTerm[], max: number): RankedTerm[] {
  const out: RankedTerm[] = [];
  for (const t of ranked) {
    if (out.length === max) break;
    if (wanted.has(t.term)) out.push(t);
  }
  return out;
}

export interface ExplainContext {
  viewer: "sme" | "buyer";
  sme: Prepared;
  buyer: Prepared;
  signals: PairSignals;
  breakdown: Breakdown;
  /** Shared description terms, best first, already merged over both directions. */
  terms: string[];
  weights: Weights;
}

export const MAX_TERMS = 3;

export function explain({ viewer, sme, buyer, signals: s, breakdown: b, terms, weights }: ExplainContext): Reason[] {
  const counterpart = viewer === "sme" ? buyer : sme;
  const yours = viewer === "sme" ? s.smeInterest : s.buyerInterest;
  const theirs = viewer === "sme" ? s.buyerInterest : s.smeInterest;
  const requiredBy = (requirer: "sme" | "buyer") => (requirer === viewer ? "you" : "them") as "you" | "them";
  const exporter = viewer === "sme" ? "you" : "them";
  // Each reason carries the points it earned so the list reads strongest first.
  const scored: { points: number; reason: Reason }[] = [];
  const add = (points: number, reason: Reason) => scored.push({ points, reason });

  if (yours > 0 && theirs > 0) add(b.interest, { code: "mutual_interest", yours, theirs });
  else if (theirs > 0) add(b.interest, { code: "interest_received", level: theirs });
  else if (yours > 0) add(b.interest, { code: "interest_sent", level: yours });
  if (s.clusters.length > 0) add(b.cluster, { code: "cluster_match", clusters: s.clusters });
  if (s.sectors.length > 0) add(b.sector, { code: "sector_match", sectors: s.sectors });
  if (s.hs.digits > 0) add(b.hs, { code: "hs_match", digits: s.hs.digits as 2 | 4 | 6, hs: s.hs.hs });
  if (b.text > 0 && terms.length > 0) add(b.text, { code: "text_match", terms: terms.slice(0, MAX_TERMS) });
  for (const [requirer, check] of [
    ["buyer", s.buyerRequires],
    ["sme", s.smeRequires],
  ] as const) {
    if (!check) continue;
    // The credit part alone: the net breakdown may be negative when something is also missing.
    const n = check.met.length + check.missing.length;
    if (check.met.length > 0)
      add((weights.certificationsMet * check.met.length) / n, {
        code: "certifications_met",
        requiredBy: requiredBy(requirer),
        certifications: check.met,
      });
    if (check.missing.length > 0)
      add(-1, { code: "certifications_missing", requiredBy: requiredBy(requirer), certifications: check.missing });
  }
  const level = sme.p.exportReadiness;
  if (b.exportReadiness > 0 && (level === "occasional" || level === "regular"))
    add(b.exportReadiness, { code: "export_ready", exporter, level });
  if (s.markets.length > 0) add(b.marketExperience, { code: "market_experience", exporter, markets: s.markets });
  if (s.languages.length > 0) add(b.language, { code: "shared_language", languages: s.languages });
  else if (s.languagesKnown) add(-1, { code: "no_shared_language" });
  if (b.availability < 1)
    add(-2, { code: "oversubscribed", requests: counterpart.p.requestsReceived, capacity: counterpart.capacity });

  // Array.prototype.sort is stable, so equal points keep the fixed order above.
  return scored.sort((x, y) => y.points - x.points).map((x) => x.reason);
}
