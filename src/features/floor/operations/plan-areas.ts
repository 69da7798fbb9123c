import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../../platform/context";
import { DomainError } from "../../../platform/errors";
import { parseInput, type Input } from "../../../platform/validation";
import { clusters } from "#features/editions";
import type { Tx } from "../../../platform/db/types";
import { rectPoints, snap, withinRect, type Rect } from "../engine/geometry";
import { areaKinds, floorAreas, floorStalls } from "../tables";
import { editHall, grid, length, metres, noInverse, outlineOf, snapshot, uuid, type AreaRow, type HallRow } from "./plan-edit-core";

// The plan editor's areas (issue #12, item 2): a pavilion, an enclave, a stage… drawn as a
// rectangle around stalls; the stalls inside it become its stalls. An area is changed (its kind,
// cluster, code, names, rectangle) or deleted like any edit: checked, audited, undone by "Undo".
// Its stalls are never deleted with it: they stay where they are, in no area.

const areaFields = {
  kind: z.enum(areaKinds),
  clusterId: uuid.nullish(),
  code: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/),
  nameEn: z.string().trim().min(1).max(120),
  nameUr: z.string().trim().min(1).max(120),
};

export const addAreaInput = z.object({
  hallId: uuid,
  ...areaFields,
  x: metres,
  y: metres,
  w: length,
  h: length,
  grid,
});

/** An area drawn as a rectangle; the stalls inside it become its stalls. A pavilion names its
 *  cluster; an enclave may name the cluster it hosts. */
export async function addFloorArea(ctx: Ctx, raw: Input<typeof addAreaInput>) {
  const i = parseInput(addAreaInput, raw);
  checkCluster(i);
  return editHall(ctx, i.hallId, "area", async ({ tx, edition, hall, stalls, areas }) => {
    await clusterOfEdition(tx, edition.id, i.clusterId);
    const r = areaRect(hall, i, i.code);
    const [area] = await tx
      .insert(floorAreas)
      .values({ editionId: edition.id, hallId: hall.id, kind: i.kind, clusterId: i.clusterId ?? null, code: i.code, nameEn: i.nameEn, nameUr: i.nameUr, polygon: rectPoints(r), sort: areas.length + 1 })
      .returning();
    const inside = stalls.filter((s) => withinRect(outlineOf(s), r));
    if (inside.length) await tx.update(floorStalls).set({ areaId: area!.id }).where(inArray(floorStalls.id, inside.map((s) => s.id)));
    return { result: { area: area!, stalls: inside.length }, inverse: { ...noInverse(), createdAreas: [area!.id], stallsBefore: inside.map(snapshot) }, data: { area: i.code, kind: i.kind, stalls: inside.length } };
  });
}


/** A pavilion names its cluster; an enclave may name the cluster it hosts; no other area names one. */
function checkCluster(i: { kind: string; clusterId?: string | null }) {
  if (i.kind === "cluster_pavilion" && !i.clusterId) throw new DomainError("validation_failed", { fields: [{ path: "clusterId", code: "floor_cluster_required" }] });
  if (i.clusterId && i.kind !== "cluster_pavilion" && i.kind !== "enclave")
    throw new DomainError("validation_failed", { fields: [{ path: "clusterId", code: "floor_cluster_only_pavilion" }] });
}
async function clusterOfEdition(tx: Tx, editionId: string, clusterId: string | null | undefined) {
  if (!clusterId) return;
  const [c] = await tx.select({ id: clusters.id }).from(clusters).where(and(eq(clusters.id, clusterId), eq(clusters.editionId, editionId)));
  if (!c) throw new DomainError("not_found", { params: { what: "cluster" } });
}
/** The rectangle on the grid, inside the hall. */
function areaRect(hall: HallRow, i: { x: number; y: number; w: number; h: number; grid: number }, code: string): Rect {
  const r = { x: snap(i.x, i.grid), y: snap(i.y, i.grid), w: snap(i.w, i.grid) || i.w, h: snap(i.h, i.grid) || i.h };
  if (r.x + r.w > hall.widthM + 1e-6 || r.y + r.h > hall.depthM + 1e-6) throw new DomainError("floor_outside_hall", { params: { stall: code, other: "" } });
  return r;
}
function areaIn(areas: AreaRow[], id: string): AreaRow {
  const a = areas.find((x) => x.id === id);
  if (!a) throw new DomainError("not_found", { params: { what: "area" } });
  return a;
}

