// A scheduling run's input and result, pure (no clock, no database): the engine's ScheduleInput
// built from the programme, its participants and the accepted requests; the engine's output
// mapped back to placements (day, start minute, table or stall, interpreter); the summary the
// organiser reads (placed, not placed with the engine's reasons, participants with no meeting,
// meetings per participant, table and interpreter use per slot, weight against the bound).
import type { ReasonCode, ScheduleInput, ScheduleOutput } from "#features/matchmaking/client";
import { openTables, parseSlotId, programmeSlots, schedulerSlots, slotId, type SlotProgramme } from "./slots";

export interface RunProgramme extends SlotProgramme {
  stallMeetings: boolean;
  maxMeetingsPerDay: number;
}
export interface RunParticipant {
  id: string;
  side: "sme" | "buyer";
  hostsAtStall: boolean;
  /** Language codes from the profile ("en", "ur", "zh"…); empty when the profile says nothing. */
  languages: string[];
}
export interface RunRequest {
  id: string;
  smeId: string;
  buyerId: string;
  priority: "must" | "would_like";
}
/** A meeting that must stay where it is: a published one, or one the organiser pinned. */
export interface FixedMeeting {
  requestId: string;
  day: number;
  startMinute: number;
  place: "table" | "stall";
  tableNo: number | null;
  /**
   * The interpreter the meeting already has (a published one): it keeps it in the new run, so the
   * interpreters it holds are counted as they are booked, even if a profile changed since.
   */
  interpreterLanguage?: string | null;
}
export interface RunPlacement {
  requestId: string;
  day: number;
  startMinute: number;
  place: "table" | "stall";
  tableNo: number | null;
  interpreterLanguage: string | null;
}

/** must meet = 2, would like to meet = 1: the engine maximises the sum of weights. */
export const priorityWeight = { must: 2, would_like: 1 } as const;

/**
 * The interpreter a meeting needs (one rule for runs, repairs and the demo): none when either
 * side's profile names no language or the two share one; otherwise one for the buyer-side guest's
 * language when the programme has interpreters of it (a Chinese buyer: zh; a British one meeting an
 * exhibitor who speaks only Urdu: en), else for the exhibitor's (ur). None when no interpreter
 * language fits either: the meeting is placed without one, and the summary counts it under
 * `noCommonLanguage`.
 */
export function interpreterFor(sme: readonly string[], buyer: readonly string[], interpreters: Record<string, number>): string | null {
  if (sme.length === 0 || buyer.length === 0) return null;
  if (sme.some((l) => buyer.includes(l))) return null;
  const has = (l: string) => (interpreters[l] ?? 0) > 0;
  return buyer.find(has) ?? sme.find(has) ?? null;
}

const noCommonLanguage = (a: readonly string[], b: readonly string[]) => a.length > 0 && b.length > 0 && !a.some((l) => b.includes(l));

/** The engine's input. Fixed meetings whose slot the programme no longer has, or whose lounge
 *  table is closed there, are left free. The engine numbers a slot's open tables 1..n. */
export function buildScheduleInput(
  programme: RunProgramme,
  participants: readonly RunParticipant[],
  requests: readonly RunRequest[],
  fixed: readonly FixedMeeting[],
  seed = 1,
): ScheduleInput {
  const slots = schedulerSlots(programme);
  const slotIds = new Set(slots.map((s) => s.id));
  const byId = new Map(participants.map((p) => [p.id, p]));
  const live = requests.filter((r) => byId.has(r.smeId) && byId.has(r.buyerId));
  const liveIds = new Set(live.map((r) => r.id));
  const engineTable = (f: FixedMeeting) => (f.place === "stall" ? ("stall" as const) : openTables(programme, f.day, f.startMinute).indexOf(f.tableNo!) + 1);
  const kept = fixed.filter((f) => liveIds.has(f.requestId) && slotIds.has(slotId(f.day, f.startMinute)) && engineTable(f) !== 0);
  const keptLanguage = new Map(kept.filter((f) => f.interpreterLanguage !== undefined).map((f) => [f.requestId, f.interpreterLanguage ?? null]));
  return {
    version: 1,
    seed,
    slots,
    participants: participants.map((p) => ({
      id: p.id,
      side: p.side,
      dayCap: programme.maxMeetingsPerDay,
      languages: p.languages,
      hostsAtStall: p.side === "sme" && programme.stallMeetings && p.hostsAtStall,
    })),
    requests: live.map((r) => {
      const lang = keptLanguage.has(r.id) ? keptLanguage.get(r.id)! : interpreterFor(byId.get(r.smeId)!.languages, byId.get(r.buyerId)!.languages, programme.interpreters);
      return { id: r.id, a: r.smeId, b: r.buyerId, weight: priorityWeight[r.priority], ...(lang ? { interpreter: lang } : {}) };
    }),
    fixed: kept.map((f) => ({ request: f.requestId, slot: slotId(f.day, f.startMinute), table: engineTable(f) })),
  };
}

