import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { parseInput, type Input } from "../../../platform/validation";
import { enterprises, products } from "#features/editions";
import { editions } from "#features/editions";
import { registrations } from "#features/registration";
import { emptyProfile, profileCompleteness, type ProfileFacts } from "../core/completeness";
import { profileSchemas, updateProfileInput } from "../schemas";
import { b2bParticipants, b2bProfiles, type ParticipantSide } from "../tables";
import { assertProgrammeOpen, ownParticipant, participantRef, presentParticipant, type Participant } from "./participants";

// A participant's own profile (issue #11, item 2), by its account or signed link. An exhibitor's
// starts pre-filled from the enterprise registry (its description, products with HS codes,
// certifications, export markets); women-led, size, cluster and district are the enterprise's and
// shown beside it, not copied. Each kind is asked for its own things (schemas.ts, profileSchemas;
// core/completeness.ts scores them). Nobody else reads a profile here: others will see it only
// through the directory, which starts from visibleParticipants below.

type ProfileRow = typeof b2bProfiles.$inferSelect;

const factsOf = (row: ProfileRow): ProfileFacts => ({
  offersEn: row.offersEn,
  offersUr: row.offersUr,
  needsEn: row.needsEn,
  needsUr: row.needsUr,
  productsEn: row.productsEn,
  productsUr: row.productsUr,
  lookingFor: row.lookingFor,
  hsCodes: row.hsCodes,
  volumes: row.volumes,
  certifications: row.certifications,
  requiredCertifications: row.requiredCertifications,
  markets: row.markets,
  country: row.country,
  languages: row.languages,
  sectors: row.sectors,
  exportReadiness: row.exportReadiness,
  ticketMin: row.ticketMin,
  ticketMax: row.ticketMax,
  financingProducts: row.financingProducts,
});

/** What the profile starts from before it is first saved: for an exhibitor, its registry entry. */
async function prefill(db: Executor, p: Participant): Promise<ProfileFacts> {
  if (!p.enterpriseId) return emptyProfile;
  const [e] = await db.select().from(enterprises).where(eq(enterprises.id, p.enterpriseId));
  const items = await db.select().from(products).where(eq(products.enterpriseId, p.enterpriseId)).orderBy(asc(products.sort), asc(products.nameEn));
  return {
    ...emptyProfile,
    offersEn: e?.descriptionEn ?? "",
    offersUr: e?.descriptionUr ?? "",
    productsEn: items.map((i) => i.nameEn).join(", "),
    productsUr: items.flatMap((i) => (i.nameUr ? [i.nameUr] : [])).join("، "),
    hsCodes: [...new Set(items.map((i) => i.hsCode))],
    certifications: e?.certifications ?? [],
    markets: e?.exportMarkets ?? [],
  };
}

/** Who the participant is, as its own profile page shows it beside the profile. */
async function aboutOf(db: Executor, p: Participant) {
  if (p.enterpriseId) {
    const [e] = await db.select().from(enterprises).where(eq(enterprises.id, p.enterpriseId));
    return {
      nameEn: e!.nameEn,
      nameUr: e!.nameUr,
      womenLed: e!.womenLed,
      sizeClass: e!.sizeClass,
      cluster: e!.clusterSlug,
      district: e!.district,
      province: e!.province,
    };
  }
  const [r] = await db.select().from(registrations).where(eq(registrations.id, p.registrationId!));
  return { nameEn: r!.name, nameUr: r!.nameUr, organisation: r!.organisation, designation: r!.designation };
}

async function present(db: Executor, p: Participant, row: ProfileRow | undefined) {
  const facts = row ? factsOf(row) : await prefill(db, p);
  const { score, missing } = profileCompleteness(p.kind, facts);
  return { participant: presentParticipant(p), about: await aboutOf(db, p), saved: !!row, profile: facts, completeness: score, missing };
}