export const editAreaInput = z
  .object({
    hallId: uuid,
    areaId: uuid,
    ...areaFields,
    /** A new rectangle: all four, or none (the outline stays as it is). */
    x: metres.optional(),
    y: metres.optional(),
    w: length.optional(),
    h: length.optional(),
    grid,
  })
  .refine((i) => [i.x, i.y, i.w, i.h].every((v) => v === undefined) || [i.x, i.y, i.w, i.h].every((v) => v !== undefined), { path: ["w"], params: { code: "floor_area_rect" } });

/**
 * Changes an area: kind, cluster, code, names and, if given, its rectangle. With a new rectangle
 * the stalls inside it become its stalls and its stalls now outside it leave it (in no area).
 * Refusals: `floor_code_taken`, `floor_outside_hall`, a pavilion without its cluster.
 */
export async function editFloorArea(ctx: Ctx, raw: Input<typeof editAreaInput>) {
  const i = parseInput(editAreaInput, raw);
  checkCluster(i);
  return editHall(ctx, i.hallId, "area_edit", async ({ tx, edition, hall, stalls, areas }) => {
    const before = areaIn(areas, i.areaId);
    await clusterOfEdition(tx, edition.id, i.clusterId);
    const r = i.x !== undefined ? areaRect(hall, { x: i.x, y: i.y!, w: i.w!, h: i.h!, grid: i.grid }, i.code) : null;
    const [area] = await tx
      .update(floorAreas)
      .set({ kind: i.kind, clusterId: i.clusterId ?? null, code: i.code, nameEn: i.nameEn, nameUr: i.nameUr, ...(r ? { polygon: rectPoints(r) } : {}) })
      .where(eq(floorAreas.id, before.id))
      .returning();
    const changed = r
      ? stalls.filter((s) => {
          const inside = withinRect(outlineOf(s), r);
          return inside ? s.areaId !== before.id : s.areaId === before.id;
        })
      : [];
    const joining = changed.filter((s) => s.areaId !== before.id).map((s) => s.id);
    const leaving = changed.filter((s) => s.areaId === before.id).map((s) => s.id);
    if (joining.length) await tx.update(floorStalls).set({ areaId: before.id }).where(inArray(floorStalls.id, joining));
    if (leaving.length) await tx.update(floorStalls).set({ areaId: null }).where(inArray(floorStalls.id, leaving));
    return {
      result: { area: area!, joined: joining.length, left: leaving.length },
      inverse: { ...noInverse(), areasBefore: [snapshot(before)], stallAreas: changed.map((s) => ({ id: s.id, areaId: s.areaId })) },
      data: { area: before.code, code: i.code, kind: i.kind, moved: r !== null, joined: joining.length, left: leaving.length },
    };
  });
}

const deleteFloorAreaInput = z.object({ hallId: uuid, areaId: uuid });

/** Deletes an area; its stalls stay where they are, in no area. Undo brings it back with its stalls. */
export async function deleteFloorArea(ctx: Ctx, raw: Input<typeof deleteFloorAreaInput>) {
  const i = parseInput(deleteFloorAreaInput, raw);
  return editHall(ctx, i.hallId, "area_delete", async ({ tx, stalls, areas }) => {
    const gone = areaIn(areas, i.areaId);
    const its = stalls.filter((s) => s.areaId === gone.id);
    // The stalls' foreign key sets their area to null (floor_stalls_area_fk).
    await tx.delete(floorAreas).where(eq(floorAreas.id, gone.id));
    return {
      result: { deleted: gone.code, stalls: its.length },
      inverse: { ...noInverse(), areasBefore: [snapshot(gone)], stallAreas: its.map((s) => ({ id: s.id, areaId: gone.id })) },
      data: { area: gone.code, kind: gone.kind, stalls: its.length },
    };
  });
}
