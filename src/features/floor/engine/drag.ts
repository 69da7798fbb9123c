// The plan editor's drag, resize and arrow keys in the browser (issue #12, item 2), as pure
// arithmetic shared by the page's small script (pages/editor-drag.tsx) and its tests: where a
// stall lands when dragged or resized by a distance in metres, snapped to the chosen grid and
// kept inside the hall. The server checks the result again (overlaps, obstacles, the hall's walls):
// this only makes what the organiser sees while dragging what the server will be asked.

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The grids the editor offers, in metres. */
export const GRIDS = [0.5, 1] as const;

/** A value on the grid (0: no grid), to the millimetre. */
export function snapTo(v: number, grid: number): number {
  const s = grid > 0 ? Math.round(v / grid) * grid : v;
  return Math.round(s * 1000) / 1000;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), Math.max(lo, hi));

/** The stall moved by (dx, dy) metres: its corner on the grid, the whole stall inside the hall. */
export function dragMove(start: Box, dx: number, dy: number, grid: number, hall: { widthM: number; depthM: number }): Box {
  const x = clamp(snapTo(start.x + dx, grid), 0, hall.widthM - start.w);
  const y = clamp(snapTo(start.y + dy, grid), 0, hall.depthM - start.h);
  return { ...start, x: snapTo(x, 0), y: snapTo(y, 0) };
}

/**
 * The stall resized from its bottom-right corner by (dx, dy) metres: its width and depth on the
 * grid, at least one grid step (half a metre without a grid), not past the hall's walls.
 */
export function dragResize(start: Box, dx: number, dy: number, grid: number, hall: { widthM: number; depthM: number }): Box {
  const min = grid > 0 ? grid : 0.5;
  const w = clamp(snapTo(start.w + dx, grid), min, hall.widthM - start.x);
  const h = clamp(snapTo(start.h + dy, grid), min, hall.depthM - start.y);
  return { ...start, w: snapTo(w, 0), h: snapTo(h, 0) };
}

const STEPS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/** The stall moved one grid step by an arrow key (null for any other key). */
export function nudge(start: Box, key: string, grid: number, hall: { widthM: number; depthM: number }): Box | null {
  const step = STEPS[key];
  if (!step) return null;
  const g = grid > 0 ? grid : 0.5;
  return dragMove(start, step[0] * g, step[1] * g, grid, hall);
}

/** How far (metres) the pointer must travel before a press becomes a drag: less is a click on the stall. */
export const DRAG_START_M = 0.25;

/** Whether a pointer that moved (dx, dy) metres since the press is dragging. */
export const startsDrag = (dx: number, dy: number) => Math.hypot(dx, dy) >= DRAG_START_M;

/** Where the stall lands for a drag of (dx, dy): moved, or resized from its handle. */
export function dragTo(mode: "move" | "resize", start: Box, dx: number, dy: number, grid: number, hall: { widthM: number; depthM: number }): Box {
  return mode === "move" ? dragMove(start, dx, dy, grid, hall) : dragResize(start, dx, dy, grid, hall);
}

/** A stall's rectangle, or null for one without (a polygon stall: not dragged). */
export function boxOf(s: { x: number | null; y: number | null; w: number | null; h: number | null }): Box | null {
  return s.x !== null && s.y !== null && s.w !== null && s.h !== null ? { x: s.x, y: s.y, w: s.w, h: s.h } : null;
}

/** The resize handle's square on the stall's bottom-right corner, sized to the hall (0.5 to 1.2 m). */
export function handleBox(b: Box, hallWidthM: number): Box {
  const k = Math.max(0.5, Math.min(1.2, hallWidthM / 60));
  return { x: b.x + b.w - k / 2, y: b.y + b.h - k / 2, w: k, h: k };
}

/** The fields the editor's "move" form posts for a dropped stall (grid 0: already on the grid). */
export function moveFields(stall: { id: string; number: string }, b: Box): Record<string, string> {
  return { intent: "move", stallId: stall.id, number: stall.number, x: String(b.x), y: String(b.y), w: String(b.w), h: String(b.h), grid: "0" };
}
