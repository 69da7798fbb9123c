// Slot arithmetic of a B2B programme: pure (no clock, no database).
//
// A programme has meeting days (1-based edition days), each with sessions such as 10:00–13:00 and
// 14:30–17:30, and breaks inside sessions (e.g. a prayer break). Times are minutes since local
// midnight in the edition's timezone. Slots of `slotMinutes` follow each other from a session's
// start; a slot never overlaps a break (the next slot starts when the break ends) and never runs
// past the session's end. A slot is named by its day and start minute ("d1-1000" is day 1 at
// 10:00): the database keys meetings by the same pair, so the grid must not move under meetings.
import type { Slot as EngineSlot } from "#features/matchmaking/client";

export interface Session {
  start: number;
  end: number;
}
export interface ProgrammeDay {
  day: number;
  sessions: Session[];
}
export interface ProgrammeBreak {
  day: number;
  start: number;
  end: number;
}
/** What slot arithmetic needs of a programme (a b2b_programmes row has these fields). */
export interface SlotProgramme {
  days: ProgrammeDay[];
  breaks: ProgrammeBreak[];
  slotMinutes: number;
  loungeTables: number;
  interpreters: Record<string, number>;
  /** Lounge tables taken out of use by "remove table" repairs (b2b_repairs); none when absent. */
  closed?: readonly ClosedTable[];
}
/** A lounge table taken out of use from a slot on, to the end of the show (kept in the
 *  b2b_repairs row of kind remove_table that removed it). */
export interface ClosedTable {
  tableNo: number;
  day: number;
  startMinute: number;
}
export interface ProgrammeSlot {
  id: string;
  day: number;
  start: number;
  end: number;
}

export const MINUTES_PER_DAY = 24 * 60;
export const SLOT_MINUTES_MIN = 15;
export const SLOT_MINUTES_MAX = 30;

// Urdu keyboards type Extended Arabic-Indic digits (۰–۹), Arabic ones Arabic-Indic (٠–٩).
const toAsciiDigits = (s: string) => s.replace(/[\u06F0-\u06F9\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) & 0xf));

/** "10:00" → 600; "9:30" → 570; "24:00" → 1440 (a session may end at midnight). Undefined for
 *  anything else. Urdu digits are accepted. */
export function minutesOf(hhmm: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(toAsciiDigits(hhmm.trim()));
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min > 0)) return undefined;
  return h * 60 + min;
}

/** 600 → "10:00" (24 h, two-digit hours; 1440 → "24:00"). */
export function hhmm(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > MINUTES_PER_DAY) throw new RangeError(`not a minute of the day: ${minutes}`);
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** The slot of `day` starting at `start`: "d1-1000". */
export function slotId(day: number, start: number): string {
  return `d${day}-${hhmm(start).replace(":", "")}`;
}

/** "d1-1000" → { day: 1, start: 600 }; undefined for anything else. */
export function parseSlotId(id: string): { day: number; start: number } | undefined {
  const m = /^d([1-9]\d{0,1})-([01]\d|2[0-3])([0-5]\d)$/.exec(id);
  if (!m) return undefined;
  return { day: Number(m[1]), start: Number(m[2]) * 60 + Number(m[3]) };
}

export type SessionsParse = { ok: true; sessions: Session[] } | { ok: false; code: "b2b_sessions_format" | "b2b_session_order" | "b2b_sessions_overlap"; params?: Record<string, string> };

/** One day's sessions as an organiser types them: "10:00-13:00, 14:30-17:30" (hyphen or dash,
 *  commas, semicolons or new lines between them; empty text = no meetings that day). Sessions
 *  come back sorted; overlapping or touching ones are refused (write one longer session). */
