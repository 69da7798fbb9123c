// The published preference rule as arithmetic: bonus, reserved places and the
// order of applicants. Shared by the selection run and the follow-up steps.
import { byString, preferenceGroups, type PreferenceGroup, type SizeClass } from "./common";
import type { PreferenceRule } from "./selection-schemas";

export interface Rankable {
  id: string;
  adjusted: number;
  normalisedScore: number;
  rawScore: number;
  submittedAt: string; // ISO 8601 in UTC
}

export function bonusFor(a: { womenLed: boolean; sizeClass: SizeClass }, rule: PreferenceRule): number {
  const micro = a.sizeClass === "micro";
  return (a.womenLed ? rule.bonus.womenLed : 0) + (micro ? rule.bonus.micro : 0) + (a.womenLed && micro ? rule.bonus.womenLedMicro : 0);
}

/** Places reserved for each group in a cluster with `target` places. */
export function reservedSeats(target: number, rule: PreferenceRule): Record<PreferenceGroup, number> {
  const shares: Record<PreferenceGroup, number> = {
    women_led_micro: rule.reservedShare.womenLedMicro,
    women_led: rule.reservedShare.womenLed,
    micro: rule.reservedShare.micro,
  };
  const out = { women_led_micro: 0, women_led: 0, micro: 0 };
  let left = target;
  for (const g of preferenceGroups) {
    // The epsilon keeps 0.3 × 5 = 1.4999999… on the published side of the half.
    out[g] = Math.min(left, Math.floor(shares[g] * target + 0.5 + 1e-9));
    left -= out[g];
  }
  return out;
}


/** The published order: negative when `a` comes first. */
export function compareApplicants(a: Rankable, b: Rankable): number {
  return (
    b.adjusted - a.adjusted ||
    b.normalisedScore - a.normalisedScore ||
    b.rawScore - a.rawScore ||
    byString(a.submittedAt, b.submittedAt) ||
    byString(a.id, b.id)
  );
}

