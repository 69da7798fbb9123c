import { and, eq, inArray } from "drizzle-orm";
import type { StallPort } from "#features/b2b";
import { floorHalls, floorStalls } from "./tables";

/** b2b's stall port: an exhibitor's confirmed stall and its hall (read only). */
export const floorStallPort: StallPort = {
  async stallsOf(db, editionId, enterpriseIds) {
    if (enterpriseIds.length === 0) return new Map();
    const rows = await db
      .select({ enterpriseId: floorStalls.enterpriseId, number: floorStalls.number, hallEn: floorHalls.nameEn, hallUr: floorHalls.nameUr })
      .from(floorStalls)
      .innerJoin(floorHalls, eq(floorHalls.id, floorStalls.hallId))
      .where(and(eq(floorStalls.editionId, editionId), eq(floorStalls.state, "confirmed"), inArray(floorStalls.enterpriseId, [...enterpriseIds])));
    return new Map(rows.map((r) => [r.enterpriseId!, { number: r.number, hallEn: r.hallEn, hallUr: r.hallUr }]));
  },
};
