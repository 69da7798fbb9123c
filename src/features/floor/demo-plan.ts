import { and, eq, inArray } from "drizzle-orm";
import { inTransaction, type Ctx } from "../../platform/context";
import type { Executor } from "../../platform/db/types";
import { enterprises, products } from "#features/editions";
import { clusters, editionForChange, editions, venueSpaces } from "#features/editions";
import { nominations, selections } from "#features/nominations";
import { allocate, defaultAllocRules, type AllocExhibitor, type AllocStall } from "./engine/allocate";
import { storeAllocationRun } from "./operations/allocation";
import { confirmAllocation } from "./operations/allocation-confirm";
import { moveExhibitor } from "./operations/allocation-edit";
import { enclaveHosts, engineNeeds } from "./operations/allocation-input";
import { stallShortfalls } from "./engine/quality";
import { stallNeedsPort } from "./stall-needs-port";
import { floorAreas, floorHalls, floorStalls, type AreaKind, type FloorPoint } from "./tables";

// The demo's floor (issue #12, item 8): Halls 1–3 of the Expo Centre Lahore, rows of 3 m × 3 m
// shell-scheme stalls back to back between 3 m aisles, numbered in sequence along the aisles (a row
// left to right, the row behind it right to left); the women entrepreneurs' enclave and the ICT and
// startups enclave by Hall 1's entrance with the main stage, a pavilion per cluster of the selected
// exhibitors, in the order of the catalogue, and the B2B lounge in Hall 3. Then the engine's
// allocation of the published selection as a draft run, a few moves by the organiser through the
// move operation, and the run confirmed (issue #12, item 8: "made by the algorithm with a few
// manual moves"). Deterministic and idempotent.

export interface DemoPlanArea {
  code: string;
  kind: AreaKind;
  clusterSlug: string | null;
  nameEn: string;
  nameUr: string;
  /** Stalls in the area (0 for a stage or a lounge: an outline only). */
  stalls: number;
}

export interface DemoPlanStall {
  hall: number;
  number: string;
  seq: number;
  x: number;
  y: number;
  areaCode: string | null;
  power: boolean;
  accessible: boolean;
  corner: boolean;
}

const HALL = { widthM: 90, depthM: 45 };
const STALL = 3;
const PER_ROW = 16; // 48 m of stalls, from x = 21 m to 69 m
const X0 = 21;
const ROW_Y = [6, 9, 15, 18, 24, 27]; // three double rows, back to back, with 3 m aisles between them
const STALLS_PER_HALL = PER_ROW * ROW_Y.length;

/** Where each stall of the plan stands: the areas, in order, fill the halls' stalls in sequence;
 *  an area never starts in one hall and ends in the next. Pure. */
export function demoPlanStalls(areas: readonly DemoPlanArea[]): DemoPlanStall[] {
  const out: DemoPlanStall[] = [];
  let hall = 1;
  let seq = 0;
  for (const a of areas) {
    if (seq + a.stalls > STALLS_PER_HALL) [hall, seq] = [hall + 1, 0];
    if (hall > 3 || a.stalls > STALLS_PER_HALL) throw new Error(`the demo floor has no room for ${a.code}`);
    for (let i = 0; i < a.stalls; i++, seq++) {
      const r = Math.floor(seq / PER_ROW);
      const k = seq % PER_ROW;
      const col = r % 2 === 0 ? k : PER_ROW - 1 - k; // a row left to right, the next back along the aisle
      out.push({
        hall,
        number: `${hall}-${String(101 + seq)}`,
        seq,
        x: X0 + STALL * col,
        y: ROW_Y[r]!,
        areaCode: a.code,
        power: col % 3 === 0,
        accessible: r < 2, // the double row nearest the entrance, by the widest aisle
        corner: col === 0 || col === PER_ROW - 1,
      });
    }
  }
  return out;
}

const boxOf = (points: readonly { x: number; y: number }[]): FloorPoint[] => {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs) + STALL, Math.min(...ys), Math.max(...ys) + STALL];
  return [{ x: x0, y: y0 }, { x: x1, y: y0 }, { x: x1, y: y1 }, { x: x0, y: y1 }];
};

