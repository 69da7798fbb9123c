import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { ctxFor, demoShow, openTestDb, type TestDb } from "../../../tests/support/db";
import { rowsOf } from "../../platform/db/rows";
import { placeNamesUr } from "../catalogue/seed-data/place-names";
import { enterprises } from "../editions/enterprise-tables";
import { clusters } from "../editions/tables";
import { searchWords } from "../matchmaking/recommend";
import { catalogue, catalogueExhibitor, catalogueOpenData, CATALOGUE_PAGE, type CatalogueFilters } from "./operations/catalogue";
import { exhibitorProducts, exhibitorProfiles } from "./tables";

// Issue #12, item 6: the catalogue's filters, search and pages run in SQL. They give what the
// whole list filtered by hand gives, page by page; the stored search words follow every change of
// the texts they come from, whoever writes them (triggers, in the writer's transaction), Urdu
// spelling variants included, so a search (a public GET) finds a change at once and writes nothing.

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

/** Each profile of the edition with its row version: a read that wrote any row would change it. */
const versions = async () =>
  rowsOf<{ id: string; v: string }>(await t.db.execute(sql`SELECT id, xmin::text AS v FROM exhibitor_profiles WHERE edition_id = ${editionId} ORDER BY id`));

describe("the stored search words follow their texts", () => {
  it("finds a product, a new name, a cluster's new name and a new description at the first read after the write, and the read writes nothing", async () => {
    const [row] = await t.db
      .select({ profileId: exhibitorProfiles.id, enterpriseId: enterprises.id, slug: enterprises.slug, clusterSlug: enterprises.clusterSlug })
      .from(exhibitorProfiles)
      .innerJoin(enterprises, eq(enterprises.id, exhibitorProfiles.enterpriseId))
      .where(and(eq(exhibitorProfiles.editionId, editionId), eq(exhibitorProfiles.published, true), isNotNull(enterprises.clusterSlug)))
      .limit(1);
    /** Whether a search finds the row's exhibitor; and that searching wrote no profile row. */
    const hits = async (q: string) => {
      const before = await versions();
      const found = (await allPages({ slug, q })).includes(row!.slug);
      expect(await versions()).toEqual(before);
      return found;
    };
    expect(await hits("zirconium")).toBe(false);

    await t.db.insert(exhibitorProducts).values({ profileId: row!.profileId, nameEn: "Zirconium crowns", nameUr: "زرکونیم کراؤن", hsCode: "902121" });
    expect(await hits("zirconium crown")).toBe(true);
    // Urdu typed with Arabic letter forms (yeh, kaf) still finds it.
    expect(await hits("زركونيم")).toBe(true);

    await t.db.update(enterprises).set({ nameUr: "قینچی والا کارخانہ" }).where(eq(enterprises.id, row!.enterpriseId));
    expect(await hits("قينچي")).toBe(true);

    await t.db.update(exhibitorProfiles).set({ descriptionEn: "Makers of quixotic gadgets" }).where(eq(exhibitorProfiles.id, row!.profileId));
    expect(await hits("quixotic")).toBe(true);
    expect(await hits("gadget")).toBe(true); // the stem of a plural finds the singular and back
    await t.db.update(exhibitorProducts).set({ nameEn: "Zirconium glove" }).where(and(eq(exhibitorProducts.profileId, row!.profileId), eq(exhibitorProducts.hsCode, "902121")));
    expect(await hits("gloves")).toBe(true);
    expect(await hits("crown")).toBe(false);

    await t.db.delete(exhibitorProducts).where(and(eq(exhibitorProducts.profileId, row!.profileId), eq(exhibitorProducts.hsCode, "902121")));
    expect(await hits("zirconium")).toBe(false);

    await t.db.update(clusters).set({ nameEn: "Xylophone makers" }).where(and(eq(clusters.editionId, editionId), eq(clusters.slug, row!.clusterSlug!)));
    expect(await hits("xylophone")).toBe(true);
    expect((await catalogueExhibitor(anon(), { slug, exhibitor: row!.slug })).exhibitor.descriptionEn).toBe("Makers of quixotic gadgets");
    const [stale] = rowsOf<{ n: number }>(await t.db.execute(sql`SELECT count(*)::int AS n FROM exhibitor_profiles WHERE search_terms IS NULL`));
    expect(stale!.n).toBe(0);
  });

  it("finds an exhibitor by the Urdu name of its district, whose English name is stored", async () => {
    const all = (await catalogueOpenData(anon(), { slug })).exhibitors;
    const sialkot = all.filter((e) => e.district === "Sialkot").map((e) => e.slug);
    expect(sialkot.length).toBeGreaterThan(0);
    expect(await allPages({ slug, q: placeNamesUr.Sialkot! })).toEqual(expect.arrayContaining(sialkot));
    expect(await allPages({ slug, q: "سیالک" })).toEqual(expect.arrayContaining(sialkot));
  });

  it("deletes a profile with its products", async () => {
    const [row] = await t.db.select({ id: exhibitorProfiles.id, enterpriseId: exhibitorProfiles.enterpriseId }).from(exhibitorProfiles).where(eq(exhibitorProfiles.editionId, editionId)).limit(1);
    await t.db.insert(exhibitorProducts).values({ profileId: row!.id, nameEn: "Doomed widget", hsCode: "8201" });
    await t.db.delete(exhibitorProfiles).where(eq(exhibitorProfiles.id, row!.id));
    expect(await t.db.select().from(exhibitorProducts).where(eq(exhibitorProducts.profileId, row!.id))).toEqual([]);
  });
});

