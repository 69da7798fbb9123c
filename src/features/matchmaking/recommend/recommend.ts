/**
 * Recommendations: for every participant, the counterparts on the other side
 * worth meeting, best first, each with a 0..1 score and structured reasons.
 * Pure and deterministic: same input, same output, byte for byte.
 */
import type { Bm25Index } from "./bm25";
import { buildTextIndexes, CandidateFinder, textRelevance, type TextIndexes } from "./candidates";
import { explain, MAX_TERMS, rankTerms, sharedTerms, type RankedTerm } from "./explain";
import { compact, fastBase, Vocabulary } from "./fastscore";
import { TopList, type Entry } from "./toplist";
import {
  RecommendInputSchema,
  RecommendOutputSchema,
  type Breakdown,
  type RecommendInput,
  type RecommendOptions,
  type RecommendOutput,
  type Recommendation,
} from "./schema";
import { contributions, maxPositive, pairSignals, prepare, type Prepared } from "./signals";

/** Six decimals: enough to rank, few enough that float noise never reorders ties across machines. */
const round = (x: number): number => Math.round(x * 1e6) / 1e6;

interface Context {
  smes: Prepared[];
  buyers: Prepared[];
  options: RecommendOptions;
  indexes: TextIndexes;
  interest: Map<number, { sme: number; buyer: number }>;
  /** Offer terms ranked by idf, per participant, computed on first use. */
  rankedOffers: Map<Prepared, RankedTerm[]>;
}

const NO_INTEREST = { sme: 0, buyer: 0 };

export function recommend(raw: RecommendInput): RecommendOutput {
  const input = RecommendInputSchema.parse(raw);
  const { options } = input;
  const smes: Prepared[] = [];
  const buyers: Prepared[] = [];
  const byId = new Map<string, Prepared>();
  for (const p of input.participants) {
    const side = p.side === "sme" ? smes : buyers;
    const prepared = prepare(p, side.length, options);
    side.push(prepared);
    byId.set(p.id, prepared);
  }
  // One number per (SME, buyer) pair: cheap to hash, no string building in the hot loop.
  const key = (s: number, b: number) => s * buyers.length + b;
  /** The pair as (SME, buyer), or undefined for two participants on the same side. */
  const orient = (x: string, y: string): [Prepared, Prepared, boolean] | undefined => {
    const a = byId.get(x)!;
    const b = byId.get(y)!;
    if (a.p.side === b.p.side) return undefined;
    return a.p.side === "sme" ? [a, b, true] : [b, a, false];
  };

  const interest = new Map<number, { sme: number; buyer: number }>();
  const interestedBySme: number[][] = smes.map(() => []);
  for (const x of input.interests) {
    const pair = orient(x.from, x.to);
    if (!pair || x.level <= 0) continue;
    const [s, b, fromSme] = pair;
    const k = key(s.index, b.index);
    let entry = interest.get(k);
    if (!entry) {
      interest.set(k, (entry = { sme: 0, buyer: 0 }));
      interestedBySme[s.index]!.push(b.index);
    }
    // Repeated expressions of interest keep the strongest, not the sum.
    if (fromSme) entry.sme = Math.max(entry.sme, x.level);
    else entry.buyer = Math.max(entry.buyer, x.level);
  }
  const blocked = new Set<number>();
  for (const x of input.noThanks) {
    const pair = orient(x.from, x.to);
    if (pair) blocked.add(key(pair[0].index, pair[1].index));
  }
  for (const x of input.metBefore) {
    const pair = orient(x.a, x.b);
    if (pair) blocked.add(key(pair[0].index, pair[1].index));
  }

  const indexes = buildTextIndexes(smes, buyers, options.bm25);
  const text = textRelevance(smes, buyers, indexes, options.minTextRelevance);
  const vocab = new Vocabulary();
  const smeCompact = smes.map((x) => compact(x, vocab));
  const buyerCompact = buyers.map((x) => compact(x, vocab));
  const finder = new CandidateFinder(buyers);
  const norm = maxPositive(options);
  const lists = new Map<Prepared, TopList>();
  for (const x of [...smes, ...buyers]) lists.set(x, new TopList(options.limit));
  let candidatePairs = 0;
  let excludedPairs = 0;

  // Dense per-buyer scratch rows, filled for one SME at a time and cleared after:
  // array reads in the hot loop instead of hash lookups.
  const textRow = new Float64Array(buyers.length);
  const smeWants = new Float64Array(buyers.length);
  const buyerWants = new Float64Array(buyers.length);
  for (const sme of smes) {
    const smeList = lists.get(sme)!;
    const textBuyers: number[] = [];
    text.forEach(sme.index, (b, v) => {
      if (textRow[b] === 0) textBuyers.push(b);
      if (v > textRow[b]!) textRow[b] = v;
    });
    const interested = interestedBySme[sme.index]!;
    for (const b of interested) {
      const i = interest.get(key(sme.index, b))!;
      smeWants[b] = i.sme;
      buyerWants[b] = i.buyer;
    }
    for (const b of finder.candidates(sme, textBuyers, interested)) {
      const buyer = buyers[b]!;
      const sameEnterprise = sme.p.enterpriseId !== undefined && sme.p.enterpriseId === buyer.p.enterpriseId;
      if (sameEnterprise || blocked.has(key(sme.index, b))) {
        excludedPairs++;
        continue;
      }
      candidatePairs++;
      const t = textRow[b]!;
      const base = fastBase(smeCompact[sme.index]!, buyerCompact[b]!, smeWants[b]!, buyerWants[b]!, t, options);
      if (base <= 0) continue; // penalties outweigh the evidence: never worth recommending
      // The pair's evidence is shared; each side's score is scaled by the other's availability.
      const forSme = round(Math.min(1, (base * buyer.availability) / norm));
      const forBuyer = round(Math.min(1, (base * sme.availability) / norm));
      if (forSme > options.minScore) smeList.offer(forSme, buyer.p.id, sme.index, b, t);
      if (forBuyer > options.minScore) lists.get(buyer)!.offer(forBuyer, sme.p.id, sme.index, b, t);
    }
    for (const b of textBuyers) textRow[b] = 0;
    for (const b of interested) smeWants[b] = buyerWants[b] = 0;
  }

  const ctx: Context = { smes, buyers, options, indexes, interest, rankedOffers: new Map() };
  const participants = input.participants.map((p) => {
    const self = byId.get(p.id)!;
    return { participantId: p.id, recommendations: lists.get(self)!.entries.map((e) => explainEntry(ctx, p.side, e)) };
  });
  const output: RecommendOutput = {
    participants,
    stats: { participants: input.participants.length, candidatePairs, excludedPairs },
  };
  // On by default so the documented contract is checked; a caller that trusts this code can skip the cost (about 0.4 s at 2,000 per side).
  return options.validateOutput ? RecommendOutputSchema.parse(output) : output;
}

