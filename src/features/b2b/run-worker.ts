import { hostname } from "node:os";
import { and, asc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Clock } from "../../platform/clock";
import { transaction } from "../../platform/db/after-commit";
import type { Db, Executor } from "../../platform/db/types";
import { lpBound } from "#features/matchmaking";
import { compile } from "#features/matchmaking";
import type { ReasonCode } from "#features/matchmaking";
import { runInWorker } from "#features/matchmaking";
import { closedTables } from "./operations/closed-tables";
import { buildScheduleInput, placementsOf, summarise, type FixedMeeting, type RunParticipant, type RunProgramme, type RunRequest } from "./core/run-input";
import { b2bMeetings, b2bParticipants, b2bProfiles, b2bProgrammes, b2bRequests, b2bRunPlacements, b2bRuns } from "./tables";

// The runner of scheduling runs (issue #11 item 5; issue #17 item 2). startRun (operations/runs.ts)
// inserts a queued run; a runner in each app process claims queued runs with
// `SELECT … FOR UPDATE SKIP LOCKED`, so two processes on one PostgreSQL never run one twice, and
// every process sees the run's status and progress in the table. The engine runs in a worker thread
// (the process stays responsive) while the LP bound is solved on the main thread. The runner
// writes a heartbeat on the run every HEARTBEAT_MS; a run left `running` whose heartbeat is older
// than STALE_MS (its process died, or hangs) is claimed again by another runner, which runs it from
// the start; the first runner's late writes then land nowhere (they name it as the claimer).

export const HEARTBEAT_MS = 15_000;
export const STALE_MS = 60_000;
type Run = typeof b2bRuns.$inferSelect;

// Who to wake when a run was queued on a database (after the commit). Kept on globalThis: the
// page bundle and the server's own modules are two module instances in one process.
const wakers: WeakMap<object, Set<() => void>> = ((globalThis as Record<symbol, unknown>)[Symbol.for("numaish.b2b.runWakers")] ??= new WeakMap()) as WeakMap<object, Set<() => void>>;

/** Call `wake` whenever a commit on `db` queued a run; returns the unsubscribe. */
export function onRunQueued(db: Db, wake: () => void): () => void {
  let set = wakers.get(db);
  if (!set) wakers.set(db, (set = new Set()));
  set.add(wake);
  return () => set.delete(wake);
}
/** Wake the runners watching this database (an afterCommit callback of startRun). */
export function wakeRunners(db: object): void {
  for (const wake of wakers.get(db) ?? []) wake();
}

/** Claim the oldest queued run (or one whose runner died): it becomes `running`, claimed by `who`. */
export async function claimRun(db: Db, clock: Clock, who: string): Promise<Run | null> {
  const now = clock.now();
  return transaction(db, async (tx) => {
    const [next] = await tx
      .select({ id: b2bRuns.id })
      .from(b2bRuns)
      .where(or(eq(b2bRuns.status, "queued"), and(eq(b2bRuns.status, "running"), lt(sql`coalesce(${b2bRuns.heartbeatAt}, ${b2bRuns.claimedAt})`, new Date(now.getTime() - STALE_MS)))))
      .orderBy(asc(b2bRuns.createdAt))
      .limit(1)
      .for("update", { skipLocked: true });
    if (!next) return null;
    const [run] = await tx.update(b2bRuns).set({ status: "running", claimedAt: now, claimedBy: who, heartbeatAt: now, progress: "load", error: null }).where(eq(b2bRuns.id, next.id)).returning();
    return run ?? null;
  });
}

/** What a run reads from the database: the programme, the live participants, accepted requests,
 *  and the meetings that stay where they are (published ones; pinned placements of the base run). */
