import { describe, expect, it } from "vitest";
import {
  ICT_PLACEHOLDER_HEADING,
  clusters,
  demoEdition,
  generateDemoEnterprises,
  ntnCheckDigit,
  placeNamesUr,
  provinceNamesUr,
  sectors,
  sizeClassFor,
  tradeBodies,
} from "./index";

const ARABIC_SCRIPT = /[\u0600-\u06FF]/;
// Arabic letters that Urdu writes differently (ی ک ہ): ي ك ه, and Arabic-Indic digits
const NOT_URDU = /[\u064A\u0643\u0647\u0660-\u0669]/;

const enterprises = generateDemoEnterprises();
const clusterBySlug = new Map(clusters.map((c) => [c.slug, c]));
const sectorCodes = new Set(sectors.map((s) => s.code));
const bodySlugs = new Set(tradeBodies.map((b) => b.slug));

function allNamesUr(): string[] {
  return [
    demoEdition.organiser.nameUr,
    demoEdition.nameUr,
    demoEdition.venue.nameUr,
    demoEdition.venue.addressUr,
    demoEdition.taglineUr,
    ...demoEdition.venue.spaces.map((s) => s.nameUr),
    ...demoEdition.visitorCategories.map((v) => v.nameUr),
    ...sectors.map((s) => s.nameUr),
    ...clusters.map((c) => c.nameUr),
    ...tradeBodies.map((b) => b.nameUr),
    ...Object.values(placeNamesUr),
    ...Object.values(provinceNamesUr),
    ...enterprises.map((e) => e.nameUr),
    ...enterprises.flatMap((e) => e.products.map((p) => p.nameUr)),
  ];
}

