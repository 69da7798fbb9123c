import { cmp, neighbours, type Box } from "./adjacency";

// Automatic stall allocation (issue #12, item 3; the published rule in docs/floor.md). Pure and
// deterministic: the same input, in any order, gives the same allocation; no I/O, no clock, no
// randomness. The order of the rules, first to last:
//   1. pins (an organiser's hold or locked assignment for an exhibitor) are kept as they are;
//   2. women-led micro enterprises that asked for it go to the women entrepreneurs' enclave, an
//      exhibitor the organiser put in an enclave (ICT and startups, a province) goes there, every
//      other exhibitor to its cluster's pavilion; inside its area it gets the first stall along the
//      aisles that meets its needs (power, accessible, requested size), not side by side with a
//      competitor (a maker of the same HS heading) where avoidable, with power and a corner if it
//      wished for them;
//   3. who does not fit there (the area is full, or has no stall meeting its needs) goes from an
//      enclave to its cluster's pavilion, and from a pavilion to the free stall nearest its
//      cluster's stalls, so each cluster stays in one block;
//   4. who still has no stall with its needs gets the nearest free stall, and the reason says so.
// Every exhibitor gets reasons (a code and parameters), which pages translate.

export type AllocAreaKind = "cluster_pavilion" | "women_enclave" | "enclave" | "b2b_lounge" | "stage" | "food_court" | "services";

export interface AllocArea {
  id: string;
  kind: AllocAreaKind;
  /** The pavilion's cluster (null for any other area). */
  clusterId: string | null;
}

/** A stall, its rectangle (a polygon stall: its bounding box) in metres in its hall's frame. */
export interface AllocStall extends Box {
  number: string;
  /** The halls' order (Hall 1 before Hall 2): stalls in another hall are far. */
  hallOrder: number;
  /** The stall's place in its hall's numbering along the aisles. */
  seq: number;
  areaId: string | null;
  areaM2: number;
  power: boolean;
  accessible: boolean;
  corner: boolean;
  /** Available. A stall on hold, assigned to someone or blocked is only taken through a pin. */
  free: boolean;
}

export interface AllocExhibitor {
  id: string;
  clusterId: string | null;
  womenLed: boolean;
  micro: boolean;
  /** Asked for a stall in the women entrepreneurs' enclave. */
  wantsWomenEnclave: boolean;
  /** An enclave (area of kind "enclave") the organiser put it in, instead of its cluster's pavilion. */
  enclaveId?: string | null;
  /** A need: only a stall with power will do (three-phase machines, docs/decisions/0017-stall-needs.md). */
  needsPower: boolean;
  /** A wish: a stall with power is preferred inside its area, never at the cost of the area. */
  wantsPower?: boolean;
  needsAccessible: boolean;
  wantsCorner: boolean;
  /** The floor area asked for, in m² (a stall at least this big); 0 for any. */
  minAreaM2: number;
  /** HS headings (4 digits) of its products: two exhibitors sharing one are competitors. */
  hsHeadings: readonly string[];
}

/** An organiser's hold or locked (hand-made) assignment: kept as it is. */
export interface AllocPin {
  exhibitorId: string;
  stallId: string;
}

export interface AllocRules {
  /** Widest aisle, in metres: stalls this far apart face each other across it. */
  aisleM: number;
  /** Keep makers of the same HS heading from standing side by side where avoidable. */
  separateCompetitors: boolean;
  /** Who may ask for the women entrepreneurs' enclave: women-led micro enterprises (the issue's
   *  rule), any women-led enterprise, or nobody (the enclave is then not allocated automatically). */
  womenEnclave: "women_led_micro" | "women_led" | "off";
}

export const defaultAllocRules: AllocRules = { aisleM: 3, separateCompetitors: true, womenEnclave: "women_led_micro" };

export interface AllocInput {
  areas: readonly AllocArea[];
  stalls: readonly AllocStall[];
  exhibitors: readonly AllocExhibitor[];
  pins: readonly AllocPin[];
  rules: AllocRules;
}

