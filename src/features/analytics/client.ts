// The browser-safe part of the analytics feature's public surface (`#features/analytics/client`):
// the choices its page offers. Decision 0014.
export const breakdownNames = ["cluster", "sector", "province", "district", "size", "women_led", "micro"] as const;
export const funnelMeasureNames = ["nominated", "selected", "exhibiting", "baseline", "inB2b", "meetings"] as const;
