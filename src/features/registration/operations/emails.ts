import { eq } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { isLocale } from "../../../platform/i18n/locales";
import { translate } from "../../../platform/i18n/translate";
import { queueEmail } from "../../../platform/mail/outbox";
import { visitorCategories } from "../../editions/tables";
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
 * Queue one of the registrant's emails in the caller's transaction, in the language they
 * registered in. `manageToken` is only known when the registration is created (it is stored
 * hashed), so only the first email carries the manage link; later ones point to it.
 */
export async function sendRegistrationEmail(
  db: Executor,
  ctx: Ctx,
  edition: EmailEdition,
  reg: Registration,
  kind: EmailKind,
  manageToken?: string,
  knownCategory?: { nameEn: string; nameUr: string },
): Promise<void> {
  const locale = isLocale(reg.locale) ? reg.locale : "en";
  const category = knownCategory ?? (await db.select().from(visitorCategories).where(eq(visitorCategories.id, reg.categoryId)))[0];
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
    : translate(locale, "registration.email.manageLater", { link: `${ctx.config.publicUrl}/account/registrations` });
  const body = `${translate(locale, `registration.email.${kind}.body`, params)}\n\n${link}`;
  await queueEmail(db, ctx.clock, {
    kind: `registration_${kind}`,
    to: reg.email,
    subject: translate(locale, `registration.email.${kind}.subject`, params),
    text: body,
  });
}
