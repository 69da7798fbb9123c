import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../platform/db/types";
import { newId } from "../../platform/ids";
import { clusters as seedClusters } from "#features/catalogue";
import { enterprises, products } from "#features/editions";
import { visitorCategories } from "#features/editions";
import { nominations, selections } from "#features/nominations";
import { nextRegistrationNumbers } from "#features/registration";
import { registrations } from "#features/registration";
import { emptyProfile, profileCompleteness, type ProfileFacts } from "./core/completeness";
import { sectorOf, smeProfileExtras, type DemoBuyer } from "./seed-roster";
import type { SeedRequest, SeedSide } from "./seed-requests";
import { b2bParticipants, b2bProfiles, b2bRequests } from "./tables";

// The demo's participants and requests written to the database (seed.ts decides when): exhibitors
// from the enterprise registry, buyer-side people as approved registrations of the trade
// categories, each with its profile and completeness, and requests between them.

type Random = () => number;
const DAY_MS = 86_400_000;

export interface SeededSide extends SeedSide {
  side: "sme" | "buyer";
  hostsAtStall: boolean;
  /** Languages for the schedule: the profile's, or the likely ones when it lists none. */
  speaks: string[];
}

/** The edition's selected exhibitors (the published selection's "selected", by NTN, as
 *  enrolExhibitors finds them), in a stable order. */
export async function selectedEnterpriseIds(tx: Executor, editionId: string, organiserId: string): Promise<string[]> {
  const [selection] = await tx.select().from(selections).where(eq(selections.editionId, editionId));
  if (!selection?.publishedAt) return [];
  const decisions = (selection.result as { decisions?: { applicationId: string; status: string }[] }).decisions ?? [];
  const chosen = decisions.filter((d) => d.status === "selected").map((d) => d.applicationId);
  if (!chosen.length) return [];
  const ntns = (await tx.select({ ntn: nominations.ntn }).from(nominations).where(and(eq(nominations.editionId, editionId), inArray(nominations.id, chosen)))).map((n) => n.ntn);
  if (!ntns.length) return [];
  const rows = await tx.select({ id: enterprises.id }).from(enterprises).where(and(eq(enterprises.organiserId, organiserId), inArray(enterprises.ntn, ntns))).orderBy(asc(enterprises.slug));
  return rows.map((r) => r.id);
}

/**
 * Exhibitors as SME-side participants (approved, opted in, about 40 % hosting at their stall) with
 * profiles pre-filled from the registry as operations/profiles.ts does, completed with what they
 * look for and speak; about one in ten (`incomplete`) is left half done.
 */
export async function insertExhibitors(tx: Executor, p: { editionId: string; enterpriseIds: string[]; random: Random; at: Date; incomplete: (i: number) => boolean }): Promise<SeededSide[]> {
  if (!p.enterpriseIds.length) return [];
  const firms = await tx.select().from(enterprises).where(inArray(enterprises.id, p.enterpriseIds));
  const items = await tx.select().from(products).where(inArray(products.enterpriseId, p.enterpriseIds)).orderBy(asc(products.sort), asc(products.nameEn));
  const firmOf = new Map(firms.map((f) => [f.id, f]));
  const sectorOfCluster = new Map(seedClusters.map((c) => [c.slug, sectorOf(c)]));
  const rows = p.enterpriseIds.map((enterpriseId, i) => {
    const e = firmOf.get(enterpriseId)!;
    const own = items.filter((x) => x.enterpriseId === enterpriseId);
    const incomplete = p.incomplete(i);
    const facts: ProfileFacts = {
      ...emptyProfile,
      offersEn: e.descriptionEn,
      offersUr: e.descriptionUr,
      productsEn: own.map((x) => x.nameEn).join(", "),
      productsUr: own.flatMap((x) => (x.nameUr ? [x.nameUr] : [])).join("، "),
      hsCodes: [...new Set(own.map((x) => x.hsCode))],
      certifications: e.certifications,
      ...smeProfileExtras(p.random, { markets: e.exportMarkets, incomplete }),
    };
    return {
      enterpriseId,
      facts,
      sector: sectorOfCluster.get(e.clusterSlug ?? "") ?? "other",
      hostsAtStall: !incomplete && p.random() < 0.4,
      locale: p.random() < 0.6 ? ("ur" as const) : ("en" as const),
    };
  });
  const inserted = await tx
    .insert(b2bParticipants)
    .values(rows.map((r) => ({ editionId: p.editionId, side: "sme" as const, kind: "sme" as const, enterpriseId: r.enterpriseId, approved: true, optedIn: true, hostsAtStall: r.hostsAtStall, locale: r.locale, createdAt: p.at })))
    .returning({ id: b2bParticipants.id, enterpriseId: b2bParticipants.enterpriseId });
  const idOf = new Map(inserted.map((x) => [x.enterpriseId!, x.id]));
  await tx.insert(b2bProfiles).values(rows.map((r) => ({ participantId: idOf.get(r.enterpriseId)!, ...r.facts, completeness: profileCompleteness("sme", r.facts).score, updatedAt: p.at })));
  return rows.map((r) => ({ id: idOf.get(r.enterpriseId)!, kind: "sme", side: "sme", facts: r.facts, sector: r.sector, hostsAtStall: r.hostsAtStall, speaks: r.facts.languages.length ? r.facts.languages : ["ur"] }));
}

