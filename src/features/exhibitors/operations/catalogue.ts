import { and, asc, count, eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../../platform/context";
import { DomainError } from "../../../platform/errors";
import { parseInput, type Input } from "../../../platform/validation";
import { enterprises } from "#features/editions";
import { clusters, sectors } from "#features/editions";
import { stallLocation, visibleEdition } from "#features/floor";
import { floorHalls, floorStalls } from "#features/floor";
import { filterConditions } from "./catalogue-search";
import { exhibitorFiles, exhibitorProducts, exhibitorProfiles } from "../tables";

// The public "Made in Pakistan" catalogue (issue #12, item 6): an edition's PUBLISHED exhibitor
// profiles and their products, filtered by sector, cluster, province, district, women-led and size
// class, searched in English and Urdu with the recommendation engine's normalisation (Urdu and
// Arabic letter forms, harakat, Urdu digits folded; English stemmed) as the floor's search does.
// Filters, search and paging run in SQL (catalogue-search.ts): a page reads its 40 exhibitors.
// Past editions stay browsable: a profile belongs to its edition. Only public fields leave here:
// never the NTN, turnover, employees, power needs or samples.

export { placeUr, provinceNamesUr } from "./catalogue-search";

export interface CatalogueProduct {
  id: string;
  nameEn: string;
  nameUr: string;
  hsCode: string;
  descriptionEn: string;
  descriptionUr: string;
}

export interface CatalogueExhibitor {
  slug: string;
  nameEn: string;
  nameUr: string | null;
  fasciaEn: string | null;
  fasciaUr: string | null;
  descriptionEn: string;
  descriptionUr: string;
  sizeClass: "micro" | "small" | "medium";
  womenLed: boolean;
  province: string | null;
  district: string | null;
  cluster: { slug: string; nameEn: string; nameUr: string } | null;
  sector: { code: string; nameEn: string; nameUr: string } | null;
  certifications: string[];
  website: string | null;
  email: string | null;
  phone: string | null;
  logoId: string | null;
  photoIds: string[];
  stall: { hall: string; number: string } | null;
  products: CatalogueProduct[];
}

const Filters = z.object({
  slug: z.string().min(1).max(100),
  q: z.string().max(200).default(""),
  sector: z.string().max(40).default(""),
  cluster: z.string().max(100).default(""),
  province: z.string().max(60).default(""),
  district: z.string().max(60).default(""),
  womenLed: z.boolean().default(false),
  size: z.union([z.enum(["micro", "small", "medium"]), z.literal("")]).default(""),
});
export type CatalogueFilters = z.input<typeof Filters>;

type Edition = Awaited<ReturnType<typeof visibleEdition>>;
const publishedOf = (editionId: string) => and(eq(exhibitorProfiles.editionId, editionId), eq(exhibitorProfiles.published, true));

/** The edition's published profiles that meet `where`, with their products, files and stalls, in
 *  name order; `limit`/`offset` for a page. */
async function loadExhibitors(ctx: Ctx, edition: Edition, where: (SQL | undefined)[], page?: { limit: number; offset: number }) {
  const base = ctx.db
    .select({ p: exhibitorProfiles, e: enterprises })
    .from(exhibitorProfiles)
    .innerJoin(enterprises, eq(enterprises.id, exhibitorProfiles.enterpriseId))
    .where(and(publishedOf(edition.id), ...where))
    .orderBy(asc(enterprises.nameEn), asc(exhibitorProfiles.id));
  const rows = page ? await base.limit(page.limit).offset(page.offset) : await base;
  const ids = rows.map((r) => r.p.id);
  const prods = ids.length ? await ctx.db.select().from(exhibitorProducts).where(inArray(exhibitorProducts.profileId, ids)).orderBy(asc(exhibitorProducts.sort), asc(exhibitorProducts.nameEn)) : [];
  const files = ids.length
    ? await ctx.db.select({ id: exhibitorFiles.id, profileId: exhibitorFiles.profileId, kind: exhibitorFiles.kind }).from(exhibitorFiles).where(inArray(exhibitorFiles.profileId, ids)).orderBy(asc(exhibitorFiles.createdAt))
    : [];
  const clusterRows = await ctx.db.select().from(clusters).where(eq(clusters.editionId, edition.id)).orderBy(asc(clusters.nameEn));
  const sectorRows = await ctx.db.select().from(sectors).where(eq(sectors.editionId, edition.id)).orderBy(asc(sectors.sort));
  const enterpriseIds = rows.map((r) => r.e.id);
  const stalls = enterpriseIds.length
    ? await ctx.db
        .select({ enterpriseId: floorStalls.enterpriseId, number: floorStalls.number, hall: floorHalls.code })
        .from(floorStalls)
        .innerJoin(floorHalls, eq(floorHalls.id, floorStalls.hallId))
        .where(and(eq(floorStalls.editionId, edition.id), eq(floorStalls.state, "confirmed"), inArray(floorStalls.enterpriseId, enterpriseIds)))
    : [];
  const sectorById = new Map(sectorRows.map((s) => [s.id, { code: s.code, nameEn: s.nameEn, nameUr: s.nameUr }]));
  const clusterBySlug = new Map(clusterRows.map((c) => [c.slug, c]));
  // Grouped once, so building the list stays linear in exhibitors, products and files.
  const stallOf = new Map(stalls.map((s) => [s.enterpriseId, s]));
  const group = <T extends { profileId: string }>(list: T[]) => {
    const out = new Map<string, T[]>();
    for (const x of list) {
      const l = out.get(x.profileId);
      if (l) l.push(x);
      else out.set(x.profileId, [x]);
    }
    return out;
  };
  const prodsOf = group(prods);
  const filesOf = group(files);
  const exhibitors: CatalogueExhibitor[] = rows.map(({ p, e }) => {
    const c = e.clusterSlug ? clusterBySlug.get(e.clusterSlug) : undefined;
    const stall = stallOf.get(e.id);
    const own = filesOf.get(p.id) ?? [];
    return {
      slug: e.slug,
      nameEn: e.nameEn,
      nameUr: e.nameUr,
      fasciaEn: p.fasciaEn,
      fasciaUr: p.fasciaUr,
      descriptionEn: p.descriptionEn,
      descriptionUr: p.descriptionUr,
      sizeClass: e.sizeClass,
      womenLed: e.womenLed,
      province: e.province,
      district: e.district,
      cluster: c ? { slug: c.slug, nameEn: c.nameEn, nameUr: c.nameUr } : null,
      sector: c?.sectorId ? (sectorById.get(c.sectorId) ?? null) : null,
      certifications: p.certifications,
      website: p.website,
      email: p.email,
      phone: p.phone,
      logoId: own.find((f) => f.kind === "logo")?.id ?? null,
      photoIds: own.filter((f) => f.kind === "photo").map((f) => f.id),
      stall: stall ? { hall: stall.hall, number: stall.number } : null,
      products: (prodsOf.get(p.id) ?? []).map((x) => ({ id: x.id, nameEn: x.nameEn, nameUr: x.nameUr, hsCode: x.hsCode, descriptionEn: x.descriptionEn, descriptionUr: x.descriptionUr })),
    };
  });
  return {
    exhibitors,
    sectors: sectorRows.map((s) => ({ code: s.code, nameEn: s.nameEn, nameUr: s.nameUr })),
    clusters: clusterRows.map((c) => ({ slug: c.slug, nameEn: c.nameEn, nameUr: c.nameUr })),
  };
}

const editionRef = (edition: Edition) => ({ id: edition.id, slug: edition.slug, nameEn: edition.nameEn, nameUr: edition.nameUr });

/** Every published profile of the edition, with its products, in name order (the open data). */
async function loadCatalogue(ctx: Ctx, slug: string) {
  const edition = await visibleEdition(ctx, { slug });
  return { edition: editionRef(edition), ...(await loadExhibitors(ctx, edition, [])) };
}



export const CATALOGUE_PAGE = 40;

const catalogueInput = Filters.extend({ page: z.number().int().min(1).max(1000).default(1) });

/** The catalogue of an edition, filtered and searched; `page` (from 1) of CATALOGUE_PAGE exhibitors. */
export async function catalogue(ctx: Ctx, raw: Input<typeof catalogueInput>) {
  const input = parseInput(catalogueInput, raw);
  const edition = await visibleEdition(ctx, { slug: input.slug });
  const where = filterConditions(edition.id, input);
  const [found] = await ctx.db
    .select({ n: count() })
    .from(exhibitorProfiles)
    .innerJoin(enterprises, eq(enterprises.id, exhibitorProfiles.enterpriseId))
    .where(and(publishedOf(edition.id), ...where));
  const n = found?.n ?? 0;
  const page = n > (input.page - 1) * CATALOGUE_PAGE ? await loadExhibitors(ctx, edition, where, { limit: CATALOGUE_PAGE, offset: (input.page - 1) * CATALOGUE_PAGE }) : null;
  // The facets: of every published exhibitor, whatever the filters.
  const [facets] = await ctx.db
    .select({
      total: count(),
      clusters: sql<string[] | null>`array_agg(DISTINCT ${enterprises.clusterSlug}) FILTER (WHERE ${enterprises.clusterSlug} IS NOT NULL)`,
      provinces: sql<string[] | null>`array_agg(DISTINCT ${enterprises.province}) FILTER (WHERE ${enterprises.province} <> '')`,
      districts: sql<string[] | null>`array_agg(DISTINCT ${enterprises.district}) FILTER (WHERE ${enterprises.district} <> '')`,
    })
    .from(exhibitorProfiles)
    .innerJoin(enterprises, eq(enterprises.id, exhibitorProfiles.enterpriseId))
    .where(publishedOf(edition.id));
  const used = new Set(facets?.clusters ?? []);
  const sectorRows = page?.sectors ?? (await ctx.db.select().from(sectors).where(eq(sectors.editionId, edition.id)).orderBy(asc(sectors.sort))).map((s) => ({ code: s.code, nameEn: s.nameEn, nameUr: s.nameUr }));
  const clusterRows = page?.clusters ?? (await ctx.db.select().from(clusters).where(eq(clusters.editionId, edition.id)).orderBy(asc(clusters.nameEn))).map((c) => ({ slug: c.slug, nameEn: c.nameEn, nameUr: c.nameUr }));
  const sorted = (xs: string[] | null | undefined) => [...(xs ?? [])].sort();
  return {
    edition: editionRef(edition),
    filters: input,
    total: facets?.total ?? 0,
    count: n,
    pages: Math.max(1, Math.ceil(n / CATALOGUE_PAGE)),
    exhibitors: page?.exhibitors ?? [],
    facets: {
      sectors: sectorRows,
      clusters: clusterRows.filter((c) => used.has(c.slug)),
      provinces: sorted(facets?.provinces),
      districts: sorted(facets?.districts),
    },
  };
}

const catalogueExhibitorInput = z.object({ slug: z.string().min(1).max(100), exhibitor: z.string().min(1).max(120) });

/** One published exhibitor of an edition's catalogue, by its slug, with where its (confirmed) stall
 *  is drawn on the hall's plan, for the page's small map. */
export async function catalogueExhibitor(ctx: Ctx, raw: Input<typeof catalogueExhibitorInput>) {
  const input = parseInput(catalogueExhibitorInput, raw);
  const edition = await visibleEdition(ctx, { slug: input.slug });
  const [exhibitor] = (await loadExhibitors(ctx, edition, [eq(enterprises.slug, input.exhibitor)])).exhibitors;
  if (!exhibitor) throw new DomainError("not_found", { params: { what: "exhibitor" } });
  const location = exhibitor.stall ? await stallLocation(ctx.db, edition.id, exhibitor.stall) : null;
  return { edition: editionRef(edition), exhibitor, location };
}

const catalogueProductInput = z.object({ slug: z.string().min(1).max(100), exhibitor: z.string().min(1).max(120), productId: z.uuid() });

/** One product of a published exhibitor. */
export async function catalogueProduct(ctx: Ctx, raw: Input<typeof catalogueProductInput>) {
  const input = parseInput(catalogueProductInput, raw);
  const { edition, exhibitor, location } = await catalogueExhibitor(ctx, input);
  const product = exhibitor.products.find((p) => p.id === input.productId);
  if (!product) throw new DomainError("not_found", { params: { what: "product" } });
  return { edition, exhibitor, product, location };
}

const catalogueOpenDataInput = z.object({ slug: z.string().min(1).max(100) });

/** The open data of an edition's catalogue: one row per product (an exhibitor without products has
 *  one row with empty product fields). Public fields only: no contact email or phone in bulk. */
export async function catalogueOpenData(ctx: Ctx, raw: Input<typeof catalogueOpenDataInput>) {
  const input = parseInput(catalogueOpenDataInput, raw);
  const all = await loadCatalogue(ctx, input.slug);
  const exhibitors = all.exhibitors.map((e) => ({
    slug: e.slug,
    nameEn: e.nameEn,
    nameUr: e.nameUr,
    fasciaEn: e.fasciaEn,
    fasciaUr: e.fasciaUr,
    sector: e.sector?.code ?? null,
    cluster: e.cluster?.slug ?? null,
    province: e.province,
    district: e.district,
    womenLed: e.womenLed,
    sizeClass: e.sizeClass,
    descriptionEn: e.descriptionEn,
    descriptionUr: e.descriptionUr,
    certifications: e.certifications,
    website: e.website,
    stall: e.stall ? e.stall.number : null,
    products: e.products.map((p) => ({ nameEn: p.nameEn, nameUr: p.nameUr, hsCode: p.hsCode, descriptionEn: p.descriptionEn, descriptionUr: p.descriptionUr })),
  }));
  return { edition: all.edition, exhibitors };
}

export const openDataColumns = [
  "exhibitor",
  "name_en",
  "name_ur",
  "sector",
  "cluster",
  "province",
  "district",
  "women_led",
  "size_class",
  "stall",
  "website",
  "certifications",
  "product_en",
  "product_ur",
  "hs_code",
] as const;

export function openDataRows(data: Awaited<ReturnType<typeof catalogueOpenData>>): (string | boolean | null)[][] {
  const rows: (string | boolean | null)[][] = [];
  for (const e of data.exhibitors) {
    const base = [e.slug, e.nameEn, e.nameUr, e.sector, e.cluster, e.province, e.district, e.womenLed, e.sizeClass, e.stall, e.website, e.certifications.join("; ")];
    if (!e.products.length) rows.push([...base, null, null, null]);
    for (const p of e.products) rows.push([...base, p.nameEn, p.nameUr, p.hsCode]);
  }
  return rows;
}
