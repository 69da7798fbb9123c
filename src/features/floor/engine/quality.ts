import { neighbours } from "./adjacency";
import type { AllocArea, AllocExhibitor, AllocStall } from "./allocate";

// The figures an organiser reviews before confirming an allocation (issue #12, item 3; the same
// measures as `npm run bench:floor`). Pure: it reads a plan and its placements, which may be the
// engine's or ones an organiser moved by hand.

export interface QualityPlacement {
  exhibitorId: string;
  stallId: string;
  inOwnArea: boolean;
}

export interface Quality {
  exhibitors: number;
  placed: number;
  unplaced: number;
  /** Placed in the area the rule gives them (or where the organiser put them), of all exhibitors. */
  ownAreaShare: number;
  /** Per cluster or enclave, the share of its exhibitors in its largest block of stalls that touch
   *  or face each other across an aisle, weighted by size. */
  contiguity: number;
  /** Power, access, corner and size requests met, of those made (1 when none was made). */
  preferencesMet: number;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

export function allocationQuality(
  plan: { areas: readonly AllocArea[]; stalls: readonly AllocStall[]; exhibitors: readonly AllocExhibitor[]; aisleM: number },
  placements: readonly QualityPlacement[],
): Quality {
  const total = plan.exhibitors.length;
  const stallById = new Map(plan.stalls.map((s) => [s.id, s]));
  const exById = new Map(plan.exhibitors.map((e) => [e.id, e]));
  const mine = placements.filter((p) => exById.has(p.exhibitorId) && stallById.has(p.stallId));
  const placed = mine.length;
  const own = mine.filter((p) => p.inOwnArea).length;
  const nb = neighbours(plan.stalls, plan.aisleM);
  const areaKind = new Map(plan.areas.map((a) => [a.id, a.kind]));

  // Groups: the women's enclave's exhibitors, an enclave's, or a cluster's.
  const groups = new Map<string, string[]>();
  for (const p of mine) {
    const e = exById.get(p.exhibitorId)!;
    const s = stallById.get(p.stallId)!;
    const key = s.areaId && areaKind.get(s.areaId) === "women_enclave" ? "women" : e.enclaveId ? `enc:${e.enclaveId}` : `c:${e.clusterId ?? ""}`;
    groups.set(key, [...(groups.get(key) ?? []), p.stallId]);
  }
  let inBlock = 0;
  for (const ids of groups.values()) {
    const members = new Set(ids);
    const seen = new Set<string>();
    let largest = 0;
    for (const start of ids) {
      if (seen.has(start)) continue;
      let size = 0;
      const stack = [start];
      seen.add(start);
      while (stack.length) {
        const id = stack.pop()!;
        size++;
        const n = nb.get(id)!;
        for (const o of [...n.side, ...n.across])
          if (members.has(o) && !seen.has(o)) {
            seen.add(o);
            stack.push(o);
          }
      }
      largest = Math.max(largest, size);
    }
    inBlock += largest;
  }

  let asked = 0;
  let met = 0;
  const stallOf = new Map(mine.map((p) => [p.exhibitorId, stallById.get(p.stallId)!]));
  for (const e of plan.exhibitors) {
    const s = stallOf.get(e.id);
    for (const [wants, has] of [
      [e.needsPower, s?.power],
      [e.needsAccessible, s?.accessible],
      [e.wantsCorner, s?.corner],
      [e.minAreaM2 > 0, s ? s.areaM2 + 1e-9 >= e.minAreaM2 : false],
    ] as const)
      if (wants) {
        asked++;
        if (has) met++;
      }
  }
  return {
    exhibitors: total,
    placed,
    unplaced: total - placed,
    ownAreaShare: r3(total ? own / total : 1),
    contiguity: r3(placed ? inBlock / placed : 1),
    preferencesMet: r3(asked ? met / asked : 1),
  };
}

/** What a stall lacks of an exhibitor's needs (a hand move is allowed, with these warnings). */
export function stallShortfalls(ex: Pick<AllocExhibitor, "needsPower" | "wantsPower" | "needsAccessible" | "wantsCorner" | "minAreaM2">, s: Pick<AllocStall, "power" | "accessible" | "corner" | "areaM2">): ("power" | "accessible" | "corner" | "size")[] {
  const out: ("power" | "accessible" | "corner" | "size")[] = [];
  if ((ex.needsPower || ex.wantsPower) && !s.power) out.push("power");
  if (ex.needsAccessible && !s.accessible) out.push("accessible");
  if (ex.wantsCorner && !s.corner) out.push("corner");
  if (s.areaM2 + 1e-9 < ex.minAreaM2) out.push("size");
  return out;
}