describe("showcase facts", () => {
  it("has 7 sectors and 36 clusters whose sector is null or known", () => {
    expect(sectors).toHaveLength(7);
    expect(clusters).toHaveLength(36);
    for (const c of clusters) {
      if (c.sectorCode === null) expect(c.otherSectorEn).toBeTruthy();
      else expect(sectorCodes.has(c.sectorCode)).toBe(true);
      for (const h of c.hsCodes) expect(h).toMatch(/^\d{4}$/);
    }
  });

  it("has unique slugs for clusters, sectors, trade bodies and spaces", () => {
    for (const list of [clusters.map((c) => c.slug), sectors.map((s) => s.code), tradeBodies.map((b) => b.slug), demoEdition.venue.spaces.map((s) => s.slug)]) {
      expect(new Set(list).size).toBe(list.length);
    }
  });

  it("lists every trade body of the reference facts with plausible quotas", () => {
    expect(tradeBodies.filter((b) => b.kind === "chamber")).toHaveLength(10);
    expect(tradeBodies.filter((b) => b.kind === "women_chamber")).toHaveLength(8);
    expect(tradeBodies.filter((b) => b.kind === "association")).toHaveLength(12);
    for (const b of tradeBodies) {
      expect(b.nominationQuota).toBeGreaterThanOrEqual(8);
      expect(b.nominationQuota).toBeLessThanOrEqual(20);
    }
  });

  it("has the five spaces and nine visitor categories", () => {
    expect(demoEdition.venue.spaces.map((s) => s.nameEn)).toEqual(["Hall 1", "Hall 2", "Hall 3", "Foyer", "Main Auditorium"]);
    expect(demoEdition.visitorCategories).toHaveLength(9);
    const approval = new Map(demoEdition.visitorCategories.map((v) => [v.code, v.needsApproval]));
    for (const code of ["corporate_buyer", "procurement_head", "financial_institution", "foreign_mission", "media"]) {
      expect(approval.get(code)).toBe(true);
    }
    expect(approval.get("student")).toBe(false);
    expect(approval.get("general_public")).toBe(false);
    for (const v of demoEdition.visitorCategories) expect(v.colour).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it("gives Urdu place names for every district and trade-body city", () => {
    for (const c of clusters) expect(placeNamesUr[c.district]).toBeTruthy();
    for (const b of tradeBodies) if (b.city) expect(placeNamesUr[b.city]).toBeTruthy();
  });
});

describe("sizeClassFor", () => {
  it("follows the SME Policy turnover bands", () => {
    expect(sizeClassFor(0)).toBe("micro");
    expect(sizeClassFor(30_000_000)).toBe("micro");
    expect(sizeClassFor(30_000_001)).toBe("small");
    expect(sizeClassFor(150_000_000)).toBe("small");
    expect(sizeClassFor(150_000_001)).toBe("medium");
    expect(sizeClassFor(800_000_000)).toBe("medium");
  });

  it("rejects what is not an SME turnover", () => {
    expect(() => sizeClassFor(800_000_001)).toThrow(RangeError);
    expect(() => sizeClassFor(-1)).toThrow(RangeError);
    expect(() => sizeClassFor(Number.NaN)).toThrow(RangeError);
  });
});

describe("generateDemoEnterprises", () => {
  it("is deterministic", () => {
    expect(generateDemoEnterprises()).toEqual(enterprises);
    expect(generateDemoEnterprises(2026)).toEqual(enterprises);
    expect(generateDemoEnterprises(7)).toEqual(generateDemoEnterprises(7));
    expect(generateDemoEnterprises(7)).not.toEqual(enterprises);
  });

  it("returns about 170 enterprises over all 36 clusters, at least 2 each", () => {
    expect(enterprises.length).toBeGreaterThanOrEqual(160);
    expect(enterprises.length).toBeLessThanOrEqual(180);
    for (const c of clusters) {
      expect(enterprises.filter((e) => e.clusterSlug === c.slug).length).toBeGreaterThanOrEqual(2);
    }
    for (const e of enterprises) {
      const c = clusterBySlug.get(e.clusterSlug);
      expect(c).toBeDefined();
      expect(e.district).toBe(c?.district);
      expect(e.province).toBe(c?.province);
    }
  });

  it("keeps size class consistent with turnover and employee bands", () => {
    for (const e of enterprises) {
      expect(e.sizeClass).toBe(sizeClassFor(e.annualTurnoverPkr));
      expect(e.annualTurnoverPkr).toBeGreaterThan(0);
      expect(e.employees).toBeGreaterThanOrEqual(1);
      if (e.sizeClass !== "medium") expect(e.employees).toBeLessThanOrEqual(50);
      else expect(e.employees).toBeLessThanOrEqual(/Traders$/.test(e.nameEn) ? 100 : 250);
      expect(e.foundedYear).toBeGreaterThanOrEqual(1900);
      expect(e.foundedYear).toBeLessThanOrEqual(2025);
    }
  });

  it("gives unique well-formed NTNs and unique slugs and names", () => {
    for (const e of enterprises) {
      expect(e.ntn).toMatch(/^\d{7}-\d$/);
      const [base, check] = e.ntn.split("-");
      expect(ntnCheckDigit(base ?? "")).toBe(Number(check));
      expect(e.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
    for (const key of ["ntn", "slug", "nameEn", "nameUr"] as const) {
      expect(new Set(enterprises.map((e) => e[key])).size).toBe(enterprises.length);
    }
  });

  it("gives 1-3 products whose HS codes belong to the cluster (ICT: documented placeholder)", () => {
    for (const e of enterprises) {
      expect(e.products.length).toBeGreaterThanOrEqual(1);
      expect(e.products.length).toBeLessThanOrEqual(3);
      const headings = clusterBySlug.get(e.clusterSlug)?.hsCodes ?? [];
      const allowed = headings.length > 0 ? headings : [ICT_PLACEHOLDER_HEADING];
      for (const p of e.products) {
        expect(p.hsCode).toMatch(/^\d{4}\.\d{4}$/);
        expect(allowed).toContain(p.hsCode.slice(0, 4));
      }
      expect(new Set(e.products.map((p) => p.nameEn)).size).toBe(e.products.length);
    }
  });

  it("is nominated by known trade bodies, within their quotas", () => {
    const used = new Map<string, number>();
    for (const e of enterprises) {
      expect(bodySlugs.has(e.nominatedBy)).toBe(true);
      used.set(e.nominatedBy, (used.get(e.nominatedBy) ?? 0) + 1);
    }
    for (const b of tradeBodies) expect(used.get(b.slug) ?? 0).toBeLessThanOrEqual(b.nominationQuota);
    const womenLed = enterprises.filter((e) => e.womenLed);
    const byWomenChamber = womenLed.filter((e) => tradeBodies.find((b) => b.slug === e.nominatedBy)?.kind === "women_chamber");
    expect(byWomenChamber.length).toBeGreaterThan(womenLed.length / 4);
  });

  it("gives every trade body at least one nominee in the default demo", () => {
    const used = new Set(enterprises.map((e) => e.nominatedBy));
    expect(tradeBodies.filter((b) => !used.has(b.slug)).map((b) => b.slug)).toEqual([]);
  });

  it("has 30-40% women-led and 35-45% micro enterprises", () => {
    const share = (f: (e: (typeof enterprises)[number]) => boolean) => enterprises.filter(f).length / enterprises.length;
    expect(share((e) => e.womenLed)).toBeGreaterThanOrEqual(0.3);
    expect(share((e) => e.womenLed)).toBeLessThanOrEqual(0.4);
    expect(share((e) => e.sizeClass === "micro")).toBeGreaterThanOrEqual(0.35);
    expect(share((e) => e.sizeClass === "micro")).toBeLessThanOrEqual(0.45);
  });

  it("keeps the shares for other seeds too", () => {
    for (const seed of [1, 42, 99999]) {
      const list = generateDemoEnterprises(seed);
      const women = list.filter((e) => e.womenLed).length / list.length;
      const micro = list.filter((e) => e.sizeClass === "micro").length / list.length;
      expect(women).toBeGreaterThanOrEqual(0.3);
      expect(women).toBeLessThanOrEqual(0.4);
      expect(micro).toBeGreaterThanOrEqual(0.35);
      expect(micro).toBeLessThanOrEqual(0.45);
    }
  });

  it("uses ISO alpha-2 export markets", () => {
    for (const e of enterprises) {
      for (const m of e.exportMarkets) expect(m).toMatch(/^[A-Z]{2}$/);
      expect(new Set(e.exportMarkets).size).toBe(e.exportMarkets.length);
    }
  });
});

describe("Urdu", () => {
  it("every nameUr is in Arabic script with Urdu letters (ی ک ہ, not ي ك ه)", () => {
    for (const s of allNamesUr()) {
      expect(s, s).toMatch(ARABIC_SCRIPT);
      expect(s, s).not.toMatch(NOT_URDU);
    }
  });
});