/** Every reason an allocation gives (texts: `floor.reason.<code>`, with the parameters). */
export const reasonCodes = [
  "pinned", // {stall}: kept as the organiser set it
  "pin_conflict", // {stall}: the pinned stall does not exist or is pinned to another exhibitor too
  "own_pavilion", // {stall, area}: in its cluster's pavilion
  "women_enclave", // {stall, area}: in the women entrepreneurs' enclave, as asked
  "enclave", // {stall, area}: in the enclave the organiser chose
  "women_enclave_full", // {}: asked for the enclave, no room with its needs there: its pavilion instead
  "area_full", // {area}: its area had no free stall left
  "area_no_fitting_stall", // {area}: its area had no free stall with its needs
  "no_pavilion", // {}: its cluster has no pavilion on the plan
  "nearest_free", // {stall, area, distanceM}: the free stall nearest its cluster's stalls
  "power_as_requested", // {}
  "accessible_as_requested", // {}
  "size_as_requested", // {areaM2, asked}
  "corner_as_requested", // {}
  "corner_unavailable", // {}
  "power_unavailable", // {}: wished for power, none free where it is placed
  "needs_not_met", // {needs}: no free stall had them; the nearest free stall instead
  "competitors_apart", // {heading}: no maker of the same heading side by side
  "competitor_adjacent", // {heading, stall}: side by side with one, unavoidably
  "no_free_stall", // {}: the plan has no free stall left
] as const;
export type ReasonCode = (typeof reasonCodes)[number];

export interface Reason {
  code: ReasonCode;
  params: Record<string, string | number>;
}

export interface Assignment {
  exhibitorId: string;
  stallId: string;
  stallNumber: string;
  areaId: string | null;
  pinned: boolean;
  /** In the area its rule gives it (its pavilion, the women's enclave, its enclave), or pinned. */
  inOwnArea: boolean;
  reasons: Reason[];
}

export interface Unplaced {
  exhibitorId: string;
  reasons: Reason[];
}

export interface AllocResult {
  assignments: Assignment[];
  unplaced: Unplaced[];
}

type Home = { key: string; kind: "women" | "enclave" | "cluster" | "none"; areaIds: string[] };

const NOT_FOR_STALLS: ReadonlySet<AllocAreaKind> = new Set(["b2b_lounge", "stage", "food_court", "services"]);

