import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { ctxFor, demoShow, openTestDb, type TestDb } from "../../../tests/support/db";
import { enterprises } from "../editions/enterprise-tables";
import { clusters } from "../editions/tables";
import { catalogue, catalogueExhibitor, catalogueOpenData, CATALOGUE_PAGE, type CatalogueFilters } from "./operations/catalogue";
import { exhibitorProducts, exhibitorProfiles } from "./tables";

// Issue #12, item 6: the catalogue's filters, search and pages run in SQL. They give what the
// whole list filtered by hand gives, page by page; the stored search words follow every change of
// the texts they come from, whoever writes them (triggers), Urdu spelling variants included.

let t: TestDb;
let editionId: string;
const slug = "showcase-2026";
const anon = () => ctxFor(t.db);
type Open = Awaited<ReturnType<typeof catalogueOpenData>>["exhibitors"][number];

beforeAll(async () => {
  t = await openTestDb();
  editionId = (await demoShow(t.db)).editionId;
});
afterAll(async () => t?.close());

/** Every page of a filtered catalogue, in order. */
async function allPages(f: CatalogueFilters) {
  const first = await catalogue(anon(), f);
  const slugs = first.exhibitors.map((e) => e.slug);
  for (let page = 2; page <= first.pages; page++) slugs.push(...(await catalogue(anon(), { ...f, page })).exhibitors.map((e) => e.slug));
  expect(slugs).toHaveLength(first.count);
  return slugs;
}

describe("the catalogue's filters in SQL", () => {
  it("gives, page by page in name order, what the whole list filtered by hand gives", async () => {
    const all = (await catalogueOpenData(anon(), { slug })).exhibitors;
    expect(all.length).toBeGreaterThan(CATALOGUE_PAGE * 2);
    const e0 = all.find((e) => e.district && e.cluster && e.sector)!;
    const cases: [CatalogueFilters, (e: Open) => boolean][] = [
      [{ slug }, () => true],
      [{ slug, womenLed: true }, (e) => e.womenLed],
      [{ slug, size: "small" }, (e) => e.sizeClass === "small"],
      [{ slug, womenLed: true, size: "micro" }, (e) => e.womenLed && e.sizeClass === "micro"],
      [{ slug, province: "Punjab" }, (e) => e.province === "Punjab"],
      [{ slug, district: e0.district! }, (e) => e.district === e0.district],
      [{ slug, cluster: e0.cluster! }, (e) => e.cluster === e0.cluster],
      [{ slug, sector: e0.sector!, province: "Punjab" }, (e) => e.sector === e0.sector && e.province === "Punjab"],
      [{ slug, cluster: "no-such-cluster" }, () => false],
    ];
    for (const [f, keep] of cases) expect(await allPages(f)).toEqual(all.filter(keep).map((e) => e.slug));
    const first = await catalogue(anon(), { slug });
    expect(first.facets.provinces).toEqual([...new Set(all.map((e) => e.province).filter(Boolean))].sort());
    expect(first.facets.clusters.map((c) => c.slug).sort()).toEqual([...new Set(all.map((e) => e.cluster).filter(Boolean))].sort());
    expect((await catalogue(anon(), { slug, page: 99 })).exhibitors).toEqual([]);
  });

  it("searches words by their start, and HS codes by their digits", async () => {
    const all = (await catalogueOpenData(anon(), { slug })).exhibitors;
    const hs = await allPages({ slug, q: "9018" });
    const byHs = all.filter((e) => e.products.some((p) => p.hsCode.startsWith("9018"))).map((e) => e.slug);
    expect(byHs.length).toBeGreaterThan(0);
    expect(hs).toEqual(expect.arrayContaining(byHs));
    expect((await catalogue(anon(), { slug, q: "surg" })).count).toBeGreaterThanOrEqual((await catalogue(anon(), { slug, q: "surgical" })).count);
    expect((await catalogue(anon(), { slug, q: "%" })).count).toBe(0);
    expect((await catalogue(anon(), { slug, q: "_" })).count).toBe(0);
  });
});

describe("the stored search words follow their texts", () => {
  it("finds a product, a new name, a cluster's new name and a new description as soon as they are written", async () => {
    const [row] = await t.db
      .select({ profileId: exhibitorProfiles.id, enterpriseId: enterprises.id, slug: enterprises.slug, clusterSlug: enterprises.clusterSlug })
      .from(exhibitorProfiles)
      .innerJoin(enterprises, eq(enterprises.id, exhibitorProfiles.enterpriseId))
      .where(and(eq(exhibitorProfiles.editionId, editionId), eq(exhibitorProfiles.published, true)))
      .limit(1);
    const hits = async (q: string) => (await allPages({ slug, q })).includes(row!.slug);
    expect(await hits("zirconium")).toBe(false);
    await catalogue(anon(), { slug, q: "warm" }); // every profile's words computed

    await t.db.insert(exhibitorProducts).values({ profileId: row!.profileId, nameEn: "Zirconium crowns", nameUr: "زرکونیم کراؤن", hsCode: "902121" });
    expect(await hits("zirconium crown")).toBe(true);
    // Urdu typed with Arabic letter forms (yeh, kaf) still finds it.
    expect(await hits("زركونيم")).toBe(true);

    await t.db.update(enterprises).set({ nameUr: "قینچی والا کارخانہ" }).where(eq(enterprises.id, row!.enterpriseId));
    expect(await hits("قينچي")).toBe(true);

    await t.db.update(exhibitorProfiles).set({ descriptionEn: "Makers of quixotic gadgets" }).where(eq(exhibitorProfiles.id, row!.profileId));
    expect(await hits("quixotic")).toBe(true);

    await t.db.delete(exhibitorProducts).where(and(eq(exhibitorProducts.profileId, row!.profileId), eq(exhibitorProducts.hsCode, "902121")));
    expect(await hits("zirconium")).toBe(false);

    if (row!.clusterSlug) {
      await t.db.update(clusters).set({ nameEn: "Xylophone makers" }).where(and(eq(clusters.editionId, editionId), eq(clusters.slug, row!.clusterSlug)));
      expect(await hits("xylophone")).toBe(true);
    }
    expect((await catalogueExhibitor(anon(), { slug, exhibitor: row!.slug })).exhibitor.descriptionEn).toBe("Makers of quixotic gadgets");
  });
});
