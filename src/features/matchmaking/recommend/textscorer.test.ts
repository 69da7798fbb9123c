import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ParticipantSchema, RecommendOptionsSchema } from "./schema";
import { prepare } from "./signals";
import { TextScorer } from "./text";

const options = RecommendOptionsSchema.parse({});
const words = ["cotton", "towels", "surgical", "forceps", "leather", "gloves", "rice", "finance", "چاول", "آلات"];
const text = fc.array(fc.constantFrom(...words), { maxLength: 8 }).map((ws) => ws.join(" "));
const side = (kind: "sme" | "buyer") =>
  fc
    .array(fc.record({ offers: text, needs: text }), { minLength: 1, maxLength: 6 })
    .map((xs) => xs.map((x, i) => prepare(ParticipantSchema.parse({ id: `${kind}${i}`, side: kind, ...x }), i, options)));

describe("TextScorer", () => {
  it("equals query-at-a-time BM25 in both directions, keeping the better one", () => {
    fc.assert(
      fc.property(side("sme"), side("buyer"), fc.constantFrom(0, 0.13, 0.37), (smes, buyers, min) => {
        const scorer = new TextScorer(smes, buyers, options.bm25, min);
        // Reference: every buyer's needs as a query over SME offers, every SME's needs over buyer offers.
        const expected = smes.map(() => new Map<number, number>());
        const keep = (s: number, b: number, v: number) => {
          // Thresholds 0.13 and 0.37 are never hit exactly by these small corpora, so float rounding cannot flip a boundary case.
          if (v >= min && v > (expected[s]!.get(b) ?? 0)) expected[s]!.set(b, v);
        };
        for (const b of buyers) {
          const q = [...b.needTerms];
          const ref = scorer.smeOffers.referenceScore(q);
          for (const hit of scorer.smeOffers.search(q)) keep(hit.doc, b.index, hit.score / ref);
        }
        for (const s of smes) {
          const q = [...s.needTerms];
          const ref = scorer.buyerOffers.referenceScore(q);
          for (const hit of scorer.buyerOffers.search(q)) keep(s.index, hit.doc, hit.score / ref);
        }
        for (const s of smes) {
          const row = new Float64Array(buyers.length);
          const found = scorer.scoreSme(s, row);
          expect(new Set(found).size).toBe(found.length);
          expect([...found].sort()).toEqual([...expected[s.index]!.keys()].sort());
          for (const [b, v] of expected[s.index]!) expect(row[b]).toBeCloseTo(v, 9);
        }
      }),
      { numRuns: 200 },
    );
  });
});
