import { describe, expect, it } from "vitest";
import { PreferenceRule } from "./engine";
import { imageType } from "./operations/application";
import { callInputFromForm, toLocalInput } from "./pages/call-form";
import { saveCallInput } from "./schemas";

describe("photo type from the bytes", () => {
  it("recognises JPEG, PNG and WebP signatures and nothing else, whatever the name says", () => {
    expect(imageType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe("image/jpeg");
    expect(imageType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe("image/png");
    expect(imageType(new TextEncoder().encode("RIFF\u0000\u0000\u0000\u0000WEBPVP8 "))).toBe("image/webp");
    expect(imageType(new TextEncoder().encode("GIF89a......"))).toBeNull();
    expect(imageType(new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(imageType(new Uint8Array([0x89, 0x50, 0x4e]))).toBeNull();
  });
});

describe("the call form", () => {
  it("reads Pakistan time, percentages, guidance lines, quotas and targets into a valid call", () => {
    const form = new FormData();
    form.set("opensAt", "2026-09-01T09:00");
    form.set("closesAt", "2026-10-15T23:59");
    form.set("totalStalls", "170");
    form.set("reviewsPerApplication", "3");
    form.set("appealDays", "14");
    form.set("crit.0.id", "quality");
    form.set("crit.0.nameEn", "Quality");
    form.set("crit.0.nameUr", "معیار");
    form.set("crit.0.weight", "2");
    form.set("crit.0.guidanceEn", "one\ntwo\n\nthree\nfour\nfive\n");
    form.set("crit.0.guidanceUr", "ایک\nدو\nتین\nچار\nپانچ");
    form.set("quota.8b1f9f0e-4f6a-4c34-9f3e-2b7f4c1d0a11", "12");
    form.set("target.1b1f9f0e-4f6a-4c34-9f3e-2b7f4c1d0a11", "6");
    form.set("target.2b1f9f0e-4f6a-4c34-9f3e-2b7f4c1d0a11", "");
    form.set("sectorTarget.3b1f9f0e-4f6a-4c34-9f3e-2b7f4c1d0a11", "40");
    form.set("sectorTarget.4b1f9f0e-4f6a-4c34-9f3e-2b7f4c1d0a11", " ");
    form.set("bonusWomenLed", "5");
    form.set("shareWomenLedMicro", "20");
    form.set("waitlistPerCluster", "");
    const input = saveCallInput.parse(callInputFromForm("0b1f9f0e-4f6a-4c34-9f3e-2b7f4c1d0a11", form));
    expect(input.opensAt.toISOString()).toBe("2026-09-01T04:00:00.000Z");
    expect(input.criteria[0]).toMatchObject({ weight: 2, guidanceEn: ["one", "two", "three", "four", "five"] });
    expect(input.quotas).toEqual([{ tradeBodyId: "8b1f9f0e-4f6a-4c34-9f3e-2b7f4c1d0a11", quota: 12 }]);
    expect(input.clusterTargets).toEqual([{ clusterId: "1b1f9f0e-4f6a-4c34-9f3e-2b7f4c1d0a11", places: 6 }]);
    expect(input.sectorTargets).toEqual([{ sectorId: "3b1f9f0e-4f6a-4c34-9f3e-2b7f4c1d0a11", places: 40 }]);
    expect(input.rule).toEqual(PreferenceRule.parse({ bonus: { womenLed: 5 }, reservedShare: { womenLedMicro: 0.2 } }));
    expect(toLocalInput(input.closesAt)).toBe("2026-10-15T23:59");
  });

  it("refuses a window that closes before it opens and guidance that is not five lines", () => {
    const form = new FormData();
    form.set("opensAt", "2026-09-01T09:00");
    form.set("closesAt", "2026-08-01T09:00");
    form.set("totalStalls", "10");
    form.set("crit.0.id", "quality");
    form.set("crit.0.nameEn", "Quality");
    form.set("crit.0.nameUr", "معیار");
    form.set("crit.0.weight", "1");
    form.set("crit.0.guidanceEn", "only one line");
    form.set("crit.0.guidanceUr", "ایک\nدو\nتین\nچار\nپانچ");
    const result = saveCallInput.safeParse(callInputFromForm("0b1f9f0e-4f6a-4c34-9f3e-2b7f4c1d0a11", form));
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["closesAt", "criteria.0.guidanceEn"]));
  });
});

describe("texts for every engine code", () => {
  it("has a problem text for each ProblemCode, in both languages", async () => {
    const { en, ur } = await import("./messages");
    const { ProblemCode } = await import("./engine");
    const keys = ProblemCode.options.map((c) => `nominations.problem.${c}`);
    expect(keys.filter((k) => !(k in en) || !(k in ur))).toEqual([]);
  });
});
