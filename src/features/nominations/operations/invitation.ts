import type { EmailMessage } from "../../../platform/mail/outbox";
import { translate } from "../../../platform/i18n/translate";

// Nominees may read either language, and we do not know which: the invitation
// carries both, Urdu first (most nominees are micro and small enterprises).
export function invitationEmail(p: {
  to: string;
  contactName: string;
  enterpriseName: string;
  tradeBody: { nameEn: string; nameUr: string };
  edition: { nameEn: string; nameUr: string };
  link: string;
}): EmailMessage {
  const body = (locale: "en" | "ur") =>
    translate(locale, "nominations.email.invite.body", {
      name: p.contactName,
      enterprise: p.enterpriseName,
      tradeBody: locale === "ur" ? p.tradeBody.nameUr : p.tradeBody.nameEn,
      edition: locale === "ur" ? p.edition.nameUr : p.edition.nameEn,
      link: p.link,
    });
  return {
    kind: "nomination.invitation",
    to: p.to,
    subject: `${translate("ur", "nominations.email.invite.subject")} / ${translate("en", "nominations.email.invite.subject")}`,
    text: `${body("ur")}\n\n---\n\n${body("en")}`,
  };
}
