import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../../platform/db/types";
import { roleGrants } from "#features/accounts";
import { products } from "#features/editions";
import { registrations } from "#features/registration";
import { prepareCounterparts, type Counterparts, type ParticipantInput } from "#features/matchmaking";
import { b2bMeetings, b2bParticipants, b2bProfiles, b2bProgrammes, b2bRecommendVersions, b2bRequests, b2bSmeStaff, type ParticipantSide } from "../tables";
import { cardQuery, visibleWhere, type CardRow } from "./directory";
import type { Participant } from "./participants";

// What recommendations are computed from (issue #11, item 3, and its speed target): the caller,
// the other side prepared for the engine, the counterparts' loads, and those never to suggest.
//
// The other side of an edition, prepared (parsed, tokenised, indexed: most of a call's time when
// done per call, bench:recommend), is cached per database handle (code-style §5) and per edition
// and side, with the version it was built at. The version is a row of b2b_recommend_versions,
// bumped by database triggers in the writer's own transaction on any change to what the input is
// built from (the side's participants, their profiles, enterprises and registry products, the
// edition's clusters and sectors, and the buyer-side cards' names from registrations: migration
// 0022), so a change made by any process counts at the next call of every process (issue #17: no per-process cache outlives a change). Loads (requests
// received, meetings booked) change with every request: read per call. Per call, ONE query reads
// the version, the caller's card, the capacity, the loads and the exclusions.

const engineReadiness = { none: "none", starting: "exploring", occasional: "occasional", regular: "regular" } as const;
const country = (s: string) => (/^[A-Za-z]{2}$/.test(s.trim()) ? [s.trim().toUpperCase()] : []);
const hs = (codes: string[]) => codes.filter((c) => /^\d{2,10}$/.test(c.replace(/[\s.-]/g, "")));
const lang = (codes: string[]) => codes.filter((c) => c.trim().length >= 2);
const join = (...parts: (string | null | undefined)[]) => parts.filter((p) => p && p.trim()).join(" \n");