export function allocate(input: AllocInput): AllocResult {
  const { rules } = input;
  const stalls = [...input.stalls].sort((a, b) => a.hallOrder - b.hallOrder || a.seq - b.seq || cmp(a.id, b.id));
  const index = new Map(stalls.map((s, i) => [s.id, i]));
  const exhibitors = [...input.exhibitors].sort((a, b) => cmp(a.id, b.id));
  const exById = new Map(exhibitors.map((e) => [e.id, e]));
  const areaById = new Map(input.areas.map((a) => [a.id, a]));
  const nb = neighbours(stalls, rules.aisleM);
  const occupant = new Map<string, string>(); // stall id → exhibitor id
  const placed = new Map<string, Assignment>();
  const notes = new Map<string, Reason[]>(); // reasons gathered before placement
  const note = (exId: string, r: Reason) => notes.set(exId, [...(notes.get(exId) ?? []), r]);
  const unplaced: Unplaced[] = [];

  // Stalls with power or step-free access are kept for those who need them: while the free ones
  // are no more than the exhibitors still waiting who need them, nobody else takes one.
  const waiting = { power: exhibitors.filter((e) => e.needsPower).length, accessible: exhibitors.filter((e) => e.needsAccessible).length };
  const freeWith = { power: stalls.filter((s) => s.free && s.power).length, accessible: stalls.filter((s) => s.free && s.accessible).length };
  const place = (ex: AllocExhibitor, s: AllocStall, reasons: Reason[], inOwnArea: boolean, pinned = false) => {
    if (ex.needsPower) waiting.power--;
    if (ex.needsAccessible) waiting.accessible--;
    if (s.free && s.power) freeWith.power--;
    if (s.free && s.accessible) freeWith.accessible--;
    occupant.set(s.id, ex.id);
    placed.set(ex.id, { exhibitorId: ex.id, stallId: s.id, stallNumber: s.number, areaId: s.areaId, pinned, inOwnArea, reasons: [...(notes.get(ex.id) ?? []), ...reasons] });
  };

  // 1. Pins, in a stable order: the first pin of a stall wins, an exhibitor's first pin counts.
  const pins = [...input.pins].sort((a, b) => cmp(a.exhibitorId, b.exhibitorId) || cmp(a.stallId, b.stallId));
  const stallById = new Map(stalls.map((s) => [s.id, s]));
  for (const pin of pins) {
    const ex = exById.get(pin.exhibitorId);
    if (!ex || placed.has(ex.id)) continue;
    const s = stallById.get(pin.stallId);
    if (!s || occupant.has(s.id)) {
      note(ex.id, { code: "pin_conflict", params: { stall: s?.number ?? pin.stallId } });
      continue;
    }
    place(ex, s, [{ code: "pinned", params: { stall: s.number } }], true, true);
  }

  const fits = (ex: AllocExhibitor, s: AllocStall) =>
    (!ex.needsPower || s.power) && (!ex.needsAccessible || s.accessible) && s.areaM2 + 1e-9 >= ex.minAreaM2;
  const isFree = (s: AllocStall) => s.free && !occupant.has(s.id);
  const competitorNextTo = (ex: AllocExhibitor, s: AllocStall): string | null => {
    if (!rules.separateCompetitors || !ex.hsHeadings.length) return null;
    for (const id of nb.get(s.id)!.side) {
      const other = occupant.get(id);
      const shared = other ? ex.hsHeadings.find((h) => exById.get(other)!.hsHeadings.includes(h)) : undefined;
      if (shared) return shared;
    }
    return null;
  };
  /** The best stall among candidates: not one kept for others' needs, no competitor alongside, nearest (step 4), power and a corner if wished, then earliest along the aisles. */
  const best = (ex: AllocExhibitor, cands: AllocStall[], distance?: (s: AllocStall) => number) => {
    let top: AllocStall | null = null;
    let topKey: number[] = [];
    for (const s of cands) {
      // In step 4, at equal distance a stall outside every area goes before one in another's area.
      const reserved = (!ex.needsPower && s.power && freeWith.power <= waiting.power ? 1 : 0) + (!ex.needsAccessible && s.accessible && freeWith.accessible <= waiting.accessible ? 1 : 0);
      const key = [reserved, competitorNextTo(ex, s) ? 1 : 0, distance ? distance(s) : 0, distance && s.areaId ? 1 : 0, ex.wantsPower && !s.power ? 1 : 0, ex.wantsCorner && !s.corner ? 1 : 0, index.get(s.id)!];
      if (!top || less(key, topKey)) [top, topKey] = [s, key];
    }
    return top;
  };

  // 2. Each exhibitor's home: the area its rule gives it.
  const womenAreas = input.areas.filter((a) => a.kind === "women_enclave").map((a) => a.id).sort(cmp);
  const eligibleForWomen = (ex: AllocExhibitor) =>
    ex.womenLed && (rules.womenEnclave === "women_led" || (rules.womenEnclave === "women_led_micro" && ex.micro));
  const pavilionsOf = (clusterId: string | null) =>
    input.areas.filter((a) => a.kind === "cluster_pavilion" && clusterId !== null && a.clusterId === clusterId).map((a) => a.id).sort(cmp);
  const clusterHome = (ex: AllocExhibitor): Home => {
    const ids = pavilionsOf(ex.clusterId);
    return ids.length ? { key: `2:cluster:${ex.clusterId}`, kind: "cluster", areaIds: ids } : { key: `3:none:${ex.clusterId ?? ""}`, kind: "none", areaIds: [] };
  };
  const homeOf = (ex: AllocExhibitor): Home => {
    const enclave = ex.enclaveId ? areaById.get(ex.enclaveId) : undefined;
    if (enclave?.kind === "enclave") return { key: `1:enclave:${enclave.id}`, kind: "enclave", areaIds: [enclave.id] };
    if (ex.wantsWomenEnclave && eligibleForWomen(ex) && womenAreas.length) return { key: "0:women", kind: "women", areaIds: womenAreas };
    return clusterHome(ex);
  };

  // 3. Fill each home's areas: the women's enclave first (who finds no room there joins its
  //    cluster's pavilion), then enclaves, then pavilions. Inside a home the most constrained
  //    exhibitors (fewest stalls meeting their needs) choose first.
  const homes = new Map<string, { home: Home; members: AllocExhibitor[] }>();
  const join = (home: Home, ex: AllocExhibitor) => {
    const h = homes.get(home.key) ?? { home, members: [] };
    h.members.push(ex);
    homes.set(home.key, h);
  };
  for (const ex of exhibitors) if (!placed.has(ex.id)) join(homeOf(ex), ex);
  const overflow: { ex: AllocExhibitor; home: Home }[] = [];
  const codeOf = { women: "women_enclave", enclave: "enclave", cluster: "own_pavilion" } as const;
  const done = new Set<string>();
  while (true) {
    const key = [...homes.keys()].filter((k) => !done.has(k)).sort(cmp)[0];
    if (key === undefined) break;
    done.add(key);
    const { home, members } = homes.get(key)!;
    const areaSet = new Set(home.areaIds);
    const own = stalls.filter((s) => s.areaId !== null && areaSet.has(s.areaId));
    const tightness = new Map(members.map((ex) => [ex.id, own.filter((s) => s.free && fits(ex, s)).length]));
    const ordered = [...members].sort((a, b) => tightness.get(a.id)! - tightness.get(b.id)! || cmp(a.id, b.id));
    for (const ex of ordered) {
      if (home.kind === "none") {
        note(ex.id, { code: "no_pavilion", params: {} });
        overflow.push({ ex, home });
        continue;
      }
      const free = own.filter(isFree);
      const s = best(ex, free.filter((c) => fits(ex, c)));
      if (s) {
        place(ex, s, [{ code: codeOf[home.kind], params: { stall: s.number, area: s.areaId! } }], true);
        continue;
      }
      const why: Reason =
        home.kind === "women"
          ? { code: "women_enclave_full", params: {} }
          : { code: free.length ? "area_no_fitting_stall" : "area_full", params: { area: home.areaIds[0]! } };
      note(ex.id, why);
      if (home.kind === "women" || home.kind === "enclave") {
        // Back to its cluster's pavilion, which is filled after the enclaves (its key sorts later).
        const fallback = clusterHome(ex);
        if (done.has(fallback.key)) throw new Error("enclaves must be filled before the pavilions");
        join(fallback, ex);
        continue;
      }
      overflow.push({ ex, home });
    }
  }

  // 4. Who did not fit goes to the free stall nearest its cluster's stalls (its pavilion, or the
  //    ones its cluster already holds), never into an enclave meant for others nor a stage or lounge.
  const centre = (s: AllocStall) => [s.x + s.w / 2, s.y + s.h / 2] as const;
  const dist = (a: AllocStall, b: AllocStall) => {
    const [ax, ay] = centre(a);
    const [bx, by] = centre(b);
    return Math.hypot(ax - bx, ay - by) + (a.hallId === b.hallId ? 0 : 10_000 * (1 + Math.abs(a.hallOrder - b.hallOrder)));
  };
  const open = (ex: AllocExhibitor, s: AllocStall) => {
    if (!isFree(s)) return false;
    const area = s.areaId ? areaById.get(s.areaId) : undefined;
    if (!area) return true;
    if (NOT_FOR_STALLS.has(area.kind)) return false;
    if (area.kind === "women_enclave") return eligibleForWomen(ex);
    return true;
  };
  overflow.sort((a, b) => cmp(a.home.key, b.home.key) || cmp(a.ex.id, b.ex.id));
  for (const { ex, home } of overflow) {
    const anchors = [...placed.values()]
      .filter((a) => ex.clusterId !== null && exById.get(a.exhibitorId)!.clusterId === ex.clusterId)
      .map((a) => stallById.get(a.stallId)!);
    if (!anchors.length) anchors.push(...stalls.filter((s) => s.areaId !== null && home.areaIds.includes(s.areaId)));
    const distance = (s: AllocStall) => (anchors.length ? Math.min(...anchors.map((a) => dist(a, s))) : 0);
    const cands = stalls.filter((s) => open(ex, s));
    if (!cands.length) {
      unplaced.push({ exhibitorId: ex.id, reasons: [...(notes.get(ex.id) ?? []), { code: "no_free_stall", params: {} }] });
      continue;
    }
    const fitting = cands.filter((s) => fits(ex, s));
    const s = best(ex, fitting.length ? fitting : cands, distance)!;
    if (!fitting.length) note(ex.id, { code: "needs_not_met", params: { needs: unmetNeeds(ex, s).join(",") } });
    place(ex, s, [{ code: "nearest_free", params: { stall: s.number, area: s.areaId ?? "", distanceM: Math.round(distance(s)) } }], false);
  }

  // 5. What each exhibitor asked for, and its neighbours, read from the final plan.
  const assignments = [...placed.values()].sort((a, b) => cmp(a.exhibitorId, b.exhibitorId));
  const headingCount = new Map<string, number>();
  for (const ex of exhibitors) for (const h of new Set(ex.hsHeadings)) headingCount.set(h, (headingCount.get(h) ?? 0) + 1);
  for (const a of assignments) {
    const ex = exById.get(a.exhibitorId)!;
    const s = stallById.get(a.stallId)!;
    if (!a.pinned) {
      if ((ex.needsPower || ex.wantsPower) && s.power) a.reasons.push({ code: "power_as_requested", params: {} });
      else if (ex.wantsPower) a.reasons.push({ code: "power_unavailable", params: {} });
      if (ex.needsAccessible && s.accessible) a.reasons.push({ code: "accessible_as_requested", params: {} });
      if (ex.minAreaM2 > 0 && s.areaM2 + 1e-9 >= ex.minAreaM2) a.reasons.push({ code: "size_as_requested", params: { areaM2: s.areaM2, asked: ex.minAreaM2 } });
      if (ex.wantsCorner) a.reasons.push({ code: s.corner ? "corner_as_requested" : "corner_unavailable", params: {} });
    }
    if (rules.separateCompetitors) {
      const clash = nb.get(s.id)!.side.map((id) => [id, occupant.get(id)] as const).find(([, o]) => o && ex.hsHeadings.some((h) => exById.get(o)!.hsHeadings.includes(h)));
      if (clash) {
        const heading = ex.hsHeadings.find((h) => exById.get(clash[1]!)!.hsHeadings.includes(h))!;
        a.reasons.push({ code: "competitor_adjacent", params: { heading, stall: stallById.get(clash[0])!.number } });
      } else {
        const heading = [...ex.hsHeadings].sort(cmp).find((h) => headingCount.get(h)! > 1);
        if (heading) a.reasons.push({ code: "competitors_apart", params: { heading } });
      }
    }
  }
  return { assignments, unplaced: unplaced.sort((a, b) => cmp(a.exhibitorId, b.exhibitorId)) };
}

function unmetNeeds(ex: AllocExhibitor, s: AllocStall): string[] {
  const out: string[] = [];
  if (ex.needsPower && !s.power) out.push("power");
  if (ex.needsAccessible && !s.accessible) out.push("accessible");
  if (s.areaM2 + 1e-9 < ex.minAreaM2) out.push("size");
  return out;
}

function less(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}
