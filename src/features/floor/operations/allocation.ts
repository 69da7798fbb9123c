import { and, desc, eq, inArray, ne } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import type { Actor } from "../../../platform/permissions/actor";
import { authorizeFound } from "../../../platform/permissions/found";
import { parseInput, type Input } from "../../../platform/validation";
import { enterprises } from "#features/editions";
import { editionFor, editionForChange, type Edition } from "#features/editions";
import { allocate, defaultAllocRules, type AllocArea, type AllocExhibitor, type AllocPin, type AllocStall } from "../engine/allocate";
import { allocationQuality } from "../engine/quality";
import { floorAllocationPlacements, floorAllocationRuns, type AllocationSummary } from "../tables";
import { holdActive, planForAllocation, selectedExhibitors, type PlanForAllocation, type SelectedExhibitor } from "./allocation-input";

// Allocation runs (issue #12, item 3; docs/floor.md, "Allocating the stalls"). The organiser runs
// the engine on the edition's plan and selected exhibitors; the result is stored as a draft run
// (floor_allocation_runs, one draft per edition) with a placement per exhibitor and its reasons.
// What is kept as it is (a pin): a placement locked in the run it re-runs, a running hold, and the
// stall an exhibitor already has (assigned or confirmed). Edits are in allocation-edit.ts, confirming
// in allocation-confirm.ts. Every change locks the edition, then the run (always in that order), so
// two organisers' changes of one edition run one after the other. Permission `floor.allocate`.

export type AllocationRun = typeof floorAllocationRuns.$inferSelect;
export type AllocationPlacement = typeof floorAllocationPlacements.$inferSelect;
const id = z.uuid();

/** The run, for changing it: edition then run locked FOR UPDATE, authorised; `not_found` (what:
 *  run) for staff when it is missing, the same refusal as for an existing one for anyone else. */
export async function runForChange(tx: Executor, actor: Actor, runId: string): Promise<{ run: AllocationRun; edition: Edition }> {
  const [peek] = await tx.select({ editionId: floorAllocationRuns.editionId }).from(floorAllocationRuns).where(eq(floorAllocationRuns.id, runId));
  authorizeFound(actor, "floor.allocate", peek ?? null, () => ({}), "run");
  const edition = await editionForChange(tx, actor, peek!.editionId, "floor.allocate");
  const [run] = await tx.select().from(floorAllocationRuns).where(eq(floorAllocationRuns.id, runId)).for("update");
  return { run: run!, edition };
}

/** A draft run, for changing it (`floor_run_not_draft` once confirmed or discarded). */
export async function draftForChange(tx: Executor, actor: Actor, runId: string) {
  const found = await runForChange(tx, actor, runId);
  if (found.run.status !== "draft") throw new DomainError("floor_run_not_draft");
  return found;
}

/** The run for reading, authorised on its edition. */
async function runFor(db: Executor, actor: Actor, runId: string) {
  const [run] = await db.select().from(floorAllocationRuns).where(eq(floorAllocationRuns.id, runId));
  authorizeFound(actor, "floor.allocate", run ?? null, () => ({}), "run");
  const edition = await editionFor(db, actor, run!.editionId, "floor.allocate");
  return { run: run!, edition };
}