type Registry = { names: string; hsCodes: string[] };
interface Facts {
  row: CardRow;
  /** An exhibitor that never saved: its products from the registry. */
  registry?: Registry | undefined;
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

type RegistryItem = { en: string; ur: string | null; hs: string };
const registryOfItems = (items: readonly RegistryItem[]): Registry => ({ names: items.flatMap((i) => [i.en, i.ur ?? ""]).join(" "), hsCodes: [...new Set(items.map((i) => i.hs))] });

/** Exhibitors that never saved their profile: their registry products, names and HS codes (one query). */
async function registryOf(db: Executor, rows: readonly CardRow[]): Promise<Map<string, Registry>> {
  const unsaved = rows.filter((r) => r.side === "sme" && r.profileUpdatedAt === null && r.enterpriseId).map((r) => r.enterpriseId!);
  const registry = new Map<string, RegistryItem[]>();
  if (unsaved.length) {
    const items = await db
      .select({ enterpriseId: products.enterpriseId, en: products.nameEn, ur: products.nameUr, hs: products.hsCode })
      .from(products)
      .where(inArray(products.enterpriseId, unsaved))
      .orderBy(asc(products.sort));
    for (const { enterpriseId, ...i } of items) registry.set(enterpriseId, [...(registry.get(enterpriseId) ?? []), i]);
  }
  return new Map([...registry].map(([id, items]) => [id, registryOfItems(items)]));
}

/** A side prepared for the engine, and its participants' cards as the list shows them. */
export interface Side {
  counterparts: Counterparts;
  cards: ReadonlyMap<string, CardRow>;
}
interface SideEntry {
  version: number;
  side: Promise<Side>;
}
const sideCache = new WeakMap<object, Map<string, SideEntry>>();

async function buildSide(db: Executor, editionId: string, side: ParticipantSide): Promise<Side> {
  const rows = await cardQuery(db).where(and(visibleWhere(editionId), eq(b2bParticipants.side, side))).orderBy(asc(b2bParticipants.id));
  const registry = await registryOf(db, rows);
  // No loads here: they come per call (recommendOne's `loads`).
  const counterparts = prepareCounterparts(
    side,
    rows.map((row) => engineParticipant({ row, registry: row.enterpriseId ? registry.get(row.enterpriseId) : undefined }, undefined, 0)),
    { validateOutput: false },
  );
  return { counterparts, cards: new Map(rows.map((r) => [r.id, r])) };
}

/** The other side of an edition, prepared, with its cards: from the cache when it was built at
 *  `version` (read from b2b_recommend_versions before), else built again (and kept). */
export function sideOf(db: Executor, editionId: string, side: ParticipantSide, version: number): Promise<Side> {
  let perDb = sideCache.get(db);
  if (!perDb) sideCache.set(db, (perDb = new Map()));
  const key = `${editionId}:${side}`;
  const hit = perDb.get(key);
  if (hit && hit.version === version) return hit.side;
  // Built after the version was read: a change in between only makes the next call rebuild.
  const entry: SideEntry = { version, side: buildSide(db, editionId, side) };
  perDb.set(key, entry);
  entry.side.catch(() => perDb.get(key) === entry && perDb.delete(key));
  return entry.side;
}

/** A jsonb value as the driver gives it (parsed already, or its text). */
const json = <T>(v: unknown, empty: T): T => (v === null || v === undefined ? empty : typeof v === "string" ? (JSON.parse(v) as T) : (v as T));

/** The per-call part, as extra columns of the caller's card row (correlated on the caller's
 *  b2b_participants row): the other side's version, the capacity of a counterpart (most meetings a
 *  day × meeting days, as the scheduler caps it), requests received (pending or accepted) per
 *  participant of the edition, scheduled meetings per counterpart, the counterparts never to
 *  suggest (any request with the caller, either direction, any status; the caller's own
 *  enterprise), and for an exhibitor that never saved its profile, its registry products. */
function perCall(side: ParticipantSide): Record<string, SQL> {
  const p = b2bParticipants;
  const other: ParticipantSide = side === "sme" ? "buyer" : "sme";
  const [mine, theirs] = side === "sme" ? ["sme_participant_id", "buyer_participant_id"] : ["buyer_participant_id", "sme_participant_id"];
  const otherInMeeting = sql.raw(`m.${theirs}`);
  // The other side's participants of the caller's own enterprise: for an exhibitor, the buyer-side
  // registrations of its staff or of accounts with its exhibitor grant; for a buyer-side person,
  // the exhibitors that list it as staff or whose grant its account holds.
  const sameEnterprise =
    side === "sme"
      ? sql`select q.id from ${b2bParticipants} q where q.edition_id = ${p.editionId} and q.registration_id in (
            select g.id from ${registrations} g join ${roleGrants} a on a.user_id = g.user_id where a.role = 'exhibitor' and a.enterprise_id = ${p.enterpriseId}
            union all select s.registration_id from ${b2bSmeStaff} s where s.participant_id = ${p.id})`
      : sql`select q.id from ${b2bParticipants} q where q.edition_id = ${p.editionId} and q.side = 'sme' and q.withdrawn_at is null and (
            q.id in (select s.participant_id from ${b2bSmeStaff} s where s.registration_id = ${p.registrationId})
            or q.enterprise_id in (select a.enterprise_id from ${roleGrants} a join ${registrations} g on g.user_id = a.user_id where g.id = ${p.registrationId} and a.role = 'exhibitor'))`;
  return {
    version: sql`coalesce((select v.version from ${b2bRecommendVersions} v where v.edition_id = ${p.editionId} and v.side = ${other}), 0)`,
    capacity: sql`coalesce((select g.max_meetings_per_day * greatest(1, (select count(*) from jsonb_array_elements(g.days) d where jsonb_array_length(coalesce(d->'sessions', '[]'::jsonb)) > 0))
      from ${b2bProgrammes} g where g.edition_id = ${p.editionId}), 8)`,
    received: sql`(select coalesce(jsonb_object_agg(x.id, x.n), '{}'::jsonb) from (
      select case when r.requested_by = 'sme' then r.buyer_participant_id else r.sme_participant_id end as id, count(*) as n
      from ${b2bRequests} r where r.edition_id = ${p.editionId} and r.status in ('pending', 'accepted') group by 1) x)`,
    booked: sql`(select coalesce(jsonb_object_agg(x.id, x.n), '{}'::jsonb) from (
      select ${otherInMeeting} as id, count(*) as n from ${b2bMeetings} m where m.edition_id = ${p.editionId} and m.status = 'scheduled' group by 1) x)`,
    noThanks: sql`(select coalesce(jsonb_agg(distinct x.id), '[]'::jsonb) from (
      select ${sql.raw(`r.${theirs}`)} as id from ${b2bRequests} r where ${sql.raw(`r.${mine}`)} = ${p.id}
      union all ${sameEnterprise}) x)`,
    registry: sql`(select coalesce(jsonb_agg(jsonb_build_object('en', pr.name_en, 'ur', pr.name_ur, 'hs', pr.hs_code) order by pr.sort), '[]'::jsonb)
      from ${products} pr where pr.enterprise_id = ${p.enterpriseId} and ${b2bProfiles.updatedAt} is null)`,
  };
}

/** What recommendations are computed from, for one caller: itself, the other side prepared and
 *  its cards (see sideOf), the counterparts' loads and capacity, and those never to suggest
 *  (already asked either way, of its own enterprise, fully booked). One query, and the other
 *  side's build when its version changed. */
export async function recommendationInput(db: Executor, me: Participant) {
  const other: ParticipantSide = me.side === "sme" ? "buyer" : "sme";
  const [row] = await cardQuery(db, perCall(me.side)).where(eq(b2bParticipants.id, me.id));
  const r = row as unknown as CardRow & { version: unknown; capacity: unknown; received: unknown; booked: unknown; noThanks: unknown; registry: unknown };
  const capacity = Math.max(1, Number(r.capacity));
  const { counterparts, cards } = await sideOf(db, me.editionId, other, Number(r.version));
  const received = json<Record<string, number>>(r.received, {});
  const booked = json<Record<string, number>>(r.booked, {});
  const full = Object.keys(booked).filter((id) => Number(booked[id]) >= capacity);
  const noThanks = [...new Set([...json<string[]>(r.noThanks, []), ...full])].filter((id) => counterparts.byId.has(id));
  const loads = new Map(counterparts.prepared.map((x) => [x.p.id, { requestsReceived: Number(received[x.p.id] ?? 0), capacity }]));
  const items = json<RegistryItem[]>(r.registry, []);
  const self = engineParticipant({ row: r, registry: items.length ? registryOfItems(items) : undefined }, capacity, Number(received[me.id] ?? 0));
  return { me: self, counterparts, cards, noThanks, loads };
}
