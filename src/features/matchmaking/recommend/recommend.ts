/**
 * Recommendations: for every participant, the counterparts on the other side
 * worth meeting, best first, each with a 0..1 score and structured reasons.
 * Pure and deterministic: same input, same output, byte for byte.
 */
import type { Bm25Index } from "./bm25";
import { z } from "zod";
import { CandidateFinder } from "./candidates";
import { explain, MAX_TERMS, rankTerms, sharedTerms, type RankedTerm } from "./explain";
import { compact, fastBase, Vocabulary, type Compact } from "./fastscore";
import { NO_INTEREST, pairKey, relations, type Interest } from "./relations";
import {
  ParticipantSchema,
  RecommendInputSchema,
  RecommendOptionsSchema,
  RecommendOutputSchema,
  type Breakdown,
  type ParsedRecommendInput,
  type ParticipantInput,
  type RecommendInput,
  type RecommendOptions,
  type RecommendOutput,
  type Recommendation,
} from "./schema";
import { contributions, maxPositive, pairSignals, prepare, withLoad, type Prepared } from "./signals";
import { needsIndex, offersIndex, TextScorer, type TextPrebuilt } from "./text";
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
  const vocab = new Vocabulary();
  const out = score(input, { smes, buyers, byId, smeCompact: smes.map((x) => compact(x, vocab)), buyerCompact: buyers.map((x) => compact(x, vocab)) });
  const participants = input.participants.map((p) => ({ participantId: p.id, recommendations: out.listOf(p.id) }));
  const output: RecommendOutput = {
    participants,
    stats: { participants: input.participants.length, candidatePairs: out.candidatePairs, excludedPairs: out.excludedPairs },
  };
  // On by default so the documented contract is checked; a caller that trusts this code can skip the cost (see docs).
  return options.validateOutput ? RecommendOutputSchema.parse(output) : output;
}

/**
 * One side of an edition prepared once (parsed, tokenised, indexed), for recommendOne: what a
 * caller on the other side is scored against. Loads (requests received, capacity) are not part
 * of it: they change with every request and are given per call. Immutable once built, so one
 * may be shared by concurrent callers of a process.
 */
export interface Counterparts {
  readonly side: "sme" | "buyer";
  readonly options: RecommendOptions;
  readonly prepared: readonly Prepared[];
  readonly byId: ReadonlyMap<string, Prepared>;
  readonly offers: Bm25Index;
  /** Buyers only: the inverted index of their needs, and the structured candidate indexes. */
  readonly needsOf?: Map<string, number[]>;
  readonly finder?: CandidateFinder;
  readonly vocab: Vocabulary;
  readonly compact: readonly Compact[];
}

/** Prepares one side's participants (all on `side`) for recommendOne. */
export function prepareCounterparts(side: "sme" | "buyer", participants: readonly ParticipantInput[], rawOptions: RecommendInput["options"] = {}): Counterparts {
  const options = RecommendOptionsSchema.parse(rawOptions);
  const parsed = z.array(ParticipantSchema).parse(participants);
  const words = new Map<string, Token[]>();
  const prepared: Prepared[] = [];
  const byId = new Map<string, Prepared>();
  for (const p of parsed) {
    if (p.side !== side) throw new Error(`participant ${p.id} is not on the ${side} side`);
    if (byId.has(p.id)) throw new Error(`duplicate participant id "${p.id}"`);
    const x = prepare(p, prepared.length, options, words);
    prepared.push(x);
    byId.set(p.id, x);
  }
  const vocab = new Vocabulary();
  return {
    side,
    options,
    prepared,
    byId,
    offers: offersIndex(prepared, options.bm25),
    ...(side === "buyer" ? { needsOf: needsIndex(prepared), finder: new CandidateFinder(prepared) } : {}),
    vocab,
    compact: prepared.map((x) => compact(x, vocab)),
  };
}

/**
 * The recommendations of one participant against prepared counterparts: the same list, scores
 * and reasons as `recommend` gives it with the same participants, loads and exclusions, without
 * preparing the other side again. `loads` gives each counterpart's requests received and
 * capacity (absent: none, the default capacity); `noThanks` the counterparts never to suggest;
 * `limit` replaces the options' list length.
 */
export function recommendOne(
  counterparts: Counterparts,
  rawMe: ParticipantInput,
  relationsOf: { noThanks?: readonly string[]; loads?: ReadonlyMap<string, { requestsReceived: number; capacity?: number }>; limit?: number } = {},
): Recommendation[] {
  const options = relationsOf.limit ? { ...counterparts.options, limit: relationsOf.limit } : counterparts.options;
  const me = ParticipantSchema.parse(rawMe);
  if (me.side === counterparts.side) throw new Error("the participant is on the counterparts' side");
  if (counterparts.byId.has(me.id)) throw new Error(`duplicate participant id "${me.id}"`);
  const self = prepare(me, 0, options);
  const others = counterparts.prepared.map((x) => {
    const l = relationsOf.loads?.get(x.p.id);
    return l ? withLoad(x, l.requestsReceived, l.capacity, options) : x.p.requestsReceived === 0 ? x : withLoad(x, 0, x.p.capacity, options);
  });
  const byId = new Map(counterparts.byId);
  byId.set(me.id, self);
  const meIsSme = me.side === "sme";
  const smes = meIsSme ? [self] : others;
  const buyers = meIsSme ? others : [self];
  const mine = compact(self, new Vocabulary(counterparts.vocab));
  const noThanks = (relationsOf.noThanks ?? []).filter((id) => counterparts.byId.has(id)).map((to) => ({ from: me.id, to }));
  const out = score(
    { participants: [], interests: [], noThanks, metBefore: [], options },
    {
      smes,
      buyers,
      byId,
      smeCompact: meIsSme ? [mine] : counterparts.compact,
      buyerCompact: meIsSme ? counterparts.compact : [mine],
      prebuilt: meIsSme ? { buyerOffers: counterparts.offers, needsOf: counterparts.needsOf } : { smeOffers: counterparts.offers },
      finder: meIsSme ? counterparts.finder : undefined,
    },
  );
  return out.listOf(me.id);
}

interface Sides {
  smes: Prepared[];
  buyers: Prepared[];
  byId: ReadonlyMap<string, Prepared>;
  smeCompact: readonly Compact[];
  buyerCompact: readonly Compact[];
  prebuilt?: TextPrebuilt;
  finder?: CandidateFinder | undefined;
}

/** The scoring loop over every candidate pair; lists explained on demand, per participant. */
function score(input: Pick<ParsedRecommendInput, "interests" | "noThanks" | "metBefore" | "participants" | "options">, sides: Sides) {
  const { options } = input;
  const { smes, buyers, byId, smeCompact, buyerCompact } = sides;
  const { interest, interestedBySme, blockedBySme } = relations(input, byId, smes.length, buyers.length);
  const text = new TextScorer(smes, buyers, options.bm25, options.minTextRelevance, sides.prebuilt);
  const finder = sides.finder ?? new CandidateFinder(buyers);
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
  const listOf = (id: string): Recommendation[] => {
    const self = byId.get(id)!;
    const side = self.p.side;
    const list = side === "sme" ? smeLists[self.index]! : buyerLists[self.index]!;
    return list.entries.map((e) => explainEntry(ctx, side, e));
  };
  return { listOf, candidatePairs, excludedPairs };
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
