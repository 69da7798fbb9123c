import { asc, desc, eq, max } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import { DomainError } from "../../../platform/errors";
import { parseInput, type Input } from "../../../platform/validation";
import { editionFor, editionForChange } from "#features/editions";
import { clusters } from "#features/editions";
import { floorAreas, floorHalls, floorPlanEdits, floorStalls } from "../tables";
import { length, refusingFloor, uuid } from "./plan-edit-core";

// The plan editor's halls (issue #12, item 2): the list, one hall as the editor shows it, a new hall.

// ————— reading —————

const listFloorHallsInput = z.object({ editionId: uuid });

/** The halls of an edition, for the editor's list. */
export async function listFloorHalls(ctx: Ctx, raw: Input<typeof listFloorHallsInput>) {
  const { editionId } = parseInput(listFloorHallsInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, editionId, "floor.plan");
  const halls = await ctx.db.select().from(floorHalls).where(eq(floorHalls.editionId, edition.id)).orderBy(asc(floorHalls.sort), asc(floorHalls.code));
  const stalls = await ctx.db.select({ hallId: floorStalls.hallId }).from(floorStalls).where(eq(floorStalls.editionId, edition.id));
  return {
    edition: { id: edition.id, slug: edition.slug, nameEn: edition.nameEn, nameUr: edition.nameUr },
    halls: halls.map((h) => ({ ...h, stallCount: stalls.filter((s) => s.hallId === h.id).length })),
  };
}

const getFloorHallInput = z.object({ hallId: uuid });

/** One hall as the editor shows it: every stall with its state, the areas, the clusters. */
export async function getFloorHall(ctx: Ctx, raw: Input<typeof getFloorHallInput>) {
  const { hallId } = parseInput(getFloorHallInput, raw);
  const [hall] = await ctx.db.select().from(floorHalls).where(eq(floorHalls.id, hallId));
  if (!hall) {
    // The same answer as editionFor gives for a missing edition, whoever asks.
    await editionFor(ctx.db, ctx.actor, "00000000-0000-0000-0000-000000000000", "floor.plan");
    throw new DomainError("not_found", { params: { what: "hall" } });
  }
  const edition = await editionFor(ctx.db, ctx.actor, hall.editionId, "floor.plan");
  const stalls = await ctx.db.select().from(floorStalls).where(eq(floorStalls.hallId, hall.id)).orderBy(asc(floorStalls.seq));
  const areas = await ctx.db.select().from(floorAreas).where(eq(floorAreas.hallId, hall.id)).orderBy(asc(floorAreas.sort), asc(floorAreas.code));
  const clusterRows = await ctx.db.select({ id: clusters.id, nameEn: clusters.nameEn, nameUr: clusters.nameUr }).from(clusters).where(eq(clusters.editionId, edition.id)).orderBy(asc(clusters.nameEn));
  const [last] = await ctx.db.select({ action: floorPlanEdits.action }).from(floorPlanEdits).where(eq(floorPlanEdits.hallId, hall.id)).orderBy(desc(floorPlanEdits.n)).limit(1);
  return { edition: { id: edition.id, slug: edition.slug, nameEn: edition.nameEn, nameUr: edition.nameUr }, hall, stalls, areas, clusters: clusterRows, lastEdit: last?.action ?? null };
}

// ————— halls —————

export const createHallInput = z.object({
  editionId: uuid,
  code: z.string().trim().min(1).max(20).regex(/^[A-Za-z0-9_-]+$/),
  nameEn: z.string().trim().min(1).max(120),
  nameUr: z.string().trim().min(1).max(120),
  widthM: length,
  depthM: length,
});

/** A new, empty hall of the edition. Refusals: `floor_code_taken`. */
export async function createFloorHall(ctx: Ctx, raw: Input<typeof createHallInput>) {
  const input = parseInput(createHallInput, raw);
  return refusingFloor(() =>
    inTransaction(ctx, async (tx) => {
      const edition = await editionForChange(tx, ctx.actor, input.editionId, "floor.plan");
      const [{ sort } = { sort: 0 }] = await tx.select({ sort: max(floorHalls.sort) }).from(floorHalls).where(eq(floorHalls.editionId, edition.id)) as { sort: number | null }[];
      const [hall] = await tx
        .insert(floorHalls)
        .values({ editionId: edition.id, code: input.code, nameEn: input.nameEn, nameUr: input.nameUr, widthM: input.widthM, depthM: input.depthM, sort: (sort ?? 0) + 1 })
        .returning();
      await recordAudit(tx, ctx, { action: "floor.hall_created", entityType: "floor_hall", entityId: hall!.id, organiserId: edition.organiserId, editionId: edition.id, data: { code: input.code, widthM: input.widthM, depthM: input.depthM } });
      return hall!;
    }),
  );
}

