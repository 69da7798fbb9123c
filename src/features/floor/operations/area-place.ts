import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../../platform/db/types";
import { floorPath, MARKED_ANCHOR, query } from "../components/floor-parts";
import { floorAreas, floorHalls, type AreaKind } from "../tables";

// Where an area of the plan is, for other features that point at it (issue #13: a room of the
// agenda on the floor map). The link opens the area's hall with the area marked on the plan
// (`?area=<code>`, pages/hall.tsx), scrolled to the line that names it above the plan.

export interface AreaPlace {
  id: string;
  code: string;
  kind: AreaKind;
  nameEn: string;
  nameUr: string;
  hall: { code: string; nameEn: string; nameUr: string };
  /** The public hall page with the area marked. */
  href: string;
}

/** The areas of an edition's plan (or the given ones of it), hall by hall, with their links. */
export async function areaPlaces(db: Executor, edition: { id: string; slug: string }, ids?: readonly string[]): Promise<AreaPlace[]> {
  if (ids && ids.length === 0) return [];
  const rows = await db
    .select({ area: floorAreas, hall: { code: floorHalls.code, nameEn: floorHalls.nameEn, nameUr: floorHalls.nameUr } })
    .from(floorAreas)
    .innerJoin(floorHalls, eq(floorHalls.id, floorAreas.hallId))
    .where(and(eq(floorAreas.editionId, edition.id), ids ? inArray(floorAreas.id, [...ids]) : undefined))
    .orderBy(asc(floorHalls.code), asc(floorAreas.sort), asc(floorAreas.code));
  return rows.map(({ area: a, hall }) => ({
    id: a.id,
    code: a.code,
    kind: a.kind,
    nameEn: a.nameEn,
    nameUr: a.nameUr,
    hall,
    href: `${floorPath(edition.slug, hall.code)}${query({ area: a.code })}#${MARKED_ANCHOR}`,
  }));
}
