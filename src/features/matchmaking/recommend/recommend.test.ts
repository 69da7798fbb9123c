import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { buyer, medBuyer, sme, surgicalSme } from "./fixtures";
import { formatRecommendationsEn } from "./format";
import { recommend } from "./recommend";
import { formatReasonEn, type Reason, type ReasonCode } from "./reasons";
import type { RecommendInput, RecommendOutput } from "./schema";

const listOf = (out: RecommendOutput, id: string) => out.participants.find((p) => p.participantId === id)!.recommendations;
const idsOf = (out: RecommendOutput, id: string) => listOf(out, id).map((r) => r.counterpartId);
const reasonsOf = (out: RecommendOutput, viewer: string, counterpart: string): Reason[] =>
  listOf(out, viewer).find((r) => r.counterpartId === counterpart)?.reasons ?? [];
const codes = (reasons: Reason[]): ReasonCode[] => reasons.map((r) => r.code);
const textiles = { sectors: ["Textiles"], offers: "cotton towels" };

describe("recommend: ranking", () => {
  it("ranks reciprocal interest above one-sided, and one-sided above none", () => {
    // Identical profiles; ids chosen so that alphabetical tie-breaking would give the opposite order.
    const out = recommend({
      participants: [buyer("b", textiles), sme("a-none", textiles), sme("m-one-sided", textiles), sme("z-mutual", textiles)],
      interests: [
        { from: "b", to: "z-mutual" },
        { from: "z-mutual", to: "b" },
        { from: "b", to: "m-one-sided" },
      ],
    });
    expect(idsOf(out, "b")).toEqual(["z-mutual", "m-one-sided", "a-none"]);
    expect(codes(reasonsOf(out, "z-mutual", "b"))).toContain("mutual_interest");
    expect(codes(reasonsOf(out, "m-one-sided", "b"))).toContain("interest_received");
    expect(codes(reasonsOf(out, "b", "m-one-sided"))).toContain("interest_sent");
  });

  it("down-ranks an oversubscribed counterpart and says why", () => {
    const out = recommend({
      participants: [
        sme("s", textiles),
        buyer("a-busy", { ...textiles, capacity: 12, requestsReceived: 36 }),
        buyer("z-free", { ...textiles, capacity: 12, requestsReceived: 3 }),
      ],
    });
    expect(idsOf(out, "s")).toEqual(["z-free", "a-busy"]);
    const busy = listOf(out, "s").find((r) => r.counterpartId === "a-busy")!;
    expect(busy.breakdown.availability).toBeCloseTo(1 / 3); // load 3, threshold 1: 1 / (1 + 2)
    expect(busy.reasons.at(-1)).toEqual({ code: "oversubscribed", requests: 36, capacity: 12 });
    // The busy buyer's own list is unaffected by its own load.
    expect(listOf(out, "a-busy")[0]!.breakdown.availability).toBe(1);
  });

  it("orders by score, keeps scores in 0..1, respects the limit and only lists the other side", () => {
    const smes = Array.from({ length: 8 }, (_, i) => sme(`s${i}`, { ...textiles, hsCodes: [i % 2 ? "630260" : "5208"] }));
    const out = recommend({ participants: [buyer("b", { ...textiles, hsCodes: ["630260"] }), ...smes], options: { limit: 5 } });
    const list = listOf(out, "b");
    expect(list).toHaveLength(5);
    expect(list.every((r) => r.counterpartId.startsWith("s") && r.score > 0 && r.score <= 1)).toBe(true);
    expect([...list].sort((x, y) => y.score - x.score)).toEqual(list);
    expect(list.slice(0, 4).every((r) => r.reasons.some((x) => x.code === "hs_match" && x.digits === 6))).toBe(true);
  });

  it("needs a relevance signal: a shared language alone recommends nothing", () => {
    const out = recommend({ participants: [sme("s", { languages: ["ur"] }), buyer("b", { languages: ["ur"] })] });
    expect(listOf(out, "s")).toEqual([]);
    expect(out.stats.candidatePairs).toBe(0);
  });

  it("matches on description text alone, in Urdu written with Arabic letter variants", () => {
    const out = recommend({
      participants: [
        sme("s", { offers: "جَرّاحی كے آلات" }),
        buyer("b", { needs: "جراحی آلات" }),
        buyer("other", { needs: "چاول" }),
      ],
    });
    expect(idsOf(out, "s")).toEqual(["b"]);
    // Shown as the SME wrote them, diacritics included, not in the folded matching form.
    expect(reasonsOf(out, "s", "b")).toEqual([{ code: "text_match", terms: ["آلات", "جَرّاحی"] }]);
  });

  it("matches an SME's needs against buyer-side offers (a bank offering finance)", () => {
    const out = recommend({
      participants: [
        sme("s", { needs: "working capital finance" }),
        buyer("bank", { offers: "SME finance and working capital loans" }),
      ],
    });
    expect(idsOf(out, "s")).toEqual(["bank"]);
    expect(codes(reasonsOf(out, "bank", "s"))).toEqual(["text_match"]);
  });
});

