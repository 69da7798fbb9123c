// Who may enter an award category: the category's rules over exhibitor data. Every rule set must
// hold; an empty list means "any". Pure: the operation gathers the facts.

export interface EligibilityRules {
  selectedOnly: boolean;
  sizeClasses: readonly string[];
  womenLedOnly: boolean;
  clusterSlugs: readonly string[];
  /** Sectors of the edition (their codes); an enterprise's sector is its cluster's. */
  sectorCodes?: readonly string[];
  /** The lowest baseline export-readiness score; null or absent: any. */
  minExportScore?: number | null;
}

export interface ExhibitorFacts {
  selected: boolean;
  sizeClass: string;
  womenLed: boolean;
  clusterSlug: string | null;
  /** The sector of the enterprise's cluster in the edition; null: no cluster, or one without a sector. */
  sectorCode?: string | null;
  /** The baseline's export-readiness score (0–100); null: no submitted baseline. */
  exportScore?: number | null;
}

export const ineligibilityReasons = ["not_selected", "size_class", "not_women_led", "cluster", "sector", "export_score"] as const;
export type IneligibilityReason = (typeof ineligibilityReasons)[number];

/** The rules an enterprise fails, in a fixed order; none means eligible. */
export function ineligibleBecause(rules: EligibilityRules, facts: ExhibitorFacts): IneligibilityReason[] {
  const out: IneligibilityReason[] = [];
  if (rules.selectedOnly && !facts.selected) out.push("not_selected");
  if (rules.sizeClasses.length > 0 && !rules.sizeClasses.includes(facts.sizeClass)) out.push("size_class");
  if (rules.womenLedOnly && !facts.womenLed) out.push("not_women_led");
  if (rules.clusterSlugs.length > 0 && !(facts.clusterSlug && rules.clusterSlugs.includes(facts.clusterSlug))) out.push("cluster");
  if (rules.sectorCodes?.length && !(facts.sectorCode && rules.sectorCodes.includes(facts.sectorCode))) out.push("sector");
  // No baseline answered: no score, so not above any floor.
  if (rules.minExportScore != null && (facts.exportScore ?? -1) < rules.minExportScore) out.push("export_score");
  return out;
}

export const isEligible = (rules: EligibilityRules, facts: ExhibitorFacts): boolean => ineligibleBecause(rules, facts).length === 0;
