/**
 * Per-pair signals. A pair is always read as (SME, buyer-side participant),
 * so each signal is computed once and is the same whichever side looks at it;
 * only oversubscription (the counterpart's load) depends on the viewer.
 */
import type { Breakdown, Participant, RecommendOptions } from "./schema";
import { tokenise, type Token } from "./tokenise";

/** Parsed participant plus the lookups every pair needs, computed once. */
export interface Prepared {
  p: Participant;
  /** Position within its own side. */
  index: number;
  sectors: Map<string, string>;
  clusters: Map<string, string>;
  certifications: Map<string, string>;
  required: Map<string, string>;
  languages: Set<string>;
  /** SME: export markets; buyer: its country plus the markets it sources for. Home country removed. */
  markets: Set<string>;
  offers: Token[];
  needs: Token[];
  /** Distinct terms of `needs`, looked up when explaining text matches. */
  needTerms: Set<string>;
  /** Multiplier applied when this participant is someone else's counterpart. */
  availability: number;
  capacity: number;
}

/** Case and spacing differences in labels typed by people must not split a sector in two. */
export const labelKey = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, " ");

/**
 * "ISO 13485:2016", "iso-13485" and "ISO13485" are one certification, and so
 * are "CE", "CE marking" and "CE mark": compare letters and digits only,
 * without an edition year or a trailing "marking"/"certified".
 */
export function certificationKey(s: string): string {
  return s
    .toUpperCase()
    .replace(/[:/-]\s*(19|20)\d\d\s*$/, "")
    .replace(/\b(MARKING|MARK|MARKED|CERTIFIED|CERTIFICATION|CERTIFICATE)\b/g, "")
    .replace(/[^\p{L}\p{N}]/gu, "");
}

function keyed(labels: readonly string[], key: (s: string) => string): Map<string, string> {
  const m = new Map<string, string>();
  for (const l of labels) if (!m.has(key(l))) m.set(key(l), l);
  return m;
}

/** `words` memoises tokenisation across the participants of one run (see tokenise). */
/** The multiplier for a participant's load: 1 up to the threshold, then falling. */
export function availabilityOf(requestsReceived: number, capacity: number, options: RecommendOptions): number {
  const load = requestsReceived / capacity;
  const { threshold, strength } = options.oversubscription;
  return load > threshold ? 1 / (1 + strength * (load - threshold)) : 1;
}

/** The same prepared participant with another load (requests received, capacity): a shallow copy. */
export function withLoad(x: Prepared, requestsReceived: number, capacity: number | undefined, options: RecommendOptions): Prepared {
  const cap = capacity ?? options.defaultCapacity;
  return { ...x, p: { ...x.p, requestsReceived, capacity }, availability: availabilityOf(requestsReceived, cap, options), capacity: cap };
}

export function prepare(p: Participant, index: number, options: RecommendOptions, words?: Map<string, Token[]>): Prepared {
  const capacity = p.capacity ?? options.defaultCapacity;
  const markets = new Set(p.side === "sme" ? p.exportMarkets : [...(p.country ? [p.country] : []), ...p.markets]);
  markets.delete(options.homeCountry);
  const needs = tokenise(p.needs, words);
  return {
    p,
    index,
    sectors: keyed(p.sectors, labelKey),
    clusters: keyed(p.clusters, labelKey),
    certifications: keyed(p.certifications, certificationKey),
    required: keyed(p.requiredCertifications, certificationKey),
    languages: new Set(p.languages),
    markets,
    offers: tokenise(p.offers, words),
    needs,
    needTerms: new Set(needs.map((t) => t.term)),
    availability: availabilityOf(p.requestsReceived, capacity, options),
    capacity,
  };
}

export interface HsMatch {
  digits: 0 | 2 | 4 | 6;
  hs: string;
}

/** Deepest HS level (2, 4 or 6 digits) at which any SME code and any buyer code agree. */
export function hsMatch(a: readonly string[], b: readonly string[]): HsMatch {
  let best: HsMatch = { digits: 0, hs: "" };
  for (const x of a) {
    for (const y of b) {
      let n = 0;
      while (n < x.length && n < y.length && x[n] === y[n]) n++;
      const digits = Math.min(6, n - (n % 2)) as 0 | 2 | 4 | 6;
      if (digits > best.digits) best = { digits, hs: x.slice(0, digits) };
    }
  }
  return best;
}

export interface CertCheck {
  met: string[];
  missing: string[];
}

/** Which of `requirer`'s required certifications `holder` holds, by the requirer's labels. */
export function checkCertifications(requirer: Prepared, holder: Prepared): CertCheck | undefined {
  if (requirer.required.size === 0) return undefined;
  const met: string[] = [];
  const missing: string[] = [];
  for (const [key, label] of requirer.required) (holder.certifications.has(key) ? met : missing).push(label);
  return { met, missing };
}