/** The engine's meetings as placements (with the interpreter the input asked for; the engine's
 *  table k as the slot's k-th open table). */
export function placementsOf(input: ScheduleInput, output: ScheduleOutput, programme: Pick<SlotProgramme, "loungeTables" | "closed">): RunPlacement[] {
  const lang = new Map(input.requests.map((r) => [r.id, r.interpreter ?? null]));
  return output.meetings.map((m) => {
    const slot = parseSlotId(m.slot)!;
    return {
      requestId: m.request,
      day: slot.day,
      startMinute: slot.start,
      place: m.table === "stall" ? "stall" : "table",
      tableNo: m.table === "stall" ? null : openTables(programme, slot.day, slot.start)[m.table - 1]!,
      interpreterLanguage: lang.get(m.request) ?? null,
    };
  });
}

export interface SlotUse {
  day: number;
  start: number;
  meetings: number;
  tablesUsed: number;
  tables: number;
  stall: number;
  /** language → [used, available] */
  interpreters: Record<string, [number, number]>;
}
/** Why a request has no placement: the engine's reason, or the organiser removed it. */
export type UnplacedReason = ReasonCode | "not_scheduled" | "removed";
export interface RunSummary {
  requests: number;
  placed: number;
  unplaced: { requestId: string; reason: UnplacedReason }[];
  unplacedByReason: Partial<Record<UnplacedReason, number>>;
  /** Participants with at least one accepted request and no meeting. */
  noMeeting: string[];
  perParticipant: { min: number; median: number; max: number };
  slots: SlotUse[];
  /** Meetings whose two sides share no language and no interpreter language fits. */
  noCommonLanguage: number;
  weight: number;
  bound: number | null;
  /** Weight as a percentage of the bound (≤ 100), one decimal. */
  ratio: number | null;
}

