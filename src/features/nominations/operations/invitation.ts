import type { EmailMessage } from "../../../platform/mail/outbox";
import type { Locale } from "../../../platform/i18n/locales";
import { translate } from "../../../platform/i18n/translate";

/**
 * The application link, opening in `locale` (?lang= sets the reader's language
 * cookie on the first visit, see pages/apply.tsx). The representative is shown
 * the link in the language they nominated in.
 */
export const applicationLink = (publicUrl: string, secret: string, locale: Locale) => `${publicUrl}/apply/${secret}?lang=${locale}`;

// Nominees may read either language, and we do not know which: the invitation
// carries both, Urdu first (most nominees are micro and small enterprises), each
// with the link that opens the application in that language.
export function invitationEmail(p: {
  to: string;
  contactName: string;
  enterpriseName: string;
  tradeBody: { nameEn: string; nameUr: string };
  edition: { nameEn: string; nameUr: string };
  link: (locale: Locale) => string;
}): EmailMessage {
  const body = (locale: "en" | "ur") =>
    translate(locale, "nominations.email.invite.body", {
      name: p.contactName,
      enterprise: p.enterpriseName,
      tradeBody: locale === "ur" ? p.tradeBody.nameUr : p.tradeBody.nameEn,
      edition: locale === "ur" ? p.edition.nameUr : p.edition.nameEn,
      link: p.link(locale),
    });
  return {
    kind: "nomination.invitation",
    to: p.to,
    subject: `${translate("ur", "nominations.email.invite.subject")} / ${translate("en", "nominations.email.invite.subject")}`,
    text: `${body("ur")}\n\n---\n\n${body("en")}`,
  };
}

/** The applicant's receipt on submission, in the language they submitted in, with what happens next. */
export function submittedEmail(p: {
  to: string;
  locale: Locale;
  contactName: string;
  enterpriseName: string;
  tradeBody: { nameEn: string; nameUr: string };
  edition: { nameEn: string; nameUr: string };
  cluster: { nameEn: string; nameUr: string };
  date: string;
  closes: string;
  link: string;
}): EmailMessage {
  const l = p.locale;
  const name = (x: { nameEn: string; nameUr: string }) => (l === "ur" ? x.nameUr : x.nameEn);
  return {
    kind: "nomination.submitted",
    to: p.to,
    subject: translate(l, "nominations.email.submitted.subject", { edition: name(p.edition) }),
    text: translate(l, "nominations.email.submitted.body", {
      name: p.contactName,
      enterprise: p.enterpriseName,
      edition: name(p.edition),
      cluster: name(p.cluster),
      date: p.date,
      closes: p.closes,
      link: p.link,
      tradeBody: name(p.tradeBody),
    }),
  };
}
