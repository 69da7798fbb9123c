// Pure geometry of the plan editor (issue #12, item 2): no I/O, no database. Lengths are metres in
// the hall's frame (x to the right, y down from the top-left corner). The editor's operations
// (operations/plan-edit.ts) compute the new shapes here and check them with `planIssues` before
// anything is written; the database then guards the numbers (one per edition).

export interface Pt {
  x: number;
  y: number;
}
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}
/** A stall's outline: a rectangle or a closed polygon (corners in order). */
export type Outline = { rect: Rect; polygon?: null } | { rect?: null; polygon: Pt[] };

const EPS = 1e-6;

export const rectPoints = (r: Rect): Pt[] => [
  { x: r.x, y: r.y },
  { x: r.x + r.w, y: r.y },
  { x: r.x + r.w, y: r.y + r.h },
  { x: r.x, y: r.y + r.h },
];
export const pointsOf = (o: Outline): Pt[] => (o.rect ? rectPoints(o.rect) : o.polygon!);

export function boundsOf(points: readonly Pt[]): Rect {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
}

/** The floor area of a polygon (shoelace), m². */
export function polygonArea(points: readonly Pt[]): number {
  let s = 0;
  for (let i = 0; i < points.length; i++) {
    const a = points[i]!;
    const b = points[(i + 1) % points.length]!;
    s += a.x * b.y - b.x * a.y;
  }
  return Math.abs(s) / 2;
}
export const areaOf = (o: Outline) => (o.rect ? o.rect.w * o.rect.h : polygonArea(o.polygon!));

/** The centre of a polygon's area (its vertex mean for a degenerate one). */
export function centroid(points: readonly Pt[]): Pt {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    const q = points[(i + 1) % points.length]!;
    const k = p.x * q.y - q.x * p.y;
    a += k;
    cx += (p.x + q.x) * k;
    cy += (p.y + q.y) * k;
  }
  if (Math.abs(a) < EPS) return { x: points.reduce((s, p) => s + p.x, 0) / points.length, y: points.reduce((s, p) => s + p.y, 0) / points.length };
  return { x: cx / (3 * a), y: cy / (3 * a) };
}

/** Whether the point is strictly inside the polygon (on its edge is not inside). */
export function strictlyInside(p: Pt, poly: readonly Pt[]): boolean {
  for (let i = 0; i < poly.length; i++) if (onSegment(p, poly[i]!, poly[(i + 1) % poly.length]!)) return false;
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i]!;
    const b = poly[j]!;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

const cross = (o: Pt, a: Pt, b: Pt) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
function onSegment(p: Pt, a: Pt, b: Pt): boolean {
  return Math.abs(cross(a, b, p)) < EPS && p.x >= Math.min(a.x, b.x) - EPS && p.x <= Math.max(a.x, b.x) + EPS && p.y >= Math.min(a.y, b.y) - EPS && p.y <= Math.max(a.y, b.y) + EPS;
}
/** Two segments crossing at one point inside both (touching at an end or running along is not). */
function properCross(a: Pt, b: Pt, c: Pt, d: Pt): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return ((d1 > EPS && d2 < -EPS) || (d1 < -EPS && d2 > EPS)) && ((d3 > EPS && d4 < -EPS) || (d3 < -EPS && d4 > EPS));
}

/** Whether two outlines share floor (a positive area); stalls back to back, touching, do not. */
export function overlaps(a: Outline, b: Outline): boolean {
  if (a.rect && b.rect) {
    const p = a.rect;
    const q = b.rect;
    return p.x < q.x + q.w - EPS && q.x < p.x + p.w - EPS && p.y < q.y + q.h - EPS && q.y < p.y + p.h - EPS;
  }
  const pa = pointsOf(a);
  const pb = pointsOf(b);
  if (!overlaps({ rect: boundsOf(pa) }, { rect: boundsOf(pb) })) return false;
  for (let i = 0; i < pa.length; i++)
    for (let j = 0; j < pb.length; j++) if (properCross(pa[i]!, pa[(i + 1) % pa.length]!, pb[j]!, pb[(j + 1) % pb.length]!)) return true;
  const probes = (p: Pt[]) => [...p, ...p.map((v, i) => mid(v, p[(i + 1) % p.length]!)), centroid(p)];
  return probes(pa).some((v) => strictlyInside(v, pb)) || probes(pb).some((v) => strictlyInside(v, pa));
}
const mid = (a: Pt, b: Pt): Pt => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

/** Whether the outline lies within a hall of this width and depth. */
export function insideHall(o: Outline, hall: { widthM: number; depthM: number }): boolean {
  return pointsOf(o).every((p) => p.x >= -EPS && p.y >= -EPS && p.x <= hall.widthM + EPS && p.y <= hall.depthM + EPS);
}

/** Whether the outline lies within a rectangle (an area drawn around stalls). */
export const withinRect = (o: Outline, r: Rect) => pointsOf(o).every((p) => p.x >= r.x - EPS && p.y >= r.y - EPS && p.x <= r.x + r.w + EPS && p.y <= r.y + r.h + EPS);

/** A length snapped to the grid (metres; 0 = no grid), rid of float noise. */
export function snap(v: number, grid: number): number {
  const s = grid > 0 ? Math.round(v / grid) * grid : v;
  return Math.round(s * 1000) / 1000;
}
export const snapRect = (r: Rect, grid: number): Rect => ({ x: snap(r.x, grid), y: snap(r.y, grid), w: snap(r.w, grid) || r.w, h: snap(r.h, grid) || r.h });

