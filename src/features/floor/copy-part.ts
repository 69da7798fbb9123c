import { asc, eq, sql } from "drizzle-orm";
import { rowsOf } from "../../platform/db/rows";
import type { Executor } from "../../platform/db/types";
import { clusters } from "#features/editions";
import type { EditionCopyPart } from "#features/editions";
import { floorAreas, floorBackgrounds, floorHalls, floorStalls } from "./tables";

/** The floor's part of copying an edition (editions/copy-port.ts; provided by src/wiring.ts): the
 *  halls with their entrances, obstacles and background drawings (placed and shown as they were), the areas (a pavilion names the copy's cluster of the
 *  same slug; clusters are copied before the parts run) and the stalls with their shapes, types and
 *  features. Not who holds a stall: every stall of the copy is available, except the ones the
 *  organiser blocked (a column, a fire exit), which stay blocked; holds, assignments and
 *  confirmations are agreed each year. */
export const floorCopyPart: EditionCopyPart = {
  name: "floor",
  copy: (tx, _ctx, from, to) => copyFloorPlan(tx, from.id, to.id),
};

/** Copies edition `fromId`'s floor plan into edition `toId` (whose clusters exist), as above. */
export async function copyFloorPlan(tx: Executor, fromId: string, toId: string): Promise<Record<string, number>> {
  const clusterIds = new Map<string, string>();
  const fromClusters = await tx.select({ id: clusters.id, slug: clusters.slug }).from(clusters).where(eq(clusters.editionId, fromId));
  const toClusters = new Map(
    (await tx.select({ id: clusters.id, slug: clusters.slug }).from(clusters).where(eq(clusters.editionId, toId))).map((c) => [c.slug, c.id]),
  );
  for (const c of fromClusters) if (toClusters.has(c.slug)) clusterIds.set(c.id, toClusters.get(c.slug)!);

  const hallIds = new Map<string, string>();
  for (const { id, ...h } of await tx.select().from(floorHalls).where(eq(floorHalls.editionId, fromId)).orderBy(asc(floorHalls.sort))) {
    const [row] = await tx.insert(floorHalls).values({ ...h, editionId: toId }).returning({ id: floorHalls.id });
    hallIds.set(id, row!.id);
  }
  const areaIds = new Map<string, string>();
  for (const { id, ...a } of await tx.select().from(floorAreas).where(eq(floorAreas.editionId, fromId)).orderBy(asc(floorAreas.sort))) {
    const [row] = await tx
      .insert(floorAreas)
      .values({ ...a, editionId: toId, hallId: hallIds.get(a.hallId)!, clusterId: a.clusterId ? clusterIds.get(a.clusterId)! : null })
      .returning({ id: floorAreas.id });
    areaIds.set(id, row!.id);
  }
  const stalls = await tx.select().from(floorStalls).where(eq(floorStalls.editionId, fromId));
  // In chunks: one statement's parameters stay well under PostgreSQL's 65,535 for a large floor.
  for (let i = 0; i < stalls.length; i += 500)
    await tx.insert(floorStalls).values(
      stalls.slice(i, i + 500).map(({ id: _id, ...s }) => ({
        ...s,
        editionId: toId,
        hallId: hallIds.get(s.hallId)!,
        areaId: s.areaId ? areaIds.get(s.areaId)! : null,
        state: s.state === "blocked" ? ("blocked" as const) : ("available" as const),
        holdExpiresAt: null,
        enterpriseId: null,
      })),
    );
  // The drawings copied inside the database: their bytes (up to 5 MB each) never pass through here.
  let backgrounds = 0;
  for (const [fromHall, toHall] of hallIds) {
    const b = floorBackgrounds;
    const copied = await tx.execute(sql`
      INSERT INTO ${b} (hall_id, edition_id, content_type, bytes, size, pixel_width, pixel_height, width_m, offset_x, offset_y, public, uploaded_at)
      SELECT ${toHall}, ${toId}, content_type, bytes, size, pixel_width, pixel_height, width_m, offset_x, offset_y, public, uploaded_at
      FROM ${b} WHERE hall_id = ${fromHall}
      RETURNING hall_id`);
    backgrounds += rowsOf(copied).length;
  }
  return { halls: hallIds.size, areas: areaIds.size, stalls: stalls.length, backgrounds };
}