/** Recomputes a listed pair's signals with the readable reference code and words its reasons. */
function explainEntry(ctx: Context, viewer: "sme" | "buyer", entry: Entry): Recommendation {
  const { smes, buyers, options } = ctx;
  const sme = smes[entry.sme]!;
  const buyer = buyers[entry.buyer]!;
  const counterpart = viewer === "sme" ? buyer : sme;
  const signals = pairSignals(
    sme,
    buyer,
    ctx.interest.get(sme.index * buyers.length + buyer.index) ?? NO_INTEREST,
    entry.text,
    options,
  );
  const c = contributions(signals, sme, options);
  const breakdown: Breakdown = {
    interest: round(c.interest),
    sector: round(c.sector),
    cluster: round(c.cluster),
    hs: round(c.hs),
    text: round(c.text),
    certifications: round(c.certifications),
    exportReadiness: round(c.exportReadiness),
    marketExperience: round(c.marketExperience),
    language: round(c.language),
    // Clamped so an extreme load still reads as a (tiny) positive multiplier after rounding.
    availability: Math.max(1e-6, round(counterpart.availability)),
  };
  const terms = signals.text > 0 ? textTerms(ctx, sme, buyer) : [];
  return {
    counterpartId: counterpart.p.id,
    score: entry.score,
    reasons: explain({ viewer, sme, buyer, signals, breakdown, terms }),
    breakdown,
  };
}

/** Shared description words over both directions, rarest first, each word once. */
function textTerms(ctx: Context, sme: Prepared, buyer: Prepared): string[] {
  const ranked = (x: Prepared, index: Bm25Index): RankedTerm[] => {
    let r = ctx.rankedOffers.get(x);
    if (!r) ctx.rankedOffers.set(x, (r = rankTerms(x.offers, index)));
    return r;
  };
  const all = [
    ...sharedTerms(buyer.needTerms, ranked(sme, ctx.indexes.smeOffers), MAX_TERMS),
    ...sharedTerms(sme.needTerms, ranked(buyer, ctx.indexes.buyerOffers), MAX_TERMS),
  ].sort((a, b) => b.idf - a.idf || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  return [...new Set(all.map((t) => t.surface))];
}