/** Which stalls the engine may give, and what it must keep (see the header). */
export function allocationPins(
  plan: PlanForAllocation,
  exhibitors: readonly SelectedExhibitor[],
  locked: readonly { enterpriseId: string; stallId: string }[],
  now: Date,
): { pins: AllocPin[]; free: Set<string> } {
  const inRun = new Set(exhibitors.map((e) => e.id));
  const free = new Set<string>();
  for (const s of plan.stallRows) {
    // A stall held or given to someone outside this run, or blocked, is only ever taken by a pin.
    if (s.state === "available" || (s.state === "on_hold" && !holdActive(s, now))) free.add(s.id);
    else if ((s.state === "assigned" || s.state === "confirmed") && s.enterpriseId && inRun.has(s.enterpriseId)) free.add(s.id);
  }
  const pins: AllocPin[] = [];
  const pinnedEx = new Set<string>();
  const pinnedStall = new Set<string>();
  const stallById = new Map(plan.stallRows.map((s) => [s.id, s]));
  const add = (exhibitorId: string, stallId: string) => {
    if (!inRun.has(exhibitorId) || pinnedEx.has(exhibitorId) || pinnedStall.has(stallId)) return;
    pins.push({ exhibitorId, stallId });
    pinnedEx.add(exhibitorId);
    pinnedStall.add(stallId);
  };
  // 1. Locks of the run re-run, unless the stall is now blocked or held for someone else.
  for (const l of locked) {
    const s = stallById.get(l.stallId);
    if (!s || s.state === "blocked" || (holdActive(s, now) && s.enterpriseId !== l.enterpriseId)) continue;
    if ((s.state === "assigned" || s.state === "confirmed") && !inRun.has(s.enterpriseId!)) continue;
    add(l.enterpriseId, l.stallId);
  }
  // 2. Running holds; 3. stalls already assigned or confirmed.
  for (const s of plan.stallRows) if (holdActive(s, now) && s.enterpriseId) add(s.enterpriseId, s.id);
  for (const s of plan.stallRows) if ((s.state === "assigned" || s.state === "confirmed") && s.enterpriseId) add(s.enterpriseId, s.id);
  return { pins, free };
}

export const startAllocationInput = z.strictObject({ editionId: id, baseRunId: id.optional() });

/**
 * Run the allocation: a new draft of the edition (any other draft is discarded), keeping the locks
 * of `baseRunId` (a re-run), running holds and stalls already assigned or confirmed. Refused with
 * `floor_nothing_to_allocate` when the edition has no stall or no selected exhibitor. Audited as
 * `floor.allocation_ran`.
 */
export async function startAllocation(ctx: Ctx, raw: Input<typeof startAllocationInput>) {
  const { editionId, baseRunId } = parseInput(startAllocationInput, raw);
  return inTransaction(ctx, async (tx) => {
    const edition = await editionForChange(tx, ctx.actor, editionId, "floor.allocate");
    let locked: { enterpriseId: string; stallId: string }[] = [];
    if (baseRunId) {
      const [base] = await tx.select().from(floorAllocationRuns).where(eq(floorAllocationRuns.id, baseRunId)).for("update");
      if (base?.editionId !== edition.id) throw new DomainError("not_found", { params: { what: "run" } });
      locked = await tx
        .select({ enterpriseId: floorAllocationPlacements.enterpriseId, stallId: floorAllocationPlacements.stallId })
        .from(floorAllocationPlacements)
        .where(and(eq(floorAllocationPlacements.runId, base.id), eq(floorAllocationPlacements.locked, true)));
    }
    const now = ctx.clock.now();
    const plan = await planForAllocation(tx, edition.id);
    const exhibitors = await selectedExhibitors(tx, edition);
    if (!plan.stallRows.length || !exhibitors.length) throw new DomainError("floor_nothing_to_allocate");
    const { pins, free } = allocationPins(plan, exhibitors, locked, now);
    const stalls = plan.stalls.map((s) => ({ ...s, free: free.has(s.id) }));
    const { run } = await storeAllocationRun(tx, ctx, edition, { areas: plan.allocAreas, stalls, exhibitors, pins, baseRunId: baseRunId ?? null });
    return { run: presentRun(run) };
  });
}

/**
 * The engine on `input`, stored as the edition's new draft run (any other draft discarded), audited
 * as `floor.allocation_ran`. The caller holds the edition, locked and authorised for
 * `floor.allocate`, in `tx`: `startAllocation`, and the demo's seed, whose exhibitors carry the needs
 * and enclave that applications do not ask for yet (demo-plan.ts).
 */
