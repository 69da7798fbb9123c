/**
 * Who said what about whom: interest and exclusions, resolved from ids to
 * (SME index, buyer index) pairs and grouped by SME, because the scoring loop
 * walks one SME at a time.
 */
import type { ParsedRecommendInput } from "./schema";
import type { Prepared } from "./signals";

export interface Interest {
  /** The SME's interest in the buyer, 0..1. */
  sme: number;
  /** The buyer's interest in the SME, 0..1. */
  buyer: number;
}

export const NO_INTEREST: Interest = { sme: 0, buyer: 0 };

export interface Relations {
  /** Keyed by pairKey(sme, buyer). */
  interest: Map<number, Interest>;
  /** Per SME: buyers with interest in either direction. */
  interestedBySme: number[][];
  /** Per SME: buyers excluded by "no thanks" either way or by a meeting before. */
  blockedBySme: number[][];
}

/** One number per (SME, buyer) pair: cheap to hash, no string building. */
export const pairKey = (sme: number, buyer: number, buyerCount: number): number => sme * buyerCount + buyer;

export function relations(
  input: Pick<ParsedRecommendInput, "interests" | "noThanks" | "metBefore">,
  byId: ReadonlyMap<string, Prepared>,
  smeCount: number,
  buyerCount: number,
): Relations {
  /** The pair as (SME, buyer, said-by-the-SME), or undefined for two participants on the same side (meaningless here). */
  const orient = (x: string, y: string): [number, number, boolean] | undefined => {
    const a = byId.get(x)!;
    const b = byId.get(y)!;
    if (a.p.side === b.p.side) return undefined;
    return a.p.side === "sme" ? [a.index, b.index, true] : [b.index, a.index, false];
  };
  const interest = new Map<number, Interest>();
  const interestedBySme: number[][] = Array.from({ length: smeCount }, () => []);
  for (const x of input.interests) {
    const pair = orient(x.from, x.to);
    if (!pair || x.level <= 0) continue;
    const [s, b, fromSme] = pair;
    const k = pairKey(s, b, buyerCount);
    let entry = interest.get(k);
    if (!entry) {
      interest.set(k, (entry = { sme: 0, buyer: 0 }));
      interestedBySme[s]!.push(b);
    }
    // Repeated expressions of interest keep the strongest, not the sum.
    if (fromSme) entry.sme = Math.max(entry.sme, x.level);
    else entry.buyer = Math.max(entry.buyer, x.level);
  }
  const blockedBySme: number[][] = Array.from({ length: smeCount }, () => []);
  const block = (pair: [number, number, boolean] | undefined) => pair && blockedBySme[pair[0]]!.push(pair[1]);
  for (const x of input.noThanks) block(orient(x.from, x.to));
  for (const x of input.metBefore) block(orient(x.a, x.b));
  return { interest, interestedBySme, blockedBySme };
}
