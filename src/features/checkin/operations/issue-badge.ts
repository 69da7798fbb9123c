import { isLocale } from "../../../platform/i18n/locales";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import type { Executor, Tx } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { translate } from "../../../platform/i18n/translate";
import { queueEmail, type EmailMessage } from "../../../platform/mail/outbox";
import { editions, visitorCategories } from "#features/editions";
import { registrations } from "#features/registration";
import { decodeBadge, editionShortId, encodeBadge, epochDay, type BadgeClaims } from "../core/badge-code";
import { formatShortCode } from "../core/short-code";
import { EDITION_MAX_DAYS } from "#features/editions";
import { sealingKey, signingKey, type SigningKey } from "../keys";
import { badges } from "../tables";
import { zoneMasksOf } from "../zone-masks";
import { badgePageUrl, linkKeyOf } from "./badge-link";

type Registration = typeof registrations.$inferSelect;
type Edition = typeof editions.$inferSelect;

/** The claims a registration's badge should carry now (serial left to the caller): its zone mask
 *  is its category's zones ∪ its own grants (zone-masks.ts). */
export async function claimsFor(db: Executor, edition: Edition, reg: Registration): Promise<Omit<BadgeClaims, "serial">> {
  const [category] = await db.select({ badgeIndex: visitorCategories.badgeIndex }).from(visitorCategories).where(eq(visitorCategories.id, reg.categoryId));
  const masks = await zoneMasksOf(db, edition.id, [reg]);
  return claimsWith(edition, reg, category!.badgeIndex, masks.get(reg.id) ?? 0);
}

export function claimsWith(edition: Edition, reg: Registration, badgeIndex: number, zoneMask: number): Omit<BadgeClaims, "serial"> {
  let days = 0;
  for (const d of reg.days) if (d >= 0 && d < EDITION_MAX_DAYS) days |= 1 << d;
  return {
    edition: editionShortId(edition.id),
    registrationNo: reg.number,
    category: badgeIndex,
    days,
    zones: zoneMask & 0xffff,
    validFrom: epochDay(edition.startsOn),
    validTo: epochDay(edition.endsOn),
  };
}

/** The claims whose difference makes a badge outdated (to be reissued). Not zones: gates decide by
 *  the current zone mask (online and through the bundle), so a change of zone rules never replaces
 *  a printed badge; a badge signed for another reason carries the mask of that moment. */
export const BADGE_CLAIMS = ["category", "days", "validFrom", "validTo"] as const;

/** The first badges (serial 0) of registrations just created approved, as rows for the caller's
 *  insert (zones: their category's; new registrations have no grants of their own); the caller
 *  also queues badgeEmail for each. */
export function firstBadgeRows(ctx: Pick<Ctx, "clock">, edition: Edition, category: { badgeIndex: number }, regs: Registration[], key: SigningKey, zoneMask = 0) {
  const now = ctx.clock.now();
  return regs.map((reg) => ({
    editionId: edition.id,
    registrationId: reg.id,
    registrationNo: reg.number,
    serial: 0,
    keyId: key.keyId,
    code: encodeBadge({ ...claimsWith(edition, reg, category.badgeIndex, zoneMask), serial: 0 }, key.privateKey, key.keyId),
    issuedAt: now,
  }));
}

export const currentBadgeOf = async (db: Executor, registrationId: string) =>
  (await db.select().from(badges).where(eq(badges.registrationId, registrationId)).orderBy(desc(badges.serial)).limit(1))[0];

/** Sign and store a badge with the given serial, marking the previous one replaced. */
export async function signNewBadge(tx: Executor, ctx: Ctx, edition: Edition, reg: Registration, serial: number) {
  if (serial > 255) throw new DomainError("too_many_reprints");
  const claims = await claimsFor(tx, edition, reg);
  const key = await signingKey(tx, ctx.clock, edition.id, sealingKey(ctx.config));
  const code = encodeBadge({ ...claims, serial }, key.privateKey, key.keyId);
  const now = ctx.clock.now();
  await tx
    .update(badges)
    .set({ replacedAt: now })
    .where(and(eq(badges.registrationId, reg.id), isNull(badges.replacedAt)));
  const [badge] = await tx
    .insert(badges)
    .values({ editionId: edition.id, registrationId: reg.id, registrationNo: reg.number, serial, keyId: key.keyId, code, issuedAt: now })
    .returning();
  return badge!;
}

