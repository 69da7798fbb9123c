/**
 * Turns a pair's signals into reasons for one viewer. Only run for the pairs
 * that make a participant's list, so it may afford sorting and term lookups.
 */
import type { Bm25Index } from "./bm25";
import type { Reason } from "./reasons";
import type { Breakdown, Weights } from "./schema";
import type { CertCheck, PairSignals, Prepared } from "./signals";
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

/** Reasons with the points each earned, in parallel arrays (no closure or wrapper object per reason: this runs for every listed pair). */
interface Scored {
  points: number[];
  reasons: Reason[];
}

function push(out: Scored, points: number, reason: Reason): void {
  out.points.push(points);
  out.reasons.push(reason);
}

function certificationReasons(out: Scored, check: CertCheck | undefined, requiredBy: "you" | "them", weights: Weights): void {
  if (!check) return;
  // The credit part alone: the net breakdown may be negative when something is also missing.
  const n = check.met.length + check.missing.length;
  if (check.met.length > 0)
    push(out, (weights.certificationsMet * check.met.length) / n, {
      code: "certifications_met",
      requiredBy,
      certifications: check.met,
    });
  if (check.missing.length > 0) push(out, -1, { code: "certifications_missing", requiredBy, certifications: check.missing });
}

export function explain({ viewer, sme, buyer, signals: s, breakdown: b, terms, weights }: ExplainContext): Reason[] {
  const counterpart = viewer === "sme" ? buyer : sme;
  const yours = viewer === "sme" ? s.smeInterest : s.buyerInterest;
  const theirs = viewer === "sme" ? s.buyerInterest : s.smeInterest;
  const exporter = viewer === "sme" ? "you" : "them";
  // Each reason carries the points it earned so the list reads strongest first; penalties get negative points.
  const out: Scored = { points: [], reasons: [] };

  if (yours > 0 && theirs > 0) push(out, b.interest, { code: "mutual_interest", yours, theirs });
  else if (theirs > 0) push(out, b.interest, { code: "interest_received", level: theirs });
  else if (yours > 0) push(out, b.interest, { code: "interest_sent", level: yours });
  if (s.clusters.length > 0) push(out, b.cluster, { code: "cluster_match", clusters: s.clusters });
  if (s.sectors.length > 0) push(out, b.sector, { code: "sector_match", sectors: s.sectors });
  if (s.hs.digits > 0) push(out, b.hs, { code: "hs_match", digits: s.hs.digits as 2 | 4 | 6, hs: s.hs.hs });
  if (b.text > 0 && terms.length > 0) push(out, b.text, { code: "text_match", terms: terms.slice(0, MAX_TERMS) });
  certificationReasons(out, s.buyerRequires, viewer === "buyer" ? "you" : "them", weights);
  certificationReasons(out, s.smeRequires, viewer === "sme" ? "you" : "them", weights);
  const level = sme.p.exportReadiness;
  if (b.exportReadiness > 0 && (level === "occasional" || level === "regular"))
    push(out, b.exportReadiness, { code: "export_ready", exporter, level });
  if (s.markets.length > 0) push(out, b.marketExperience, { code: "market_experience", exporter, markets: s.markets });
  if (s.languages.length > 0) push(out, b.language, { code: "shared_language", languages: s.languages });
  else if (s.languagesKnown) push(out, -1, { code: "no_shared_language" });
  if (b.availability < 1)
    push(out, -2, { code: "oversubscribed", requests: counterpart.p.requestsReceived, capacity: counterpart.capacity });

  // Stable insertion sort by points, highest first (a dozen items at most): equal points keep the fixed order above.
  const { points, reasons } = out;
  for (let i = 1; i < points.length; i++) {
    const p = points[i]!;
    const r = reasons[i]!;
    let j = i;
    while (j > 0 && points[j - 1]! < p) {
      points[j] = points[j - 1]!;
      reasons[j] = reasons[j - 1]!;
      j--;
    }
    points[j] = p;
    reasons[j] = r;
  }
  return reasons;
}
