import { and, asc, eq, isNull } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { parseInput, type Input } from "../../../platform/validation";
import { enterprises } from "#features/editions";
import { editions } from "#features/editions";
import { findOwn, holderOf } from "#features/registration";
import { registrations } from "#features/registration";
import { detailsShared, RETENTION_DAYS } from "../core/consent";
import { consentInput, touchAnswerInput, visitorInput, visitorLeadInput } from "../schemas";
import { leads } from "../tables";

// The visitor's side (issue #14, item 7), on their registration's own page (the manage link, or
// signed in): the consent to badge scanning, which exhibitors hold their details (with a button to
// withdraw them from one), and the exhibitors who would like to stay in touch (accept or decline).
// Accepting is also the visitor's agreement that this exhibitor keeps the lead beyond the 90 days.

type Which = { registrationId?: string; token?: string };

function which(input: Which): Which {
  if (!input.registrationId === !input.token) throw new DomainError("bad_request");
  return input.token ? { token: input.token } : { registrationId: input.registrationId };
}

async function exhibitorsOf(db: Executor, registrationId: string, consentScan: boolean) {
  const rows = await db
    .select({ lead: leads, nameEn: enterprises.nameEn, nameUr: enterprises.nameUr })
    .from(leads)
    .innerJoin(enterprises, eq(enterprises.id, leads.enterpriseId))
    .where(eq(leads.registrationId, registrationId))
    .orderBy(asc(leads.firstScannedAt));
  return rows.map(({ lead: l, nameEn, nameUr }) => ({
    leadId: l.id,
    exhibitor: { en: nameEn, ur: nameUr },
    firstScannedAt: l.firstScannedAt,
    touch: l.touch,
    withdrawn: l.withdrawnAt !== null,
    kept: l.keepAgreedAt !== null && l.withdrawnAt === null,
    holdsDetails: detailsShared({ consentScan, touch: l.touch, withdrawn: l.withdrawnAt !== null }),
  }));
}

/** What the visitor sees: their consent, the exhibitors holding their details, pending requests. */
export async function visitorLeads(ctx: Ctx, raw: Input<typeof visitorInput>) {
  const input = which(parseInput(visitorInput, raw));
  const reg = await findOwn(ctx.db, ctx, input);
  const [edition] = await ctx.db.select().from(editions).where(eq(editions.id, reg.editionId));
  const list = await exhibitorsOf(ctx.db, reg.id, reg.consentScan);
  return {
    registration: { id: reg.id, number: reg.number, name: reg.name, consentScan: reg.consentScan },
    edition: { id: edition!.id, nameEn: edition!.nameEn, nameUr: edition!.nameUr, endsOn: edition!.endsOn },
    retentionDays: RETENTION_DAYS,
    holding: list.filter((l) => l.holdsDetails),
    pending: list.filter((l) => l.touch === "pending" && !l.withdrawn),
    visited: list.length,
  };
}

async function ownLead(tx: Executor, ctx: Ctx, input: Which & { leadId: string }) {
  const reg = await findOwn(tx, ctx, which(input));
  const [lead] = await tx
    .select()
    .from(leads)
    .where(and(eq(leads.id, input.leadId), eq(leads.registrationId, reg.id)))
    .for("update");
  if (!lead) throw new DomainError("not_found", { params: { what: "lead" } });
  return { reg, lead };
}

/** The visitor takes their details back from one exhibitor: from its list, export and API at once,
 *  for good (a later scan counts the visit only). The agreement to keep the lead goes with it. */
