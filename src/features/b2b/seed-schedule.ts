import { schedule } from "#features/matchmaking";
import type { ScheduleInputRaw, ScheduleOutput } from "#features/matchmaking";
import type { Executor } from "../../platform/db/types";
import { newId } from "../../platform/ids";
import { interpreterFor } from "./core/run-input";
import { parseSlotId, schedulerSlots, type SlotProgramme } from "./core/slots";
import { b2bMeetings, b2bRunPlacements, b2bRuns } from "./tables";

// The demo's published schedule (issue #11, item 9): the scheduling engine run on the accepted
// requests of the programme (its slots, lounge tables, stalls and interpreters), written as a done,
// published run with its placements and the meetings they became. The database's unique indexes
// and triggers check the result as they check any run: nobody twice in a slot, no table twice, no
// more interpreters than the programme has.

export interface ScheduleParticipant {
  id: string;
  side: "sme" | "buyer";
  languages: string[];
  hostsAtStall: boolean;
}
export interface ScheduleRequest {
  id: string;
  sme: string;
  buyer: string;
  priority: "must" | "would_like";
}

/** The engine's input for a programme and its accepted requests (engine/schema.ts). */
export function scheduleInputFor(programme: SlotProgramme & { maxMeetingsPerDay: number; stallMeetings: boolean }, people: ScheduleParticipant[], requests: ScheduleRequest[]) {
  const byId = new Map(people.map((p) => [p.id, p]));
  const interpreter = new Map<string, string | null>();
  const input: ScheduleInputRaw = {
    version: 1,
    slots: schedulerSlots(programme),
    participants: people.map((p) => ({ id: p.id, side: p.side, dayCap: programme.maxMeetingsPerDay, languages: p.languages, hostsAtStall: programme.stallMeetings && p.hostsAtStall })),
    requests: requests.map((r) => {
      const need = interpreterFor(byId.get(r.sme)!.languages, byId.get(r.buyer)!.languages, programme.interpreters);
      interpreter.set(r.id, need);
      return { id: r.id, a: r.sme, b: r.buyer, weight: r.priority === "must" ? 2 : 1, ...(need ? { interpreter: need } : {}) };
    }),
  };
  return { input, interpreter };
}

/** The engine's work budget for the demo (a short local search: the demo's seed stays fast). */
export const DEMO_SCHEDULE_EFFORT = 0.05;

export function runDemoSchedule(input: ScheduleInputRaw, seed: number): ScheduleOutput {
  return schedule(input, { seed, effort: DEMO_SCHEDULE_EFFORT });
}

/** Writes a run that is done and published, its placements and their meetings. */
export async function writePublishedRun(
  tx: Executor,
  p: {
    editionId: string;
    output: ScheduleOutput;
    requests: Map<string, ScheduleRequest>;
    interpreter: Map<string, string | null>;
    ranAt: Date;
    publishedAt: Date;
    by: string | null;
    effort: number;
  },
) {
  const { output } = p;
  const unscheduled: Record<string, number> = {};
  for (const u of output.unscheduled) unscheduled[u.reason] = (unscheduled[u.reason] ?? 0) + 1;
  const [run] = await tx
    .insert(b2bRuns)
    .values({
      editionId: p.editionId,
      status: "done",
      settings: { seed: output.seed, effort: p.effort },
      summary: { ...output.stats, unscheduled },
      weight: output.stats.weight,
      createdBy: p.by,
      createdAt: p.ranAt,
      finishedAt: new Date(p.ranAt.getTime() + 60_000),
      publishedAt: p.publishedAt,
      publishedBy: p.by,
    })
    .returning({ id: b2bRuns.id });
  const placed = output.meetings.map((m) => {
    const slot = parseSlotId(m.slot)!;
    return {
      requestId: m.request,
      day: slot.day,
      startMinute: slot.start,
      place: m.table === "stall" ? ("stall" as const) : ("table" as const),
      tableNo: m.table === "stall" ? null : m.table,
      interpreterLanguage: p.interpreter.get(m.request) ?? null,
    };
  });
  for (let i = 0; i < placed.length; i += 2000) await tx.insert(b2bRunPlacements).values(placed.slice(i, i + 2000).map((x) => ({ runId: run!.id, ...x })));
  const meetings = placed.map((x) => {
    const id = newId();
    const r = p.requests.get(x.requestId)!;
    return {
      id,
      editionId: p.editionId,
      smeParticipantId: r.sme,
      buyerParticipantId: r.buyer,
      ...x,
      status: "scheduled" as const,
      uid: `${id}@numaish`,
      sequence: 0,
      runId: run!.id,
      createdAt: p.publishedAt,
      updatedAt: p.publishedAt,
    };
  });
  for (let i = 0; i < meetings.length; i += 2000) await tx.insert(b2bMeetings).values(meetings.slice(i, i + 2000));
  return { runId: run!.id, meetings: meetings.length, unscheduled: output.unscheduled.length };
}