describe("catalogue_words, the SQL normalisation", () => {
  it("gives the words matchmaking's normalisation gives, on every text of the demo's catalogue and on the spellings phones produce", async () => {
    const all = (await catalogueOpenData(anon(), { slug })).exhibitors;
    const clusterNames = await t.db.select({ en: clusters.nameEn, ur: clusters.nameUr }).from(clusters).where(eq(clusters.editionId, editionId));
    const written = [
      ...all.flatMap((e) => [e.nameEn, e.nameUr, e.fasciaEn, e.fasciaUr, e.descriptionEn, e.descriptionUr, e.district, ...e.products.flatMap((p) => [p.nameEn, p.nameUr, p.descriptionEn, p.descriptionUr])]),
      ...clusterNames.flatMap((c) => [c.en, c.ur]),
      "زركونيم كراؤن قينچي", // Arabic yeh and kaf
      "آلاتِ جَراحی", // madda, zer, zabar
      "کار\u200Cخانہ قیــــنچی", // ZWNJ inside a word, tatweel
      "۹۰۱۸ ٩٠١٨ ISO-13485 9018.90", // Urdu and Arabic-Indic digits, hyphen, dot
      "Café ÉCOLE naïve ﻻ", // accents, capitals, a presentation form
    ].filter((x): x is string => Boolean(x));
    const texts = [...new Set(written)];
    const sqlWords = rowsOf<{ w: string }>(
      await t.db.execute(sql`SELECT catalogue_words(x) AS w FROM json_array_elements_text(${JSON.stringify(texts)}::json) WITH ORDINALITY AS t(x, i) ORDER BY i`),
    ).map((r) => new Set(r.w.split(" ").filter(Boolean)));
    expect(sqlWords).toHaveLength(texts.length);
    texts.forEach((text, i) => {
      const fromSql = sqlWords[i]!;
      const fromTs = new Set(searchWords(text).map((w) => w.word));
      // Every word a search can ask for is stored; SQL keeps besides only what a search drops
      // (single letters, stop words).
      for (const w of fromTs) expect(fromSql, `${text}: ${w}`).toContain(w);
      for (const w of fromSql) if (!fromTs.has(w)) expect(searchWords(w), `${text}: ${w}`).toEqual([]);
    });
    const [folded] = rowsOf<{ a: string; b: string }>(await t.db.execute(sql`SELECT catalogue_words('زركونيم قينچي') AS a, catalogue_words('زرکونیم قینچی') AS b`));
    expect(folded!.a).toBe(folded!.b);
  });
});
