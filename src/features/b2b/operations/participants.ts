import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { recordAudit, type AuditBy } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { isLocale } from "../../../platform/i18n/locales";
import { translate } from "../../../platform/i18n/translate";
import { hashSecret, newSecret } from "../../../platform/ids";
import { queueEmail } from "../../../platform/mail/outbox";
import { authorize } from "../../../platform/permissions/policy";
import { parseInput, type Input } from "../../../platform/validation";
import { enterprises } from "#features/editions";
import { editionForChange, partForChange } from "#features/editions";
import { editions, visitorCategories } from "#features/editions";
import { nominations, selections } from "#features/nominations";
import { registrations } from "#features/registration";
import { b2bEditionInput } from "../schemas";
import { b2bParticipants, b2bProgrammes, type ParticipantKind } from "../tables";
import { cancelMeetingsOfParticipant } from "./repair";
import { contactOf } from "./requests-common";

// Who takes part in B2B matchmaking (issue #11, "Who takes part"): the SME side is every selected
// exhibitor of the edition (enrolled by the organiser); the buyer side is an approved registration
// in a trade category that opts in with its kind. A participant acts by its account (an exhibitor
// grant on its enterprise, or the account its registration belongs to) or by a signed link: a
// random token of which only the SHA-256 is kept (access_token_hash), as registration's manage
// link does; a newer link replaces the older.

export type Participant = typeof b2bParticipants.$inferSelect;

/** The kinds a registration of each trade category may take part as (regulators: below, where the
 *  organiser allows them). */
type BuyerKind = Exclude<ParticipantKind, "sme">;
export const kindsOfCategory: Record<string, readonly BuyerKind[]> = {
  corporate_buyer: ["buyer_procurement", "investor"],
  procurement_head: ["buyer_procurement"],
  financial_institution: ["bank", "investor"],
  development_partner: ["development_partner"],
  foreign_mission: ["foreign_mission"],
};

/** The regulator category: a buyer-side taker only where the organiser allows (the programme's
 *  allowRegulators), as a development partner (a public body offering programmes and support). */
export const REGULATOR_CATEGORY = "regulatory_stakeholder";
const regulatorKinds: readonly BuyerKind[] = ["development_partner"];

const id = z.uuid();
const token = z.string().min(16).max(128);

/** How a participant names itself: its id (with an account) or its signed link's token. */
export const participantRef = z
  .strictObject({ participantId: id.optional(), token: token.optional() })
  .refine((r) => (r.participantId === undefined) !== (r.token === undefined), { params: { code: "b2b_participant_ref" } });
export type ParticipantRef = z.output<typeof participantRef>;

/**
 * The participant the caller is, for reading or (with `lock`) changing it. By token: the link's
 * holder (`token_invalid` for an unknown or replaced link). By id: only its own account may (an
 * exhibitor of its enterprise, the person of its registration); a missing participant and another's
 * get the same refusal, so ids tell nothing.
 */
export async function ownParticipant(db: Executor, ctx: Ctx, ref: ParticipantRef, lock = false): Promise<{ participant: Participant; by?: AuditBy }> {
  const base = db
    .select({ p: b2bParticipants, userId: registrations.userId, name: registrations.name })
    .from(b2bParticipants)
    .leftJoin(registrations, eq(registrations.id, b2bParticipants.registrationId))
    .where(ref.token !== undefined ? eq(b2bParticipants.accessTokenHash, hashSecret(ref.token)) : eq(b2bParticipants.id, ref.participantId!));
  const [row] = lock ? await base.for("update", { of: b2bParticipants }) : await base;
  if (ref.token !== undefined) {
    if (!row) throw new DomainError("token_invalid");
    const by: AuditBy | undefined = row.p.registrationId ? { registrationId: row.p.registrationId, label: row.name ?? "" } : undefined;
    return { participant: row.p, by };
  }
  authorize(ctx.actor, "b2b.participate", row ? { userId: row.userId, enterpriseId: row.p.enterpriseId } : {});
  return { participant: row!.p };
}

/** The programme's window: on, and open at this moment. */
export async function assertProgrammeOpen(db: Executor, ctx: Ctx, editionId: string): Promise<void> {
  const [programme] = await db.select().from(b2bProgrammes).where(eq(b2bProgrammes.editionId, editionId)).for("share");
  if (!programme?.enabled) throw new DomainError("b2b_matchmaking_off");
  const now = ctx.clock.now();
  if (!programme.windowOpensAt || !programme.windowClosesAt || now < programme.windowOpensAt || now >= programme.windowClosesAt) {
    throw new DomainError("b2b_window_closed", { params: { opens: programme.windowOpensAt?.toISOString() ?? "", closes: programme.windowClosesAt?.toISOString() ?? "" } });
  }
}