/**
 * Stall numbers in sequence from the first: "4-101" → "4-101", "4-102", …; the digits at the end
 * count up and keep their width ("A07" → "A08"); a first number without digits gets "-1", "-2".
 */
export function numberSequence(first: string, count: number): string[] {
  const m = /^(.*?)(\d+)$/.exec(first.trim());
  const prefix = m ? m[1]! : `${first.trim()}-`;
  const start = m ? Number(m[2]) : 1;
  const width = m ? m[2]!.length : 1;
  return Array.from({ length: count }, (_, i) => `${prefix}${String(start + i).padStart(width, "0")}`);
}

export type Direction = "right" | "down" | "left" | "up";

export interface RowSpec {
  count: number;
  /** Each stall's width (along the row) and depth (across it), metres. */
  w: number;
  d: number;
  /** The first stall's corner nearest the hall's top-left. */
  x: number;
  y: number;
  direction: Direction;
  /** Space between two stalls of the row (0: side by side). */
  gap?: number;
}

/** A row of stalls, first to last along the direction: the order numbers read in. */
export function rowOf(spec: RowSpec): Rect[] {
  const gap = spec.gap ?? 0;
  const along = spec.direction === "right" || spec.direction === "left";
  const [w, h] = along ? [spec.w, spec.d] : [spec.d, spec.w];
  return Array.from({ length: spec.count }, (_, i) => {
    const step = i * (spec.w + gap);
    if (spec.direction === "right") return { x: spec.x + step, y: spec.y, w, h };
    if (spec.direction === "left") return { x: spec.x - step, y: spec.y, w, h };
    if (spec.direction === "down") return { x: spec.x, y: spec.y + step, w, h };
    return { x: spec.x, y: spec.y - step, w, h };
  }).map((r) => ({ x: snap(r.x, 0), y: snap(r.y, 0), w: r.w, h: r.h }));
}

/**
 * A block: `rows` rows of a row spec, each next one `aisle` metres further across (below a row
 * running right or left, to the right of one running down or up). Numbers read row by row, each
 * row in its direction, so stalls along one aisle stay in sequence.
 */
export function blockOf(spec: RowSpec & { rows: number; aisle: number }): Rect[][] {
  const along = spec.direction === "right" || spec.direction === "left";
  return Array.from({ length: spec.rows }, (_, i) => {
    const off = i * (spec.d + spec.aisle);
    return rowOf({ ...spec, x: along ? spec.x : spec.x + off, y: along ? spec.y + off : spec.y });
  });
}

/**
 * Two rectangular stalls that share one whole side become one rectangle; anything else is null
 * (not adjacent, or not a rectangle each).
 */
export function mergeRects(a: Rect, b: Rect): Rect | null {
  const eq = (p: number, q: number) => Math.abs(p - q) < 1e-6;
  if (eq(a.y, b.y) && eq(a.h, b.h) && (eq(a.x + a.w, b.x) || eq(b.x + b.w, a.x))) return { x: Math.min(a.x, b.x), y: a.y, w: a.w + b.w, h: a.h };
  if (eq(a.x, b.x) && eq(a.w, b.w) && (eq(a.y + a.h, b.y) || eq(b.y + b.h, a.y))) return { x: a.x, y: Math.min(a.y, b.y), w: a.w, h: a.h + b.h };
  return null;
}

/**
 * A row renumbered in sequence along its aisle: the stalls ordered along the axis they spread
 * over (left to right, or top to bottom; `reverse` for the other way), numbered from `first`.
 */
export function renumberRow<S extends { id: string } & Outline>(stalls: readonly S[], first: string, reverse = false): { id: string; number: string }[] {
  const centres = stalls.map((s) => ({ id: s.id, c: centroid(pointsOf(s)) }));
  const spread = (k: "x" | "y") => Math.max(...centres.map((c) => c.c[k])) - Math.min(...centres.map((c) => c.c[k]));
  const axis = spread("x") >= spread("y") ? "x" : "y";
  const other = axis === "x" ? "y" : "x";
  centres.sort((p, q) => p.c[axis] - q.c[axis] || p.c[other] - q.c[other] || p.id.localeCompare(q.id));
  if (reverse) centres.reverse();
  const numbers = numberSequence(first, centres.length);
  return centres.map((c, i) => ({ id: c.id, number: numbers[i]! }));
}

export type PlanIssue = { code: "floor_outside_hall"; stall: string } | { code: "floor_overlap"; stall: string; other: string } | { code: "floor_on_obstacle"; stall: string };

/**
 * What is wrong with the changed stalls of a hall: outside the hall, on an obstacle, or sharing
 * floor with another stall (changed or not). The first issue per changed stall, in their order.
 */
export function planIssues(
  hall: { widthM: number; depthM: number; obstacles: readonly Outline[] },
  changed: readonly ({ number: string; id: string } & Outline)[],
  others: readonly ({ number: string; id: string } & Outline)[],
): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const changedIds = new Set(changed.map((c) => c.id));
  const rest = others.filter((o) => !changedIds.has(o.id));
  changed.forEach((s, i) => {
    if (!insideHall(s, hall)) return void issues.push({ code: "floor_outside_hall", stall: s.number });
    if (hall.obstacles.some((o) => overlaps(s, o))) return void issues.push({ code: "floor_on_obstacle", stall: s.number });
    const hit = [...changed.slice(0, i), ...rest].find((o) => overlaps(s, o));
    if (hit) issues.push({ code: "floor_overlap", stall: s.number, other: hit.number });
  });
  return issues;
}
