import { and, asc, desc, eq, inArray, isNull, ne, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { parseInput, type Input } from "../../../platform/validation";
import { enterprises } from "#features/editions";
import { clusters, sectors } from "#features/editions";
import { registrations } from "#features/registration";
import { b2bParticipants, b2bProfiles, exportReadiness, participantKinds } from "../tables";
import { ownParticipant, type Participant } from "./participants";
import { exportBands, readinessPort, type ExportScore } from "../readiness-port";

// The directory (issue #11, item 3): a participant browses the OTHER side: only participants that
// are visible (approved, opted in, not withdrawn, the same edition: what visibleParticipants in
// profiles.ts means, written here as one query with the card's columns), never contact details
// (no email, no phone: the registration's are not even selected). Search over names, products,
// offers and needs in English and Urdu, the cluster, and HS codes by prefix ("9018" finds
// 9018.90); filters; 20 a page. One query for the page and its total (count(*) over ()).

export const PAGE_SIZE = 20;

const token = z.string().min(16).max(128);
const ref = {
  participantId: z.uuid().optional(),
  token: token.optional(),
};
const refCheck = [(r: { participantId?: string; token?: string }) => (r.participantId === undefined) !== (r.token === undefined), { params: { code: "b2b_participant_ref" } }] as const;

export const directoryFilters = z.strictObject({
  q: z.string().trim().max(200).optional(),
  kind: z.enum(participantKinds).optional(),
  sector: z.string().trim().min(1).max(80).optional(),
  cluster: z.string().trim().min(1).max(80).optional(),
  province: z.string().trim().min(1).max(80).optional(),
  womenLed: z.boolean().optional(),
  sizeClass: z.enum(["micro", "small", "medium"]).optional(),
  certification: z.string().trim().min(1).max(80).optional(),
  exportReadiness: z.enum(exportReadiness).optional(),
  /** The lowest band of the baseline's export-readiness score (exhibitors only). */
  exportBand: z.enum(exportBands).optional(),
  page: z.number().int().min(1).max(10_000).optional(),
});
export type DirectoryFilters = z.output<typeof directoryFilters>;

export const directoryInput = directoryFilters.extend(ref).refine(...refCheck);

/** The columns of a participant's card: who it is and what it offers, never how to reach it. */
export const cardColumns = {
  id: b2bParticipants.id,
  side: b2bParticipants.side,
  kind: b2bParticipants.kind,
  enterpriseId: b2bParticipants.enterpriseId,
  entNameEn: enterprises.nameEn,
  entNameUr: enterprises.nameUr,
  personNameEn: registrations.name,
  personNameUr: registrations.nameUr,
  organisation: registrations.organisation,
  designation: registrations.designation,
  womenLed: enterprises.womenLed,
  sizeClass: enterprises.sizeClass,
  clusterSlug: enterprises.clusterSlug,
  clusterEn: clusters.nameEn,
  clusterUr: clusters.nameUr,
  sectorCode: sectors.code,
  sectorEn: sectors.nameEn,
  sectorUr: sectors.nameUr,
  district: enterprises.district,
  province: enterprises.province,
  productsEn: b2bProfiles.productsEn,
  productsUr: b2bProfiles.productsUr,
  offersEn: b2bProfiles.offersEn,
  offersUr: b2bProfiles.offersUr,
  needsEn: b2bProfiles.needsEn,
  needsUr: b2bProfiles.needsUr,
  hsCodes: b2bProfiles.hsCodes,
  certifications: b2bProfiles.certifications,
  requiredCertifications: b2bProfiles.requiredCertifications,
  markets: b2bProfiles.markets,
  country: b2bProfiles.country,
  languages: b2bProfiles.languages,
  sectors: b2bProfiles.sectors,
  lookingFor: b2bProfiles.lookingFor,
  exportReadiness: b2bProfiles.exportReadiness,
  completeness: sql<number>`coalesce(${b2bProfiles.completeness}, 0)`.mapWith(Number),
  profileUpdatedAt: b2bProfiles.updatedAt,
};

/** The card query: participants with their profile, enterprise (and its cluster and sector) or
 *  registration (name and organisation only), left-joined so an unsaved profile still shows. */
export function cardQuery(db: Executor, extra: Record<string, SQL | unknown> = {}) {
  return db
    .select({ ...cardColumns, ...(extra as Record<string, SQL>) })
    .from(b2bParticipants)
    .leftJoin(b2bProfiles, eq(b2bProfiles.participantId, b2bParticipants.id))
    .leftJoin(enterprises, eq(enterprises.id, b2bParticipants.enterpriseId))
    .leftJoin(clusters, and(eq(clusters.editionId, b2bParticipants.editionId), eq(clusters.slug, enterprises.clusterSlug)))
    .leftJoin(sectors, eq(sectors.id, clusters.sectorId))
    .leftJoin(registrations, eq(registrations.id, b2bParticipants.registrationId));
}

export type CardRow = Awaited<ReturnType<ReturnType<typeof cardQuery>["execute"]>>[number];

/** A card as the pages and the API show it. */
export function presentCard(r: CardRow) {
  return {
    id: r.id,
    side: r.side,
    kind: r.kind,
    nameEn: r.entNameEn ?? r.personNameEn ?? "",
    nameUr: r.entNameUr ?? r.personNameUr ?? null,
    organisation: r.organisation ?? null,
    designation: r.designation ?? null,
    womenLed: r.womenLed ?? false,
    sizeClass: r.sizeClass ?? null,
    cluster: r.clusterSlug ? { slug: r.clusterSlug, nameEn: r.clusterEn ?? r.clusterSlug, nameUr: r.clusterUr ?? null } : null,
    sector: r.sectorCode ? { code: r.sectorCode, nameEn: r.sectorEn!, nameUr: r.sectorUr ?? null } : null,
    district: r.district ?? null,
    province: r.province ?? null,
    productsEn: r.productsEn ?? "",
    productsUr: r.productsUr ?? "",
    offersEn: r.offersEn ?? "",
    offersUr: r.offersUr ?? "",
    needsEn: r.needsEn ?? "",
    needsUr: r.needsUr ?? "",
    hsCodes: r.hsCodes ?? [],
    certifications: r.certifications ?? [],
    markets: r.markets ?? [],
    country: r.country ?? null,
    languages: r.languages ?? [],
    sectors: r.sectors ?? [],
    exportReadiness: r.exportReadiness ?? null,
    completeness: r.completeness,
  };
}
export type Card = ReturnType<typeof presentCard>;

/** Visible to others: approved, opted in, not withdrawn (the same rule as visibleParticipants). */
export const visibleWhere = (editionId: string) =>
  and(eq(b2bParticipants.editionId, editionId), eq(b2bParticipants.approved, true), eq(b2bParticipants.optedIn, true), isNull(b2bParticipants.withdrawnAt));

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** One search word: in a name, product, offer, need or cluster (English or Urdu), or an HS code
 *  that starts with it (digits only; "9018" and "9018.9" find 9018.90). */
function wordMatches(word: string): SQL {
  const like = `%${likeEscape(word)}%`;
  const text = sql`concat_ws(' ', ${enterprises.nameEn}, ${enterprises.nameUr}, ${registrations.name}, ${registrations.nameUr}, ${registrations.organisation},
    ${b2bProfiles.productsEn}, ${b2bProfiles.productsUr}, ${b2bProfiles.offersEn}, ${b2bProfiles.offersUr}, ${b2bProfiles.needsEn}, ${b2bProfiles.needsUr},
    ${enterprises.clusterSlug}, ${clusters.nameEn}, ${clusters.nameUr}, ${sectors.nameEn}, ${sectors.nameUr}) ilike ${like}`;
  const digits = word.replace(/[\s.-]/g, "");
  if (!/^\d{2,10}$/.test(digits)) return text;
  const hs = sql`exists (select 1 from jsonb_array_elements_text(coalesce(${b2bProfiles.hsCodes}, '[]'::jsonb)) as h(code) where replace(h.code, '.', '') like ${`${digits}%`})`;
  return sql`(${text} or ${hs})`;
}

/** The conditions of the filters (besides visibility and the side). */
export function filterWhere(f: DirectoryFilters): (SQL | undefined)[] {
  const lower = (s: string) => s.toLowerCase();
  const inList = (col: SQL | typeof b2bProfiles.sectors, value: string) =>
    sql`exists (select 1 from jsonb_array_elements_text(coalesce(${col}, '[]'::jsonb)) as x(v) where lower(x.v) = ${lower(value)})`;
  const words = (f.q ?? "").split(/\s+/).filter(Boolean).slice(0, 8);
  return [
    ...words.map(wordMatches),
    f.kind ? eq(b2bParticipants.kind, f.kind) : undefined,
    f.sector ? sql`(lower(${sectors.code}) = ${lower(f.sector)} or lower(${sectors.nameEn}) = ${lower(f.sector)} or ${inList(b2bProfiles.sectors, f.sector)})` : undefined,
    f.cluster ? sql`lower(${enterprises.clusterSlug}) = ${lower(f.cluster)}` : undefined,
    f.province ? sql`lower(${enterprises.province}) = ${lower(f.province)}` : undefined,
    f.womenLed !== undefined ? eq(enterprises.womenLed, f.womenLed) : undefined,
    f.sizeClass ? eq(enterprises.sizeClass, f.sizeClass) : undefined,
    f.certification ? sql`exists (select 1 from jsonb_array_elements_text(coalesce(${b2bProfiles.certifications}, '[]'::jsonb)) as c(v) where c.v ilike ${`%${likeEscape(f.certification)}%`})` : undefined,
    f.exportReadiness ? eq(b2bProfiles.exportReadiness, f.exportReadiness) : undefined,
  ];
}

/** The caller as a participant that may browse: its own, not withdrawn. */
export async function viewer(db: Executor, ctx: Ctx, r: { participantId?: string; token?: string }): Promise<Participant> {
  const { participant } = await ownParticipant(db, ctx, r.token !== undefined ? { token: r.token } : { participantId: r.participantId! });
  if (participant.withdrawnAt) throw new DomainError("b2b_participant_withdrawn");
  return participant;
}

/**
 * The other side of the caller's edition, as cards, searched and filtered, 20 a page, the most
 * complete profiles first (then by id: stable pages). `total` counts every match.
 */
export async function directory(ctx: Ctx, raw: Input<typeof directoryInput>) {
  const { participantId, token: t, page = 1, exportBand, ...filters } = parseInput(directoryInput, raw);
  const me = await viewer(ctx.db, ctx, { participantId, token: t });
  // Exhibitors' baseline scores (the buyer side browses them): shown on the cards, and the
  // band filter keeps those at or above the band (an exhibitor without a baseline has no score).
  const scores = me.side === "buyer" ? await readinessPort().exportScores(ctx.db, me.editionId) : new Map<string, ExportScore>();
  const floor = exportBand ? exportBands.indexOf(exportBand) : -1;
  const banded = exportBand ? [...scores].filter(([, s]) => exportBands.indexOf(s.band) >= floor).map(([id]) => id) : null;
  const rows = await cardQuery(ctx.db, { total: sql<number>`count(*) over ()`.mapWith(Number) })
    .where(and(visibleWhere(me.editionId), ne(b2bParticipants.side, me.side), ...filterWhere(filters), banded ? (banded.length ? inArray(b2bParticipants.enterpriseId, banded) : sql`false`) : undefined))
    .orderBy(desc(sql`coalesce(${b2bProfiles.completeness}, 0)`), asc(b2bParticipants.id))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);
  const total = rows.length ? Number((rows[0] as unknown as { total: number }).total) : 0;
  return {
    viewer: { id: me.id, side: me.side, kind: me.kind, editionId: me.editionId },
    page,
    pageSize: PAGE_SIZE,
    total,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    cards: rows.map((r) => ({ ...presentCard(r), exportScore: (r.enterpriseId && scores.get(r.enterpriseId)) || null })),
  };
}

