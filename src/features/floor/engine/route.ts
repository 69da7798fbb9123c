// A walking route from an entrance to a stall along the aisles (issue #12, item 4). Pure: the hall
// is laid on a grid of `cellM` squares; a square a stall or an obstacle covers cannot be walked;
// breadth-first search over the four directions finds a shortest walk from the entrance to any
// walkable square touching the stall, which is then cut to its corners. Ties go the same way every
// time (the directions are tried in a fixed order), so a route is the same on every request.

export interface RouteRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface RouteInput {
  widthM: number;
  depthM: number;
  /** Where walking starts (an entrance's middle); moved to the nearest walkable square. */
  from: { x: number; y: number };
  /** The stall to reach (its bounding box); it is never walked through. */
  to: RouteRect;
  /** Everything that cannot be walked through: stalls, columns. */
  blocked: readonly RouteRect[];
  cellM?: number;
}

export interface Route {
  /** The walk's corners, from the start to the stall's front, in metres. */
  points: { x: number; y: number }[];
  /** Its length along the aisles, in metres. */
  lengthM: number;
}

const EPS = 1e-6;

export function route(input: RouteInput): Route | null {
  const cell = input.cellM ?? 0.5;
  const cols = Math.max(1, Math.round(input.widthM / cell));
  const rows = Math.max(1, Math.round(input.depthM / cell));
  const walkable = new Uint8Array(cols * rows).fill(1);
  const cover = (r: RouteRect) => {
    // Squares whose inside overlaps the rectangle.
    const i0 = Math.max(0, Math.floor((r.x + EPS) / cell));
    const i1 = Math.min(cols - 1, Math.ceil((r.x + r.w - EPS) / cell) - 1);
    const j0 = Math.max(0, Math.floor((r.y + EPS) / cell));
    const j1 = Math.min(rows - 1, Math.ceil((r.y + r.h - EPS) / cell) - 1);
    return { i0, i1, j0, j1 };
  };
  for (const b of [...input.blocked, input.to]) {
    const { i0, i1, j0, j1 } = cover(b);
    for (let j = j0; j <= j1; j++) for (let i = i0; i <= i1; i++) walkable[j * cols + i] = 0;
  }
  // Goals: walkable squares sharing an edge with a square of the stall.
  const goal = new Uint8Array(cols * rows);
  {
    const { i0, i1, j0, j1 } = cover(input.to);
    for (let j = j0; j <= j1; j++)
      for (let i = i0; i <= i1; i++)
        for (const [di, dj] of DIRS) {
          const [a, b] = [i + di, j + dj];
          if (a >= 0 && b >= 0 && a < cols && b < rows && walkable[b * cols + a]) goal[b * cols + a] = 1;
        }
  }
  // Start: the walkable square nearest the entrance's middle.
  const si = Math.min(cols - 1, Math.max(0, Math.floor(input.from.x / cell)));
  const sj = Math.min(rows - 1, Math.max(0, Math.floor(input.from.y / cell)));
  let start = -1;
  let bestD = Infinity;
  for (let j = 0; j < rows; j++)
    for (let i = 0; i < cols; i++) {
      if (!walkable[j * cols + i]) continue;
      const d = (i - si) ** 2 + (j - sj) ** 2;
      if (d < bestD) [bestD, start] = [d, j * cols + i];
    }
  if (start < 0) return null;
  const prev = new Int32Array(cols * rows).fill(-1);
  prev[start] = start;
  const queue = new Int32Array(cols * rows);
  let [head, tail] = [0, 0];
  queue[tail++] = start;
  let end = -1;
  while (head < tail) {
    const c = queue[head++]!;
    if (goal[c]) {
      end = c;
      break;
    }
    const [i, j] = [c % cols, Math.floor(c / cols)];
    for (const [di, dj] of DIRS) {
      const [a, b] = [i + di, j + dj];
      if (a < 0 || b < 0 || a >= cols || b >= rows) continue;
      const n = b * cols + a;
      if (!walkable[n] || prev[n] !== -1) continue;
      prev[n] = c;
      queue[tail++] = n;
    }
  }
  if (end < 0) return null;
  const cells: number[] = [];
  for (let c = end; ; c = prev[c]!) {
    cells.push(c);
    if (c === start) break;
  }
  cells.reverse();
  const centre = (c: number) => ({ x: ((c % cols) + 0.5) * cell, y: (Math.floor(c / cols) + 0.5) * cell });
  const all = cells.map(centre);
  // Keep the corners only.
  const points = all.filter((p, k) => {
    if (k === 0 || k === all.length - 1) return true;
    const [a, b] = [all[k - 1]!, all[k + 1]!];
    return !((Math.abs(a.x - p.x) < EPS && Math.abs(b.x - p.x) < EPS) || (Math.abs(a.y - p.y) < EPS && Math.abs(b.y - p.y) < EPS));
  });
  return { points, lengthM: (cells.length - 1) * cell };
}

const DIRS: readonly [number, number][] = [
  [0, 1],
  [1, 0],
  [0, -1],
  [-1, 0],
];
