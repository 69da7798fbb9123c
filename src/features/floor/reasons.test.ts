import { describe, expect, it } from "vitest";
import { allocate, defaultAllocRules, reasonCodes, type Reason } from "./engine/allocate";
import { exhibitor, row } from "./engine/fixtures";
import { en, ur } from "./messages";
import { allocationExplanation, allocationReasonText } from "./reasons";

const names: Record<string, Record<string, string>> = { en: { P1: "Sialkot surgical instruments" }, ur: { P1: "سیالکوٹ سرجیکل آلات" } };

describe("allocation reasons in words", () => {
  it("has a text for every reason code in English and Urdu, with the same placeholders", () => {
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const code of reasonCodes) {
      const key = `floor.reason.${code}` as keyof typeof en;
      expect(en[key], code).toBeTruthy();
      expect(ur[key], code).toBeTruthy();
      expect(holes(ur[key]), code).toEqual(holes(en[key]));
    }
  });

  it("explains a real allocation in both languages with the area's name and no placeholder left", () => {
    const r = allocate({
      areas: [{ id: "P1", kind: "cluster_pavilion", clusterId: "c1" }],
      stalls: row("2", { count: 3, areaId: "P1", seq0: 113 }, (i) => ({ number: `2-${114 + i}`, corner: i === 0 })),
      exhibitors: [exhibitor("a", { wantsCorner: true, hsHeadings: ["9018"] }), exhibitor("b", { hsHeadings: ["9018"] })],
      pins: [],
      rules: defaultAllocRules,
    });
    const a = r.assignments.find((x) => x.exhibitorId === "a")!;
    expect(allocationExplanation("en", a.reasons, (id) => names.en![id]!)).toBe(
      "Stall 2-114, in your cluster's pavilion (Sialkot surgical instruments). A corner stall, as requested. No other maker of 9018 next to you, as the rule asks.",
    );
    const urdu = allocationExplanation("ur", a.reasons, (id) => names.ur![id]!);
    expect(urdu).toContain("سیالکوٹ سرجیکل آلات");
    expect(urdu).toContain("2-114");
    expect(urdu).not.toMatch(/[{}]/);
  });

  it("names unmet needs and a stall outside any pavilion in the reader's language", () => {
    const reasons: Reason[] = [
      { code: "needs_not_met", params: { needs: "power,accessible" } },
      { code: "nearest_free", params: { stall: "3-201", area: "", distanceM: 6 } },
    ];
    expect(allocationExplanation("en", reasons, () => "?")).toBe(
      "No free stall had everything you need (power, step-free access); this is the nearest free stall. Stall 3-201 (outside any pavilion): the free stall nearest your cluster's stalls, 6 m away.",
    );
    expect(allocationReasonText("ur", reasons[0]!, () => "?")).toContain("بجلی، سیڑھی کے بغیر رسائی");
  });
});
