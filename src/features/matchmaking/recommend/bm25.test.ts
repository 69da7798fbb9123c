import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Bm25Index } from "./bm25";
import { terms } from "./tokenise";

const corpus = [
  "Stainless steel surgical instruments: forceps, scissors and retractors, ISO 13485 certified",
  "Cotton bath towels and bedsheets, dyed and woven in Faisalabad",
  "Football and cricket balls, hand stitched, for clubs and retailers",
  "Leather gloves and jackets from our own tannery",
  "جراحی آلات اور دانتوں کے اوزار، سٹین لیس سٹیل",
  "Basmati rice and Sindhri mangoes, halal certified, for export",
];
const index = new Bm25Index(corpus.map(terms));
const best = (query: string) => {
  const hits = index.search(terms(query));
  return [...hits].sort((a, b) => b.score - a.score || a.doc - b.doc)[0]?.doc;
};

describe("BM25", () => {
  it("ranks the relevant document first on a small hand-made corpus", () => {
    expect(best("we source surgical instrument sets")).toBe(0);
    expect(best("towel supplier for hotels")).toBe(1);
    expect(best("cricket ball")).toBe(2);
    expect(best("glove manufacturer")).toBe(3);
    expect(best("halal rice")).toBe(5);
  });

  it("matches Urdu queries written with Arabic letter variants and diacritics", () => {
    expect(best("جَرّاحی آلات")).toBe(4);
    expect(best("جراحي")).toBe(4); // Arabic yeh
  });

  it("returns nothing for a query with no shared term, and no score for unknown words", () => {
    expect(index.search(terms("quantum computing"))).toEqual([]);
  });

  it("rarer terms weigh more (idf) and reference score sums the query's idf", () => {
    expect(index.idf("towel")).toBeGreaterThan(index.idf("certifi")); // 1 document vs 2
    const q = terms("surgical forceps");
    expect(index.referenceScore(q)).toBeCloseTo(index.idf("surgic") + index.idf("forcep"));
  });

  it("inverted-index scores equal a direct all-documents computation", () => {
    const vocab = ["steel", "cotton", "ball", "glove", "rice", "towel", "mango", "forcep"];
    const doc = fc.array(fc.constantFrom(...vocab), { minLength: 0, maxLength: 12 });
    fc.assert(
      fc.property(
        fc.array(doc, { minLength: 1, maxLength: 15 }),
        fc.array(fc.constantFrom(...vocab), { maxLength: 5 }),
        (docs, query) => {
          const idx = new Bm25Index(docs);
          const k1 = 1.2;
          const b = 0.75;
          const avg = docs.reduce((n, d) => n + d.length, 0) / docs.length || 1;
          const direct = docs.map((d) => {
            let score = 0;
            for (const t of new Set(query)) {
              const tf = d.filter((x) => x === t).length;
              if (tf === 0) continue;
              const df = docs.filter((x) => x.includes(t)).length;
              const idf = Math.log(1 + (docs.length - df + 0.5) / (df + 0.5));
              score += (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * d.length) / avg));
            }
            return score;
          });
          const hits = new Map(idx.search(query).map((h) => [h.doc, h.score]));
          direct.forEach((score, i) => expect(hits.get(i) ?? 0).toBeCloseTo(score, 9));
        },
      ),
    );
  });
});
