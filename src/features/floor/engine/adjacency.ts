// Which stalls touch (side by side: they share a wall) and which face each other across an aisle,
// from their rectangles alone (issue #12, item 3). Pure: no I/O, no clock. Polygon stalls take part
// through their bounding box, which the caller computes.

export interface Box {
  id: string;
  /** Stalls of different halls are never neighbours. */
  hallId: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Neighbours {
  /** Stalls sharing a wall with this one (a stretch of edge longer than the tolerance). */
  side: string[];
  /** Stalls facing this one across an aisle: a parallel edge at most `aisleM` away, overlapping. */
  across: string[];
}

/** Below this (metres) two edges are the same wall and an overlap is no overlap. */
export const EPS = 0.05;

/**
 * Neighbours of every stall. For each axis the stalls are sorted by where they start, and each stall
 * is compared only with the ones that start before its far edge plus the aisle, so a hall of n stalls
 * costs n log n plus the pairs that are actually close.
 */
export function neighbours(boxes: readonly Box[], aisleM: number): Map<string, Neighbours> {
  const out = new Map<string, Neighbours>();
  for (const b of boxes) out.set(b.id, { side: [], across: [] });
  const byHall = new Map<string, Box[]>();
  for (const b of boxes) byHall.set(b.hallId, [...(byHall.get(b.hallId) ?? []), b]);
  const add = (a: Box, b: Box, gap: number) => {
    if (gap < -EPS || gap > aisleM + EPS) return;
    const kind = Math.abs(gap) <= EPS ? "side" : "across";
    if (!out.get(a.id)![kind].includes(b.id)) out.get(a.id)![kind].push(b.id);
    if (!out.get(b.id)![kind].includes(a.id)) out.get(b.id)![kind].push(a.id);
  };
  const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.min(a1, b1) - Math.max(a0, b0);
  for (const hall of byHall.values()) {
    // Left–right: b starts at or after a's right edge (within the aisle), and they overlap vertically.
    const byX = [...hall].sort((a, b) => a.x - b.x || cmp(a.id, b.id));
    for (let i = 0; i < byX.length; i++) {
      const a = byX[i]!;
      for (let j = i + 1; j < byX.length && byX[j]!.x <= a.x + a.w + aisleM + EPS; j++) {
        const b = byX[j]!;
        const lo = Math.max(a.y, b.y), hi = Math.min(a.y + a.h, b.y + b.h);
        if (hi - lo <= EPS) continue;
        // Facing across the aisle only if nothing stands between them (it starts between, in this order).
        const gap = b.x - (a.x + a.w);
        if (gap > EPS && byX.slice(i + 1, j).some((c) => c.x >= a.x + a.w - EPS && c.x < b.x && overlap(lo, hi, c.y, c.y + c.h) > EPS)) continue;
        add(a, b, gap);
      }
    }
    // Top–bottom: the same with the axes swapped.
    const byY = [...hall].sort((a, b) => a.y - b.y || cmp(a.id, b.id));
    for (let i = 0; i < byY.length; i++) {
      const a = byY[i]!;
      for (let j = i + 1; j < byY.length && byY[j]!.y <= a.y + a.h + aisleM + EPS; j++) {
        const b = byY[j]!;
        const lo = Math.max(a.x, b.x), hi = Math.min(a.x + a.w, b.x + b.w);
        if (hi - lo <= EPS) continue;
        const gap = b.y - (a.y + a.h);
        if (gap > EPS && byY.slice(i + 1, j).some((c) => c.y >= a.y + a.h - EPS && c.y < b.y && overlap(lo, hi, c.x, c.x + c.w) > EPS)) continue;
        add(a, b, gap);
      }
    }
  }
  // Something across the aisle that also touches: keep it as a side neighbour only.
  for (const n of out.values()) n.across = n.across.filter((id) => !n.side.includes(id));
  for (const n of out.values()) {
    n.side.sort(cmp);
    n.across.sort(cmp);
  }
  return out;
}

/** Code-point order, the same on every machine and locale. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
