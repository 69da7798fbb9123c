import type { Locale } from "../../platform/i18n/locales";
import { translate } from "../../platform/i18n/translate";
import type { Reason } from "./engine/allocate";

// An allocation's reasons in the reader's language (docs/floor.md, "The explanation each exhibitor
// gets"). `areaName` gives an area's name in that language from its id (the engine knows ids only).

export function allocationReasonText(locale: Locale, reason: Reason, areaName: (areaId: string) => string): string {
  const p: Record<string, string | number> = { ...reason.params };
  if (typeof p.area === "string") p.area = p.area ? areaName(p.area) : translate(locale, "floor.area.none");
  if (typeof p.needs === "string")
    p.needs = p.needs
      .split(",")
      .filter(Boolean)
      .map((n) => translate(locale, `floor.need.${n}`))
      .join(locale === "ur" ? "، " : ", ");
  return translate(locale, `floor.reason.${reason.code}`, p);
}

/** Every reason of one exhibitor, in order, as one paragraph. */
export function allocationExplanation(locale: Locale, reasons: readonly Reason[], areaName: (areaId: string) => string): string {
  return reasons.map((r) => allocationReasonText(locale, r, areaName)).join(" ");
}