export async function loadRunData(db: Executor, editionId: string, baseRunId: string | null) {
  const [programme] = await db.select().from(b2bProgrammes).where(eq(b2bProgrammes.editionId, editionId));
  const parts = await db
    .select({ id: b2bParticipants.id, side: b2bParticipants.side, hostsAtStall: b2bParticipants.hostsAtStall, languages: b2bProfiles.languages })
    .from(b2bParticipants)
    .leftJoin(b2bProfiles, eq(b2bProfiles.participantId, b2bParticipants.id))
    .where(and(eq(b2bParticipants.editionId, editionId), eq(b2bParticipants.approved, true), isNull(b2bParticipants.withdrawnAt)));
  const participants: RunParticipant[] = parts.map((p) => ({ id: p.id, side: p.side, hostsAtStall: p.hostsAtStall, languages: p.languages ?? [] }));
  const reqs = await db
    .select({ id: b2bRequests.id, smeId: b2bRequests.smeParticipantId, buyerId: b2bRequests.buyerParticipantId, priority: b2bRequests.priority })
    .from(b2bRequests)
    .where(and(eq(b2bRequests.editionId, editionId), eq(b2bRequests.status, "accepted")))
    .orderBy(asc(b2bRequests.createdAt), asc(b2bRequests.id));
  const requests: RunRequest[] = reqs;
  const meetings = await db
    .select({
      requestId: b2bMeetings.requestId,
      day: b2bMeetings.day,
      startMinute: b2bMeetings.startMinute,
      place: b2bMeetings.place,
      tableNo: b2bMeetings.tableNo,
      interpreterLanguage: b2bMeetings.interpreterLanguage,
      pinned: b2bMeetings.pinned,
    })
    .from(b2bMeetings)
    .where(and(eq(b2bMeetings.editionId, editionId), eq(b2bMeetings.status, "scheduled")));
  const fixed: FixedMeeting[] = meetings.map(({ pinned: _, ...m }) => m);
  // Pinned stays pinned in the new run: published meetings the organiser pinned, and the base run's.
  const pinned = new Set(meetings.filter((m) => m.pinned).map((m) => m.requestId));
  if (baseRunId) {
    const kept = new Set(fixed.map((f) => f.requestId));
    const basePinned = await db
      .select({
        requestId: b2bRunPlacements.requestId,
        day: b2bRunPlacements.day,
        startMinute: b2bRunPlacements.startMinute,
        place: b2bRunPlacements.place,
        tableNo: b2bRunPlacements.tableNo,
        interpreterLanguage: b2bRunPlacements.interpreterLanguage,
      })
      .from(b2bRunPlacements)
      .where(and(eq(b2bRunPlacements.runId, baseRunId), eq(b2bRunPlacements.pinned, true)));
    fixed.push(...basePinned.filter((p) => !kept.has(p.requestId)));
    for (const p of basePinned) pinned.add(p.requestId);
  }
  const runProgramme: RunProgramme | undefined = programme && {
    days: programme.days,
    breaks: programme.breaks,
    slotMinutes: programme.slotMinutes,
    loungeTables: programme.loungeTables,
    interpreters: programme.interpreters,
    stallMeetings: programme.stallMeetings,
    maxMeetingsPerDay: programme.maxMeetingsPerDay,
    // Tables a "remove table" repair closed stay closed in every later run.
    closed: await closedTables(db, editionId),
  };
  return { programme: runProgramme, participants, requests, fixed, pinned };
}

// Only the claimer's own running run: a late write never lands on a finished or taken-over one.
const stillMine = (run: Run) => and(eq(b2bRuns.id, run.id), eq(b2bRuns.status, "running"), eq(b2bRuns.claimedBy, run.claimedBy!));

/** The runner's sign of life on its run (and the phase it is in, when given). */
export const heartbeat = (db: Db, clock: Clock, run: Run, progress?: string) =>
  db
    .update(b2bRuns)
    .set({ heartbeatAt: clock.now(), ...(progress ? { progress } : {}) })
    .where(stillMine(run));

