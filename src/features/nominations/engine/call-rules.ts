// The preference rule of a call for nominations, published before the call opens; the selection
// engine (selection/engine) applies it. Pure: no I/O.
import { z } from "zod";

const points = z.number().min(0).max(100).default(0);
const share = z.number().min(0).max(1).default(0);

// The preference rule, chosen and published before the call opens.
// Bonuses add up: a women-led micro enterprise gets womenLed + micro +
// womenLedMicro points. Reserved shares are minimum shares of each cluster's
// places (see select.ts for rounding and fill order).
export const PreferenceRule = z
  .object({
    bonus: z.object({ womenLed: points, micro: points, womenLedMicro: points }).prefault({}),
    reservedShare: z.object({ womenLed: share, micro: share, womenLedMicro: share }).prefault({}),
    minimumScore: z.number().min(0).max(100).default(0),
    waitlistPerCluster: z.number().int().min(0).nullable().default(null), // null: no limit
  })
  .superRefine((rule, ctx) => {
    const { womenLed, micro, womenLedMicro } = rule.reservedShare;
    if (womenLed + micro + womenLedMicro > 1 + 1e-9) {
      ctx.addIssue({ code: "custom", path: ["reservedShare"], params: { code: "reserved_shares_exceed_places" } });
    }
  });
export type PreferenceRule = z.output<typeof PreferenceRule>;
