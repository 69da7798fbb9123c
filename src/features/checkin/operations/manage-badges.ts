import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { authorize, can } from "../../../platform/permissions/policy";
import { parseInput, type Input } from "../../../platform/validation";
import { editions, visitorCategories } from "#features/editions";
import { registrations } from "#features/registration";
import { renderBadgePdf } from "../core/badge-pdf";
import { formatShortCode } from "../core/short-code";
import { addEditionKey, sealingKey } from "../keys";
import { badgeAdminInput, editionInput, registrationInput, revokeInput } from "../schemas";
import { badgeKeys, badges, staffBadges, zones } from "../tables";
import { zoneMasksOf } from "../zone-masks";
import { findOwn } from "#features/registration";
import { linkKeyMatches, linkKeyOf } from "./badge-link";
import { currentBadgeOf, queueBadgeEmail, signNewBadge } from "./issue-badge";
import { editionFor, editionForChange } from "#features/editions";

/** Lock a registration for a badge change by organiser staff. */
async function registrationForChange(tx: Executor, ctx: Ctx, registrationId: string) {
  const [row] = await tx
    .select({ reg: registrations, edition: editions })
    .from(registrations)
    .innerJoin(editions, eq(editions.id, registrations.editionId))
    .where(eq(registrations.id, registrationId))
    .for("update", { of: registrations });
  authorize(ctx.actor, "checkin.manage", { organiserId: row?.edition.organiserId ?? "-" });
  if (!row) throw new DomainError("not_found", { params: { what: "registration" } });
  return row;
}

/** Reprint: a new serial; the old badge is then refused as `replaced`. */
export async function reprintBadge(ctx: Ctx, raw: Input<typeof registrationInput>) {
  const { registrationId } = parseInput(registrationInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { reg, edition } = await registrationForChange(tx, ctx, registrationId);
    if (reg.status !== "approved") throw new DomainError("registration_not_approved");
    const current = await currentBadgeOf(tx, reg.id);
    const badge = await signNewBadge(tx, ctx, edition, reg, current ? current.serial + 1 : 0);
    await queueBadgeEmail(tx, ctx, edition, reg);
    await recordAudit(tx, ctx, {
      action: "badge.reprinted",
      entityType: "registration",
      entityId: reg.id,
      organiserId: edition.organiserId,
      editionId: edition.id,
      data: { registrationNo: reg.number, serial: badge.serial, replacedSerial: current?.serial ?? null },
    });
    return { serial: badge.serial };
  });
}

/** Revoke every badge of a registration, with the reason kept and audited. */
export async function revokeBadge(ctx: Ctx, raw: Input<typeof revokeInput>) {
  const { registrationId, reason } = parseInput(revokeInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { reg, edition } = await registrationForChange(tx, ctx, registrationId);
    const revoked = await tx
      .update(badges)
      .set({ revokedAt: ctx.clock.now(), revokedReason: reason, revokedBy: ctx.actor.kind === "user" ? ctx.actor.userId : null })
      .where(and(eq(badges.registrationId, reg.id), isNull(badges.revokedAt)))
      .returning({ serial: badges.serial });
    if (revoked.length === 0) throw new DomainError("not_found", { params: { what: "badge" } });
    await recordAudit(tx, ctx, {
      action: "badge.revoked",
      entityType: "registration",
      entityId: reg.id,
      organiserId: edition.organiserId,
      editionId: edition.id,
      data: { registrationNo: reg.number, serials: revoked.map((b) => b.serial), reason },
    });
    return { revoked: revoked.length };
  });
}

/** Rotate in a new signing key; badges signed with older keys stay valid until revoked. */
export async function rotateBadgeKey(ctx: Ctx, raw: Input<typeof editionInput>) {
  const { editionId } = parseInput(editionInput, raw);
  return inTransaction(ctx, async (tx) => {
    const edition = await editionForChange(tx, ctx.actor, editionId, "checkin.manage");
    const key = await addEditionKey(tx, ctx.clock, editionId, sealingKey(ctx.config));
    if (!key) throw new DomainError("key_rotation_conflict");
    await recordAudit(tx, ctx, { action: "badge.keyRotated", entityType: "edition", entityId: editionId, organiserId: edition.organiserId, editionId, data: { keyId: key.keyId } });
    return { keyId: key.keyId, publicKey: key.publicKey };
  });
}

const badgeViewInput = z.strictObject({ registrationId: z.uuid(), key: z.string().min(1).max(100).optional() });

/** The registrant's badge (or an organiser looking at it): what the badge page and PDF show. The
 *  badge link's `key` (operations/badge-link.ts) opens it without an account; otherwise the
 *  registrant signed in, organiser staff, or the exhibitor of a staff badge. `viewer` says whose
 *  eyes: the holder ("Your badge") or someone else ("Badge of …"). */