/** Seeds the 2026 show's floor and its confirmed allocation; nothing when the edition has halls.
 *  `organiser` (the demo organiser's context) runs the allocation, the few moves by hand and the
 *  confirmation through the operations, so the runs page and the audit log show them; without it
 *  the engine's result is written confirmed. */
export async function seedDemoFloor(
  tx: Executor,
  editionId: string,
  organiser: Ctx | null = null,
): Promise<{ created: boolean; stalls: number; confirmed: number; moved: DemoMove[] }> {
  const [existing] = await tx.select({ id: floorHalls.id }).from(floorHalls).where(eq(floorHalls.editionId, editionId)).limit(1);
  const [edition] = await tx.select().from(editions).where(eq(editions.id, editionId));
  const [selection] = await tx.select().from(selections).where(eq(selections.editionId, editionId));
  if (existing || !edition || !selection) return { created: false, stalls: 0, confirmed: 0, moved: [] };

  // The selected exhibitors: the selection's decisions → nominations → the registry's enterprises (by NTN).
  const decisions = (selection.result as { decisions: { applicationId: string; status: string }[] }).decisions.filter((d) => d.status === "selected");
  const noms = decisions.length ? await tx.select().from(nominations).where(inArray(nominations.id, decisions.map((d) => d.applicationId))) : [];
  const ents = await tx.select().from(enterprises).where(eq(enterprises.organiserId, edition.organiserId));
  const entByNtn = new Map(ents.filter((e) => e.ntn).map((e) => [e.ntn!, e]));
  const chosen = noms.filter((n) => entByNtn.has(n.ntn)).sort((a, b) => (a.ntn < b.ntn ? -1 : 1));
  const prods = chosen.length ? await tx.select().from(products).where(inArray(products.enterpriseId, chosen.map((n) => entByNtn.get(n.ntn)!.id))) : [];
  const clusterRows = await tx.select().from(clusters).where(eq(clusters.editionId, editionId));
  const clusterById = new Map(clusterRows.map((c) => [c.id, c]));
  const ict = (c: { slug: string }) => c.slug === "lahore-it-software";

  // Room for each: a pavilion of the cluster's exhibitors plus one, the enclaves with two to spare.
  const count = new Map<string, number>();
  let women = 0;
  let startups = 0;
  for (const n of chosen) {
    const c = clusterById.get(n.clusterId)!;
    if (ict(c)) startups++;
    else if (n.womenLed && n.sizeClass === "micro") women++;
    else count.set(c.id, (count.get(c.id) ?? 0) + 1);
  }
  const areas: DemoPlanArea[] = [
    { code: "women-enclave", kind: "women_enclave", clusterSlug: null, nameEn: "Women entrepreneurs' enclave", nameUr: "خواتین کاروباری انکلیو", stalls: women + 2 },
    { code: "ict-enclave", kind: "enclave", clusterSlug: clusterRows.find(ict)?.slug ?? null, nameEn: "ICT and startups enclave", nameUr: "آئی سی ٹی اور اسٹارٹ اپ انکلیو", stalls: startups + 2 },
    ...clusterRows
      .filter((c) => !ict(c) && (count.get(c.id) ?? 0) > 0)
      .sort((a, b) => (a.slug < b.slug ? -1 : 1))
      .map((c): DemoPlanArea => ({ code: `pavilion-${c.slug}`, kind: "cluster_pavilion", clusterSlug: c.slug, nameEn: c.nameEn, nameUr: c.nameUr, stalls: count.get(c.id)! + 1 })),
  ];
  const planStalls = demoPlanStalls(areas);

  const spaces = await tx.select().from(venueSpaces).where(eq(venueSpaces.venueId, edition.venueId));
  const hallIds: string[] = [];
  for (const h of [1, 2, 3]) {
    const [row] = await tx
      .insert(floorHalls)
      .values({
        editionId,
        venueSpaceId: spaces.find((s) => s.slug === `hall-${h}`)?.id ?? null,
        code: `H${h}`,
        nameEn: `Hall ${h}`,
        nameUr: `ہال ${h}`,
        ...HALL,
        entrances: [{ code: `H${h}-main`, nameEn: "Main entrance", nameUr: "مرکزی دروازہ", shape: { kind: "rect", x: 40, y: 0, w: 10, h: 1 } }],
        obstacles: [18, 45, 72].map((x) => ({ kind: "column", shape: { kind: "rect" as const, x, y: 22, w: 1, h: 1 } })),
        sort: h,
      })
      .returning({ id: floorHalls.id });
    hallIds.push(row!.id);
  }
  const areaIds = new Map<string, string>();
  let sort = 0;
  for (const a of areas) {
    const mine = planStalls.filter((s) => s.areaCode === a.code);
    const [row] = await tx
      .insert(floorAreas)
      .values({
        editionId,
        hallId: hallIds[mine[0]!.hall - 1]!,
        kind: a.kind,
        clusterId: a.clusterSlug ? clusterRows.find((c) => c.slug === a.clusterSlug)!.id : null,
        code: a.code,
        nameEn: a.nameEn,
        nameUr: a.nameUr,
        polygon: boxOf(mine),
        sort: sort++,
      })
      .returning({ id: floorAreas.id });
    areaIds.set(a.code, row!.id);
  }
  const rect = (x: number, y: number, w: number, h: number): FloorPoint[] => [{ x, y }, { x: x + w, y }, { x: x + w, y: y + h }, { x, y: y + h }];
  await tx.insert(floorAreas).values([
    { editionId, hallId: hallIds[0]!, kind: "stage", code: "main-stage", nameEn: "Main stage", nameUr: "مرکزی اسٹیج", polygon: rect(30, 38, 30, 6), sort },
    { editionId, hallId: hallIds[2]!, kind: "b2b_lounge", code: "b2b-lounge", nameEn: "B2B lounge", nameUr: "بی ٹو بی لاؤنج", polygon: rect(30, 38, 30, 6), sort: sort + 1 },
  ]);
  const inserted = await tx
    .insert(floorStalls)
    .values(
      planStalls.map((s) => ({
        editionId,
        hallId: hallIds[s.hall - 1]!,
        areaId: s.areaCode ? areaIds.get(s.areaCode)! : null,
        number: s.number,
        seq: s.seq,
        x: s.x,
        y: s.y,
        w: STALL,
        h: STALL,
        areaM2: STALL * STALL,
        type: s.corner ? ("corner" as const) : ("shell_scheme" as const),
        power: s.power,
        accessible: s.accessible,
        corner: s.corner,
      })),
    )
    .returning();

  // The allocation: the engine places the selected exhibitors; the result is confirmed as it is.
  const headings = new Map<string, string[]>();
  for (const p of prods) headings.set(p.enterpriseId, [...new Set([...(headings.get(p.enterpriseId) ?? []), p.hsCode.slice(0, 4)])]);
  // The needs each exhibitor stated in its portal (the demo's profiles are seeded before the floor).
  const said = await stallNeedsPort().needsOf(tx, editionId, chosen.map((n) => entByNtn.get(n.ntn)!.id));
  // The ICT enclave hosts the IT cluster (it names it), as a run from the back office reads it.
  const hosts = await enclaveHosts(tx, editionId);
  const exhibitors: AllocExhibitor[] = chosen.map((n) => {
    const e = entByNtn.get(n.ntn)!;
    return {
      id: e.id,
      clusterId: n.clusterId,
      womenLed: n.womenLed,
      micro: n.sizeClass === "micro",
      ...engineNeeds(said.get(e.id), n.womenLed && n.sizeClass === "micro"),
      enclaveId: hosts.get(n.clusterId) ?? null,
      hsHeadings: headings.get(e.id) ?? [],
    };
  });
  const hallOrder = new Map(hallIds.map((id, i) => [id, i + 1]));
  const stalls: AllocStall[] = inserted.map((s) => ({
    id: s.id,
    hallId: s.hallId,
    hallOrder: hallOrder.get(s.hallId)!,
    number: s.number,
    seq: s.seq,
    x: s.x!,
    y: s.y!,
    w: s.w!,
    h: s.h!,
    areaId: s.areaId,
    areaM2: s.areaM2,
    power: s.power,
    accessible: s.accessible,
    corner: s.corner,
    free: true,
  }));
  const areaRows = await tx.select().from(floorAreas).where(eq(floorAreas.editionId, editionId));
  const allocAreas = areaRows.map((a) => ({ id: a.id, kind: a.kind, clusterId: a.clusterId }));
  if (!organiser) {
    // No organiser's account to act as (a demo seeded without accounts): the engine's result, confirmed as it is.
    const result = allocate({ areas: allocAreas, stalls, exhibitors, pins: [], rules: defaultAllocRules });
    for (const a of result.assignments)
      await tx
        .update(floorStalls)
        .set({ state: "confirmed", enterpriseId: a.exhibitorId })
        .where(and(eq(floorStalls.id, a.stallId), eq(floorStalls.state, "available")));
    return { created: true, stalls: inserted.length, confirmed: result.assignments.length, moved: [] };
  }
  // As the organiser would: the engine's draft run (its reasons kept for each exhibitor), a few
  // moves by hand through the operation (audited as the organiser's moves), then confirmed.
  const ctx: Ctx = { ...organiser, db: tx };
  const { run, result } = await inTransaction(ctx, async (t, c) => {
    const edition = await editionForChange(t, c.actor, editionId, "floor.allocate");
    return storeAllocationRun(t, c, edition, { areas: allocAreas, stalls, exhibitors, pins: [], baseRunId: null });
  });
  const moved: DemoMove[] = [];
  const exById = new Map(exhibitors.map((e) => [e.id, e]));
  const stallRowById = new Map(inserted.map((s) => [s.id, s]));
  const suits = (exhibitorId: string, stallId: string) => stallShortfalls(exById.get(exhibitorId)!, stallRowById.get(stallId)!).length === 0;
  for (const m of demoMoves(result.assignments, inserted, areaRows, 3, suits)) {
    await moveExhibitor(ctx, { runId: run.id, exhibitorId: m.exhibitorId, stallNumber: m.to });
    moved.push(m);
  }
  const counts = await confirmAllocation(ctx, { runId: run.id });
  return { created: true, stalls: inserted.length, confirmed: counts.confirmed, moved };
}

