import { describe, expect, it } from "vitest";
import { checklist, isLate } from "./checklist";

const now = new Date("2026-01-10T00:00:00Z");
const none = { fasciaEn: null, fasciaUr: null, powerNeed: null, samples: null, logo: false, photos: 0 };

describe("exhibitor checklist", () => {
  it("is late only for items not done whose deadline has passed", () => {
    const deadlines = new Map([
      ["fascia", new Date("2026-01-05T00:00:00Z")],
      ["power", new Date("2026-01-20T00:00:00Z")],
    ] as const);
    const c = checklist({ ...none, fasciaEn: "Belveta", fasciaUr: "" }, deadlines, now);
    expect(c.map((e) => [e.item, e.done, e.late])).toEqual([
      ["fascia", false, true],
      ["power", false, false],
      ["samples", false, false],
      ["documents", false, false],
    ]);
    expect(isLate(c)).toBe(true);
    const done = checklist({ fasciaEn: "B", fasciaUr: "ب", powerNeed: "none", samples: "3 pieces", logo: true, photos: 1 }, deadlines, now);
    expect(done.every((e) => e.done && !e.late)).toBe(true);
  });
});