export async function getBadge(ctx: Ctx, raw: Input<typeof badgeViewInput>) {
  const { registrationId, key } = parseInput(badgeViewInput, raw);
  const [row] = await ctx.db
    .select({ reg: registrations, edition: editions, category: visitorCategories })
    .from(registrations)
    .innerJoin(editions, eq(editions.id, registrations.editionId))
    .innerJoin(visitorCategories, eq(visitorCategories.id, registrations.categoryId))
    .where(eq(registrations.id, registrationId));
  const current = row ? await currentBadgeOf(ctx.db, registrationId) : undefined;
  const byKey = !!(key && current && (await linkKeyMatches(ctx.db, sealingKey(ctx.config), current, key)));
  if (!byKey) {
    // A staff badge is also its exhibitor's to show and print.
    const [staffOf] = row ? await ctx.db.select({ enterpriseId: staffBadges.enterpriseId }).from(staffBadges).where(eq(staffBadges.registrationId, registrationId)) : [];
    const scope = { userId: row?.reg.userId ?? null, organiserId: row?.edition.organiserId ?? "-", enterpriseId: staffOf?.enterpriseId ?? null };
    // A wrong or outdated link (the badge was reissued since) says so, rather than asking to sign in.
    if (key && !can(ctx.actor, "badge.read", scope)) throw new DomainError("token_invalid");
    authorize(ctx.actor, "badge.read", scope);
  }
  if (!row) throw new DomainError("not_found", { params: { what: "registration" } });
  // The zones the holder may enter now (category ∪ own grants): what gates decide by.
  const mask = (await zoneMasksOf(ctx.db, row.edition.id, [row.reg])).get(row.reg.id) ?? 0;
  const zoneRows = mask ? await ctx.db.select().from(zones).where(eq(zones.editionId, row.edition.id)).orderBy(zones.bit) : [];
  const holder = byKey || (ctx.actor.kind === "user" && row.reg.userId === ctx.actor.userId);
  return {
    registration: row.reg,
    edition: row.edition,
    category: row.category,
    zones: zoneRows.filter((z) => (mask & (1 << z.bit)) !== 0),
    badge: current && row.reg.status === "approved" ? current : null,
    viewer: holder ? ("holder" as const) : ("staff" as const),
    /** The link key when the page was opened with it (so the PDF link carries it on). */
    key: byKey ? key! : null,
  };
}

const badgeForManageLinkInput = z.strictObject({ token: z.string().min(20).max(100) });

/** The badge part of the registrant's manage page (/registration/:token): the manage token is the
 *  credential there, so the page offers the badge and the badge link (page and PDF) too. */
export async function badgeForManageLink(ctx: Ctx, raw: Input<typeof badgeForManageLinkInput>) {
  const reg = await findOwn(ctx.db, ctx, parseInput(badgeForManageLinkInput, raw));
  if (reg.status !== "approved") return null;
  const badge = await currentBadgeOf(ctx.db, reg.id);
  if (!badge || badge.revokedAt) return null;
  const key = await linkKeyOf(ctx.db, sealingKey(ctx.config), badge);
  const [edition] = await ctx.db.select({ year: editions.year }).from(editions).where(eq(editions.id, reg.editionId));
  return { registrationId: reg.id, number: reg.number, shortCode: formatShortCode(edition!.year, reg.number), name: reg.name, code: badge.code, key };
}

/** The A6 PDF of the current badge. */
export async function badgePdf(ctx: Ctx, raw: Input<typeof badgeViewInput>): Promise<{ pdf: Buffer; filename: string }> {
  const view = await getBadge(ctx, raw);
  if (!view.badge) throw new DomainError("not_found", { params: { what: "badge" } });
  if (view.badge.revokedAt) throw new DomainError("badge_revoked");
  const { registration: r, edition: e, category: c } = view;
  const days = r.days.map((d) => d + 1).join(", ");
  const rendered = await renderBadgePdf({
    code: view.badge.code,
    editionName: e.nameEn,
    name: r.name,
    ...(r.nameUr ? { nameUr: r.nameUr } : {}),
    ...(r.organisation ? { organisation: r.organisation } : {}),
    categoryName: c.nameEn,
    categoryNameUr: c.nameUr,
    colour: /^#[0-9a-fA-F]{6}$/.test(c.colour) ? c.colour : "#555555",
    shortCode: formatShortCode(e.year, r.number),
    footer: `No. ${r.number} · Day ${days}`,
  });
  return { pdf: rendered.pdf, filename: `badge-${r.number}.pdf` };
}

/** The signed-in person's newest approved registration (for /account/badge), or null. */
export async function myBadgeRegistration(ctx: Ctx): Promise<string | null> {
  authorize(ctx.actor, "session.signedIn");
  if (ctx.actor.kind !== "user") return null;
  const [row] = await ctx.db
    .select({ id: registrations.id })
    .from(registrations)
    .innerJoin(editions, eq(editions.id, registrations.editionId))
    .where(and(eq(registrations.userId, ctx.actor.userId), eq(registrations.status, "approved")))
    .orderBy(desc(editions.startsOn), desc(registrations.createdAt))
    .limit(1);
  return row?.id ?? null;
}

/** Organisers look a badge up by registration number (what gate staff read out), and see the keys. */
export async function badgeAdmin(ctx: Ctx, raw: Input<typeof badgeAdminInput>) {
  const { editionId, number } = parseInput(badgeAdminInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, editionId, "checkin.manage");
  const keys = await ctx.db
    .select({ keyId: badgeKeys.keyId, createdAt: badgeKeys.createdAt })
    .from(badgeKeys)
    .where(eq(badgeKeys.editionId, editionId))
    .orderBy(desc(badgeKeys.keyId));
  let found = null;
  if (number !== undefined) {
    const [reg] = await ctx.db.select().from(registrations).where(and(eq(registrations.editionId, editionId), eq(registrations.number, number)));
    if (reg) {
      const list = await ctx.db.select().from(badges).where(eq(badges.registrationId, reg.id)).orderBy(desc(badges.serial));
      found = { id: reg.id, number: reg.number, name: reg.name, status: reg.status, badges: list.map((b) => ({ serial: b.serial, keyId: b.keyId, issuedAt: b.issuedAt.toISOString(), replaced: !!b.replacedAt, revoked: !!b.revokedAt, reason: b.revokedReason })) };
    }
  }
  return { edition: { id: edition.id, nameEn: edition.nameEn, nameUr: edition.nameUr }, keys: keys.map((k) => ({ keyId: k.keyId, createdAt: k.createdAt.toISOString() })), number: number ?? null, found };
}