/** The enterprise ids of the edition's selected exhibitors: the published selection's "selected"
 *  applications, matched to the organiser's enterprise registry by NTN. */
async function selectedEnterprises(db: Executor, editionId: string, organiserId: string) {
  const [selection] = await db.select().from(selections).where(eq(selections.editionId, editionId));
  if (!selection?.publishedAt) throw new DomainError("b2b_selection_unpublished");
  const decisions = (selection.result as { decisions?: { applicationId: string; status: string }[] }).decisions ?? [];
  const chosen = decisions.filter((d) => d.status === "selected").map((d) => d.applicationId);
  if (chosen.length === 0) return { exhibitors: [], withoutEnterprise: 0 };
  const apps = await db.select({ ntn: nominations.ntn, locale: nominations.locale }).from(nominations).where(and(eq(nominations.editionId, editionId), inArray(nominations.id, chosen)));
  const localeOf = new Map(apps.map((a) => [a.ntn, isLocale(a.locale) ? a.locale : ("en" as const)]));
  const found = apps.length
    ? await db.select({ id: enterprises.id, ntn: enterprises.ntn }).from(enterprises).where(and(eq(enterprises.organiserId, organiserId), inArray(enterprises.ntn, [...localeOf.keys()])))
    : [];
  return { exhibitors: found.map((e) => ({ enterpriseId: e.id, locale: localeOf.get(e.ntn!) ?? ("en" as const) })), withoutEnterprise: chosen.length - found.length };
}

/**
 * Organisers: every selected exhibitor of the edition becomes an SME-side participant, in the
 * language of its application (what its emails are written in: contactOf). Idempotent
 * (the database's one participant per edition and enterprise): running it again enrols only the
 * newly selected. Refused while the selection is unpublished. Audited with the counts.
 */
export async function enrolExhibitors(ctx: Ctx, raw: Input<typeof b2bEditionInput>) {
  const { editionId } = parseInput(b2bEditionInput, raw);
  return inTransaction(ctx, async (tx) => {
    const edition = await editionForChange(tx, ctx.actor, editionId, "b2b.manage");
    const { exhibitors, withoutEnterprise } = await selectedEnterprises(tx, edition.id, edition.organiserId);
    const inserted = exhibitors.length
      ? await tx
          .insert(b2bParticipants)
          .values(exhibitors.map(({ enterpriseId, locale }) => ({ editionId: edition.id, side: "sme" as const, kind: "sme" as const, enterpriseId, locale, approved: true })))
          .onConflictDoNothing({ target: [b2bParticipants.editionId, b2bParticipants.enterpriseId] })
          .returning({ id: b2bParticipants.id })
      : [];
    const result = { enrolled: inserted.length, already: exhibitors.length - inserted.length, withoutEnterprise };
    await recordAudit(tx, ctx, { action: "b2b.exhibitors_enrolled", entityType: "edition", entityId: edition.id, organiserId: edition.organiserId, editionId: edition.id, data: result });
    return result;
  });
}

export const joinAsBuyerInput = z
  .strictObject({
    registrationId: id.optional(),
    /** The token of the registration's manage link, for a person without an account. */
    registrationToken: token.optional(),
    kind: z.enum(["buyer_procurement", "investor", "bank", "development_partner", "foreign_mission"]),
    locale: z.enum(["en", "ur"]).optional(),
  })
  .refine((r) => (r.registrationId === undefined) !== (r.registrationToken === undefined), { params: { code: "b2b_participant_ref" } });

/**
 * An approved registration of a trade category opts into matchmaking with its kind (buyer /
 * procurement, investor, bank, development partner, foreign mission). Idempotent: joining again
 * keeps the one participant (the database's one per registration), sets the kind given, and undoes
 * a withdrawal. Refused while matchmaking is off or its window closed, for a registration not
 * approved, outside the trade categories, or a kind its category does not fit. Through the manage
 * link, the answer carries a new B2B access token (the only time it is shown).
 */
