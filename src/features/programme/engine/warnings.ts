// The schedule editor's warnings (issue #13, agenda item 2). Pure: sessions in, warnings out. A
// warning never blocks the draft (organisers fix in any order); the page lists them beside the grid.

export interface DraftSession {
  id: string;
  titleEn: string;
  day: number;
  startMinute: number;
  endMinute: number;
  roomId: string;
  kind: string;
  speakerIds: readonly string[];
  rsvps: number;
}

export interface DraftRoom {
  id: string;
  capacity: number;
}

export type ScheduleWarning =
  | { code: "speaker_clash"; speakerId: string; sessionIds: [string, string] }
  | { code: "room_clash"; roomId: string; sessionIds: [string, string] }
  | { code: "room_too_small"; sessionId: string; rsvps: number; capacity: number }
  | { code: "outside_hours"; sessionId: string };

const overlap = (a: DraftSession, b: DraftSession) => a.day === b.day && a.startMinute < b.endMinute && b.startMinute < a.endMinute;

/** Every warning of the draft, in a stable order (by day and time of the first session named). */
export function scheduleWarnings(sessions: readonly DraftSession[], rooms: readonly DraftRoom[], hours: { opensMinute: number; closesMinute: number }): ScheduleWarning[] {
  const sorted = [...sessions].sort((a, b) => a.day - b.day || a.startMinute - b.startMinute || a.id.localeCompare(b.id));
  const out: ScheduleWarning[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j]!;
      // Sorted by day and start: once one starts after `a` ends, so do all the rest.
      if (!overlap(a, b)) break;
      // A break is shared by the whole venue: it may sit beside anything.
      if (a.roomId === b.roomId && a.kind !== "break" && b.kind !== "break") out.push({ code: "room_clash", roomId: a.roomId, sessionIds: [a.id, b.id] });
      for (const p of a.speakerIds) if (b.speakerIds.includes(p)) out.push({ code: "speaker_clash", speakerId: p, sessionIds: [a.id, b.id] });
    }
  }
  const capacity = new Map(rooms.map((r) => [r.id, r.capacity]));
  for (const s of sorted) {
    const cap = capacity.get(s.roomId);
    if (cap !== undefined && s.rsvps > cap) out.push({ code: "room_too_small", sessionId: s.id, rsvps: s.rsvps, capacity: cap });
    if (s.startMinute < hours.opensMinute || s.endMinute > hours.closesMinute) out.push({ code: "outside_hours", sessionId: s.id });
  }
  return out;
}

/** The sessions a warning names. */
export const sessionsOf = (w: ScheduleWarning): readonly string[] => ("sessionIds" in w ? w.sessionIds : [w.sessionId]);

/** True when a warning names the session. */
export const namesSession = (w: ScheduleWarning, sessionId: string) => sessionsOf(w).includes(sessionId);

/** A time of day rounded to the editor's 5-minute grid. */
export const snap = (minute: number, step = 5) => Math.round(minute / step) * step;

/** "09:05" → 545; undefined when not a time of day (24:00 allowed as an end). */
export function minuteOf(text: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min > 0)) return undefined;
  return h * 60 + min;
}

/** 545 → "09:05". */
export const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

export { localInstant } from "../../../platform/zone";
