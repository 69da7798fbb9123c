import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import type { Locale } from "../../../platform/i18n/locales";
import { translate } from "../../../platform/i18n/translate";
import { parseInput } from "../../../platform/validation";
import { roleGrants } from "../../accounts/tables";
import { products } from "../../editions/enterprise-tables";
import { registrations } from "../../registration/tables";
import { recommend, type ParticipantInput, type Reason } from "../../matchmaking/recommend";
import { b2bMeetings, b2bParticipants, b2bProgrammes, b2bRequests, b2bSmeStaff, type ParticipantSide } from "../tables";
import { cardQuery, presentCard, viewer, visibleWhere, type Card, type CardRow } from "./directory";
import type { Participant } from "./participants";

// Recommendations (issue #11, item 3): the counterparts worth meeting, best first, with the
// reasons why, in the reader's language. The engine (matchmaking/recommend) runs on the caller
// and the visible participants of the other side, built from their stored profiles (an exhibitor
// that never saved its profile counts with its registry entry: description, products and their
// HS codes, certifications, markets). Computed on read, so a changed profile counts at once
// (bench:recommend measures it). Never suggested: a participant the caller already has a request
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
  registry?: { names: string; hsCodes: string[] };
}

/** The engine's view of a participant (its side's point of view: an SME makes, a buyer sources). */
export function engineParticipant({ row: r, registry }: Facts, capacity: number, requestsReceived: number): ParticipantInput {
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
    capacity,
    requestsReceived,
  };
}

/** What recommendations are computed from, for one caller: itself and the other side's visible
 *  participants, minus the excluded; the exclusions as "no thanks" pairs. A handful of queries,
 *  whatever the number of participants. */
export async function recommendationInput(db: Executor, me: Participant) {
  const other: ParticipantSide = me.side === "sme" ? "buyer" : "sme";
  const [programme] = await db.select().from(b2bProgrammes).where(eq(b2bProgrammes.editionId, me.editionId));
  const days = programme?.days.filter((d) => d.sessions.length > 0).length ?? 0;
  const capacity = Math.max(1, (programme?.maxMeetingsPerDay ?? 8) * Math.max(1, days));

  const rows = await cardQuery(db).where(or(eq(b2bParticipants.id, me.id), and(visibleWhere(me.editionId), eq(b2bParticipants.side, other))));
  // Exhibitors that never saved their profile: their registry products (one query).
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
  const full = new Set(booked.filter((b) => b.n >= capacity).map((b) => b.id));
  const blocked = new Set([...asked.map((a) => a.id), ...(await sameEnterprise(db, me))]);

  const participants: ParticipantInput[] = [];
  const cards = new Map<string, Card>();
  for (const row of rows) {
    if (row.id !== me.id && full.has(row.id)) continue;
    const reg = row.enterpriseId ? registry.get(row.enterpriseId) : undefined;
    participants.push(engineParticipant({ row, registry: reg && { names: reg.names.join(" "), hsCodes: [...new Set(reg.hsCodes)] } }, capacity, receivedBy.get(row.id) ?? 0));
    cards.set(row.id, presentCard(row));
  }
  const noThanks = [...blocked].filter((id) => cards.has(id)).map((id) => ({ from: me.id, to: id }));
  return { participants, noThanks, cards };
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
  const { participants, noThanks, cards } = await recommendationInput(ctx.db, me);
  const out = recommend({ participants, noThanks, options: { limit, validateOutput: false } });
  const mine = out.participants.find((p) => p.participantId === me.id)?.recommendations ?? [];
  const excluded = new Set(noThanks.map((n) => n.to));
  return {
    viewer: { id: me.id, side: me.side, kind: me.kind, editionId: me.editionId },
    recommendations: mine
      .filter((r) => !excluded.has(r.counterpartId) && r.counterpartId !== me.id)
      .map((r) => ({
        card: cards.get(r.counterpartId)!,
        score: r.score,
        reasons: r.reasons.map((reason) => ({ ...reason, text: reasonText(ctx.locale, reason, me.side) })),
      })),
  };
}
