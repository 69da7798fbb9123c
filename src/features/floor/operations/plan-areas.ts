import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../../platform/context";
import { DomainError } from "../../../platform/errors";
import { parseInput } from "../../../platform/validation";
import { clusters } from "../../editions/tables";
import { rectPoints, snap, withinRect } from "../engine/geometry";
import { areaKinds, floorAreas, floorStalls } from "../tables";
import { editHall, grid, length, metres, noInverse, outlineOf, snapshot, uuid } from "./plan-edit-core";

// The plan editor's areas (issue #12, item 2): a pavilion, an enclave, a stage… drawn as a
// rectangle around stalls; the stalls inside it become its stalls.

// ————— areas —————

export const addAreaInput = z.object({
  hallId: uuid,
  kind: z.enum(areaKinds),
  clusterId: uuid.nullish(),
  code: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/),
  nameEn: z.string().trim().min(1).max(120),
  nameUr: z.string().trim().min(1).max(120),
  x: metres,
  y: metres,
  w: length,
  h: length,
  grid,
});

/** An area drawn as a rectangle; the stalls inside it become its stalls. A pavilion names its cluster. */
export async function addFloorArea(ctx: Ctx, raw: unknown) {
  const i = parseInput(addAreaInput, raw);
  if ((i.kind === "cluster_pavilion") !== !!i.clusterId)
    throw new DomainError("validation_failed", { fields: [{ path: "clusterId", code: i.clusterId ? "floor_cluster_only_pavilion" : "floor_cluster_required" }] });
  return editHall(ctx, i.hallId, "area", async ({ tx, edition, hall, stalls, areas }) => {
    if (i.clusterId) {
      const [c] = await tx.select({ id: clusters.id }).from(clusters).where(and(eq(clusters.id, i.clusterId), eq(clusters.editionId, edition.id)));
      if (!c) throw new DomainError("not_found", { params: { what: "cluster" } });
    }
    const r = { x: snap(i.x, i.grid), y: snap(i.y, i.grid), w: snap(i.w, i.grid) || i.w, h: snap(i.h, i.grid) || i.h };
    if (r.x + r.w > hall.widthM + 1e-6 || r.y + r.h > hall.depthM + 1e-6) throw new DomainError("floor_outside_hall", { params: { stall: i.code, other: "" } });
    const [area] = await tx
      .insert(floorAreas)
      .values({ editionId: edition.id, hallId: hall.id, kind: i.kind, clusterId: i.clusterId ?? null, code: i.code, nameEn: i.nameEn, nameUr: i.nameUr, polygon: rectPoints(r), sort: areas.length + 1 })
      .returning();
    const inside = stalls.filter((s) => withinRect(outlineOf(s), r));
    if (inside.length) await tx.update(floorStalls).set({ areaId: area!.id }).where(inArray(floorStalls.id, inside.map((s) => s.id)));
    return { result: { area: area!, stalls: inside.length }, inverse: { ...noInverse(), createdAreas: [area!.id], stallsBefore: inside.map(snapshot) }, data: { area: i.code, kind: i.kind, stalls: inside.length } };
  });
}

