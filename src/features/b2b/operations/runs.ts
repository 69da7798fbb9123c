import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import { afterCommit } from "../../../platform/db/after-commit";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { authorizeFound } from "../../../platform/permissions/found";
import type { Actor } from "../../../platform/permissions/actor";
import { parseInput, type Input } from "../../../platform/validation";
import { editionFor, editionForChange, partForChange } from "#features/editions";
import { enterprises } from "#features/editions";
import { registrations } from "#features/registration";
import { programmeSlots } from "../core/slots";
import type { RunSummary } from "../core/run-input";
import { activeStatuses, wakeRunners } from "../run-worker";
import { b2bParticipants, b2bProgrammes, b2bRequests, b2bRunPlacements, b2bRuns } from "../tables";

// Scheduling runs (issue #11 item 5): the organiser starts a run; the runner (../run-worker.ts)
// schedules every accepted request with the engine in a worker thread and stores the result as a
// draft (placements and a summary) that the organiser reads, edits (runs-edit.ts) and publishes
// (runs-publish.ts). Permission `b2b.manage`; starting and publishing are audited.

export type Run = typeof b2bRuns.$inferSelect;
const id = z.uuid();
/** "fast": the engine's fixed amount of work (about a second; reproducible from its seed). "best"
 *  (issue #16 item 2): the engine keeps searching for up to `budgetSeconds`, and the run also
 *  proves the tighter time-indexed bound, so its "% of the bound" is closer to the truth. */
export const runModes = ["fast", "best"] as const;
export const BUDGET_SECONDS = { min: 5, max: 300, default: 30 } as const;
export const startRunInput = z.strictObject({
  editionId: id,
  baseRunId: id.optional(),
  mode: z.enum(runModes).default("fast"),
  budgetSeconds: z.coerce.number().int().min(BUDGET_SECONDS.min).max(BUDGET_SECONDS.max).default(BUDGET_SECONDS.default),
});
export const runIdInput = z.strictObject({ runId: id });

/** Start a run: a queued row the runner of any app process picks up after the commit. Refused
 *  while another run of the edition is queued or running (`b2b_run_in_progress`), and when the
 *  programme has no meeting slot (`b2b_matchmaking_off`). Audited as `b2b.run_started`. */
export async function startRun(ctx: Ctx, raw: Input<typeof startRunInput>) {
  const { editionId, baseRunId, mode, budgetSeconds } = parseInput(startRunInput, raw);
  return inTransaction(ctx, async (tx) => {
    // The edition's row lock orders two organisers pressing the button at once.
    const edition = await editionForChange(tx, ctx.actor, editionId, "b2b.manage");
    const [programme] = await tx.select().from(b2bProgrammes).where(eq(b2bProgrammes.editionId, edition.id));
    if (!programme || programmeSlots(programme).length === 0 || (programme.loungeTables === 0 && !programme.stallMeetings)) throw new DomainError("b2b_matchmaking_off");
    const active = await tx
      .select({ id: b2bRuns.id })
      .from(b2bRuns)
      .where(and(eq(b2bRuns.editionId, edition.id), inArray(b2bRuns.status, [...activeStatuses])));
    if (active.length) throw new DomainError("b2b_run_in_progress");
    if (baseRunId) {
      const [base] = await tx.select({ editionId: b2bRuns.editionId }).from(b2bRuns).where(eq(b2bRuns.id, baseRunId));
      if (base?.editionId !== edition.id) throw new DomainError("not_found", { params: { what: "run" } });
    }
    const [run] = await tx
      .insert(b2bRuns)
      .values({
        editionId: edition.id,
        status: "queued",
        settings: mode === "best" ? { mode, budgetSeconds } : { mode },
        createdBy: ctx.actor.kind === "user" ? ctx.actor.userId : null,
        createdAt: ctx.clock.now(),
        baseRunId: baseRunId ?? null,
      })
      .returning();
    await recordAudit(tx, ctx, { action: "b2b.run_started", entityType: "b2b_run", entityId: run!.id, organiserId: edition.organiserId, editionId: edition.id, data: { baseRunId: baseRunId ?? null, mode, budgetSeconds: mode === "best" ? budgetSeconds : null } });
    afterCommit(tx, wakeRunners);
    return { run: presentRun(run!) };
  });
}

/** A run's mode (runs from before modes existed were fast). */
export const runModeOf = (r: Run): (typeof runModes)[number] => (r.settings.mode === "best" ? "best" : "fast");

/** A run as the API and pages show it (without its placements). */
export function presentRun(r: Run) {
  return {
    id: r.id,
    editionId: r.editionId,
    status: r.status,
    progress: r.progress,
    error: r.error,
    weight: r.weight,
    upperBound: r.upperBound,
    mode: runModeOf(r),
    budgetSeconds: runModeOf(r) === "best" ? Number(r.settings.budgetSeconds) : null,
    boundKind: (r.settings.boundKind as "lp" | "time_indexed" | undefined) ?? (r.upperBound == null ? null : "lp"),
    summary: (r.summary as unknown as RunSummary | null) ?? null,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    baseRunId: r.baseRunId,
    claimedBy: r.claimedBy,
    heartbeatAt: r.heartbeatAt?.toISOString() ?? null,
  };
}