export async function storeAllocationRun(
  tx: Executor,
  ctx: Ctx,
  edition: Edition,
  input: { areas: AllocArea[]; stalls: AllocStall[]; exhibitors: AllocExhibitor[]; pins: AllocPin[]; baseRunId: string | null },
) {
  const now = ctx.clock.now();
  const result = allocate({ areas: input.areas, stalls: input.stalls, exhibitors: input.exhibitors, pins: input.pins, rules: defaultAllocRules });
  const quality = allocationQuality({ areas: input.areas, stalls: input.stalls, exhibitors: input.exhibitors, aisleM: defaultAllocRules.aisleM }, result.assignments);
  const summary: AllocationSummary = { ...quality, locked: result.assignments.filter((a) => a.pinned).length };
  const by = ctx.actor.kind === "user" ? ctx.actor.userId : null;
  await tx
    .update(floorAllocationRuns)
    .set({ status: "discarded", decidedAt: now, decidedBy: by })
    .where(and(eq(floorAllocationRuns.editionId, edition.id), eq(floorAllocationRuns.status, "draft")));
  const [run] = await tx
    .insert(floorAllocationRuns)
    .values({ editionId: edition.id, summary, unplaced: result.unplaced, baseRunId: input.baseRunId, createdBy: by, createdAt: now })
    .returning();
  for (let i = 0; i < result.assignments.length; i += 500)
    await tx.insert(floorAllocationPlacements).values(
      result.assignments.slice(i, i + 500).map((a) => ({ runId: run!.id, enterpriseId: a.exhibitorId, stallId: a.stallId, reasons: a.reasons, inOwnArea: a.inOwnArea, locked: a.pinned })),
    );
  await recordAudit(tx, ctx, {
    action: "floor.allocation_ran",
    entityType: "floor_allocation_run",
    entityId: run!.id,
    organiserId: edition.organiserId,
    editionId: edition.id,
    data: { baseRunId: input.baseRunId, placed: summary.placed, unplaced: summary.unplaced, locked: summary.locked },
  });
  return { run: run!, result };
}

export function presentRun(r: AllocationRun) {
  return {
    id: r.id,
    editionId: r.editionId,
    status: r.status,
    summary: r.summary,
    baseRunId: r.baseRunId,
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
  };
}

const listAllocationRunsInput = z.strictObject({ editionId: id });

/** The edition's allocation runs, newest first, and whether it has a plan. */
export async function listAllocationRuns(ctx: Ctx, raw: Input<typeof listAllocationRunsInput>) {
  const { editionId } = parseInput(listAllocationRunsInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, editionId, "floor.allocate");
  const rows = await ctx.db.select().from(floorAllocationRuns).where(eq(floorAllocationRuns.editionId, edition.id)).orderBy(desc(floorAllocationRuns.createdAt)).limit(50);
  return { edition: { id: edition.id, slug: edition.slug, nameEn: edition.nameEn, nameUr: edition.nameUr }, runs: rows.map(presentRun) };
}

export interface ReviewPlacement {
  exhibitorId: string;
  nameEn: string;
  nameUr: string | null;
  stallId: string;
  stallNumber: string;
  hallId: string;
  areaId: string | null;
  seq: number;
  locked: boolean;
  inOwnArea: boolean;
  reasons: { code: string; params: Record<string, string | number> }[];
}

const getAllocationRunInput = z.strictObject({ runId: id });

/** A run as the organiser reviews it: summary, placements by hall along the aisles, the unplaced
 *  with their reasons, the halls and areas (for names), and the stalls free in the draft. */
