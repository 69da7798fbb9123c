import { eq } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { isLocale } from "../../../platform/i18n/locales";
import { translate } from "../../../platform/i18n/translate";
import { queueEmail, type EmailMessage } from "../../../platform/mail/outbox";
import { visitorCategories } from "#features/editions";
import type { registrations } from "../tables";

export type EmailKind = "received" | "waitlisted" | "approved" | "refused" | "promoted" | "cancelled";
export interface EmailEdition {
  id: string;
  nameEn: string;
  nameUr: string;
  organiserId: string;
}
type Registration = typeof registrations.$inferSelect;

/**
 * One of the registrant's emails, in the language they registered in. `manageToken` is only known
 * when the registration is created (it is stored hashed), so only the first email carries the
 * manage link; later ones point to the account page (or, registered without an account, to the
 * first email and the lost-link page).
 */
export function registrationEmail(
  ctx: Ctx,
  edition: EmailEdition,
  reg: Registration,
  kind: EmailKind,
  manageToken: string | undefined,
  category: { nameEn: string; nameUr: string } | undefined,
): EmailMessage {
  const locale = isLocale(reg.locale) ? reg.locale : "en";
  const params = {
    name: reg.name,
    edition: locale === "ur" ? edition.nameUr : edition.nameEn,
    category: category ? (locale === "ur" ? category.nameUr : category.nameEn) : "",
    number: reg.number,
    reason: reg.refusalReason ?? "",
    status: translate(locale, `registration.status.${reg.status}`),
  };
  const link = manageToken
    ? translate(locale, "registration.email.manageLink", { link: `${ctx.config.publicUrl}/registration/${manageToken}` })
    : reg.userId
      ? translate(locale, "registration.email.manageLater", { link: `${ctx.config.publicUrl}/account/registrations` })
      : // Registered without an account: no account page to point to; the lost-link page sends a new link.
        translate(locale, "registration.email.manageNoAccount", { link: `${ctx.config.publicUrl}/registration/lost-link` });
  return {
    kind: `registration_${kind}`,
    to: reg.email,
    subject: translate(locale, `registration.email.${kind}.subject`, params),
    text: `${translate(locale, `registration.email.${kind}.body`, params)}\n\n${link}`,
  };
}

/** Queue one of the registrant's emails in the caller's transaction. */
export async function sendRegistrationEmail(
  db: Executor,
  ctx: Ctx,
  edition: EmailEdition,
  reg: Registration,
  kind: EmailKind,
  manageToken?: string,
  knownCategory?: { nameEn: string; nameUr: string },
): Promise<void> {
  const category = knownCategory ?? (await db.select().from(visitorCategories).where(eq(visitorCategories.id, reg.categoryId)))[0];
  await queueEmail(db, ctx.clock, registrationEmail(ctx, edition, reg, kind, manageToken, category));
}