export interface DemoMove {
  exhibitorId: string;
  from: string;
  to: string;
}

/** The demo organiser's moves by hand: in the first three pavilions (by code) with a stall to
 *  spare, the exhibitor on the pavilion's first stall that suits it (`suits`: the spare stall has
 *  what it needs and wished for) moves to that spare stall, at the other end of its pavilion (as if
 *  it had asked to be away from the entrance's crowd). Pure. */
export function demoMoves(
  assignments: readonly { exhibitorId: string; stallId: string }[],
  stalls: readonly { id: string; areaId: string | null; number: string; seq: number }[],
  areas: readonly { id: string; kind: AreaKind; code: string }[],
  count = 3,
  suits: (exhibitorId: string, stallId: string) => boolean = () => true,
): DemoMove[] {
  const holder = new Map(assignments.map((a) => [a.stallId, a.exhibitorId]));
  const out: DemoMove[] = [];
  for (const area of [...areas].filter((a) => a.kind === "cluster_pavilion").sort((a, b) => (a.code < b.code ? -1 : 1))) {
    const mine = stalls.filter((s) => s.areaId === area.id).sort((a, b) => a.seq - b.seq);
    const spare = mine.filter((s) => !holder.has(s.id)).at(-1);
    const first = spare ? mine.find((s) => holder.has(s.id) && suits(holder.get(s.id)!, spare.id)) : undefined;
    if (!spare || !first || spare.seq < first.seq) continue;
    out.push({ exhibitorId: holder.get(first.id)!, from: first.number, to: spare.number });
    if (out.length === count) break;
  }
  return out;
}