/** Run one claimed run to its end: `done` with placements and summary, or `failed` with the error. */
export async function executeRun(db: Db, clock: Clock, run: Run): Promise<void> {
  const t0 = performance.now();
  const ms = (from: number) => Math.round(performance.now() - from);
  const beating = setInterval(() => void heartbeat(db, clock, run).catch(() => {}), HEARTBEAT_MS);
  beating.unref();
  try {
    const data = await loadRunData(db, run.editionId, run.baseRunId);
    const loadMs = ms(t0);
    if (!data.programme) throw new Error("the edition has no B2B programme");
    const input = buildScheduleInput(data.programme, data.participants, data.requests, data.fixed);
    if (input.slots.length === 0) throw new Error("the programme has no meeting slots");
    // The engine in its worker thread, the bound here, at the same time.
    const t1 = performance.now();
    let scheduleMs = 0;
    let boundMs = 0;
    // When each engine phase began, in ms from the schedule's start (kept with the run's timings).
    const phases: Record<string, number> = {};
    let progressWrites: Promise<unknown> = Promise.resolve();
    // The engine loads in its worker thread while the bound is solved here; the worker then stops
    // its weight search as soon as the schedule reaches the bound.
    let setTarget!: (bound: number | null) => void;
    const target = new Promise<number | null>((resolve) => (setTarget = resolve));
    // A "best" run (issue #16 item 2) searches for its budget and proves the tighter bound too.
    const best = run.settings.mode === "best";
    const budgetMs = best ? Math.max(1, Number(run.settings.budgetSeconds) || 30) * 1000 : undefined;
    const scheduling = runInWorker(input, {
      target,
      budgetMs,
      // The bound's own limit: what is left of the budget after the search, at least 5 s.
      tightBoundSec: best ? Math.max(5, Math.round(budgetMs! / 2000)) : undefined,
      onProgress: (phase) => {
        phases[phase] = ms(t1);
        // One write after the other, all done before the result is written.
        progressWrites = progressWrites.then(() => heartbeat(db, clock, run, phase)).catch(() => {});
      },
    });
    scheduling.catch(() => {}); // awaited below; no unhandled rejection while the bound is solved
    const lp = await lpBound(compile(input)).then(
      (b) => (b.status === "Optimal" ? b.bound : null),
      () => null,
    );
    boundMs = ms(t1);
    setTarget(lp);
    const { output, tightBound } = await scheduling;
    // Both are valid upper bounds: the smaller is the run's.
    const tight = tightBound?.bound ?? null;
    const boundKind = tight !== null && (lp === null || tight < lp) ? "time_indexed" : lp === null ? null : "lp";
    const bound = boundKind === "time_indexed" ? tight : lp;
    scheduleMs = ms(t1);
    const t2 = performance.now();
    await progressWrites;
    await heartbeat(db, clock, run, "write");
    const placements = placementsOf(input, output, data.programme);
    const reasons = new Map<string, ReasonCode>(output.unscheduled.map((u) => [u.request, u.reason]));
    const summary = summarise(data.programme, data.participants, data.requests, placements, reasons, bound);
    await transaction(db, async (tx) => {
      // The run first: taken over meanwhile (no heartbeat for STALE_MS), nothing of this one is written.
      const [mine] = await tx
        .update(b2bRuns)
        .set({ status: "done", progress: null, settings: { ...run.settings, boundKind, lpBound: lp, tightBound: tightBound ? { bound: tight, status: tightBound.status, ms: tightBound.ms } : null, timingsMs: { load: loadMs, schedule: scheduleMs, bound: boundMs, write: ms(t2), total: ms(t0), phases } }, summary: summary as unknown as Record<string, unknown>, weight: summary.weight, upperBound: bound, finishedAt: clock.now() })
        .where(stillMine(run))
        .returning({ id: b2bRuns.id });
      if (!mine) return;
      for (let i = 0; i < placements.length; i += 2000) {
        await tx.insert(b2bRunPlacements).values(placements.slice(i, i + 2000).map((p) => ({ runId: run.id, ...p, pinned: data.pinned.has(p.requestId) })));
      }
    });
  } catch (e) {
    await db
      .update(b2bRuns)
      .set({ status: "failed", progress: null, error: e instanceof Error ? e.message : String(e), finishedAt: clock.now() })
      .where(stillMine(run));
  } finally {
    clearInterval(beating);
  }
}

/** Claim and run queued runs until none is left; returns the ids this call ran. */
export async function runQueuedRuns(db: Db, clock: Clock, who = `${hostname()}:${process.pid}`): Promise<string[]> {
  const ran: string[] = [];
  for (;;) {
    const run = await claimRun(db, clock, who);
    if (!run) return ran;
    await executeRun(db, clock, run);
    ran.push(run.id);
  }
}

/** A background loop in the app process: polls, and wakes at once when a run was queued here. */
export function startRunRunner(options: { db: Db; clock: Clock; pollMs: number; onError?: (e: unknown) => void }) {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  let stopped = false;
  const tick = async () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await runQueuedRuns(options.db, options.clock);
      } while (again && !stopped);
    } catch (e) {
      options.onError?.(e);
    } finally {
      running = false;
      if (!stopped) timer = setTimeout(tick, options.pollMs);
    }
  };
  timer = setTimeout(tick, 0);
  const notify = () => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(tick, 0);
  };
  const unsubscribe = onRunQueued(options.db, notify);
  return {
    notify,
    async stop() {
      stopped = true;
      unsubscribe();
      clearTimeout(timer);
      while (running) await new Promise((r) => setTimeout(r, 20));
    },
  };
}

/** Runs of an edition that are queued or running (at most one: startRun refuses a second). */
export const activeStatuses = ["queued", "running"] as const;
export const activeRunOf = (db: Executor, editionId: string) =>
  db
    .select({ id: b2bRuns.id })
    .from(b2bRuns)
    .where(and(eq(b2bRuns.editionId, editionId), inArray(b2bRuns.status, [...activeStatuses])));
