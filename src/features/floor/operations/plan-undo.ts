import { desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import { DomainError } from "../../../platform/errors";
import { parseInput, type Input } from "../../../platform/validation";
import { partForChange } from "#features/editions";
import { floorAreas, floorHalls, floorPlanEdits, floorStalls } from "../tables";
import { HELD, refusingFloor, uuid, type AreaRow, type StallRow } from "./plan-edit-core";

// Undo of the plan editor (issue #12, item 2): each edit stored its inverse in the hall's history.

// ————— undo —————

const undoFloorEditInput = z.object({ hallId: uuid });

/** Undoes the hall's last edit: what it created goes, what it changed or deleted comes back. Refusals: `floor_nothing_to_undo`, `floor_stall_taken`. */
export async function undoFloorEdit(ctx: Ctx, raw: Input<typeof undoFloorEditInput>) {
  const { hallId } = parseInput(undoFloorEditInput, raw);
  return refusingFloor(() =>
    inTransaction(ctx, async (tx) => {
      const [found] = await tx.select().from(floorHalls).where(eq(floorHalls.id, hallId));
      const { part: hall, edition } = await partForChange(tx, ctx.actor, found, "floor.plan", "hall");
      const [last] = await tx.select().from(floorPlanEdits).where(eq(floorPlanEdits.hallId, hall.id)).orderBy(desc(floorPlanEdits.n)).limit(1);
      if (!last) throw new DomainError("floor_nothing_to_undo");
      const inv = last.inverse;
      if (inv.createdStalls.length) {
        const created = await tx.select().from(floorStalls).where(inArray(floorStalls.id, inv.createdStalls));
        const held = created.find((s) => HELD.has(s.state));
        if (held) throw new DomainError("floor_stall_taken", { params: { stall: held.number } });
        await tx.delete(floorStalls).where(inArray(floorStalls.id, inv.createdStalls));
      }
      // An area deleted comes back, one changed gets its fields back (an edit keeps its id).
      for (const a of inv.areasBefore) {
        const { id, editionId, hallId, ...fields } = a as AreaRow;
        await tx.insert(floorAreas).values({ id, editionId, hallId, ...fields }).onConflictDoUpdate({ target: floorAreas.id, set: fields });
      }
      for (const s of inv.stallAreas ?? []) await tx.update(floorStalls).set({ areaId: s.areaId }).where(eq(floorStalls.id, s.id));
      if (inv.stallsBefore.length) {
        const ids = inv.stallsBefore.map((s) => String(s.id));
        const now = await tx.select().from(floorStalls).where(inArray(floorStalls.id, ids));
        // Who holds a stall is the allocation's, not the drawing's: undo puts back the shape and
        // number, and keeps the state a stall has now.
        const held = new Map(now.map((s) => [s.id, { state: s.state, enterpriseId: s.enterpriseId, holdExpiresAt: s.holdExpiresAt }]));
        await tx.delete(floorStalls).where(inArray(floorStalls.id, ids));
        await tx.insert(floorStalls).values(
          inv.stallsBefore.map((s) => {
            const row = { ...(s as unknown as StallRow), holdExpiresAt: s.holdExpiresAt ? new Date(String(s.holdExpiresAt)) : null };
            const keep = held.get(row.id);
            return keep ? { ...row, ...keep } : row;
          }),
        );
      }
      if (inv.createdAreas.length) await tx.delete(floorAreas).where(inArray(floorAreas.id, inv.createdAreas));
      await tx.delete(floorPlanEdits).where(eq(floorPlanEdits.id, last.id));
      await recordAudit(tx, ctx, { action: "floor.plan_undone", entityType: "floor_hall", entityId: hall.id, organiserId: edition.organiserId, editionId: edition.id, data: { edit: last.action, hall: hall.code } });
      return { undone: last.action };
    }),
  );
}