export async function joinAsBuyer(ctx: Ctx, raw: Input<typeof joinAsBuyerInput>) {
  const input = parseInput(joinAsBuyerInput, raw);
  return inTransaction(ctx, async (tx) => {
    const byLink = input.registrationToken !== undefined;
    const [row] = await tx
      .select({ reg: registrations, code: visitorCategories.code })
      .from(registrations)
      .innerJoin(visitorCategories, eq(visitorCategories.id, registrations.categoryId))
      .where(byLink ? eq(registrations.manageTokenHash, hashSecret(input.registrationToken!)) : eq(registrations.id, input.registrationId!))
      .for("update", { of: registrations });
    if (byLink && !row) throw new DomainError("token_invalid");
    if (!byLink) authorize(ctx.actor, "b2b.participate", row ? { userId: row.reg.userId } : {});
    const reg = row!.reg;
    const kinds = await kindsOpenTo(tx, ctx, reg, row!.code);
    if (!kinds.includes(input.kind)) throw new DomainError("b2b_kind_not_for_category", { params: { kinds: kinds.join(", ") } });

    const accessToken = byLink ? newSecret(24) : undefined;
    const locale = input.locale ?? (isLocale(reg.locale) ? reg.locale : "en");
    const [before] = await tx.select().from(b2bParticipants).where(eq(b2bParticipants.registrationId, reg.id));
    const values = { kind: input.kind, optedIn: true, approved: true, withdrawnAt: null, locale, ...(accessToken ? { accessTokenHash: hashSecret(accessToken) } : {}) };
    const [participant] = before
      ? await tx.update(b2bParticipants).set(values).where(eq(b2bParticipants.id, before.id)).returning()
      : await tx.insert(b2bParticipants).values({ editionId: reg.editionId, side: "buyer", registrationId: reg.id, ...values }).returning();
    const [edition] = await tx.select({ organiserId: editions.organiserId }).from(editions).where(eq(editions.id, reg.editionId));
    await recordAudit(tx, ctx, {
      action: "b2b.buyer_joined",
      entityType: "b2b_participant",
      entityId: participant!.id,
      organiserId: edition!.organiserId,
      editionId: reg.editionId,
      data: { kind: input.kind, again: !!before, registrationId: reg.id },
      by: byLink ? { registrationId: reg.id, label: reg.name } : undefined,
    });
    return { participant: presentParticipant(participant!), created: !before, accessToken };
  });
}

/** The kinds a registration may join as, now; refused while matchmaking is off or its window
 *  closed, for a registration not approved, outside the trade categories, or a regulator where
 *  regulators may not take part (the order in which joinAsBuyer and joinOptions say why). */
async function kindsOpenTo(db: Executor, ctx: Ctx, reg: typeof registrations.$inferSelect, categoryCode: string): Promise<readonly BuyerKind[]> {
  await assertProgrammeOpen(db, ctx, reg.editionId);
  if (reg.status !== "approved") throw new DomainError("b2b_registration_not_approved");
  if (categoryCode === REGULATOR_CATEGORY) {
    const [programme] = await db.select({ allowRegulators: b2bProgrammes.allowRegulators }).from(b2bProgrammes).where(eq(b2bProgrammes.editionId, reg.editionId));
    if (!programme?.allowRegulators) throw new DomainError("b2b_regulators_not_allowed");
    return regulatorKinds;
  }
  const kinds = kindsOfCategory[categoryCode];
  if (!kinds) throw new DomainError("b2b_not_trade_category");
  return kinds;
}

const joinOptionsInput = z.strictObject({ registrationToken: token });

/**
 * What the registration's manage link offers for matchmaking (the join page, read only; the link's
 * token is the credential): who and which show, the kinds it may join as now, or the reason it
 * cannot (the refusal joinAsBuyer would give, with its code), and whether it already takes part.
 */
export async function joinOptions(ctx: Ctx, raw: Input<typeof joinOptionsInput>) {
  const { registrationToken } = parseInput(joinOptionsInput, raw);
  const [row] = await ctx.db
    .select({ reg: registrations, category: visitorCategories, edition: editions })
    .from(registrations)
    .innerJoin(visitorCategories, eq(visitorCategories.id, registrations.categoryId))
    .innerJoin(editions, eq(editions.id, registrations.editionId))
    .where(eq(registrations.manageTokenHash, hashSecret(registrationToken)));
  if (!row) throw new DomainError("token_invalid");
  let kinds: readonly BuyerKind[] = [];
  let refusal: { code: string; params: Record<string, string | number> } | null = null;
  try {
    kinds = await kindsOpenTo(ctx.db, ctx, row.reg, row.category.code);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    refusal = { code: e.code, params: e.params };
  }
  const [participant] = await ctx.db.select().from(b2bParticipants).where(eq(b2bParticipants.registrationId, row.reg.id));
  return {
    registration: { name: row.reg.name, status: row.reg.status },
    edition: { nameEn: row.edition.nameEn, nameUr: row.edition.nameUr },
    category: { code: row.category.code, nameEn: row.category.nameEn, nameUr: row.category.nameUr },
    kinds: [...kinds],
    refusal,
    participant: participant ? { kind: participant.kind, withdrawn: participant.withdrawnAt !== null } : null,
  };
}