export async function getAllocationRun(ctx: Ctx, raw: Input<typeof getAllocationRunInput>) {
  const { runId } = parseInput(getAllocationRunInput, raw);
  const { run, edition } = await runFor(ctx.db, ctx.actor, runId);
  const plan = await planForAllocation(ctx.db, edition.id);
  const rows = await ctx.db.select().from(floorAllocationPlacements).where(eq(floorAllocationPlacements.runId, run.id));
  const exhibitors = await selectedExhibitors(ctx.db, edition);
  const names = new Map<string, { nameEn: string; nameUr: string | null }>(exhibitors.map((e) => [e.id, { nameEn: e.nameEn, nameUr: e.nameUr }]));
  const missing = [...rows.map((p) => p.enterpriseId), ...run.unplaced.map((u) => u.exhibitorId)].filter((x) => !names.has(x));
  if (missing.length) for (const e of await enterpriseNames(ctx.db, missing)) names.set(e.id, e);
  const stallById = new Map(plan.stallRows.map((s) => [s.id, s]));
  const hallOrder = new Map(plan.halls.map((h, i) => [h.id, i]));
  const placements: ReviewPlacement[] = rows
    .map((p) => {
      const s = stallById.get(p.stallId)!;
      const n = names.get(p.enterpriseId);
      return { exhibitorId: p.enterpriseId, nameEn: n?.nameEn ?? p.enterpriseId, nameUr: n?.nameUr ?? null, stallId: s.id, stallNumber: s.number, hallId: s.hallId, areaId: s.areaId, seq: s.seq, locked: p.locked, inOwnArea: p.inOwnArea, reasons: p.reasons };
    })
    .sort((a, b) => hallOrder.get(a.hallId)! - hallOrder.get(b.hallId)! || a.seq - b.seq);
  const taken = new Set(rows.map((p) => p.stallId));
  const inRun = new Set(exhibitors.map((e) => e.id));
  const now = ctx.clock.now();
  const freeStalls = plan.stallRows
    .filter((s) => !taken.has(s.id) && s.state !== "blocked" && !holdActive(s, now) && !((s.state === "assigned" || s.state === "confirmed") && !inRun.has(s.enterpriseId!)))
    .map((s) => ({ id: s.id, number: s.number, hallId: s.hallId, areaId: s.areaId }));
  return {
    run: presentRun(run),
    edition: { id: edition.id, slug: edition.slug, nameEn: edition.nameEn, nameUr: edition.nameUr },
    halls: plan.halls.map((h) => ({ id: h.id, code: h.code, nameEn: h.nameEn, nameUr: h.nameUr })),
    areas: plan.areas.map((a) => ({ id: a.id, nameEn: a.nameEn, nameUr: a.nameUr, hallId: a.hallId })),
    placements,
    unplaced: run.unplaced.map((u) => ({ exhibitorId: u.exhibitorId, nameEn: names.get(u.exhibitorId)?.nameEn ?? u.exhibitorId, nameUr: names.get(u.exhibitorId)?.nameUr ?? null, reasons: u.reasons })),
    freeStalls,
  };
}

async function enterpriseNames(db: Executor, ids: string[]) {
  return db.select({ id: enterprises.id, nameEn: enterprises.nameEn, nameUr: enterprises.nameUr }).from(enterprises).where(inArray(enterprises.id, ids));
}

/** Recomputes a draft's figures after a hand change (inside its transaction). */
export async function refreshSummary(tx: Executor, run: AllocationRun, edition: Edition) {
  const plan = await planForAllocation(tx, edition.id);
  const exhibitors = await selectedExhibitors(tx, edition);
  const rows = await tx.select().from(floorAllocationPlacements).where(eq(floorAllocationPlacements.runId, run.id));
  const quality = allocationQuality(
    { areas: plan.allocAreas, stalls: plan.stalls, exhibitors, aisleM: defaultAllocRules.aisleM },
    rows.map((p) => ({ exhibitorId: p.enterpriseId, stallId: p.stallId, inOwnArea: p.inOwnArea })),
  );
  const summary: AllocationSummary = { ...quality, locked: rows.filter((p) => p.locked).length };
  await tx.update(floorAllocationRuns).set({ summary }).where(and(eq(floorAllocationRuns.id, run.id), ne(floorAllocationRuns.status, "discarded")));
  return { summary, plan, exhibitors };
}
