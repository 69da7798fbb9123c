// The dashboards' breakdowns and a firm's group in each (pure; pages import the list for their
// select, so this module imports nothing).

export const breakdowns = ["cluster", "province", "size", "women_led", "micro", "district", "sector"] as const;
export type Breakdown = (typeof breakdowns)[number];
/** The breakdowns of the open-data page and the PDF report: all of them, suppressed together
 *  (engine/disclosure.ts) because their tables share their firms. */
export const publicBreakdowns = ["cluster", "sector", "province", "district", "size", "women_led", "micro"] as const satisfies readonly Breakdown[];

export interface FirmGroups {
  clusterSlug: string | null;
  province: string | null;
  district?: string | null;
  /** The code of the sector of the firm's cluster. */
  sector?: string | null;
  sizeClass: "micro" | "small" | "medium";
  womenLed: boolean;
}

export function groupOf(by: Breakdown, s: FirmGroups): string {
  if (by === "cluster") return s.clusterSlug ?? "unknown";
  if (by === "province") return s.province ?? "unknown";
  if (by === "size") return s.sizeClass;
  if (by === "district") return s.district ?? "unknown";
  if (by === "sector") return s.sector ?? "unknown";
  if (by === "women_led") return s.womenLed ? "yes" : "no";
  return s.sizeClass === "micro" ? "yes" : "no";
}
