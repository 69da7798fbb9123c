import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../../../platform/db/types";
import { floorAreas, floorHalls, floorStalls, type FloorEntrance, type FloorObstacle } from "../tables";
import { bbox } from "./plan";

// Where a stall is drawn (issue #12, item 6: "each exhibitor and product has a shareable page with
// its stall on the map"): what the catalogue's small locator map needs, and nothing more. The
// hall's outline, its entrances and columns, every stall's box (drawn faint, as one path) and the
// stall itself with its pavilion. Only the plan's geometry: no exhibitor, so it is public for any
// stall; the caller decides which stall to show (the catalogue: a confirmed one).

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface StallLocation {
  hall: { code: string; nameEn: string; nameUr: string; widthM: number; depthM: number; entrances: FloorEntrance[]; obstacles: FloorObstacle[] };
  stall: { number: string; box: Box };
  area: { nameEn: string; nameUr: string; box: Box } | null;
  /** The hall's other stalls, as boxes. */
  others: Box[];
}

/** The locator of stall `number` in hall `hall` (its code) of an edition; null when there is none. */
export async function stallLocation(db: Executor, editionId: string, where: { hall: string; number: string }): Promise<StallLocation | null> {
  const [hall] = await db
    .select()
    .from(floorHalls)
    .where(and(eq(floorHalls.editionId, editionId), eq(floorHalls.code, where.hall)));
  if (!hall) return null;
  const rows = await db
    .select({ number: floorStalls.number, areaId: floorStalls.areaId, x: floorStalls.x, y: floorStalls.y, w: floorStalls.w, h: floorStalls.h, polygon: floorStalls.polygon })
    .from(floorStalls)
    .where(eq(floorStalls.hallId, hall.id))
    .orderBy(asc(floorStalls.seq));
  const boxOf = (s: (typeof rows)[number]): Box => (s.x !== null && s.y !== null && s.w !== null && s.h !== null ? { x: s.x, y: s.y, w: s.w, h: s.h } : bbox(s.polygon ?? []));
  const stall = rows.find((s) => s.number === where.number);
  if (!stall) return null;
  const [area] = stall.areaId ? await db.select().from(floorAreas).where(eq(floorAreas.id, stall.areaId)) : [];
  return {
    hall: { code: hall.code, nameEn: hall.nameEn, nameUr: hall.nameUr, widthM: hall.widthM, depthM: hall.depthM, entrances: hall.entrances, obstacles: hall.obstacles },
    stall: { number: stall.number, box: boxOf(stall) },
    area: area ? { nameEn: area.nameEn, nameUr: area.nameUr, box: bbox(area.polygon) } : null,
    others: rows.filter((s) => s !== stall).map(boxOf),
  };
}