/** Export readiness as a 0..1 credit: "occasional" already proves the paperwork and logistics work. */
export const READINESS = { none: 0, exploring: 0.25, occasional: 0.6, regular: 1 } as const;

function shared<T>(a: Map<string, T>, b: Map<string, T>): T[] {
  const out: T[] = [];
  for (const [k, v] of a) if (b.has(k)) out.push(v);
  return out;
}

/** Everything about one pair that scoring and explaining need. */
export interface PairSignals {
  smeInterest: number;
  buyerInterest: number;
  interest: number;
  sectors: string[];
  clusters: string[];
  hs: HsMatch;
  /** Buyer's requirements checked against the SME, and the other way round. */
  buyerRequires: CertCheck | undefined;
  smeRequires: CertCheck | undefined;
  /** The buyer sources for markets abroad, so the SME's export readiness matters. */
  exportFacing: boolean;
  markets: string[];
  languages: string[];
  languagesKnown: boolean;
  text: number;
}

/**
 * Reciprocal interest: mostly the harmonic mean, which is 0 unless both sides
 * are interested, plus a share of the stronger side so that one-sided
 * interest still ranks above none but well below mutual.
 */
export function reciprocalInterest(a: number, b: number, oneSidedShare: number): number {
  const harmonic = a + b > 0 ? (2 * a * b) / (a + b) : 0;
  return (1 - oneSidedShare) * harmonic + oneSidedShare * Math.max(a, b);
}

export function pairSignals(
  sme: Prepared,
  buyer: Prepared,
  interest: { sme: number; buyer: number },
  text: number,
  options: RecommendOptions,
): PairSignals {
  const markets: string[] = [];
  for (const m of sme.markets) if (buyer.markets.has(m)) markets.push(m);
  const languages: string[] = [];
  for (const l of sme.languages) if (buyer.languages.has(l)) languages.push(l);
  return {
    smeInterest: interest.sme,
    buyerInterest: interest.buyer,
    interest: reciprocalInterest(interest.sme, interest.buyer, options.oneSidedInterest),
    sectors: shared(sme.sectors, buyer.sectors),
    clusters: shared(sme.clusters, buyer.clusters),
    hs: hsMatch(sme.p.hsCodes, buyer.p.hsCodes),
    buyerRequires: checkCertifications(buyer, sme),
    smeRequires: checkCertifications(sme, buyer),
    exportFacing: buyer.markets.size > 0,
    markets,
    languages,
    languagesKnown: sme.languages.size > 0 && buyer.languages.size > 0,
    text,
  };
}

/** Weighted contributions; `availability` is filled in per viewer. */
export function contributions(s: PairSignals, sme: Prepared, options: RecommendOptions): Omit<Breakdown, "availability"> {
  const w = options.weights;
  const hsCredit =
    s.hs.digits === 6
      ? options.hsCredit.subheading
      : s.hs.digits === 4
        ? options.hsCredit.heading
        : s.hs.digits === 2
          ? options.hsCredit.chapter
          : 0;
  // Averaged over the sides that state requirements, so two-way requirements cannot exceed the weight.
  const checks = [s.buyerRequires, s.smeRequires].filter((c): c is CertCheck => c !== undefined);
  let certifications = 0;
  for (const c of checks) {
    const n = c.met.length + c.missing.length;
    certifications += (w.certificationsMet * c.met.length - w.certificationsMissing * c.missing.length) / n / checks.length;
  }
  return {
    interest: w.interest * s.interest,
    sector: s.sectors.length > 0 ? w.sector : 0,
    cluster: s.clusters.length > 0 ? w.cluster : 0,
    hs: w.hs * hsCredit,
    text: w.text * Math.min(1, s.text),
    certifications,
    exportReadiness: s.exportFacing ? w.exportReadiness * READINESS[sme.p.exportReadiness] : 0,
    marketExperience: s.markets.length > 0 ? w.marketExperience : 0,
    language: s.languages.length > 0 ? w.language : s.languagesKnown ? -w.noSharedLanguage : 0,
  };
}

/** The largest positive sum contributions can reach: dividing by it puts scores in 0..1. */
export function maxPositive(options: RecommendOptions): number {
  const w = options.weights;
  const hsTop = Math.max(options.hsCredit.chapter, options.hsCredit.heading, options.hsCredit.subheading);
  const total =
    w.interest +
    w.sector +
    w.cluster +
    w.hs * hsTop +
    w.text +
    w.certificationsMet +
    w.exportReadiness +
    w.marketExperience +
    w.language;
  return total > 0 ? total : 1;
}
