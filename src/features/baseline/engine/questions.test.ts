import { describe, expect, it } from "vitest";
import { prefillFrom } from "./prefill";
import { isVisible, parseAnswer, type QuestionDef } from "./questions";

const q = (kind: QuestionDef["kind"], more: Partial<QuestionDef> = {}): QuestionDef => ({ code: "x.y", kind, required: true, options: [], unit: null, min: null, max: null, showIf: null, ...more });
const opts = [
  { value: "a", en: "A", ur: "ا" },
  { value: "b", en: "B", ur: "ب" },
];

describe("answers by kind", () => {
  it("parses each kind and names each refusal", () => {
    expect(parseAnswer(q("year"), "1999", 2026)).toEqual({ value: 1999 });
    expect(parseAnswer(q("year"), "2030", 2026)).toEqual({ issue: { code: "too_big", params: { max: 2026 } } });
    expect(parseAnswer(q("number"), "۱۲", 2026)).toEqual({ value: 12 });
    expect(parseAnswer(q("currency"), "1,500,000", 2026)).toEqual({ value: 1500000 });
    expect(parseAnswer(q("currency"), "12.5", 2026)).toMatchObject({ issue: { code: "baseline_whole" } });
    expect(parseAnswer(q("percentage"), "101", 2026)).toMatchObject({ issue: { code: "too_big" } });
    expect(parseAnswer(q("percentage"), "abc", 2026)).toMatchObject({ issue: { code: "baseline_number" } });
    expect(parseAnswer(q("scale", { min: 1, max: 5 }), "3", 2026)).toEqual({ value: 3 });
    expect(parseAnswer(q("yes_no"), "yes", 2026)).toEqual({ value: true });
    expect(parseAnswer(q("yes_no"), "maybe", 2026)).toMatchObject({ issue: { code: "baseline_option" } });
    expect(parseAnswer(q("single", { options: opts }), "b", 2026)).toEqual({ value: "b" });
    expect(parseAnswer(q("single", { options: opts }), "c", 2026)).toMatchObject({ issue: { code: "baseline_option" } });
    expect(parseAnswer(q("multiple", { options: opts }), ["a", "b", "a"], 2026)).toEqual({ value: ["a", "b"] });
    expect(parseAnswer(q("hs_codes"), "9018, 901890 ,42", 2026)).toEqual({ value: ["9018", "901890", "42"] });
    expect(parseAnswer(q("hs_codes"), "9018x", 2026)).toMatchObject({ issue: { code: "baseline_hs_codes" } });
    expect(parseAnswer(q("countries", { options: [{ value: "DE", en: "Germany", ur: "جرمنی" }] }), ["de"], 2026)).toEqual({ value: ["DE"] });
    expect(parseAnswer(q("countries", { options: [{ value: "DE", en: "Germany", ur: "جرمنی" }] }), ["FR"], 2026)).toMatchObject({ issue: { code: "baseline_country" } });
    expect(parseAnswer(q("text"), "x".repeat(301), 2026)).toMatchObject({ issue: { code: "too_long" } });
    expect(parseAnswer(q("text"), "", 2026)).toMatchObject({ issue: { code: "required" } });
    expect(parseAnswer(q("text", { required: false }), "  ", 2026)).toEqual({ value: null });
  });

  it("shows a question when its condition holds, and chains conditions", () => {
    const a = q("yes_no", { code: "a" });
    const b = q("yes_no", { code: "b", showIf: { code: "a", equals: "yes" } });
    const c = q("number", { code: "c", showIf: { code: "b", equals: "yes" } });
    const defs = new Map([a, b, c].map((d) => [d.code, d]));
    expect(isVisible(b, new Map([["a", true]]), defs)).toBe(true);
    expect(isVisible(b, new Map([["a", false]]), defs)).toBe(false);
    expect(isVisible(c, new Map([["a", false], ["b", true]]), defs)).toBe(false);
    expect(isVisible(c, new Map([["a", true], ["b", true]]), defs)).toBe(true);
  });

  it("suggests answers from what is known", () => {
    const p = prefillFrom({ foundedYear: 2004, ntn: "1234567-8", womenLed: true, annualTurnoverPkr: 30e6, certifications: ["ISO 9001:2015", "CE"], exportMarkets: ["DE"], hsCodes: ["9018", "9018"], website: null });
    expect(Object.fromEntries(p)).toEqual({
      "firm.year_founded": 2004,
      "firm.ntn_registered": true,
      "firm.women_owned": true,
      "firm.turnover_band": "25m_100m",
      "products.hs_codes": ["9018"],
      "markets.exports": true,
      "markets.export_markets": ["DE"],
      "markets.certifications": ["iso9001", "ce"],
    });
  });
});