const directoryChoicesInput = z.strictObject(ref).refine(...refCheck);

/** The filters' choices for the directory's form: the other side's clusters and provinces. */
export async function directoryChoices(ctx: Ctx, raw: Input<typeof directoryChoicesInput>) {
  const r = parseInput(directoryChoicesInput, raw);
  const me = await viewer(ctx.db, ctx, r);
  const rows = await ctx.db
    .selectDistinct({ slug: enterprises.clusterSlug, nameEn: clusters.nameEn, nameUr: clusters.nameUr, province: enterprises.province, sectorCode: sectors.code, sectorEn: sectors.nameEn, sectorUr: sectors.nameUr })
    .from(b2bParticipants)
    .innerJoin(enterprises, eq(enterprises.id, b2bParticipants.enterpriseId))
    .leftJoin(clusters, and(eq(clusters.editionId, b2bParticipants.editionId), eq(clusters.slug, enterprises.clusterSlug)))
    .leftJoin(sectors, eq(sectors.id, clusters.sectorId))
    .where(and(visibleWhere(me.editionId), ne(b2bParticipants.side, me.side)));
  const uniq = <T>(xs: T[], key: (x: T) => string) => [...new Map(xs.map((x) => [key(x), x])).values()].sort((a, b) => key(a).localeCompare(key(b)));
  return {
    clusters: uniq(rows.filter((r) => r.slug), (r) => r.slug!).map((r) => ({ slug: r.slug!, nameEn: r.nameEn ?? r.slug!, nameUr: r.nameUr ?? null })),
    provinces: uniq(rows.filter((r) => r.province), (r) => r.province!).map((r) => r.province!),
    sectors: uniq(rows.filter((r) => r.sectorCode), (r) => r.sectorCode!).map((r) => ({ code: r.sectorCode!, nameEn: r.sectorEn!, nameUr: r.sectorUr ?? null })),
  };
}