const median = (xs: number[]) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** The summary of a set of placements (a run's, or a draft after the organiser's changes). */
export function summarise(
  programme: RunProgramme,
  participants: readonly RunParticipant[],
  requests: readonly RunRequest[],
  placements: readonly RunPlacement[],
  reasons: ReadonlyMap<string, UnplacedReason>,
  bound: number | null,
): RunSummary {
  const placedIds = new Set(placements.map((p) => p.requestId));
  const byId = new Map(participants.map((p) => [p.id, p]));
  const live = requests.filter((r) => byId.has(r.smeId) && byId.has(r.buyerId));
  const count = new Map<string, number>();
  for (const r of live) {
    count.set(r.smeId, count.get(r.smeId) ?? 0);
    count.set(r.buyerId, count.get(r.buyerId) ?? 0);
  }
  let weight = 0;
  let noLang = 0;
  const reqById = new Map(live.map((r) => [r.id, r]));
  for (const p of placements) {
    const r = reqById.get(p.requestId);
    if (!r) continue;
    weight += priorityWeight[r.priority];
    count.set(r.smeId, (count.get(r.smeId) ?? 0) + 1);
    count.set(r.buyerId, (count.get(r.buyerId) ?? 0) + 1);
    if (!p.interpreterLanguage && noCommonLanguage(byId.get(r.smeId)!.languages, byId.get(r.buyerId)!.languages)) noLang++;
  }
  const unplaced = live.filter((r) => !placedIds.has(r.id)).map((r) => ({ requestId: r.id, reason: reasons.get(r.id) ?? ("not_scheduled" as UnplacedReason) }));
  const unplacedByReason: RunSummary["unplacedByReason"] = {};
  for (const u of unplaced) unplacedByReason[u.reason] = (unplacedByReason[u.reason] ?? 0) + 1;
  const counts = [...count.values()];
  const offered = Object.fromEntries(Object.entries(programme.interpreters).filter(([, n]) => n > 0));
  const use = new Map<string, SlotUse>();
  for (const s of programmeSlots(programme)) {
    use.set(`${s.day}:${s.start}`, {
      day: s.day,
      start: s.start,
      meetings: 0,
      tablesUsed: 0,
      tables: openTables(programme, s.day, s.start).length,
      stall: 0,
      interpreters: Object.fromEntries(Object.entries(offered).map(([l, n]) => [l, [0, n] as [number, number]])),
    });
  }
  for (const p of placements) {
    const u = use.get(`${p.day}:${p.startMinute}`);
    if (!u) continue;
    u.meetings++;
    if (p.place === "table") u.tablesUsed++;
    else u.stall++;
    if (p.interpreterLanguage) (u.interpreters[p.interpreterLanguage] ??= [0, 0])[0]++;
  }
  // Rounded down: a schedule at the bound shows 100 %, one just below it never does.
  const ratio = bound && bound > 0 ? Math.floor((1000 * Math.min(weight, bound)) / bound) / 10 : bound === 0 ? 100 : null;
  return {
    requests: live.length,
    placed: placements.filter((p) => reqById.has(p.requestId)).length,
    unplaced,
    unplacedByReason,
    noMeeting: [...count].filter(([, n]) => n === 0).map(([id]) => id),
    perParticipant: { min: counts.length ? Math.min(...counts) : 0, median: median(counts), max: counts.length ? Math.max(...counts) : 0 },
    slots: [...use.values()],
    noCommonLanguage: noLang,
    weight,
    bound,
    ratio,
  };
}

export type MoveRefusal = "b2b_no_such_slot" | "b2b_double_booked" | "b2b_table_taken" | "b2b_no_such_table" | "b2b_interpreter_full";

/**
 * Whether a placement may move to `to` among the other placements of the draft: the slot exists,
 * neither participant nor the table is taken in it, the table is in the lounge, and an interpreter
 * of its language is free there. The first refusal, or null.
 */
export function moveRefusal(
  programme: RunProgramme,
  requests: ReadonlyMap<string, { smeId: string; buyerId: string }>,
  others: readonly RunPlacement[],
  moving: RunPlacement,
  to: { day: number; startMinute: number; place: "table" | "stall"; tableNo: number | null },
): MoveRefusal | null {
  if (!programmeSlots(programme).some((s) => s.day === to.day && s.start === to.startMinute)) return "b2b_no_such_slot";
  if (to.place === "table" && (to.tableNo === null || !openTables(programme, to.day, to.startMinute).includes(to.tableNo))) return "b2b_no_such_table";
  const me = requests.get(moving.requestId)!;
  const same = others.filter((o) => o.requestId !== moving.requestId && o.day === to.day && o.startMinute === to.startMinute);
  for (const o of same) {
    const r = requests.get(o.requestId);
    if (r && (r.smeId === me.smeId || r.buyerId === me.buyerId)) return "b2b_double_booked";
  }
  if (to.place === "table" && same.some((o) => o.place === "table" && o.tableNo === to.tableNo)) return "b2b_table_taken";
  const lang = moving.interpreterLanguage;
  if (lang && same.filter((o) => o.interpreterLanguage === lang).length + 1 > (programme.interpreters[lang] ?? 0)) return "b2b_interpreter_full";
  return null;
}
