import { describe, expect, it } from "vitest";
import { emptyProfile, profileCompleteness, profileParts } from "./completeness";

describe("profile completeness", () => {
  it("is 0 for an empty profile of every kind, with everything missing", () => {
    for (const kind of Object.keys(profileParts) as (keyof typeof profileParts)[]) {
      const r = profileCompleteness(kind, emptyProfile);
      expect(r.score).toBe(0);
      expect(r.missing).toEqual(Object.keys(profileParts[kind]));
    }
  });

  it("counts a text written in English or in Urdu, a list with an entry, either end of a ticket", () => {
    expect(profileCompleteness("investor", { ...emptyProfile, needsUr: "برآمدی کمپنیوں میں حصص", sectors: ["textiles"] })).toEqual({ score: 50, missing: ["ticket", "languages"] });
    expect(profileCompleteness("investor", { ...emptyProfile, needsEn: "Equity", sectors: ["x"], ticketMax: 5_000_000, languages: ["en"] }).score).toBe(100);
    // Blank text is not written.
    expect(profileCompleteness("investor", { ...emptyProfile, needsEn: "   " }).missing).toContain("needs");
  });

  it("asks each kind for its own things: a mission's country, a buyer's volumes, a bank's financing products", () => {
    expect(profileCompleteness("foreign_mission", { ...emptyProfile, country: "DE" }).score).toBe(25);
    expect(profileCompleteness("sme", { ...emptyProfile, country: "DE" }).score).toBe(0);
    expect(profileCompleteness("buyer_procurement", { ...emptyProfile, volumes: "2 containers a month" }).missing).not.toContain("volumes");
    expect(profileCompleteness("bank", { ...emptyProfile, financingProducts: ["SME working capital"] }).score).toBe(20);
  });

  it("rounds: an SME with 3 of its 8 parts is 38", () => {
    expect(profileCompleteness("sme", { ...emptyProfile, offersEn: "Surgical scissors", hsCodes: ["9018.90"], languages: ["ur"] }).score).toBe(38);
  });
});