describe("recommend: exclusions", () => {
  it("never recommends the same enterprise, a 'no thanks' from either side, or pairs that met before", () => {
    const p = (id: string, ent: string) => ({ ...textiles, enterpriseId: ent });
    const out = recommend({
      participants: [
        sme("s1", p("s1", "ent-1")),
        buyer("b-same", p("b", "ent-1")),
        buyer("b-declined-by-sme", p("b", "e2")),
        buyer("b-declined", p("b", "e3")),
        buyer("b-met", p("b", "e4")),
        buyer("b-scheduled", p("b", "e5")),
        buyer("b-ok", p("b", "e6")),
      ],
      interests: [{ from: "b-declined", to: "s1" }],
      noThanks: [
        { from: "s1", to: "b-declined-by-sme" },
        { from: "b-declined", to: "s1" },
      ],
      metBefore: [
        { a: "b-met", b: "s1", when: "earlier_edition" },
        { a: "s1", b: "b-scheduled", when: "scheduled" },
      ],
    });
    expect(idsOf(out, "s1")).toEqual(["b-ok"]);
    for (const b of ["b-same", "b-declined-by-sme", "b-declined", "b-met", "b-scheduled"]) expect(idsOf(out, b)).toEqual([]);
    expect(out.stats.excludedPairs).toBe(5);
  });
});