export async function withdrawFromExhibitor(ctx: Ctx, raw: Input<typeof visitorLeadInput>) {
  const input = parseInput(visitorLeadInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { reg, lead } = await ownLead(tx, ctx, input);
    const now = ctx.clock.now();
    await tx
      .update(leads)
      .set({ withdrawnAt: lead.withdrawnAt ?? now, keepAgreedAt: null, touch: lead.touch === "pending" ? "declined" : lead.touch, touchDecidedAt: lead.touch === "pending" ? now : lead.touchDecidedAt, updatedAt: now })
      .where(eq(leads.id, lead.id));
    await recordAudit(tx, ctx, { action: "leads.withdrawn", entityType: "lead", entityId: lead.id, editionId: reg.editionId, data: { enterpriseId: lead.enterpriseId }, by: holderOf(reg) });
    return { leadId: lead.id, withdrawn: true };
  });
}

/** The visitor answers an exhibitor's "stay in touch" request. Accepting shares their details
 *  with that exhibitor alone and lets it keep the lead beyond the 90 days; declining leaves it a visit. */
export async function answerStayInTouch(ctx: Ctx, raw: Input<typeof touchAnswerInput>) {
  const input = parseInput(touchAnswerInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { reg, lead } = await ownLead(tx, ctx, input);
    return decideTouch(tx, ctx, reg, lead, input.accept);
  });
}

/** The answer to a pending request (the visitor's page, or the request's own emailed link):
 *  refused as a conflict once it is answered or the details were withdrawn. */
export async function decideTouch(
  tx: Executor,
  ctx: Ctx,
  reg: Parameters<typeof holderOf>[0] & { editionId: string },
  lead: typeof leads.$inferSelect,
  accept: boolean,
) {
  if (lead.withdrawnAt || lead.touch !== "pending") throw new DomainError("conflict");
  const now = ctx.clock.now();
  await tx
    .update(leads)
    .set({ touch: accept ? "accepted" : "declined", touchDecidedAt: now, keepAgreedAt: accept ? now : null, updatedAt: now })
    .where(eq(leads.id, lead.id));
  await recordAudit(tx, ctx, { action: "leads.touch_answered", entityType: "lead", entityId: lead.id, editionId: reg.editionId, data: { accept }, by: holderOf(reg) });
  return { leadId: lead.id, touch: accept ? ("accepted" as const) : ("declined" as const) };
}

/** The visitor lets one exhibitor that holds their details keep the lead beyond the 90 days. */
export async function agreeToKeep(ctx: Ctx, raw: Input<typeof visitorLeadInput>) {
  const input = parseInput(visitorLeadInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { reg, lead } = await ownLead(tx, ctx, input);
    if (!detailsShared({ consentScan: reg.consentScan, touch: lead.touch, withdrawn: lead.withdrawnAt !== null })) throw new DomainError("conflict");
    await tx.update(leads).set({ keepAgreedAt: lead.keepAgreedAt ?? ctx.clock.now(), updatedAt: ctx.clock.now() }).where(eq(leads.id, lead.id));
    return { leadId: lead.id, kept: true };
  });
}

/** The visitor's consent to badge scanning, changed after registering. Turned off, every exhibitor
 *  that had the details through it loses them at once (one that the visitor accepted keeps them);
 *  turned on, exhibitors they did not withdraw from see them. */
export async function setScanConsent(ctx: Ctx, raw: Input<typeof consentInput>) {
  const input = parseInput(consentInput, raw);
  return inTransaction(ctx, async (tx) => {
    const reg = await findOwn(tx, ctx, which(input));
    await tx.update(registrations).set({ consentScan: input.consent, updatedAt: ctx.clock.now() }).where(eq(registrations.id, reg.id));
    // A request still pending is moot once the visitor consents to all.
    if (input.consent) await tx.update(leads).set({ touch: "none", updatedAt: ctx.clock.now() }).where(and(eq(leads.registrationId, reg.id), eq(leads.touch, "pending"), isNull(leads.withdrawnAt)));
    if (reg.consentScan !== input.consent)
      await recordAudit(tx, ctx, { action: "leads.consent_set", entityType: "registration", entityId: reg.id, editionId: reg.editionId, data: { consentScan: input.consent }, by: holderOf(reg) });
    return { consentScan: input.consent };
  });
}