/**
 * Buyer-side people: an approved registration of their trade category (all three days), and a
 * participant of their kind, opted in, with their profile; the delegation's members name their
 * leader. Registration emails are made from the roster key, on the demo's own domain.
 */
export async function insertBuyers(tx: Executor, p: { editionId: string; roster: DemoBuyer[]; at: Date; decidedBy: string | null }): Promise<SeededSide[]> {
  if (!p.roster.length) return [];
  const categories = await tx.select().from(visitorCategories).where(eq(visitorCategories.editionId, p.editionId));
  const categoryId = new Map(categories.map((c) => [c.code, c.id]));
  const roster = p.roster.filter((b) => categoryId.has(b.category));
  const numbers = await nextRegistrationNumbers(tx, p.editionId, roster.length);
  const groupId = newId();
  const regs = await tx
    .insert(registrations)
    .values(
      roster.map((b, i) => ({
        editionId: p.editionId,
        number: numbers[i]!,
        categoryId: categoryId.get(b.category)!,
        email: `${b.key}@trade.demo.numaish.pk`,
        name: b.name,
        nameUr: b.nameUr,
        organisation: b.organisation,
        designation: b.designation,
        status: "approved" as const,
        days: [0, 1, 2],
        consentData: true,
        groupId: b.delegation ? groupId : null,
        source: b.delegation === "member" ? ("group" as const) : ("self" as const),
        locale: b.locale,
        decidedAt: new Date(p.at.getTime() + DAY_MS),
        decidedBy: p.decidedBy,
        createdAt: p.at,
        updatedAt: new Date(p.at.getTime() + DAY_MS),
      })),
    )
    .returning({ id: registrations.id, email: registrations.email });
  const regOf = new Map(regs.map((r) => [r.email, r.id]));
  const joined = new Date(p.at.getTime() + 2 * DAY_MS);
  const leader = roster.find((b) => b.delegation === "leader");
  const insert = async (list: DemoBuyer[], leaderId: string | null) =>
    list.length
      ? tx
          .insert(b2bParticipants)
          .values(
            list.map((b) => ({
              editionId: p.editionId,
              side: "buyer" as const,
              kind: b.kind,
              registrationId: regOf.get(`${b.key}@trade.demo.numaish.pk`)!,
              approved: true,
              optedIn: true,
              locale: b.locale,
              delegationLeaderId: b.delegation === "member" ? leaderId : null,
              createdAt: joined,
            })),
          )
          .returning({ id: b2bParticipants.id, registrationId: b2bParticipants.registrationId })
      : [];
  const first = await insert(roster.filter((b) => b.delegation !== "member"), null);
  const leaderId = leader ? first.find((x) => x.registrationId === regOf.get(`${leader.key}@trade.demo.numaish.pk`))!.id : null;
  const members = await insert(roster.filter((b) => b.delegation === "member"), leaderId);
  const idOfReg = new Map([...first, ...members].map((x) => [x.registrationId!, x.id]));
  const idOf = (b: DemoBuyer) => idOfReg.get(regOf.get(`${b.key}@trade.demo.numaish.pk`)!)!;
  await tx.insert(b2bProfiles).values(roster.map((b) => ({ participantId: idOf(b), ...b.facts, completeness: profileCompleteness(b.kind, b.facts).score, updatedAt: joined })));
  return roster.map((b) => ({
    id: idOf(b),
    kind: b.kind,
    side: "buyer",
    facts: b.facts,
    hostsAtStall: false,
    speaks: b.facts.languages.length ? b.facts.languages : b.nameUr ? ["ur", "en"] : ["en"],
  }));
}

/** Writes requests; `opens`–`closes` is the window their sending times fall in. Returns their ids
 *  by pair ("sme|buyer"). */
export async function insertRequests(tx: Executor, p: { editionId: string; requests: SeedRequest[]; opens: Date; closes: Date; expiryDays: number; random: Random }): Promise<Map<string, string>> {
  const span = p.closes.getTime() - p.opens.getTime();
  const rows = p.requests.map((r) => {
    const createdAt = new Date(p.opens.getTime() + Math.floor(r.at * span));
    const expiresAt = new Date(createdAt.getTime() + p.expiryDays * DAY_MS);
    const decided = r.status === "accepted" || r.status === "declined" ? new Date(Math.min(createdAt.getTime() + Math.floor((0.1 + 2.5 * p.random()) * DAY_MS), p.closes.getTime() - 60_000)) : r.status === "expired" ? expiresAt : null;
    return {
      editionId: p.editionId,
      smeParticipantId: r.sme,
      buyerParticipantId: r.buyer,
      requestedBy: r.requestedBy,
      message: r.message,
      priority: r.priority,
      preferredDays: r.preferredDays,
      status: r.status,
      declineReason: r.declineReason,
      expiresAt,
      decidedAt: decided,
      createdAt,
    };
  });
  const ids = new Map<string, string>();
  for (let i = 0; i < rows.length; i += 2000) {
    const inserted = await tx.insert(b2bRequests).values(rows.slice(i, i + 2000)).returning({ id: b2bRequests.id, sme: b2bRequests.smeParticipantId, buyer: b2bRequests.buyerParticipantId });
    for (const x of inserted) ids.set(`${x.sme}|${x.buyer}`, x.id);
  }
  return ids;
}
