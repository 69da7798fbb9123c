import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { parseInput, type Input } from "../../../platform/validation";
import { moveRefusal, summarise, type RunPlacement, type RunSummary, type UnplacedReason } from "../core/run-input";
import { minutesOf } from "../core/slots";
import { loadRunData } from "../run-worker";
import { b2bRunPlacements, b2bRuns } from "../tables";
import { runFor, type Run } from "./runs";

// The organiser's hand on a draft run (issue #11 item 5): move a placement to another slot or
// table (checked: the slot exists, neither participant nor the table is taken then, the table is
// in the lounge, an interpreter is free), pin it (a re-run from this run keeps it), remove it;
// and compare two runs. Only a finished, unpublished run changes; every change is audited and
// refreshes the run's summary (the bound stays the run's).

const id = z.uuid();
const hhmm = z.string().max(5).refine((s) => minutesOf(s) !== undefined, { params: { code: "b2b_time_format" } });
export const moveInput = z.strictObject({
  runId: id,
  requestId: id,
  day: z.number().int().min(1).max(16),
  start: hhmm,
  /** A lounge table number, or null for the exhibitor's stall. */
  table: z.number().int().min(1).max(1000).nullable(),
});
export const pinInput = z.strictObject({ runId: id, requestId: id, pinned: z.boolean() });
export const removeInput = z.strictObject({ runId: id, requestId: id });
export const compareInput = z.strictObject({ a: id, b: id });

/** The run, locked, if it may still change: finished and unpublished. */
async function draftFor(tx: Executor, ctx: Ctx, runId: string) {
  const { run, edition } = await runFor(tx, ctx.actor, runId, true);
  if (run.status !== "done") throw new DomainError("b2b_run_not_done");
  if (run.publishedAt) throw new DomainError("b2b_run_published");
  return { run, edition };
}

async function placementsOfRun(tx: Executor, runId: string): Promise<(RunPlacement & { pinned: boolean })[]> {
  const rows = await tx.select().from(b2bRunPlacements).where(eq(b2bRunPlacements.runId, runId));
  return rows.map((r) => ({ requestId: r.requestId, day: r.day, startMinute: r.startMinute, place: r.place, tableNo: r.tableNo, interpreterLanguage: r.interpreterLanguage, pinned: r.pinned }));
}

/** The summary again after a change; requests the organiser removed count as `removed`. */
async function refreshSummary(tx: Executor, run: Run, removed: string[] = []) {
  const data = await loadRunData(tx, run.editionId, null);
  if (!data.programme) return;
  const old = run.summary as unknown as RunSummary | null;
  const reasons = new Map<string, UnplacedReason>((old?.unplaced ?? []).map((u) => [u.requestId, u.reason]));
  for (const r of removed) reasons.set(r, "removed");
  const placements = await placementsOfRun(tx, run.id);
  const summary = summarise(data.programme, data.participants, data.requests, placements, reasons, run.upperBound);
  await tx.update(b2bRuns).set({ summary: summary as unknown as Record<string, unknown>, weight: summary.weight }).where(eq(b2bRuns.id, run.id));
  return summary;
}

async function placementOf(tx: Executor, runId: string, requestId: string) {
  const [p] = await tx.select().from(b2bRunPlacements).where(and(eq(b2bRunPlacements.runId, runId), eq(b2bRunPlacements.requestId, requestId)));
  if (!p) throw new DomainError("not_found", { params: { what: "placement" } });
  return p;
}

/** Move a placement of a draft to another slot and table (or the stall). Refusals:
 *  b2b_no_such_slot, b2b_double_booked, b2b_table_taken, b2b_no_such_table, b2b_interpreter_full. */
export async function movePlacement(ctx: Ctx, raw: Input<typeof moveInput>) {
  const input = parseInput(moveInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { run, edition } = await draftFor(tx, ctx, input.runId);
    const moving = await placementOf(tx, run.id, input.requestId);
    const data = await loadRunData(tx, run.editionId, null);
    if (!data.programme) throw new DomainError("b2b_matchmaking_off");
    const to = { day: input.day, startMinute: minutesOf(input.start)!, place: input.table === null ? ("stall" as const) : ("table" as const), tableNo: input.table };
    const requests = new Map(data.requests.map((r) => [r.id, r]));
    if (!requests.has(moving.requestId)) throw new DomainError("not_found", { params: { what: "request" } });
    if (to.place === "stall") {
      const sme = data.participants.find((p) => p.id === requests.get(moving.requestId)!.smeId);
      if (!data.programme.stallMeetings || !sme?.hostsAtStall) throw new DomainError("b2b_no_such_table");
    }
    const others = await placementsOfRun(tx, run.id);
    const refusal = moveRefusal(data.programme, requests, others, { ...moving, place: moving.place }, to);
    if (refusal) throw new DomainError(refusal);
    await tx
      .update(b2bRunPlacements)
      .set({ day: to.day, startMinute: to.startMinute, place: to.place, tableNo: to.tableNo })
      .where(and(eq(b2bRunPlacements.runId, run.id), eq(b2bRunPlacements.requestId, moving.requestId)));
    const summary = await refreshSummary(tx, run);
    await recordAudit(tx, ctx, {
      action: "b2b.run_placement_changed",
      entityType: "b2b_run",
      entityId: run.id,
      organiserId: edition.organiserId,
      editionId: edition.id,
      data: { change: "move", requestId: moving.requestId, from: { day: moving.day, start: moving.startMinute, table: moving.tableNo }, to: { day: to.day, start: to.startMinute, table: to.tableNo } },
    });
    return { moved: true, summary };
  });
}