/** The caller's own profile (pre-filled when never saved), its completeness and what is missing. */
export async function getMyProfile(ctx: Ctx, raw: Input<typeof participantRef>) {
  const ref = parseInput(participantRef, raw);
  const { participant } = await ownParticipant(ctx.db, ctx, ref);
  const [row] = await ctx.db.select().from(b2bProfiles).where(eq(b2bProfiles.participantId, participant.id));
  return present(ctx.db, participant, row);
}

/**
 * The caller completes or changes its profile (the fields of its kind; others are refused), and
 * may opt in or out (consent to be seen). Only while the window is open and the participant has
 * not withdrawn. The stored completeness is recomputed; audited with the fields that changed.
 */
export async function updateMyProfile(ctx: Ctx, raw: Input<typeof updateProfileInput>) {
  const { profile: rawProfile, optedIn, ...ref } = parseInput(updateProfileInput, raw);
  return inTransaction(ctx, async (tx) => {
    const owned = await ownParticipant(tx, ctx, ref, true);
    let participant = owned.participant;
    if (participant.withdrawnAt) throw new DomainError("b2b_participant_withdrawn");
    await assertProgrammeOpen(tx, ctx, participant.editionId);
    const { profile } = parseInput(z.strictObject({ profile: profileSchemas[participant.kind] }), { profile: rawProfile });

    const [before] = await tx.select().from(b2bProfiles).where(eq(b2bProfiles.participantId, participant.id));
    const old = before ? factsOf(before) : await prefill(tx, participant);
    const given = Object.fromEntries(Object.entries(profile).filter(([, v]) => v !== undefined)) as Partial<ProfileFacts>;
    const facts: ProfileFacts = { ...old, ...given };
    if (facts.ticketMin !== null && facts.ticketMax !== null && facts.ticketMin > facts.ticketMax) {
      throw new DomainError("validation_failed", { fields: [{ path: "profile.ticketMax", code: "b2b_ticket_order" }] });
    }
    const { score } = profileCompleteness(participant.kind, facts);
    const values = { ...facts, completeness: score, updatedAt: ctx.clock.now() };
    const [row] = before
      ? await tx.update(b2bProfiles).set(values).where(eq(b2bProfiles.participantId, participant.id)).returning()
      : await tx.insert(b2bProfiles).values({ participantId: participant.id, ...values }).returning();
    if (optedIn !== undefined && optedIn !== participant.optedIn) {
      const [updated] = await tx.update(b2bParticipants).set({ optedIn }).where(eq(b2bParticipants.id, participant.id)).returning();
      participant = updated!;
    }
    const changed = (Object.keys(given) as (keyof ProfileFacts)[]).filter((k) => JSON.stringify(old[k]) !== JSON.stringify(facts[k]));
    const [edition] = await tx.select({ organiserId: editions.organiserId }).from(editions).where(eq(editions.id, participant.editionId));
    await recordAudit(tx, ctx, {
      action: "b2b.profile_updated",
      entityType: "b2b_participant",
      entityId: participant.id,
      organiserId: edition!.organiserId,
      editionId: participant.editionId,
      data: { changed, completeness: score, ...(optedIn !== undefined ? { optedIn } : {}) },
      by: owned.by,
    });
    return present(tx, participant, row);
  });
}

/**
 * The participants another participant may see (the directory and recommendations start here):
 * of the edition, on the given side, approved, opted in (their consent), not withdrawn. Ids and
 * kinds only; what of each is shown is the caller's to choose, never contact details.
 */
export async function visibleParticipants(db: Executor, editionId: string, side?: ParticipantSide) {
  return db
    .select({ id: b2bParticipants.id, side: b2bParticipants.side, kind: b2bParticipants.kind, completeness: sql<number>`coalesce(${b2bProfiles.completeness}, 0)` })
    .from(b2bParticipants)
    .leftJoin(b2bProfiles, eq(b2bProfiles.participantId, b2bParticipants.id))
    .where(
      and(
        eq(b2bParticipants.editionId, editionId),
        side ? eq(b2bParticipants.side, side) : undefined,
        eq(b2bParticipants.approved, true),
        eq(b2bParticipants.optedIn, true),
        isNull(b2bParticipants.withdrawnAt),
      ),
    )
    .orderBy(asc(b2bParticipants.id));
}
