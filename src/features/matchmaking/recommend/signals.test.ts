import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compact, fastBase, Vocabulary } from "./fastscore";
import { ParticipantSchema, RecommendOptionsSchema, type ParticipantInput } from "./schema";
import { certificationKey, contributions, hsMatch, pairSignals, prepare, reciprocalInterest } from "./signals";

const options = RecommendOptionsSchema.parse({});

describe("HS match by longest common prefix", () => {
  it("reports the deepest level reached, in whole 2-digit steps", () => {
    expect(hsMatch(["901890"], ["901890"])).toEqual({ digits: 6, hs: "901890" });
    expect(hsMatch(["9018901000"], ["9018909000"])).toEqual({ digits: 6, hs: "901890" });
    expect(hsMatch(["901890"], ["901831"])).toEqual({ digits: 4, hs: "9018" });
    expect(hsMatch(["901890"], ["9019"])).toEqual({ digits: 2, hs: "90" });
    expect(hsMatch(["9018"], ["9118"])).toEqual({ digits: 0, hs: "" });
    expect(hsMatch(["9018"], ["901890"])).toEqual({ digits: 4, hs: "9018" });
    // A shared third digit is not a level: HS levels are 2, 4 and 6 digits.
    expect(hsMatch(["901"], ["9012"])).toEqual({ digits: 2, hs: "90" });
  });

  it("takes the best of all code pairs", () => {
    expect(hsMatch(["520811", "901890"], ["610910", "901890"])).toEqual({ digits: 6, hs: "901890" });
  });

  it("accepts dotted and spaced codes at the schema edge", () => {
    const p = ParticipantSchema.parse({ id: "x", side: "sme", hsCodes: ["9018.90", "6302 60"] });
    expect(p.hsCodes).toEqual(["901890", "630260"]);
    expect(() => ParticipantSchema.parse({ id: "x", side: "sme", hsCodes: ["9"] })).toThrow(/HS code/);
  });
});

describe("certification keys", () => {
  it("treat spelling variants of one certification as equal", () => {
    expect(certificationKey("ISO 13485:2016")).toBe(certificationKey("iso-13485"));
    expect(certificationKey("CE marking")).toBe(certificationKey("CE"));
    expect(certificationKey("CE Mark")).toBe("CE");
    expect(certificationKey("ISO 9001")).not.toBe(certificationKey("ISO 13485"));
  });
});

describe("reciprocal interest", () => {
  it("ranks mutual above one-sided above none", () => {
    const mutual = reciprocalInterest(1, 1, 0.25);
    const oneSided = reciprocalInterest(1, 0, 0.25);
    expect(mutual).toBe(1);
    expect(oneSided).toBeCloseTo(0.25);
    expect(reciprocalInterest(0, 0, 0.25)).toBe(0);
    // Even a lukewarm mutual interest beats a strong one-sided one.
    expect(reciprocalInterest(0.5, 0.5, 0.25)).toBeGreaterThan(oneSided);
  });

  it("is symmetric and monotone in each side", () => {
    const level = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(level, level, level, (a, b, c) => {
        expect(reciprocalInterest(a, b, 0.25)).toBeCloseTo(reciprocalInterest(b, a, 0.25), 12);
        if (c >= b) expect(reciprocalInterest(a, c, 0.25)).toBeGreaterThanOrEqual(reciprocalInterest(a, b, 0.25) - 1e-12);
      }),
    );
  });
});

describe("fast scoring path", () => {
  const pick = <T>(xs: readonly T[]) => fc.subarray([...xs], { maxLength: 3 });
  const participant = (side: "sme" | "buyer") =>
    fc.record({
      id: fc.constant(side),
      side: fc.constant(side),
      sectors: pick(["Textiles", "textiles ", "Leather", "Surgical"]),
      clusters: pick(["Sialkot", "Faisalabad", "Lahore"]),
      hsCodes: pick(["9018", "901890", "901831", "52", "520811", "6302"]),
      certifications: pick(["ISO 13485", "CE marking", "Halal", "ISO 9001"]),
      requiredCertifications: pick(["ISO 13485:2016", "CE", "BSCI"]),
      exportReadiness: fc.constantFrom("none", "exploring", "occasional", "regular"),
      exportMarkets: pick(["DE", "GB", "PK"]),
      country: fc.constantFrom("PK", "DE", "AE"),
      markets: pick(["DE", "GB", "US"]),
      languages: pick(["en", "ur", "de"]),
    }) satisfies fc.Arbitrary<ParticipantInput>;

  it("equals the sum of the readable contributions on random pairs", () => {
    fc.assert(
      fc.property(
        participant("sme"),
        participant("buyer"),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1.5, noNaN: true }),
        (rawSme, rawBuyer, a, b, text) => {
          const sme = prepare(ParticipantSchema.parse(rawSme), 0, options);
          const buyer = prepare(ParticipantSchema.parse(rawBuyer), 0, options);
          const vocab = new Vocabulary();
          const c = contributions(pairSignals(sme, buyer, { sme: a, buyer: b }, text, options), sme, options);
          const slow = Object.values(c).reduce((x, y) => x + y, 0);
          expect(fastBase(compact(sme, vocab), compact(buyer, vocab), a, b, text, options)).toBeCloseTo(slow, 9);
        },
      ),
      { numRuns: 500 },
    );
  });
});
