/**
 * Recommendations: for every participant, the counterparts on the other side
 * worth meeting, best first, each with a 0..1 score and structured reasons.
 * Pure and deterministic: same input, same output, byte for byte.
 */
import type { Bm25Index } from "./bm25";
import { CandidateFinder } from "./candidates";
import { explain, MAX_TERMS, rankTerms, sharedTerms, type RankedTerm } from "./explain";
import { compact, fastBase, Vocabulary } from "./fastscore";
import { NO_INTEREST, pairKey, relations, type Interest } from "./relations";
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
import { TextScorer } from "./text";
import type { Token } from "./tokenise";
import { TopList, type Entry } from "./toplist";

/** Six decimals: enough to rank, few enough that float noise never reorders ties across machines. */
const round = (x: number): number => Math.round(x * 1e6) / 1e6;

interface Context {
  smes: Prepared[];
  buyers: Prepared[];
  options: RecommendOptions;
  text: TextScorer;
  interest: Map<number, Interest>;
  /** Offer terms ranked by idf, per participant, computed on first use. */
  rankedOffers: Map<Prepared, RankedTerm[]>;
}

export function recommend(raw: RecommendInput): RecommendOutput {
  const input = RecommendInputSchema.parse(raw);
  const { options } = input;
  const smes: Prepared[] = [];
  const buyers: Prepared[] = [];
  const byId = new Map<string, Prepared>();
  const words = new Map<string, Token[]>();
  for (const p of input.participants) {
    const side = p.side === "sme" ? smes : buyers;
    const prepared = prepare(p, side.length, options, words);
    side.push(prepared);
    byId.set(p.id, prepared);
  }
  const { interest, interestedBySme, blockedBySme } = relations(input, byId, smes.length, buyers.length);
  const text = new TextScorer(smes, buyers, options.bm25, options.minTextRelevance);
  const vocab = new Vocabulary();
  const smeCompact = smes.map((x) => compact(x, vocab));
  const buyerCompact = buyers.map((x) => compact(x, vocab));
  const finder = new CandidateFinder(buyers);
  const norm = maxPositive(options);
  const smeLists = smes.map(() => new TopList(options.limit));
  const buyerLists = buyers.map(() => new TopList(options.limit));
  let candidatePairs = 0;
  let excludedPairs = 0;

  // Dense per-buyer rows, filled for one SME at a time and cleared after it:
  // array reads in the hot loop instead of hash lookups.
  const textRow = new Float64Array(buyers.length);
  const smeWants = new Float64Array(buyers.length);
  const buyerWants = new Float64Array(buyers.length);
  const blockedRow = new Uint8Array(buyers.length);
  const candidates = new Int32Array(buyers.length);
  for (const sme of smes) {
    const s = sme.index;
    const textBuyers = text.scoreSme(sme, textRow);
    const interested = interestedBySme[s]!;
    for (const b of interested) {
      const i = interest.get(pairKey(s, b, buyers.length))!;
      smeWants[b] = i.sme;
      buyerWants[b] = i.buyer;
    }
    for (const b of blockedBySme[s]!) blockedRow[b] = 1;
    const count = finder.candidates(sme, textBuyers, interested, candidates);
    for (let c = 0; c < count; c++) {
      const b = candidates[c]!;
      const buyer = buyers[b]!;
      if (blockedRow[b] === 1 || (sme.p.enterpriseId !== undefined && sme.p.enterpriseId === buyer.p.enterpriseId)) {
        excludedPairs++;
        continue;
      }
      candidatePairs++;
      const t = textRow[b]!;
      const base = fastBase(smeCompact[s]!, buyerCompact[b]!, smeWants[b]!, buyerWants[b]!, t, options);
      if (base <= 0) continue; // penalties outweigh the evidence: never worth recommending
      // The pair's evidence is shared; each side's score is scaled by the other's availability.
      const forSme = round(Math.min(1, (base * buyer.availability) / norm));
      const forBuyer = round(Math.min(1, (base * sme.availability) / norm));
      const smeList = smeLists[s]!;
      const buyerList = buyerLists[b]!;
      if (forSme > options.minScore && forSme >= smeList.floor) smeList.offer(forSme, buyer.p.id, s, b, t);
      if (forBuyer > options.minScore && forBuyer >= buyerList.floor) buyerList.offer(forBuyer, sme.p.id, s, b, t);
    }
    for (const b of textBuyers) textRow[b] = 0;
    for (const b of interested) smeWants[b] = buyerWants[b] = 0;
    for (const b of blockedBySme[s]!) blockedRow[b] = 0;
  }

  const ctx: Context = { smes, buyers, options, text, interest, rankedOffers: new Map() };
  const participants = input.participants.map((p) => {
    const self = byId.get(p.id)!;
    const list = p.side === "sme" ? smeLists[self.index]! : buyerLists[self.index]!;
    return { participantId: p.id, recommendations: list.entries.map((e) => explainEntry(ctx, p.side, e)) };
  });
  const output: RecommendOutput = {
    participants,
    stats: { participants: input.participants.length, candidatePairs, excludedPairs },
  };
  // On by default so the documented contract is checked; a caller that trusts this code can skip the cost (see docs).
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
    ctx.interest.get(pairKey(sme.index, buyer.index, buyers.length)) ?? NO_INTEREST,
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
    reasons: explain({ viewer, sme, buyer, signals, breakdown, terms, weights: options.weights }),
    breakdown,
  };
}

/** Offer terms of a participant ranked by idf, computed on first use. */
function rankedOffers(ctx: Context, x: Prepared, index: Bm25Index): RankedTerm[] {
  let r = ctx.rankedOffers.get(x);
  if (!r) ctx.rankedOffers.set(x, (r = rankTerms(x.offers, index)));
  return r;
}

/** Shared description words over both directions, rarest first, each word once. */
function textTerms(ctx: Context, sme: Prepared, buyer: Prepared): string[] {
  const all = sharedTerms(buyer.needTerms, rankedOffers(ctx, sme, ctx.text.smeOffers), MAX_TERMS).concat(
    sharedTerms(sme.needTerms, rankedOffers(ctx, buyer, ctx.text.buyerOffers), MAX_TERMS),
  );
  all.sort(byIdfThenTerm);
  return [...new Set(all.map(surfaceOf))];
}

const byIdfThenTerm = (a: RankedTerm, b: RankedTerm): number => b.idf - a.idf || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0);
const surfaceOf = (t: RankedTerm): string => t.surface;
