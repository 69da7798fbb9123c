import { and, eq, inArray } from "drizzle-orm";
import type { StallPort } from "#features/b2b";
import { editions } from "#features/editions";
import { floorPath } from "./components/floor-parts";
import { floorHalls, floorStalls } from "./tables";

/** b2b's stall port: an exhibitor's confirmed stall and its hall (read only). */
export const floorStallPort: StallPort = {
  async stallsOf(db, editionId, enterpriseIds) {
    if (enterpriseIds.length === 0) return new Map();
    const rows = await db
      .select({ enterpriseId: floorStalls.enterpriseId, number: floorStalls.number, hall: floorHalls.code, hallEn: floorHalls.nameEn, hallUr: floorHalls.nameUr, slug: editions.slug })
      .from(floorStalls)
      .innerJoin(floorHalls, eq(floorHalls.id, floorStalls.hallId))
      .innerJoin(editions, eq(editions.id, floorStalls.editionId))
      .where(and(eq(floorStalls.editionId, editionId), eq(floorStalls.state, "confirmed"), inArray(floorStalls.enterpriseId, [...enterpriseIds])));
    return new Map(rows.map((r) => [r.enterpriseId!, { number: r.number, hallEn: r.hallEn, hallUr: r.hallUr, path: floorPath(r.slug, r.hall, r.number) }]));
  },
};