/** Pin (or unpin) a placement of a draft: a re-run from this run keeps it; publishing pins the meeting. */
export async function pinPlacement(ctx: Ctx, raw: Input<typeof pinInput>) {
  const input = parseInput(pinInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { run, edition } = await draftFor(tx, ctx, input.runId);
    await placementOf(tx, run.id, input.requestId);
    await tx.update(b2bRunPlacements).set({ pinned: input.pinned }).where(and(eq(b2bRunPlacements.runId, run.id), eq(b2bRunPlacements.requestId, input.requestId)));
    await recordAudit(tx, ctx, { action: "b2b.run_placement_changed", entityType: "b2b_run", entityId: run.id, organiserId: edition.organiserId, editionId: edition.id, data: { change: input.pinned ? "pin" : "unpin", requestId: input.requestId } });
    return { pinned: input.pinned };
  });
}

/** Remove a placement from a draft (the request stays accepted; publishing gives it no meeting). */
export async function removePlacement(ctx: Ctx, raw: Input<typeof removeInput>) {
  const input = parseInput(removeInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { run, edition } = await draftFor(tx, ctx, input.runId);
    const p = await placementOf(tx, run.id, input.requestId);
    await tx.delete(b2bRunPlacements).where(and(eq(b2bRunPlacements.runId, run.id), eq(b2bRunPlacements.requestId, input.requestId)));
    const summary = await refreshSummary(tx, run, [input.requestId]);
    await recordAudit(tx, ctx, {
      action: "b2b.run_placement_changed",
      entityType: "b2b_run",
      entityId: run.id,
      organiserId: edition.organiserId,
      editionId: edition.id,
      data: { change: "remove", requestId: input.requestId, from: { day: p.day, start: p.startMinute, table: p.tableNo } },
    });
    return { removed: true, summary };
  });
}

/** Two runs of one edition side by side: their figures, and the requests placed differently
 *  (only in one, or in both at another slot or table). */
export async function compareRuns(ctx: Ctx, raw: Input<typeof compareInput>) {
  const input = parseInput(compareInput, raw);
  const a = await runFor(ctx.db, ctx.actor, input.a);
  const b = await runFor(ctx.db, ctx.actor, input.b);
  if (a.run.editionId !== b.run.editionId) throw new DomainError("not_found", { params: { what: "run" } });
  const [pa, pb] = await Promise.all([placementsOfRun(ctx.db, a.run.id), placementsOfRun(ctx.db, b.run.id)]);
  const mb = new Map(pb.map((p) => [p.requestId, p]));
  const ma = new Map(pa.map((p) => [p.requestId, p]));
  const where = (p: RunPlacement) => ({ day: p.day, startMinute: p.startMinute, tableNo: p.tableNo });
  const moved = pa.filter((p) => mb.has(p.requestId) && JSON.stringify(where(p)) !== JSON.stringify(where(mb.get(p.requestId)!))).map((p) => ({ requestId: p.requestId, a: where(p), b: where(mb.get(p.requestId)!) }));
  const figures = (r: Run, n: number) => ({ id: r.id, placed: n, weight: r.weight, upperBound: r.upperBound, ratio: (r.summary as unknown as RunSummary | null)?.ratio ?? null, publishedAt: r.publishedAt?.toISOString() ?? null });
  return {
    a: figures(a.run, pa.length),
    b: figures(b.run, pb.length),
    onlyInA: pa.filter((p) => !mb.has(p.requestId)).map((p) => p.requestId),
    onlyInB: pb.filter((p) => !ma.has(p.requestId)).map((p) => p.requestId),
    moved,
    same: pa.length - moved.length - pa.filter((p) => !mb.has(p.requestId)).length,
  };
}
