import { and, eq, inArray } from "drizzle-orm";
import type { StallNeedsPort } from "#features/floor";
import { exhibitorProfiles } from "./tables";

/** The stall needs exhibitors state in their portal, for the floor's allocation (floor/stall-needs-port.ts). */
export const exhibitorsStallNeedsPort: StallNeedsPort = {
  async needsOf(db, editionId, enterpriseIds) {
    if (!enterpriseIds.length) return new Map();
    const rows = await db
      .select({
        enterpriseId: exhibitorProfiles.enterpriseId,
        power: exhibitorProfiles.powerNeed,
        stepFree: exhibitorProfiles.stepFree,
        wantsCorner: exhibitorProfiles.wantsCorner,
        areaM2: exhibitorProfiles.stallAreaM2,
        womenEnclave: exhibitorProfiles.womenEnclave,
      })
      .from(exhibitorProfiles)
      .where(and(eq(exhibitorProfiles.editionId, editionId), inArray(exhibitorProfiles.enterpriseId, [...enterpriseIds])));
    return new Map(rows.map(({ enterpriseId, ...needs }) => [enterpriseId, needs]));
  },
};
