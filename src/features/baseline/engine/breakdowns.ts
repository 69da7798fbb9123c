// The dashboards' breakdowns and a firm's group in each (pure; pages import the list for their
// select, so this module imports nothing).

export const breakdowns = ["cluster", "province", "size", "women_led", "micro"] as const;
export type Breakdown = (typeof breakdowns)[number];

export interface FirmGroups {
  clusterSlug: string | null;
  province: string | null;
  sizeClass: "micro" | "small" | "medium";
  womenLed: boolean;
}

export function groupOf(by: Breakdown, s: FirmGroups): string {
  if (by === "cluster") return s.clusterSlug ?? "unknown";
  if (by === "province") return s.province ?? "unknown";
  if (by === "size") return s.sizeClass;
  if (by === "women_led") return s.womenLed ? "yes" : "no";
  return s.sizeClass === "micro" ? "yes" : "no";
}