/** The "your badge" email. The registration does not record a language for it and the caller is
 *  usually an organiser, so it carries both, the caller's language first. A link, not an
 *  attachment: the badge link (operations/badge-link.ts) opens the badge page and its PDF without
 *  an account; `linkKey` is that badge's link key. */
export function badgeEmail(ctx: Ctx, edition: Edition, reg: Registration, linkKey: string): EmailMessage {
  const link = badgePageUrl(ctx.config.publicUrl, reg.id, linkKey);
  const shortCode = formatShortCode(edition.year, reg.number);
  const text = (locale: "en" | "ur") =>
    `${translate(locale, "checkin.email.body", { name: reg.name, edition: locale === "ur" ? edition.nameUr : edition.nameEn, link, number: reg.number })}\n${translate(locale, "checkin.email.shortCode", { code: shortCode })}`;
  // In the registrant's language, whoever triggered it (an organiser approving in Urdu, say).
  const first = isLocale(reg.locale) ? reg.locale : "en";
  const second = first === "ur" ? "en" : "ur";
  return {
    kind: "checkin.badge",
    to: reg.email,
    subject: translate(first, "checkin.email.subject", { edition: first === "ur" ? edition.nameUr : edition.nameEn }),
    text: `${text(first)}\n\n———\n\n${text(second)}`,
  };
}

/** Queue the badge email for the registration's current badge (just signed by the caller). */
export async function queueBadgeEmail(tx: Executor, ctx: Ctx, edition: Edition, reg: Registration) {
  const badge = await currentBadgeOf(tx, reg.id);
  if (!badge) throw new DomainError("not_found", { params: { what: "badge" } });
  await queueEmail(tx, ctx.clock, badgeEmail(ctx, edition, reg, await linkKeyOf(tx, sealingKey(ctx.config), badge)));
}

/** Issue (or keep) the current badge of an approved registration and queue the badge email.
 *  Called by registration inside its transaction when a registration becomes approved (and may be
 *  called again after an edit): an unrevoked badge whose claims (BADGE_CLAIMS) still match is kept as it is;
 *  a revoked one is left alone; otherwise a badge with the next serial replaces it. The caller has authorised the approval. */
export async function issueBadge(tx: Tx, ctx: Ctx, registrationId: string): Promise<void> {
  const [reg] = await tx.select().from(registrations).where(eq(registrations.id, registrationId)).for("update");
  if (!reg) throw new DomainError("not_found", { params: { what: "registration" } });
  if (reg.status !== "approved") throw new DomainError("registration_not_approved");
  const [edition] = await tx.select().from(editions).where(eq(editions.id, reg.editionId));
  const current = await currentBadgeOf(tx, reg.id);
  // A revoked badge stays revoked through edits and re-approvals; an organiser reprints explicitly.
  if (current?.revokedAt) return;
  if (current) {
    const decoded = decodeBadge(current.code);
    const wanted = await claimsFor(tx, edition!, reg);
    const same =
      decoded.ok &&
      BADGE_CLAIMS.every((k) => decoded.badge[k] === wanted[k]);
    if (same) return;
  }
  await signNewBadge(tx, ctx, edition!, reg, current ? current.serial + 1 : 0);
  await queueBadgeEmail(tx, ctx, edition!, reg);
}

/** A registration leaving (cancelled, refused) takes its badges with it: marked revoked here, so the
 *  badge admin shows why and the gate bundle's revokedBadges lists them for offline gates, which
 *  otherwise trust any correctly signed badge. Returns the serials revoked (none if it had none). */
export async function revokeBadgesOfRegistration(tx: Executor, ctx: Ctx, registrationId: string, reason: "registration_cancelled" | "registration_refused") {
  const revoked = await tx
    .update(badges)
    .set({ revokedAt: ctx.clock.now(), revokedReason: reason, revokedBy: ctx.actor.kind === "user" ? ctx.actor.userId : null })
    .where(and(eq(badges.registrationId, registrationId), isNull(badges.revokedAt)))
    .returning({ serial: badges.serial });
  return revoked.map((b) => b.serial);
}
