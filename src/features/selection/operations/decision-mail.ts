import type { Locale } from "../../../platform/i18n/locales";
import { translate } from "../../../platform/i18n/translate";
import type { EmailMessage } from "../../../platform/mail/outbox";
import type { Decision } from "../engine";
import { decisionSummary, statusText } from "../reasons";

type Named = { nameEn: string; nameUr: string };
const name = (locale: Locale, x: Named) => (locale === "ur" ? x.nameUr : x.nameEn);

/** The applicant's decision with its reasons, in the language the nomination was made in. */
export function decisionEmail(p: { to: string; locale: Locale; decision: Decision; enterpriseName: string; edition: Named; cluster: Named }): EmailMessage {
  const l = p.locale;
  return {
    kind: "selection.decision",
    to: p.to,
    subject: translate(l, "nominations.email.decision.subject", { edition: name(l, p.edition) }),
    text: translate(l, "nominations.email.decision.body", {
      enterprise: p.enterpriseName,
      edition: name(l, p.edition),
      summary: decisionSummary(l, p.decision, name(l, p.cluster)),
    }),
  };
}

/** A trade body's representative: every nominee's decision in one message. */
export function tradeBodyDecisionsEmail(p: { to: string; locale: Locale; edition: Named; items: { decision: Decision; name: string }[] }): EmailMessage {
  const l = p.locale;
  const lines = p.items.map((i) => `• ${i.name}: ${statusText(l, i.decision.status)} (${i.decision.normalisedScore.toFixed(1)})`);
  return {
    kind: "selection.trade_body",
    to: p.to,
    subject: translate(l, "nominations.email.tradeBody.subject", { edition: name(l, p.edition) }),
    text: translate(l, "nominations.email.tradeBody.body", { edition: name(l, p.edition), list: lines.join("\n") }),
  };
}

/** A waitlisted applicant is offered a freed place. */
export function offerEmail(p: { to: string; locale: Locale; enterpriseName: string; edition: Named }): EmailMessage {
  const l = p.locale;
  return {
    kind: "selection.offer",
    to: p.to,
    subject: translate(l, "nominations.email.offer.subject", { edition: name(l, p.edition) }),
    text: translate(l, "nominations.email.offer.body", { enterprise: p.enterpriseName, edition: name(l, p.edition) }),
  };
}