export function parseSessions(text: string): SessionsParse {
  const parts = toAsciiDigits(text)
    .split(/[,;،\n]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const sessions: Session[] = [];
  for (const part of parts) {
    const m = /^(\d{1,2}:\d{2})\s*[-–—]\s*(\d{1,2}:\d{2})$/.exec(part);
    const start = m ? minutesOf(m[1]!) : undefined;
    const end = m ? minutesOf(m[2]!) : undefined;
    if (start === undefined || end === undefined) return { ok: false, code: "b2b_sessions_format", params: { text: part } };
    if (start >= end) return { ok: false, code: "b2b_session_order", params: { text: part } };
    sessions.push({ start, end });
  }
  sessions.sort((a, b) => a.start - b.start);
  for (let i = 1; i < sessions.length; i++) {
    if (sessions[i]!.start <= sessions[i - 1]!.end) {
      return { ok: false, code: "b2b_sessions_overlap", params: { text: `${formatSession(sessions[i - 1]!)}, ${formatSession(sessions[i]!)}` } };
    }
  }
  return { ok: true, sessions };
}

export const formatSession = (s: Session) => `${hhmm(s.start)}-${hhmm(s.end)}`;

/** The text parseSessions reads back: "10:00-13:00, 14:30-17:30". */
export const formatSessions = (sessions: Session[]) => sessions.map(formatSession).join(", ");

export interface ProgrammeIssue {
  path: string;
  code: string;
  params?: Record<string, string | number>;
}

/** What is wrong with a programme's days, sessions and breaks, as field issues (empty when it is
 *  sound). `dayCount` is the edition's number of days. */
export function programmeIssues(p: Pick<SlotProgramme, "days" | "breaks" | "slotMinutes">, dayCount: number): ProgrammeIssue[] {
  const issues: ProgrammeIssue[] = [];
  const seen = new Set<number>();
  p.days.forEach((d, i) => {
    if (!Number.isInteger(d.day) || d.day < 1 || d.day > dayCount) issues.push({ path: `days.${i}.day`, code: "b2b_day_out_of_range", params: { day: d.day, days: dayCount } });
    else if (seen.has(d.day)) issues.push({ path: `days.${i}.day`, code: "b2b_day_twice", params: { day: d.day } });
    seen.add(d.day);
    const sorted = [...d.sessions].sort((a, b) => a.start - b.start);
    sorted.forEach((s, k) => {
      if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= MINUTES_PER_DAY && s.start < s.end)) {
        issues.push({ path: `days.${i}.sessions`, code: "b2b_session_order", params: { text: `${s.start}-${s.end}` } });
      } else if (s.end - s.start < p.slotMinutes) {
        issues.push({ path: `days.${i}.sessions`, code: "b2b_session_too_short", params: { text: formatSession(s), minutes: p.slotMinutes } });
      } else if (k > 0 && s.start <= sorted[k - 1]!.end) {
        issues.push({ path: `days.${i}.sessions`, code: "b2b_sessions_overlap", params: { text: `${formatSession(sorted[k - 1]!)}, ${formatSession(s)}` } });
      }
    });
  });
  p.breaks.forEach((b, i) => {
    const day = p.days.find((d) => d.day === b.day);
    const inside = day?.sessions.some((s) => s.start <= b.start && b.end <= s.end);
    if (!(b.start < b.end) || !inside) issues.push({ path: `breaks.${i}`, code: "b2b_break_outside_sessions", params: { day: b.day } });
  });
  return issues;
}

/** Every slot of the programme, day by day in time order. */
export function programmeSlots(p: Pick<SlotProgramme, "days" | "breaks" | "slotMinutes">): ProgrammeSlot[] {
  const slots: ProgrammeSlot[] = [];
  const days = [...p.days].sort((a, b) => a.day - b.day);
  for (const d of days) {
    const breaks = p.breaks.filter((b) => b.day === d.day).sort((a, b) => a.start - b.start);
    for (const s of [...d.sessions].sort((a, b) => a.start - b.start)) {
      let t = s.start;
      while (t + p.slotMinutes <= s.end) {
        const clash = breaks.find((b) => b.start < t + p.slotMinutes && t < b.end);
        if (clash) {
          t = clash.end;
          continue;
        }
        slots.push({ id: slotId(d.day, t), day: d.day, start: t, end: t + p.slotMinutes });
        t += p.slotMinutes;
      }
    }
  }
  return slots;
}

/** Whether a meeting may start on `day` at `start` (a slot of the programme). */
export function isSlotStart(p: Pick<SlotProgramme, "days" | "breaks" | "slotMinutes">, day: number, start: number): boolean {
  return programmeSlots(p).some((s) => s.day === day && s.start === start);
}

/** The programme's slots in the scheduler's input format (matchmaking/engine/schema.ts): each
 *  slot offers every lounge table and every interpreter of the programme. */
/** The lounge tables in use in one slot, in number order (the scheduler's table k is the k-th):
 *  the programme's tables without those closed at or before the slot. One rule for runs,
 *  repairs and moves. */
export function openTables(p: Pick<SlotProgramme, "loungeTables" | "closed">, day: number, startMinute: number): number[] {
  const gone = new Set((p.closed ?? []).filter((c) => day > c.day || (day === c.day && startMinute >= c.startMinute)).map((c) => c.tableNo));
  return Array.from({ length: p.loungeTables }, (_, i) => i + 1).filter((n) => !gone.has(n));
}

export function schedulerSlots(p: SlotProgramme): EngineSlot[] {
  const interpreters = Object.fromEntries(Object.entries(p.interpreters).filter(([, n]) => n > 0));
  return programmeSlots(p).map((s) => ({
    id: s.id,
    day: s.day,
    start: hhmm(s.start),
    length: p.slotMinutes,
    tables: openTables(p, s.day, s.start).length,
    ...(Object.keys(interpreters).length ? { interpreters } : {}),
  }));
}

// Wall times in the edition's zone: one home for the arithmetic (platform/zone.ts).
export { localInstant, wallTime } from "../../../platform/zone";
