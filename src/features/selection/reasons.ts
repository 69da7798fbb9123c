import type { Locale } from "../../platform/i18n/locales";
import { translate } from "../../platform/i18n/translate";
import type { Decision, Reason } from "./engine";

// Decisions and their reasons as text, in the reader's language. Shared by the
// emails, the applicant's page and the trade body's list.

export function groupText(locale: Locale, group: string): string {
  return group
    .split(",")
    .filter(Boolean)
    .map((g) => translate(locale, `nominations.group.${g}`))
    .join(locale === "ur" ? "، " : ", ");
}

export function reasonText(locale: Locale, reason: Reason): string {
  const p: Record<string, string | number> = { ...reason.params };
  if (typeof p.group === "string") p.group = groupText(locale, p.group);
  if (typeof p.groups === "string") p.groups = groupText(locale, p.groups);
  if (typeof p.previous === "string") p.previous = translate(locale, `nominations.decision.${p.previous}`);
  return translate(locale, `nominations.reason.${reason.code}`, p);
}

export function statusText(locale: Locale, status: string): string {
  return translate(locale, `nominations.decision.${status}`);
}

/** One paragraph: the decision, the figures behind it and every reason. */
export function decisionSummary(locale: Locale, d: Decision, clusterName: string): string {
  const lines = [
    translate(locale, "nominations.decision.line", { status: statusText(locale, d.status) }),
    translate(locale, "nominations.decision.figures", {
      score: d.normalisedScore.toFixed(1),
      bonus: d.bonus,
      adjusted: d.adjustedScore.toFixed(1),
      rank: d.rankInCluster,
      of: d.clusterApplicants,
      cluster: clusterName,
    }),
    ...d.reasons.map((r) => `• ${reasonText(locale, r)}`),
  ];
  return lines.join("\n");
}