describe("recommend: reasons", () => {
  it("gives a reason for each signal that fires, from the buyer's point of view", () => {
    const out = recommend({
      participants: [surgicalSme, medBuyer],
      interests: [
        { from: "sme-surgical", to: "buyer-med", level: 0.8 },
        { from: "buyer-med", to: "sme-surgical" },
      ],
    });
    const reasons = reasonsOf(out, "buyer-med", "sme-surgical");
    expect(reasons).toEqual(
      expect.arrayContaining<Reason>([
        { code: "mutual_interest", yours: 1, theirs: 0.8 },
        { code: "sector_match", sectors: ["Surgical & medical"] },
        { code: "cluster_match", clusters: ["Sialkot surgical instruments"] },
        { code: "hs_match", digits: 6, hs: "901890" },
        { code: "certifications_met", requiredBy: "you", certifications: ["ISO 13485"] },
        { code: "certifications_missing", requiredBy: "you", certifications: ["CE marking"] },
        { code: "export_ready", exporter: "them", level: "regular" },
        { code: "market_experience", exporter: "them", markets: ["DE"] },
        { code: "shared_language", languages: ["en"] },
      ]),
    );
    const text = reasons.find((r) => r.code === "text_match");
    expect(text).toBeDefined();
    expect(text?.code === "text_match" && text.terms).toEqual(expect.arrayContaining(["forceps", "surgical"]));
    // Strongest first; the missing certification, a penalty, comes after every credit.
    expect(reasons[0]!.code).toBe("mutual_interest");
    expect(codes(reasons).indexOf("certifications_missing")).toBe(reasons.length - 1);
  });

  it("words the same pair from the SME's point of view", () => {
    const out = recommend({ participants: [surgicalSme, medBuyer] });
    const reasons = reasonsOf(out, "sme-surgical", "buyer-med");
    expect(reasons).toEqual(
      expect.arrayContaining<Reason>([
        { code: "certifications_met", requiredBy: "them", certifications: ["ISO 13485"] },
        { code: "certifications_missing", requiredBy: "them", certifications: ["CE marking"] },
        { code: "export_ready", exporter: "you", level: "regular" },
        { code: "market_experience", exporter: "you", markets: ["DE"] },
      ]),
    );
    expect(codes(reasons)).not.toContain("mutual_interest");
  });

  it("reports HS matches at 4 and 2 digits, and no reason for signals that do not fire", () => {
    const out = recommend({
      participants: [sme("s", { hsCodes: ["901890"] }), buyer("b4", { hsCodes: ["901831"] }), buyer("b2", { hsCodes: ["9021"] })],
    });
    expect(reasonsOf(out, "s", "b4")).toEqual([{ code: "hs_match", digits: 4, hs: "9018" }]);
    expect(reasonsOf(out, "s", "b2")).toEqual([{ code: "hs_match", digits: 2, hs: "90" }]);
    expect(idsOf(out, "s")).toEqual(["b4", "b2"]);
  });

  it("flags a missing common language", () => {
    const out = recommend({
      participants: [sme("s", { ...textiles, languages: ["ur"] }), buyer("b", { ...textiles, languages: ["zh"] })],
    });
    expect(codes(reasonsOf(out, "s", "b"))).toEqual(["sector_match", "no_shared_language"]);
  });

  it("formats every reason in English for the command line", () => {
    const out = recommend({ participants: [surgicalSme, medBuyer], interests: [{ from: "buyer-med", to: "sme-surgical" }] });
    const text = formatRecommendationsEn(out, "buyer-med");
    expect(text).toContain("1. sme-surgical (score");
    expect(text).toContain("Same product subheading (HS 901890)");
    expect(text).toContain("Lacks certifications you require: CE marking");
    const all: Reason[] = [
      { code: "mutual_interest", yours: 1, theirs: 0.5 },
      { code: "interest_received", level: 1 },
      { code: "interest_sent", level: 1 },
      { code: "sector_match", sectors: ["Textiles"] },
      { code: "cluster_match", clusters: ["Faisalabad"] },
      { code: "hs_match", digits: 2, hs: "52" },
      { code: "certifications_met", requiredBy: "them", certifications: ["Halal"] },
      { code: "certifications_missing", requiredBy: "them", certifications: ["Halal"] },
      { code: "export_ready", exporter: "you", level: "occasional" },
      { code: "market_experience", exporter: "them", markets: ["AE"] },
      { code: "shared_language", languages: ["ur"] },
      { code: "no_shared_language" },
      { code: "text_match", terms: ["towels"] },
      { code: "oversubscribed", requests: 30, capacity: 10 },
    ];
    for (const r of all) expect(formatReasonEn(r)).toMatch(/^[A-Z].{10,}/);
    expect(new Set(all.map(formatReasonEn)).size).toBe(all.length);
  });
});

describe("recommend: input validation", () => {
  it("names the offending field for unknown or duplicate ids", () => {
    const bad: RecommendInput = { participants: [sme("s"), sme("s")], interests: [{ from: "s", to: "ghost" }] };
    try {
      recommend(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ZodError);
      const issues = (e as ZodError).issues.map((i) => `${i.path.join(".")}: ${i.message}`);
      expect(issues).toEqual([
        'participants.1.id: duplicate participant id "s"',
        'interests.0.to: unknown participant id "ghost"',
      ]);
    }
  });

  it("rejects a bad side or country code", () => {
    expect(() => recommend({ participants: [{ id: "x", side: "visitor" } as never] })).toThrow(ZodError);
    expect(() => recommend({ participants: [buyer("b", { country: "Germany" })] })).toThrow(/ISO 3166/);
  });
});

describe("recommend: edge cases", () => {
  it("handles an empty edition, a one-sided edition and a limit of one", () => {
    expect(recommend({ participants: [] })).toEqual({
      participants: [],
      stats: { participants: 0, candidatePairs: 0, excludedPairs: 0 },
    });
    const oneSided = recommend({ participants: [sme("a", textiles), sme("b", textiles)] });
    expect(oneSided.participants.map((p) => p.recommendations)).toEqual([[], []]);
    const out = recommend({
      participants: [sme("s", textiles), buyer("b1", textiles), buyer("b2", textiles)],
      options: { limit: 1 },
    });
    expect(idsOf(out, "s")).toEqual(["b1"]);
  });

  it("drops a pair whose penalties outweigh its evidence", () => {
    const out = recommend({
      participants: [
        sme("s", { sectors: ["Textiles"], languages: ["ur"] }),
        buyer("b", { sectors: ["Textiles"], languages: ["zh"], requiredCertifications: ["OEKO-TEX"] }),
      ],
    });
    expect(idsOf(out, "s")).toEqual([]);
    expect(out.stats.candidatePairs).toBe(1);
  });
});