/** A participant as its holder sees it (never the token hash). */
export function presentParticipant(p: Participant) {
  return {
    id: p.id,
    editionId: p.editionId,
    side: p.side,
    kind: p.kind,
    enterpriseId: p.enterpriseId,
    registrationId: p.registrationId,
    optedIn: p.optedIn,
    locale: p.locale,
    withdrawnAt: p.withdrawnAt?.toISOString() ?? null,
  };
}

export const participantIdInput = z.strictObject({ participantId: id });

/**
 * Organisers send a participant a new signed link (the older one stops working): to the
 * registration's email for the buyer side, to an exhibitor's contact (contactOf: its selected
 * application's contact, else its B2B staff or account holder with an email, in its language).
 * The token is only in the queued email; the answer says whether there was an address.
 */
export async function sendAccessLink(ctx: Ctx, raw: Input<typeof participantIdInput>) {
  const { participantId } = parseInput(participantIdInput, raw);
  return inTransaction(ctx, async (tx) => {
    const [found] = await tx.select().from(b2bParticipants).where(eq(b2bParticipants.id, participantId)).for("update");
    const { part, edition } = await partForChange(tx, ctx.actor, found, "b2b.manage", "participant");
    let to: { email: string | null; name: string; locale: string } | undefined;
    if (part.registrationId) {
      const [reg] = await tx.select().from(registrations).where(eq(registrations.id, part.registrationId));
      to = reg && { email: reg.email, name: reg.name, locale: reg.locale };
    } else {
      to = await contactOf(tx, part);
    }
    if (!to?.email) return { sent: false };
    const secret = newSecret(24);
    await tx.update(b2bParticipants).set({ accessTokenHash: hashSecret(secret) }).where(eq(b2bParticipants.id, part.id));
    const locale = isLocale(to.locale) ? to.locale : "en";
    const params = { name: to.name, edition: locale === "ur" ? edition.nameUr : edition.nameEn, link: `${ctx.config.publicUrl}/b2b/${secret}` };
    await queueEmail(tx, ctx.clock, {
      kind: "b2b_access_link",
      to: to.email,
      subject: translate(locale, "b2b.email.link.subject", params),
      text: translate(locale, "b2b.email.link.body", params),
    });
    await recordAudit(tx, ctx, { action: "b2b.access_link_issued", entityType: "b2b_participant", entityId: part.id, organiserId: edition.organiserId, editionId: edition.id, data: { to: to.email } });
    return { sent: true };
  });
}

const participantByTokenInput = z.strictObject({ token });

/** The participant a signed link stands for (what a page opened by the link starts from). */
export async function participantByToken(ctx: Ctx, raw: Input<typeof participantByTokenInput>) {
  const ref = parseInput(participantByTokenInput, raw);
  const { participant } = await ownParticipant(ctx.db, ctx, ref);
  return presentParticipant(participant);
}

/** A participant withdraws (by its account or link): it is kept, marked withdrawn_at, and no
 *  longer visible to others. Idempotent; audited once. */
export async function withdrawParticipant(ctx: Ctx, raw: Input<typeof participantRef>) {
  const ref = parseInput(participantRef, raw);
  return inTransaction(ctx, async (tx) => {
    const { participant, by } = await ownParticipant(tx, ctx, ref, true);
    if (participant.withdrawnAt) return presentParticipant(participant);
    const [row] = await tx.update(b2bParticipants).set({ withdrawnAt: ctx.clock.now() }).where(eq(b2bParticipants.id, participant.id)).returning();
    // Its meetings are cancelled and only their partners told (issue #11, item 7).
    const { cancelled } = await cancelMeetingsOfParticipant(tx, ctx, participant.id, by);
    const [edition] = await tx.select({ organiserId: editions.organiserId }).from(editions).where(eq(editions.id, participant.editionId));
    await recordAudit(tx, ctx, {
      action: "b2b.participant_withdrawn",
      entityType: "b2b_participant",
      entityId: participant.id,
      organiserId: edition!.organiserId,
      editionId: participant.editionId,
      data: { side: participant.side, via: ref.token !== undefined ? "link" : "account", meetingsCancelled: cancelled },
      by,
    });
    return presentParticipant(row!);
  });
}