/** The run (authorised on its edition): for reading, or for changing it (run row and edition
 *  locked, inside the caller's transaction). A missing run is `not_found` for staff and the same
 *  refusal as an existing one for anyone else. */
export async function runFor(db: Executor, actor: Actor, runId: string, lock = false) {
  const q = db.select().from(b2bRuns).where(eq(b2bRuns.id, runId));
  const [found] = lock ? await q.for("update") : await q;
  if (lock) return partForChange(db, actor, found, "b2b.manage", "run").then(({ part, edition }) => ({ run: part, edition }));
  authorizeFound(actor, "b2b.manage", found ?? null, () => ({}), "run");
  const edition = await editionFor(db, actor, found!.editionId, "b2b.manage");
  return { run: found!, edition };
}

export interface NamedPlacement {
  requestId: string;
  smeId: string;
  smeName: string;
  buyerId: string;
  buyerName: string;
  day: number;
  startMinute: number;
  place: "table" | "stall";
  tableNo: number | null;
  interpreterLanguage: string | null;
  pinned: boolean;
}

/** Display names of participants: an exhibitor's enterprise, a buyer's registration. */
export async function participantNames(db: Executor, editionId: string) {
  const rows = await db
    .select({ id: b2bParticipants.id, side: b2bParticipants.side, enterprise: enterprises.nameEn, person: registrations.name })
    .from(b2bParticipants)
    .leftJoin(enterprises, eq(enterprises.id, b2bParticipants.enterpriseId))
    .leftJoin(registrations, eq(registrations.id, b2bParticipants.registrationId))
    .where(eq(b2bParticipants.editionId, editionId));
  return new Map(rows.map((r) => [r.id, r.enterprise ?? r.person ?? r.id]));
}

/** Placements a page of the run's page lists (a large run's 15,000 stay in the database). */
export const PLACEMENTS_PAGE = 200;

const getRunInput = runIdInput.extend({ placements: z.boolean().optional(), page: z.number().int().min(1).max(100_000).optional() });

/** A run with its summary; `placements: true` adds its placements with the two names: all of
 *  them, or with `page` one page of PLACEMENTS_PAGE, with their total and the names of (the first
 *  100) participants left without a meeting. */
export async function getRun(ctx: Ctx, raw: Input<typeof getRunInput>) {
  const { runId, placements: withPlacements, page } = parseInput(getRunInput, raw);
  const { run, edition } = await runFor(ctx.db, ctx.actor, runId);
  const out = { run: presentRun(run), edition: { id: edition.id, nameEn: edition.nameEn, nameUr: edition.nameUr }, placementsTotal: undefined as number | undefined, noMeetingNames: undefined as string[] | undefined };
  if (!withPlacements || run.status !== "done") return { ...out, placements: undefined };
  if (page === undefined) return { ...out, placements: await namedPlacements(ctx.db, run.id, edition.id) };
  const names = await participantNames(ctx.db, edition.id);
  const [count] = await ctx.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(b2bRunPlacements).where(eq(b2bRunPlacements.runId, run.id));
  return {
    ...out,
    placements: await namedPlacements(ctx.db, run.id, edition.id, { page, names }),
    placementsTotal: count?.n ?? 0,
    noMeetingNames: (presentRun(run).summary?.noMeeting ?? []).slice(0, 100).map((id) => names.get(id) ?? id),
  };
}

export async function namedPlacements(db: Executor, runId: string, editionId: string, paged?: { page: number; names: Map<string, string> }): Promise<NamedPlacement[]> {
  const query = db
    .select({ p: b2bRunPlacements, smeId: b2bRequests.smeParticipantId, buyerId: b2bRequests.buyerParticipantId })
    .from(b2bRunPlacements)
    .innerJoin(b2bRequests, eq(b2bRequests.id, b2bRunPlacements.requestId))
    .where(eq(b2bRunPlacements.runId, runId))
    .orderBy(b2bRunPlacements.day, b2bRunPlacements.startMinute, b2bRunPlacements.tableNo, b2bRunPlacements.requestId);
  const rows = paged ? await query.limit(PLACEMENTS_PAGE).offset((paged.page - 1) * PLACEMENTS_PAGE) : await query;
  const names = paged?.names ?? (await participantNames(db, editionId));
  return rows.map(({ p, smeId, buyerId }) => ({
    requestId: p.requestId,
    smeId,
    smeName: names.get(smeId) ?? smeId,
    buyerId,
    buyerName: names.get(buyerId) ?? buyerId,
    day: p.day,
    startMinute: p.startMinute,
    place: p.place,
    tableNo: p.tableNo,
    interpreterLanguage: p.interpreterLanguage,
    pinned: p.pinned,
  }));
}

const listRunsInput = z.strictObject({ editionId: id });

/** The edition's runs, newest first. */
export async function listRuns(ctx: Ctx, raw: Input<typeof listRunsInput>) {
  const { editionId } = parseInput(listRunsInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, editionId, "b2b.manage");
  const rows = await ctx.db.select().from(b2bRuns).where(eq(b2bRuns.editionId, edition.id)).orderBy(desc(b2bRuns.createdAt)).limit(50);
  return { edition: { id: edition.id, nameEn: edition.nameEn, nameUr: edition.nameUr }, runs: rows.map(presentRun) };
}
