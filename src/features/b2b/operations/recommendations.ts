import { and, asc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import type { Locale } from "../../../platform/i18n/locales";
import { translate } from "../../../platform/i18n/translate";
import { parseInput } from "../../../platform/validation";
import { roleGrants } from "../../accounts/tables";
import { enterprises, products } from "../../editions/enterprise-tables";
import { clusters, sectors } from "../../editions/tables";
import { rowsOf } from "../../../platform/db/rows";
import { registrations } from "../../registration/tables";
import { prepareCounterparts, recommendOne, type Counterparts, type ParticipantInput, type Reason } from "../../matchmaking/recommend";
import { b2bMeetings, b2bParticipants, b2bProfiles, b2bProgrammes, b2bRequests, b2bSmeStaff, type ParticipantSide } from "../tables";
import { cardQuery, presentCard, viewer, visibleWhere, type CardRow } from "./directory";
import type { Participant } from "./participants";

// Recommendations (issue #11, item 3): the counterparts worth meeting, best first, with the
// reasons why, in the reader's language. The engine (matchmaking/recommend) runs on the caller
// and the visible participants of the other side, built from their stored profiles (an exhibitor
// that never saved its profile counts with its registry entry: description, products and their
// HS codes, certifications, markets). The other side's prepared input is cached with a version
// read on every call (counterpartsOf), so a changed profile counts at once (bench:recommend
// measures it). Never suggested: a participant the caller already has a request
// with (any status, either direction), one of its own enterprise, one not visible (withdrawn,
// not approved, not opted in), one fully booked (scheduled meetings up to its days' capacity).

const input = z
  .strictObject({ participantId: z.uuid().optional(), token: z.string().min(16).max(128).optional(), limit: z.number().int().min(1).max(50).optional() })
  .refine((r) => (r.participantId === undefined) !== (r.token === undefined), { params: { code: "b2b_participant_ref" } });

const engineReadiness = { none: "none", starting: "exploring", occasional: "occasional", regular: "regular" } as const;
const country = (s: string) => (/^[A-Za-z]{2}$/.test(s.trim()) ? [s.trim().toUpperCase()] : []);
const hs = (codes: string[]) => codes.filter((c) => /^\d{2,10}$/.test(c.replace(/[\s.-]/g, "")));
const lang = (codes: string[]) => codes.filter((c) => c.trim().length >= 2);
const join = (...parts: (string | null | undefined)[]) => parts.filter((p) => p && p.trim()).join(" \n");

interface Facts {
  row: CardRow;
  /** An exhibitor that never saved: its products from the registry. */
  registry?: { names: string; hsCodes: string[] } | undefined;
}

/** The engine's view of a participant (its side's point of view: an SME makes, a buyer sources). */
export function engineParticipant({ row: r, registry }: Facts, capacity: number | undefined, requestsReceived: number): ParticipantInput {
  const saved = r.profileUpdatedAt !== null;
  const sme = r.side === "sme";
  const hsCodes = hs(saved ? (r.hsCodes ?? []) : (registry?.hsCodes ?? []));
  return {
    id: r.id,
    side: r.side,
    enterpriseId: r.enterpriseId ?? undefined,
    sectors: [...(r.sectorEn ? [r.sectorEn] : []), ...(r.sectors ?? [])],
    clusters: r.clusterEn ? [r.clusterEn] : [],
    hsCodes,
    certifications: r.certifications ?? [],
    requiredCertifications: r.requiredCertifications ?? [],
    exportReadiness: engineReadiness[r.exportReadiness ?? "none"],
    exportMarkets: sme ? (r.markets ?? []).flatMap(country) : [],
    country: !sme && r.country ? r.country : undefined,
    markets: sme ? [] : (r.markets ?? []).flatMap(country),
    languages: lang(r.languages ?? []),
    offers: sme ? join(r.offersEn, r.offersUr, r.productsEn, r.productsUr, registry?.names) : join(r.offersEn, r.offersUr),
    needs: sme ? join(r.needsEn, r.needsUr) : join(r.needsEn, r.needsUr, r.productsEn, r.productsUr),
    ...(capacity !== undefined ? { capacity } : {}),
    requestsReceived,
  };
}

/** Exhibitors that never saved their profile: their registry products, names and HS codes (one query). */
async function registryOf(db: Executor, rows: readonly CardRow[]): Promise<Map<string, { names: string; hsCodes: string[] }>> {
  const unsaved = rows.filter((r) => r.side === "sme" && r.profileUpdatedAt === null && r.enterpriseId).map((r) => r.enterpriseId!);
  const registry = new Map<string, { names: string[]; hsCodes: string[] }>();
  if (unsaved.length) {
    const items = await db
      .select({ enterpriseId: products.enterpriseId, nameEn: products.nameEn, nameUr: products.nameUr, hsCode: products.hsCode })
      .from(products)
      .where(inArray(products.enterpriseId, unsaved))
      .orderBy(asc(products.sort));
    for (const i of items) {
      const e = registry.get(i.enterpriseId) ?? { names: [], hsCodes: [] };
      e.names.push(i.nameEn, i.nameUr ?? "");
      e.hsCodes.push(i.hsCode);
      registry.set(i.enterpriseId, e);
    }
  }
  return new Map([...registry].map(([id, r]) => [id, { names: r.names.join(" "), hsCodes: [...new Set(r.hsCodes)] }]));
}

// The other side of an edition, prepared for the engine (parsed, tokenised, indexed: most of a
// call's time when done per call, bench:recommend), cached per database handle (code-style §5)
// and per edition and side, with the version it was built at. Every call reads the version
// first (one query) and rebuilds on any difference, so a change made by any process counts at
// the next call (issue #17: no per-process cache outlives a change). The version is a
// fingerprint of every row the input is built from: the side's participants (visibility), their
// profiles, enterprises, clusters and sectors, and for exhibitors the registry products: count
// and sum of the rows' xmin (the id of the transaction that last wrote each row: any insert,
// update or delete of one of them changes it, whether or not the writer kept updated_at).
// Loads (requests received, meetings booked) change with every request: read per call.
interface SideEntry {
  version: string;
  counterparts: Promise<Counterparts>;
}
const sideCache = new WeakMap<object, Map<string, SideEntry>>();

async function sideVersion(db: Executor, editionId: string, side: ParticipantSide): Promise<string> {
  const xid = (t: SQL) => sql`coalesce(sum((${t}.xmin::text)::bigint), 0)`;
  const registry =
    side === "sme"
      ? sql`(select count(*) || ':' || ${xid(sql`pr`)} from ${products} pr join ${b2bParticipants} sp on sp.enterprise_id = pr.enterprise_id where sp.edition_id = ${editionId} and sp.side = 'sme')`
      : sql`''`;
  const rows = await db.execute(sql`
    select concat_ws(':', count(*), ${xid(sql`p`)}, count(f.participant_id), ${xid(sql`f`)}, count(e.id), ${xid(sql`e`)}, ${xid(sql`c`)}, ${xid(sql`s`)}, ${registry}) as v
    from ${b2bParticipants} p
    left join ${b2bProfiles} f on f.participant_id = p.id
    left join ${enterprises} e on e.id = p.enterprise_id
    left join ${clusters} c on c.edition_id = p.edition_id and c.slug = e.cluster_slug
    left join ${sectors} s on s.id = c.sector_id
    where p.edition_id = ${editionId} and p.side = ${side}`);
  return String(rowsOf<{ v: string }>(rows)[0]?.v ?? "");
}

async function buildSide(db: Executor, editionId: string, side: ParticipantSide): Promise<Counterparts> {
  const rows = await cardQuery(db).where(and(visibleWhere(editionId), eq(b2bParticipants.side, side))).orderBy(asc(b2bParticipants.id));
  const registry = await registryOf(db, rows);
  // No loads here: they come per call (recommendOne's `loads`).
  return prepareCounterparts(
    side,
    rows.map((row) => engineParticipant({ row, registry: row.enterpriseId ? registry.get(row.enterpriseId) : undefined }, undefined, 0)),
    { validateOutput: false },
  );
}

/** The other side of the caller's edition, prepared: from the cache when its version is current. */
export async function counterpartsOf(db: Executor, editionId: string, side: ParticipantSide): Promise<Counterparts> {
  const version = await sideVersion(db, editionId, side);
  let perDb = sideCache.get(db);
  if (!perDb) sideCache.set(db, (perDb = new Map()));
  const key = `${editionId}:${side}`;
  const hit = perDb.get(key);
  if (hit && hit.version === version) return hit.counterparts;
  // Built after the version was read: a change in between only makes the next call rebuild.
  const entry: SideEntry = { version, counterparts: buildSide(db, editionId, side) };
  perDb.set(key, entry);
  entry.counterparts.catch(() => perDb.get(key) === entry && perDb.delete(key));
  return entry.counterparts;
}

/** What recommendations are computed from, for one caller: itself, the other side prepared (see
 *  counterpartsOf), the counterparts' loads and capacity, and those never to suggest (already
 *  asked either way, of its own enterprise, fully booked). A handful of queries, whatever the
 *  number of participants. */
export async function recommendationInput(db: Executor, me: Participant) {
  const other: ParticipantSide = me.side === "sme" ? "buyer" : "sme";
  const [programme] = await db.select().from(b2bProgrammes).where(eq(b2bProgrammes.editionId, me.editionId));
  const days = programme?.days.filter((d) => d.sessions.length > 0).length ?? 0;
  const capacity = Math.max(1, (programme?.maxMeetingsPerDay ?? 8) * Math.max(1, days));

  const counterparts = await counterpartsOf(db, me.editionId, other);
  const [myRow] = await cardQuery(db).where(eq(b2bParticipants.id, me.id));
  const myRegistry = await registryOf(db, [myRow!]);

  // Load: requests received (pending or accepted) and scheduled meetings, per participant of the edition.
  const mine = me.side === "sme" ? b2bRequests.smeParticipantId : b2bRequests.buyerParticipantId;
  const theirs = me.side === "sme" ? b2bRequests.buyerParticipantId : b2bRequests.smeParticipantId;
  const [received, booked, asked] = await Promise.all([
    db
      .select({ id: sql<string>`case when ${b2bRequests.requestedBy} = 'sme' then ${b2bRequests.buyerParticipantId} else ${b2bRequests.smeParticipantId} end`, n: sql<number>`count(*)`.mapWith(Number) })
      .from(b2bRequests)
      .where(and(eq(b2bRequests.editionId, me.editionId), inArray(b2bRequests.status, ["pending", "accepted"])))
      .groupBy(sql`1`),
    db
      .select({ id: other === "sme" ? b2bMeetings.smeParticipantId : b2bMeetings.buyerParticipantId, n: sql<number>`count(*)`.mapWith(Number) })
      .from(b2bMeetings)
      .where(and(eq(b2bMeetings.editionId, me.editionId), eq(b2bMeetings.status, "scheduled")))
      .groupBy(other === "sme" ? b2bMeetings.smeParticipantId : b2bMeetings.buyerParticipantId),
    // Every request the caller is in, whatever its status or who asked.
    db.select({ id: theirs }).from(b2bRequests).where(eq(mine, me.id)),
  ]);
  const receivedBy = new Map(received.map((r) => [r.id, r.n]));
  const full = booked.filter((b) => b.n >= capacity).map((b) => b.id);
  const noThanks = [...new Set([...asked.map((a) => a.id), ...full, ...(await sameEnterprise(db, me))])].filter((id) => counterparts.byId.has(id));
  const loads = new Map(counterparts.prepared.map((x) => [x.p.id, { requestsReceived: receivedBy.get(x.p.id) ?? 0, capacity }]));
  const self = engineParticipant({ row: myRow!, registry: myRow!.enterpriseId ? myRegistry.get(myRow!.enterpriseId) : undefined }, capacity, receivedBy.get(me.id) ?? 0);
  return { me: self, counterparts, noThanks, loads };
}

/** The other side's participants of the caller's own enterprise: for an exhibitor, the buyer-side
 *  registrations of its staff or of accounts with its exhibitor grant; for a buyer-side person,
 *  the exhibitors that list it as staff or whose grant its account holds. */
async function sameEnterprise(db: Executor, me: Participant): Promise<string[]> {
  if (me.side === "sme") {
    const rows = await db
      .select({ id: b2bParticipants.id })
      .from(b2bParticipants)
      .innerJoin(registrations, eq(registrations.id, b2bParticipants.registrationId))
      .leftJoin(roleGrants, and(eq(roleGrants.userId, registrations.userId), eq(roleGrants.role, "exhibitor"), eq(roleGrants.enterpriseId, me.enterpriseId!)))
      .leftJoin(b2bSmeStaff, and(eq(b2bSmeStaff.registrationId, registrations.id), eq(b2bSmeStaff.participantId, me.id)))
      .where(and(eq(b2bParticipants.editionId, me.editionId), or(sql`${roleGrants.userId} is not null`, sql`${b2bSmeStaff.id} is not null`)));
    return rows.map((r) => r.id);
  }
  const [reg] = await db.select({ userId: registrations.userId }).from(registrations).where(eq(registrations.id, me.registrationId!));
  const rows = await db
    .select({ id: b2bParticipants.id })
    .from(b2bParticipants)
    .leftJoin(b2bSmeStaff, and(eq(b2bSmeStaff.participantId, b2bParticipants.id), eq(b2bSmeStaff.registrationId, me.registrationId!)))
    .leftJoin(roleGrants, and(eq(roleGrants.enterpriseId, b2bParticipants.enterpriseId), eq(roleGrants.role, "exhibitor"), reg?.userId ? eq(roleGrants.userId, reg.userId) : sql`false`))
    .where(and(eq(b2bParticipants.editionId, me.editionId), eq(b2bParticipants.side, "sme"), isNull(b2bParticipants.withdrawnAt), or(sql`${roleGrants.userId} is not null`, sql`${b2bSmeStaff.id} is not null`)));
  return rows.map((r) => r.id);
}

const HS_DEPTH = { 2: "chapter", 4: "heading", 6: "subheading" } as const;

/** A language code as a word in the reader's language ("ur" → "Urdu" / "اردو"); unknown codes stay codes. */
function languageName(locale: Locale, code: string): string {
  const key = `b2b.lang.${code}`;
  const text = translate(locale, key);
  return text === key ? code : text;
}

/** One reason as a sentence in the reader's language, from the reader's side ("you" is the reader). */
export function reasonText(locale: Locale, reason: Reason, reader: ParticipantSide): string {
  const list = (xs: readonly string[]) => xs.join(locale === "ur" ? "، " : ", ");
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const tr = (key: string, params: Record<string, string | number> = {}) => translate(locale, key, params);
  switch (reason.code) {
    case "mutual_interest":
      return tr("b2b.reason.mutual_interest", { yours: pct(reason.yours), theirs: pct(reason.theirs) });
    case "interest_received":
    case "interest_sent":
    case "no_shared_language":
      return tr(`b2b.reason.${reason.code}`);
    case "sector_match":
      return tr("b2b.reason.sector_match", { sectors: list(reason.sectors) });
    case "cluster_match":
      return tr("b2b.reason.cluster_match", { clusters: list(reason.clusters) });
    case "hs_match":
      return tr(reader === "buyer" ? "b2b.reason.hs_match.buyer" : "b2b.reason.hs_match.sme", { hs: reason.hs, depth: tr(`b2b.reason.hs.${HS_DEPTH[reason.digits]}`) });
    case "certifications_met":
    case "certifications_missing":
      return tr(`b2b.reason.${reason.code}.${reason.requiredBy}`, { certifications: list(reason.certifications) });
    case "export_ready":
      return tr(`b2b.reason.export_ready.${reason.exporter}.${reason.level}`);
    case "market_experience":
      return tr(`b2b.reason.market_experience.${reason.exporter}`, { markets: list(reason.markets) });
    case "shared_language":
      return tr("b2b.reason.shared_language", { languages: list(reason.languages.map((l) => languageName(locale, l))) });
    case "text_match":
      return tr("b2b.reason.text_match", { terms: list(reason.terms) });
    case "oversubscribed":
      return tr("b2b.reason.oversubscribed", { requests: reason.requests, capacity: reason.capacity });
  }
}

/**
 * The caller's recommendations: the other side's participants worth meeting, best first, each
 * with its card, score (0–1) and reasons (structured, and as sentences in the caller's language).
 */
export async function recommendationsFor(ctx: Ctx, raw: unknown) {
  const { limit = 20, ...ref } = parseInput(input, raw);
  const me = await viewer(ctx.db, ctx, ref);
  const { me: self, counterparts, noThanks, loads } = await recommendationInput(ctx.db, me);
  const excluded = new Set(noThanks);
  const mine = recommendOne(counterparts, self, { noThanks, loads, limit }).filter((r) => !excluded.has(r.counterpartId) && r.counterpartId !== me.id);
  // The cards read now (names and profiles as they are), for the listed only.
  const rows = mine.length ? await cardQuery(ctx.db).where(inArray(b2bParticipants.id, mine.map((r) => r.counterpartId))) : [];
  const cards = new Map(rows.map((r) => [r.id, presentCard(r)]));
  return {
    viewer: { id: me.id, side: me.side, kind: me.kind, editionId: me.editionId },
    recommendations: mine
      .filter((r) => cards.has(r.counterpartId))
      .map((r) => ({
        card: cards.get(r.counterpartId)!,
        score: r.score,
        reasons: r.reasons.map((reason) => ({ ...reason, text: reasonText(ctx.locale, reason, me.side) })),
      })),
  };
}
