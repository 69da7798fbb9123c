import { and, count, desc, eq, inArray, ne } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import { DomainError } from "../../../platform/errors";
import { authorize } from "../../../platform/permissions/policy";
import { parseInput, type Input } from "../../../platform/validation";
import { editions, visitorCategories } from "#features/editions";
import { registrations } from "#features/registration";
import { STAFF_CATEGORY } from "../seed";
import { staffBadgeInput, staffListInput, staffQuotaInput } from "../schemas";
import { staffBadges, staffQuotas } from "../tables";
import { nextRegistrationNumbers } from "#features/registration";
import { issueBadge } from "./issue-badge";
import { checkQuotaEnterprise } from "./setup";
import { defaultScanEdition } from "#features/editions";
import { localDate } from "../core/gate-bundle";
import { editionDayIndexes } from "#features/editions";
import { editionForChange } from "#features/editions";

/** Organisers set how many staff badges an exhibitor may issue. */
export async function setStaffQuota(ctx: Ctx, raw: Input<typeof staffQuotaInput>) {
  const input = parseInput(staffQuotaInput, raw);
  return inTransaction(ctx, async (tx) => {
    const edition = await editionForChange(tx, ctx.actor, input.editionId, "checkin.manage");
    await checkQuotaEnterprise(tx, edition.organiserId, input.enterpriseId);
    await tx
      .insert(staffQuotas)
      .values(input)
      .onConflictDoUpdate({ target: [staffQuotas.editionId, staffQuotas.enterpriseId], set: { quota: input.quota } });
    await recordAudit(tx, ctx, { action: "badge.staffQuotaSet", entityType: "enterprise", entityId: input.enterpriseId, organiserId: edition.organiserId, editionId: edition.id, data: { quota: input.quota } });
    return { quota: input.quota };
  });
}

/** An exhibitor's own staff badges and quota; nobody else's (the scope is the exhibitor's grant). */
export async function listStaffBadges(ctx: Ctx, raw: Input<typeof staffListInput>) {
  const { editionId, enterpriseId } = parseInput(staffListInput, raw);
  authorize(ctx.actor, "checkin.staffBadges", { enterpriseId });
  const [quota] = await ctx.db.select({ quota: staffQuotas.quota }).from(staffQuotas).where(and(eq(staffQuotas.editionId, editionId), eq(staffQuotas.enterpriseId, enterpriseId)));
  const rows = await ctx.db
    .select({ registrationId: registrations.id, number: registrations.number, name: registrations.name, email: registrations.email, status: registrations.status })
    .from(staffBadges)
    .innerJoin(registrations, eq(registrations.id, staffBadges.registrationId))
    .where(and(eq(staffBadges.editionId, editionId), eq(staffBadges.enterpriseId, enterpriseId), ne(registrations.status, "cancelled")))
    .orderBy(registrations.number);
  return { quota: quota?.quota ?? 0, used: rows.length, staff: rows };
}

/** An exhibitor issues a staff badge within its quota: an approved registration in the
 *  exhibitor-staff category, badge signed at once. The quota row is locked so two staff issued
 *  at once cannot both take the last place. */
export async function issueStaffBadge(ctx: Ctx, raw: Input<typeof staffBadgeInput>) {
  const input = parseInput(staffBadgeInput, raw);
  authorize(ctx.actor, "checkin.staffBadges", { enterpriseId: input.enterpriseId });
  return inTransaction(ctx, async (tx) => {
    const [quota] = await tx
      .select()
      .from(staffQuotas)
      .where(and(eq(staffQuotas.editionId, input.editionId), eq(staffQuotas.enterpriseId, input.enterpriseId)))
      .for("update");
    const [{ used }] = (await tx
      .select({ used: count() })
      .from(staffBadges)
      .innerJoin(registrations, eq(registrations.id, staffBadges.registrationId))
      .where(and(eq(staffBadges.editionId, input.editionId), eq(staffBadges.enterpriseId, input.enterpriseId), ne(registrations.status, "cancelled")))) as [{ used: number }];
    if (!quota || used >= quota.quota) throw new DomainError("quota_exceeded");
    const [category] = await tx
      .select()
      .from(visitorCategories)
      .where(and(eq(visitorCategories.editionId, input.editionId), eq(visitorCategories.code, STAFF_CATEGORY)));
    const [edition] = await tx.select().from(editions).where(eq(editions.id, input.editionId));
    if (!category || !edition) throw new DomainError("not_found", { params: { what: "category" } });
    const [number] = await nextRegistrationNumbers(tx, input.editionId, 1);
    const now = ctx.clock.now();
    const days = editionDayIndexes(edition);
    const [reg] = await tx
      .insert(registrations)
      .values({
        editionId: input.editionId,
        number: number!,
        categoryId: category.id,
        email: input.email,
        name: input.name,
        nameUr: input.nameUr,
        status: "approved",
        days,
        consentData: true,
        decidedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!reg) throw new DomainError("already_exists", { params: { what: "email" } });
    await tx.insert(staffBadges).values({ registrationId: reg.id, editionId: input.editionId, enterpriseId: input.enterpriseId });
    await issueBadge(tx, ctx, reg.id);
    await recordAudit(tx, ctx, { action: "badge.staffIssued", entityType: "registration", entityId: reg.id, organiserId: edition.organiserId, editionId: edition.id, data: { enterpriseId: input.enterpriseId, number: reg.number } });
    return { registrationId: reg.id, number: reg.number };
  });
}


/** The exhibitor's staff-badge context from its own grant: which enterprise, and which of the
 *  organiser's published editions. The exhibitor may pick among the editions where organisers gave
 *  it a quota; without a pick, the one on today or next to come, else the latest past
 *  (defaultScanEdition). Without any quota, the newest published edition (quota 0). Nobody picks
 *  another exhibitor's id from the page. */
export async function ownStaffBadges(ctx: Ctx, editionId?: string | null) {
  const grant = ctx.actor.kind === "user" ? ctx.actor.grants.find((g) => g.role === "exhibitor" && g.enterpriseId) : undefined;
  if (!grant) throw new DomainError(ctx.actor.kind === "anonymous" ? "unauthenticated" : "forbidden");
  const published = await ctx.db
    .select()
    .from(editions)
    .where(and(eq(editions.organiserId, grant.organiserId ?? ""), eq(editions.status, "published")))
    .orderBy(desc(editions.startsOn));
  const quotaRows = published.length
    ? await ctx.db
        .select({ editionId: staffQuotas.editionId })
        .from(staffQuotas)
        .where(and(eq(staffQuotas.enterpriseId, grant.enterpriseId!), inArray(staffQuotas.editionId, published.map((e) => e.id))))
    : [];
  const withQuota = published.filter((e) => quotaRows.some((q) => q.editionId === e.id));
  const choices = withQuota.length ? withQuota : published.slice(0, 1);
  const edition = choices.find((e) => e.id === editionId) ?? defaultScanEdition(choices, localDate(ctx.clock.now(), choices[0]?.timezone ?? "UTC"));
  if (!edition) throw new DomainError("not_found", { params: { what: "edition" } });
  const list = await listStaffBadges(ctx, { editionId: edition.id, enterpriseId: grant.enterpriseId! });
  return {
    editionId: edition.id,
    editionEn: edition.nameEn,
    editionUr: edition.nameUr,
    editions: choices.map((e) => ({ id: e.id, nameEn: e.nameEn, nameUr: e.nameUr })),
    enterpriseId: grant.enterpriseId!,
    ...list,
  };
}
