import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import { DomainError } from "../../../platform/errors";
import { parseInput, type Input } from "../../../platform/validation";
import { stallShortfalls } from "../engine/quality";
import { floorAllocationPlacements, floorAllocationRuns } from "../tables";
import { draftForChange, refreshSummary } from "./allocation";
import { holdActive, planForAllocation, selectedExhibitors } from "./allocation-input";

// An organiser's changes to a draft allocation (docs/floor.md, "Allocating the stalls"): move one
// exhibitor to another stall (checked here, and by the run's unique indexes), lock or unlock a
// placement (a re-run keeps locked ones), discard the draft. Each locks the edition, then the run.

const id = z.uuid();
export const moveInput = z.strictObject({ runId: id, exhibitorId: id, stallNumber: z.string().trim().min(1).max(40) });

export type MoveWarning = "power" | "accessible" | "corner" | "size" | "not_own_area";

/**
 * Move an exhibitor of the run (placed or not) to the stall numbered `stallNumber`; the placement is
 * then locked. Refusals: `floor_run_not_draft`; `not_found` (what: exhibitor, stall);
 * `floor_stall_blocked`; `floor_stall_held` (on hold for, or given to, an exhibitor outside the
 * move); `floor_stall_taken` (another exhibitor has it in this draft). What the stall lacks of the
 * exhibitor's needs, or that it is outside its own area, comes back as warnings. Audited as
 * `floor.allocation_moved`.
 */
export async function moveExhibitor(ctx: Ctx, raw: Input<typeof moveInput>) {
  const input = parseInput(moveInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { run, edition } = await draftForChange(tx, ctx.actor, input.runId);
    const plan = await planForAllocation(tx, edition.id);
    const exhibitors = await selectedExhibitors(tx, edition);
    const ex = exhibitors.find((e) => e.id === input.exhibitorId);
    const [current] = await tx
      .select()
      .from(floorAllocationPlacements)
      .where(and(eq(floorAllocationPlacements.runId, run.id), eq(floorAllocationPlacements.enterpriseId, input.exhibitorId)));
    const unplaced = run.unplaced.some((u) => u.exhibitorId === input.exhibitorId);
    if (!ex || (!current && !unplaced)) throw new DomainError("not_found", { params: { what: "exhibitor" } });
    const wanted = input.stallNumber.toLowerCase();
    const stall = plan.stallRows.find((s) => s.number.toLowerCase() === wanted);
    if (!stall) throw new DomainError("not_found", { params: { what: "stall" } });
    const now = ctx.clock.now();
    if (stall.state === "blocked") throw new DomainError("floor_stall_blocked", { params: { stall: stall.number } });
    const inRun = new Set(exhibitors.map((e) => e.id));
    if ((holdActive(stall, now) && stall.enterpriseId !== ex.id) || ((stall.state === "assigned" || stall.state === "confirmed") && !inRun.has(stall.enterpriseId!)))
      throw new DomainError("floor_stall_held", { params: { stall: stall.number } });
    const [other] = await tx
      .select({ enterpriseId: floorAllocationPlacements.enterpriseId })
      .from(floorAllocationPlacements)
      .where(and(eq(floorAllocationPlacements.runId, run.id), eq(floorAllocationPlacements.stallId, stall.id)));
    if (other && other.enterpriseId !== ex.id) throw new DomainError("floor_stall_taken", { params: { stall: stall.number } });

    const area = stall.areaId ? plan.areas.find((a) => a.id === stall.areaId) : undefined;
    const inOwnArea =
      (area?.kind === "cluster_pavilion" && area.clusterId === ex.clusterId) || (area?.kind === "women_enclave" && ex.womenLed) || area?.kind === "enclave";
    const warnings: MoveWarning[] = [...stallShortfalls(ex, stall), ...(inOwnArea ? [] : (["not_own_area"] as const))];
    const reasons = [{ code: "pinned", params: { stall: stall.number } }];
    if (current) {
      await tx
        .update(floorAllocationPlacements)
        .set({ stallId: stall.id, locked: true, inOwnArea, reasons })
        .where(and(eq(floorAllocationPlacements.runId, run.id), eq(floorAllocationPlacements.enterpriseId, ex.id)));
    } else {
      await tx.insert(floorAllocationPlacements).values({ runId: run.id, enterpriseId: ex.id, stallId: stall.id, locked: true, inOwnArea, reasons });
      await tx
        .update(floorAllocationRuns)
        .set({ unplaced: run.unplaced.filter((u) => u.exhibitorId !== ex.id) })
        .where(eq(floorAllocationRuns.id, run.id));
    }
    const { summary } = await refreshSummary(tx, run, edition);
    const fromStall = current ? plan.stallRows.find((s) => s.id === current.stallId)?.number ?? null : null;
    await recordAudit(tx, ctx, {
      action: "floor.allocation_moved",
      entityType: "floor_allocation_run",
      entityId: run.id,
      organiserId: edition.organiserId,
      editionId: edition.id,
      data: { exhibitor: ex.nameEn, from: fromStall, to: stall.number, warnings },
    });
    return { stallNumber: stall.number, warnings, summary };
  });
}

export const lockInput = z.strictObject({ runId: id, exhibitorId: id, locked: z.boolean() });

/** Lock or unlock one placement of a draft (a re-run keeps the locked ones). Audited as
 *  `floor.allocation_locked`. */
export async function lockPlacement(ctx: Ctx, raw: Input<typeof lockInput>) {
  const input = parseInput(lockInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { run, edition } = await draftForChange(tx, ctx.actor, input.runId);
    const [row] = await tx
      .update(floorAllocationPlacements)
      .set({ locked: input.locked })
      .where(and(eq(floorAllocationPlacements.runId, run.id), eq(floorAllocationPlacements.enterpriseId, input.exhibitorId)))
      .returning();
    if (!row) throw new DomainError("not_found", { params: { what: "exhibitor" } });
    const { summary } = await refreshSummary(tx, run, edition);
    await recordAudit(tx, ctx, {
      action: "floor.allocation_locked",
      entityType: "floor_allocation_run",
      entityId: run.id,
      organiserId: edition.organiserId,
      editionId: edition.id,
      data: { exhibitorId: input.exhibitorId, locked: input.locked },
    });
    return { locked: row.locked, summary };
  });
}

const discardAllocationInput = z.strictObject({ runId: id });

/** Discard a draft: nothing of it reaches the stalls. Audited as `floor.allocation_discarded`. */
export async function discardAllocation(ctx: Ctx, raw: Input<typeof discardAllocationInput>) {
  const { runId } = parseInput(discardAllocationInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { run, edition } = await draftForChange(tx, ctx.actor, runId);
    await tx
      .update(floorAllocationRuns)
      .set({ status: "discarded", decidedAt: ctx.clock.now(), decidedBy: ctx.actor.kind === "user" ? ctx.actor.userId : null })
      .where(eq(floorAllocationRuns.id, run.id));
    await recordAudit(tx, ctx, { action: "floor.allocation_discarded", entityType: "floor_allocation_run", entityId: run.id, organiserId: edition.organiserId, editionId: edition.id, data: {} });
    return { status: "discarded" as const };
  });
}
