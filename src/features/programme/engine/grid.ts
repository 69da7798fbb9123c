// The schedule editor's day × room grid (issue #13, agenda item 2) as pure arithmetic, shared by
// the server-drawn grid (pages/editor-grid.tsx), its small drag script (pages/editor-drag.tsx) and
// the tests: the grid's rows (one per half hour), time ↔ pixel inside a row, the snap to the chosen
// step and where a dragged session lands. The server checks the result again and warns (speaker in
// two places, two sessions in one room, room too small, outside hours): this only makes what the
// organiser sees while dragging what the server will be asked.

/** Minutes per row of the grid. */
export const SLOT = 30;
/** The snaps the editor offers while dragging, in minutes. */
export const STEPS = [5, 15, 30] as const;
export type Step = (typeof STEPS)[number];
const DAY = 24 * 60;

/** The step asked for, or 15 minutes for anything else. */
export const stepOf = (v: unknown): Step => (STEPS as readonly number[]).includes(Number(v)) ? (Number(v) as Step) : 15;

/** A minute on the step (never below 0). */
export const snapMinute = (minute: number, step: number) => Math.max(0, Math.round(minute / step) * step);

/** The row a minute falls in (its first minute). */
export const slotOf = (minute: number) => Math.floor(minute / SLOT) * SLOT;

/**
 * The rows of a day: every half hour from the venue's opening to its closing, stretched to hold
 * the earliest and latest sessions shown.
 */
export function gridSlots(hours: { opensMinute: number; closesMinute: number }, sessions: readonly { startMinute: number; endMinute: number }[]): number[] {
  const first = slotOf(Math.min(hours.opensMinute, ...sessions.map((s) => s.startMinute)));
  const last = Math.min(DAY, Math.max(hours.closesMinute, ...sessions.map((s) => s.endMinute)));
  const out: number[] = [];
  for (let m = first; m < last; m += SLOT) out.push(m);
  return out.length ? out : [first];
}

/** The minute at `offsetPx` from the top of a row `heightPx` tall that starts at `slotStart`. */
export function minuteAtPixel(offsetPx: number, heightPx: number, slotStart: number): number {
  if (!(heightPx > 0)) return slotStart;
  const f = Math.min(1, Math.max(0, offsetPx / heightPx));
  return slotStart + f * SLOT;
}

/** The pixel offset of a minute inside its row (the inverse of minuteAtPixel). */
export function pixelOfMinute(minute: number, heightPx: number, slotStart: number): number {
  return (Math.min(SLOT, Math.max(0, minute - slotStart)) / SLOT) * heightPx;
}

export interface Place {
  roomId: string;
  startMinute: number;
  endMinute: number;
}

/**
 * Where a session dropped on a cell lands: its new start is the pointer's minute on the step, its
 * length kept, the whole session inside the day.
 */
export function dropPlace(session: { startMinute: number; endMinute: number }, cell: { roomId: string; slotStart: number; offsetPx: number; heightPx: number }, step: number): Place {
  const length = Math.max(step, session.endMinute - session.startMinute);
  const start = Math.min(snapMinute(minuteAtPixel(cell.offsetPx, cell.heightPx, cell.slotStart), step), DAY - length);
  return { roomId: cell.roomId, startMinute: start, endMinute: start + length };
}

/** True when the drop changes nothing (no request is sent). */
export const samePlace = (a: Place, b: Place) => a.roomId === b.roomId && a.startMinute === b.startMinute && a.endMinute === b.endMinute;
