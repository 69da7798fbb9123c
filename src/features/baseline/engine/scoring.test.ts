import { describe, expect, it } from "vitest";
import { smeBaseline } from "../template";
import type { AnswerValue } from "./questions";
import { bandOf, capacityRate, groupMedian, median, methods, scoreOf } from "./scoring";

// The scoring method (issue #15, item 3; docs/baseline.md): weights, indicator rules, bands,
// drivers and what would raise a score.

const strong: [string, AnswerValue][] = [
  ["firm.year_founded", 2000],
  ["firm.legal_form", "private_limited"],
  ["firm.ntn_registered", true],
  ["firm.employees_women", 12],
  ["firm.employees_men", 30],
  ["firm.turnover_band", "gt_400m"],
  ["products.capacity_used", 70],
  ["markets.domestic_reach", "national"],
  ["markets.exports", true],
  ["markets.export_share", 60],
  ["markets.export_markets", ["US", "DE", "GB", "AE", "CN"]],
  ["markets.certifications", ["iso9001", "ce"]],
  ["connect.website", true],
  ["connect.online_sales", true],
  ["connect.digital_payments", true],
  ["connect.trade_body_member", true],
  ["change.bank_account", true],
  ["change.credit_applied", true],
  ["change.credit_received", true],
  ["change.equipment_investment", true],
  ["change.product_development", true],
  ["change.staff_training", true],
  ["obstacles.finance", 1],
  ["obstacles.power", 1],
  ["obstacles.skills", 1],
  ["obstacles.regulation", 1],
  ["obstacles.market_access", 1],
];

describe("the scoring method", () => {
  it("publishes weights that add up to 100 for each score, over indicators the template asks", () => {
    const codes = new Set(smeBaseline.sections.flatMap((s) => s.questions.map((q) => q.code)));
    for (const dims of Object.values(methods)) {
      expect(dims.reduce((s, d) => s + d.weight, 0)).toBe(100);
      for (const d of dims) for (const i of d.indicators) if (i.code !== "obstacles" && i.code !== "firm.employees") expect(codes.has(i.code), i.code).toBe(true);
    }
  });

  it("gives 100 to a firm at its best on every indicator and 0-ish to an empty one", () => {
    const best = new Map(strong);
    expect(scoreOf("export", best, 2026)).toMatchObject({ score: 100, band: "advanced", raise: [] });
    expect(scoreOf("investment", best, 2026).score).toBe(100);
    const none = scoreOf("export", new Map(), 2026);
    expect(none).toMatchObject({ score: 0, band: "emerging", drivers: [] });
    // An empty firm: "not applied for credit" gives 0.3 × 35/4 = 2.625 points and unanswered
    // obstacles count as severe (4 of 5): (1 − 15/20) × 15 = 3.75; 6.375 → 6.
    expect(scoreOf("investment", new Map(), 2026).score).toBe(6);
  });

  it("computes a typical firm by hand", () => {
    const firm = new Map<string, AnswerValue>([
      ["markets.exports", false],
      ["markets.export_share", 40], // hidden when not exporting: ignored
      ["markets.domestic_reach", "province"],
      ["markets.certifications", ["none"]],
      ["change.product_development", true],
      ["products.capacity_used", 40],
      ["firm.employees_women", 2],
      ["firm.employees_men", 8],
      ["connect.website", true],
      ["connect.digital_payments", true],
    ]);
    // markets 30 × (0 + 0 + 0 + 0.6)/4 = 4.5; quality 25 × (0 + 1)/2 = 12.5;
    // capacity 20 × (0.8 + 0.5)/2 = 13; connect 25 × 2/4 = 12.5; total 42.5 → 43 (developing).
    const s = scoreOf("export", firm, 2026);
    expect(s.score).toBe(43);
    expect(s.band).toBe("developing");
    expect(s.drivers.map((d) => d.code)).toEqual(["change.product_development", "products.capacity_used", "connect.digital_payments"]);
    // Largest gains: certifications (25/2 = 12.5), then exporting, its share and its markets (30/4 = 7.5 each, by code).
    expect(s.raise[0]).toMatchObject({ code: "markets.certifications", gain: 12.5 });
    expect(s.raise.map((r) => r.code)).toEqual(["markets.certifications", "markets.export_markets", "markets.export_share"]);
  });

  it("rates capacity used with a sweet spot and bands by floors", () => {
    expect([0, 25, 50, 85, 100].map(capacityRate)).toEqual([0, 0.5, 1, 1, 0.5]);
    expect([0, 39, 40, 59, 60, 79, 80, 100].map(bandOf)).toEqual(["emerging", "emerging", "developing", "developing", "ready", "ready", "advanced", "advanced"]);
  });

  it("counts years in business to the survey's year and obstacles as less-is-better", () => {
    const young = scoreOf("investment", new Map<string, AnswerValue>([["firm.year_founded", 2021]]), 2026);
    expect(young.dimensions.find((d) => d.key === "growth")!.value).toBeCloseTo(0.25);
    const severe = scoreOf("investment", new Map<string, AnswerValue>(["finance", "power", "skills", "regulation", "market_access"].map((k) => [`obstacles.${k}`, 5])), 2026);
    expect(severe.dimensions.find((d) => d.key === "environment")!.value).toBe(0);
  });

  it("suppresses a group median under five firms", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(groupMedian([10, 20, 30, 40])).toBeNull();
    expect(groupMedian([10, 20, 30, 40, 50])).toBe(30);
  });
});

describe("dashboard figures", () => {
  it("suppresses groups under five firms and one more when only one is hidden", async () => {
    const { groupFigures } = await import("./figures");
    const firm = (group: string, exportScore: number) => ({ group, exportScore, investmentScore: 50, exports: exportScore > 50, website: true });
    const firms = [...Array.from({ length: 6 }, (_, i) => firm("a", 40 + i * 10)), ...Array.from({ length: 5 }, () => firm("b", 30)), ...Array.from({ length: 8 }, () => firm("c", 70)), firm("d", 90), firm("d", 10)];
    const { total, rows } = groupFigures(firms);
    expect(total).toMatchObject({ firms: 21, suppressed: false });
    expect(rows.map((r) => [r.group, r.suppressed, r.firms])).toEqual([
      ["a", false, 6],
      ["b", true, null],
      ["c", false, 8],
      ["d", true, null],
    ]);
    expect(rows[0]).toMatchObject({ exportMedian: 65, exportingShare: 67, websiteShare: 100 });
  });
});
