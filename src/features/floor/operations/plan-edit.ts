import { and, asc, desc, eq, inArray, max } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import { constraintName, sqlStateOf } from "../../../platform/db/errors";
import type { Tx } from "../../../platform/db/types";
import { DomainError, type FieldIssue } from "../../../platform/errors";
import { parseInput } from "../../../platform/validation";
import { editionFor, editionForChange, partForChange, type Edition } from "../../editions/for-change";
import { clusters } from "../../editions/tables";
import { areaOf, blockOf, numberSequence, mergeRects, planIssues, rectPoints, renumberRow, snap, withinRect, type Outline, type PlanIssue, type Rect } from "../engine/geometry";
import { readStallCsv, readStallDxf, type ImportIssue } from "../engine/plan-import";
import { areaKinds, floorAreas, floorHalls, floorPlanEdits, floorStalls, stallTypes, type FloorShape, type PlanInverse } from "../tables";

// The organiser's plan editor (issue #12, item 2): halls, stalls one by one, in rows and blocks,
// moved, resized, merged, renumbered, areas drawn around stalls, deleted; imports from CSV and DXF;
// undo. Every edit runs in one transaction that locks the edition, checks the hall's new geometry
// with the pure engine (engine/geometry.ts: inside the hall, off the obstacles, no two stalls on
// one piece of floor), writes, stores its inverse in the hall's history (floor_plan_edits) and
// the audit entry. A stall someone holds (on hold, assigned, confirmed) is never deleted or merged.

type StallRow = typeof floorStalls.$inferSelect;
type AreaRow = typeof floorAreas.$inferSelect;
type HallRow = typeof floorHalls.$inferSelect;

const uuid = z.uuid();
const metres = z.coerce.number().min(0).max(2000);
const length = z.coerce.number().positive().max(2000);
const number = z.string().trim().min(1).max(40);
const grid = z.coerce.number().min(0).max(10).default(0);
const features = {
  type: z.enum(stallTypes).default("shell_scheme"),
  power: z.coerce.boolean().default(false),
  water: z.coerce.boolean().default(false),
  accessible: z.coerce.boolean().default(false),
};

const HELD = new Set(["on_hold", "assigned", "confirmed"]);
const outlineOf = (s: Pick<StallRow, "x" | "y" | "w" | "h" | "polygon">): Outline =>
  s.x !== null && s.y !== null && s.w !== null && s.h !== null ? { rect: { x: s.x, y: s.y, w: s.w, h: s.h } } : { polygon: s.polygon ?? [] };
const shapeOutline = (s: FloorShape): Outline => (s.kind === "rect" ? { rect: s } : { polygon: s.points });
const withOutline = (s: StallRow) => ({ id: s.id, number: s.number, ...outlineOf(s) });

/** The first issue as the refusal, naming the stalls. */
function refuse(issues: PlanIssue[]): void {
  const i = issues[0];
  if (!i) return;
  throw new DomainError(i.code, { params: { stall: i.stall, other: "other" in i ? i.other : "" } });
}

/** A write whose unique numbers or codes the database refuses becomes its refusal. */
async function refusingFloor<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (sqlStateOf(e) === "23505") {
      const name = constraintName(e);
      if (name === "floor_stalls_number_uq") throw new DomainError("floor_number_taken");
      if (name === "floor_halls_code_uq" || name === "floor_areas_code_uq") throw new DomainError("floor_code_taken");
    }
    throw e;
  }
}

interface HallScope {
  tx: Tx;
  edition: Edition;
  hall: HallRow;
  stalls: StallRow[];
  areas: AreaRow[];
}
interface EditResult<T> {
  result: T;
  inverse: PlanInverse;
  data: Record<string, unknown>;
}

/** Runs one edit of a hall: lock, authorise, edit, remember the inverse, audit. */
async function editHall<T>(ctx: Ctx, hallId: string, action: string, edit: (s: HallScope) => Promise<EditResult<T>>): Promise<T> {
  return refusingFloor(() =>
    inTransaction(ctx, async (tx) => {
      const [found] = await tx.select().from(floorHalls).where(eq(floorHalls.id, hallId));
      const { part: hall, edition } = await partForChange(tx, ctx.actor, found, "floor.plan", "hall");
      const stalls = await tx.select().from(floorStalls).where(eq(floorStalls.hallId, hall.id)).orderBy(asc(floorStalls.seq));
      const areas = await tx.select().from(floorAreas).where(eq(floorAreas.hallId, hall.id)).orderBy(asc(floorAreas.sort), asc(floorAreas.code));
      const { result, inverse, data } = await edit({ tx, edition, hall, stalls, areas });
      await tx.insert(floorPlanEdits).values({ editionId: edition.id, hallId: hall.id, action, inverse, at: ctx.clock.now() });
      await recordAudit(tx, ctx, {
        action: action === "import" ? "floor.stalls_imported" : "floor.plan_edited",
        entityType: "floor_hall",
        entityId: hall.id,
        organiserId: edition.organiserId,
        editionId: edition.id,
        data: { edit: action, hall: hall.code, ...data },
      });
      return result;
    }),
  );
}

const check = (hall: HallRow, changed: StallRow[], all: StallRow[]) =>
  refuse(planIssues({ widthM: hall.widthM, depthM: hall.depthM, obstacles: hall.obstacles.map((o) => shapeOutline(o.shape)) }, changed.map(withOutline), all.map(withOutline)));
const nextSeq = (stalls: StallRow[]) => stalls.reduce((m, s) => Math.max(m, s.seq), 0) + 1;
const noInverse = (): PlanInverse => ({ createdStalls: [], createdAreas: [], stallsBefore: [], areasBefore: [] });
/** A stall row as JSON for the history (dates as ISO text). */
const snapshot = (s: StallRow | AreaRow) => JSON.parse(JSON.stringify(s)) as Record<string, unknown>;

// ————— reading —————

/** The halls of an edition, for the editor's list. */
export async function listFloorHalls(ctx: Ctx, raw: unknown) {
  const { editionId } = parseInput(z.object({ editionId: uuid }), raw);
  const edition = await editionFor(ctx.db, ctx.actor, editionId, "floor.plan");
  const halls = await ctx.db.select().from(floorHalls).where(eq(floorHalls.editionId, edition.id)).orderBy(asc(floorHalls.sort), asc(floorHalls.code));
  const stalls = await ctx.db.select({ hallId: floorStalls.hallId }).from(floorStalls).where(eq(floorStalls.editionId, edition.id));
  return {
    edition: { id: edition.id, slug: edition.slug, nameEn: edition.nameEn, nameUr: edition.nameUr },
    halls: halls.map((h) => ({ ...h, stallCount: stalls.filter((s) => s.hallId === h.id).length })),
  };
}

/** One hall as the editor shows it: every stall with its state, the areas, the clusters. */
export async function getFloorHall(ctx: Ctx, raw: unknown) {
  const { hallId } = parseInput(z.object({ hallId: uuid }), raw);
  const [hall] = await ctx.db.select().from(floorHalls).where(eq(floorHalls.id, hallId));
  if (!hall) {
    // The same answer as editionFor gives for a missing edition, whoever asks.
    await editionFor(ctx.db, ctx.actor, "00000000-0000-0000-0000-000000000000", "floor.plan");
    throw new DomainError("not_found", { params: { what: "hall" } });
  }
  const edition = await editionFor(ctx.db, ctx.actor, hall.editionId, "floor.plan");
  const stalls = await ctx.db.select().from(floorStalls).where(eq(floorStalls.hallId, hall.id)).orderBy(asc(floorStalls.seq));
  const areas = await ctx.db.select().from(floorAreas).where(eq(floorAreas.hallId, hall.id)).orderBy(asc(floorAreas.sort), asc(floorAreas.code));
  const clusterRows = await ctx.db.select({ id: clusters.id, nameEn: clusters.nameEn, nameUr: clusters.nameUr }).from(clusters).where(eq(clusters.editionId, edition.id)).orderBy(asc(clusters.nameEn));
  const [last] = await ctx.db.select({ action: floorPlanEdits.action }).from(floorPlanEdits).where(eq(floorPlanEdits.hallId, hall.id)).orderBy(desc(floorPlanEdits.n)).limit(1);
  return { edition: { id: edition.id, slug: edition.slug, nameEn: edition.nameEn, nameUr: edition.nameUr }, hall, stalls, areas, clusters: clusterRows, lastEdit: last?.action ?? null };
}

// ————— halls —————

export const createHallInput = z.object({
  editionId: uuid,
  code: z.string().trim().min(1).max(20).regex(/^[A-Za-z0-9_-]+$/),
  nameEn: z.string().trim().min(1).max(120),
  nameUr: z.string().trim().min(1).max(120),
  widthM: length,
  depthM: length,
});

/** A new, empty hall of the edition. Refusals: `floor_code_taken`. */
export async function createFloorHall(ctx: Ctx, raw: unknown) {
  const input = parseInput(createHallInput, raw);
  return refusingFloor(() =>
    inTransaction(ctx, async (tx) => {
      const edition = await editionForChange(tx, ctx.actor, input.editionId, "floor.plan");
      const [{ sort } = { sort: 0 }] = await tx.select({ sort: max(floorHalls.sort) }).from(floorHalls).where(eq(floorHalls.editionId, edition.id)) as { sort: number | null }[];
      const [hall] = await tx
        .insert(floorHalls)
        .values({ editionId: edition.id, code: input.code, nameEn: input.nameEn, nameUr: input.nameUr, widthM: input.widthM, depthM: input.depthM, sort: (sort ?? 0) + 1 })
        .returning();
      await recordAudit(tx, ctx, { action: "floor.hall_created", entityType: "floor_hall", entityId: hall!.id, organiserId: edition.organiserId, editionId: edition.id, data: { code: input.code, widthM: input.widthM, depthM: input.depthM } });
      return hall!;
    }),
  );
}

// ————— stalls —————

export const addStallsInput = z.object({
  hallId: uuid,
  /** The first stall's number; the others follow in sequence ("4-101", "4-102", …). */
  first: number,
  count: z.coerce.number().int().min(1).max(200).default(1),
  rows: z.coerce.number().int().min(1).max(20).default(1),
  x: metres,
  y: metres,
  /** Width along the row and depth across it, metres. */
  w: length,
  d: length,
  direction: z.enum(["right", "down", "left", "up"]).default("right"),
  gap: z.coerce.number().min(0).max(50).default(0),
  /** Between two rows of a block, metres. */
  aisle: z.coerce.number().min(0).max(100).default(0),
  grid,
  areaId: uuid.nullish(),
  ...features,
});

/** One stall, a row or a block, numbered in sequence along each row. Refusals: the geometry's, `floor_number_taken`. */
export async function addFloorStalls(ctx: Ctx, raw: unknown) {
  const i = parseInput(addStallsInput, raw);
  return editHall(ctx, i.hallId, i.rows > 1 ? "block" : i.count > 1 ? "row" : "stall", async ({ tx, edition, hall, stalls, areas }) => {
    if (i.areaId && !areas.some((a) => a.id === i.areaId)) throw new DomainError("not_found", { params: { what: "area" } });
    const g = i.grid;
    const rects = blockOf({ count: i.count, rows: i.rows, x: snap(i.x, g), y: snap(i.y, g), w: snap(i.w, g) || i.w, d: snap(i.d, g) || i.d, direction: i.direction, gap: i.gap, aisle: i.aisle }).flat();
    const numbers = numberSequence(i.first, rects.length);
    const seq = nextSeq(stalls);
    const values = rects.map((r, k) => ({
      editionId: edition.id,
      hallId: hall.id,
      areaId: i.areaId ?? null,
      number: numbers[k]!,
      seq: seq + k,
      ...r,
      polygon: null,
      areaM2: round(r.w * r.h),
      type: i.type,
      power: i.power,
      water: i.water,
      accessible: i.accessible,
    }));
    check(hall, values.map((v) => ({ ...v, id: `new-${v.number}` }) as StallRow), stalls);
    const created = await tx.insert(floorStalls).values(values).returning();
    return { result: created, inverse: { ...noInverse(), createdStalls: created.map((c) => c.id) }, data: { numbers: [numbers[0], numbers[numbers.length - 1]], count: created.length } };
  });
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export const moveStallInput = z.object({
  stallId: uuid,
  /** When given, the stall must be of this hall. */
  hallId: uuid.nullish(),
  x: metres,
  y: metres,
  /** New width and depth (a rectangle only); omitted: unchanged. */
  w: length.optional(),
  h: length.optional(),
  number: number.optional(),
  grid,
});

/** Moves (and resizes) a stall; a polygon moves with its box's top-left corner. */
export async function moveFloorStall(ctx: Ctx, raw: unknown) {
  const i = parseInput(moveStallInput, raw);
  const hallId = await hallOfStall(ctx, i.stallId, i.hallId);
  return editHall(ctx, hallId, "move", async ({ tx, hall, stalls }) => {
    const s = stallIn(stalls, i.stallId);
    const o = outlineOf(s);
    let next: Partial<StallRow>;
    if (o.rect) {
      const r: Rect = { x: snap(i.x, i.grid), y: snap(i.y, i.grid), w: i.w !== undefined ? snap(i.w, i.grid) || i.w : o.rect.w, h: i.h !== undefined ? snap(i.h, i.grid) || i.h : o.rect.h };
      next = { ...r, areaM2: round(r.w * r.h) };
    } else {
      const box = boxOf(o.polygon!);
      const dx = snap(i.x, i.grid) - box.x;
      const dy = snap(i.y, i.grid) - box.y;
      next = { polygon: o.polygon!.map((p) => ({ x: round(p.x + dx), y: round(p.y + dy) })) };
    }
    if (i.number) next.number = i.number;
    const moved = { ...s, ...next } as StallRow;
    check(hall, [moved], stalls);
    const [row] = await tx.update(floorStalls).set(next).where(eq(floorStalls.id, s.id)).returning();
    return { result: row!, inverse: { ...noInverse(), stallsBefore: [snapshot(s)] }, data: { stall: s.number, to: { x: i.x, y: i.y, w: moved.w, h: moved.h } } };
  });
}
const boxOf = (p: { x: number; y: number }[]) => {
  const xs = p.map((q) => q.x);
  const ys = p.map((q) => q.y);
  return { x: Math.min(...xs), y: Math.min(...ys) };
};

async function hallOfStall(ctx: Ctx, stallId: string, hallId?: string | null): Promise<string> {
  const [s] = await ctx.db.select({ hallId: floorStalls.hallId }).from(floorStalls).where(eq(floorStalls.id, stallId));
  // A missing stall (or one of another hall than the caller named): the named hall, or one that
  // does not exist, which partForChange answers as it should; the stall is then not found in it.
  if (!s || (hallId && s.hallId !== hallId)) return hallId ?? "00000000-0000-0000-0000-000000000000";
  return s.hallId;
}
function stallIn(stalls: StallRow[], id: string): StallRow {
  const s = stalls.find((x) => x.id === id);
  if (!s) throw new DomainError("not_found", { params: { what: "stall" } });
  return s;
}

/** Two rectangular stalls sharing a whole side become one (the first keeps its number). Refusals: `floor_stall_taken`, `floor_not_adjacent`. */
export async function mergeFloorStalls(ctx: Ctx, raw: unknown) {
  const i = parseInput(z.object({ stallId: uuid, otherId: uuid, hallId: uuid.nullish() }), raw);
  const hallId = await hallOfStall(ctx, i.stallId, i.hallId);
  return editHall(ctx, hallId, "merge", async ({ tx, stalls }) => {
    const a = stallIn(stalls, i.stallId);
    const b = stallIn(stalls, i.otherId);
    for (const s of [a, b]) if (HELD.has(s.state)) throw new DomainError("floor_stall_taken", { params: { stall: s.number } });
    const oa = outlineOf(a);
    const ob = outlineOf(b);
    const r = a.id !== b.id && oa.rect && ob.rect ? mergeRects(oa.rect, ob.rect) : null;
    if (!r) throw new DomainError("floor_not_adjacent", { params: { stall: a.number, other: b.number } });
    await tx.delete(floorStalls).where(eq(floorStalls.id, b.id));
    const [row] = await tx
      .update(floorStalls)
      .set({ ...r, areaM2: round(r.w * r.h), power: a.power || b.power, water: a.water || b.water, accessible: a.accessible || b.accessible })
      .where(eq(floorStalls.id, a.id))
      .returning();
    return { result: row!, inverse: { ...noInverse(), stallsBefore: [snapshot(a), snapshot(b)] }, data: { stall: a.number, merged: b.number } };
  });
}

export const renumberInput = z.object({
  hallId: uuid,
  numbers: z.array(number).min(1).max(500),
  first: number,
  reverse: z.coerce.boolean().default(false),
});

/** The stalls named, renumbered in sequence along their row from `first` (their order of the aisle follows). */
export async function renumberFloorRow(ctx: Ctx, raw: unknown) {
  const i = parseInput(renumberInput, raw);
  return editHall(ctx, i.hallId, "renumber", async ({ tx, stalls }) => {
    const wanted = new Set(i.numbers.map((n) => n.toLowerCase()));
    const row = stalls.filter((s) => wanted.has(s.number.toLowerCase()));
    if (row.length !== wanted.size) throw new DomainError("not_found", { params: { what: "stall" } });
    const order = renumberRow(row.map((s) => ({ id: s.id, ...outlineOf(s) })), i.first, i.reverse);
    // The row keeps its place among the hall's stalls: its seqs, reassigned in the new order.
    const seqs = row.map((s) => s.seq).sort((p, q) => p - q);
    // Two steps, so that swapping numbers within the row never meets the unique index half-way.
    for (const s of row) await tx.update(floorStalls).set({ number: `~${s.id}` }).where(eq(floorStalls.id, s.id));
    for (const [k, o] of order.entries()) await tx.update(floorStalls).set({ number: o.number, seq: seqs[k]! }).where(eq(floorStalls.id, o.id));
    return { result: order, inverse: { ...noInverse(), stallsBefore: row.map(snapshot) }, data: { first: i.first, count: row.length } };
  });
}

/** Deletes stalls no one holds. Refusals: `floor_stall_taken`. */
export async function deleteFloorStalls(ctx: Ctx, raw: unknown) {
  const i = parseInput(z.object({ hallId: uuid, stallIds: z.array(uuid).min(1).max(500) }), raw);
  return editHall(ctx, i.hallId, "delete", async ({ tx, stalls }) => {
    const gone = i.stallIds.map((id) => stallIn(stalls, id));
    const held = gone.find((s) => HELD.has(s.state));
    if (held) throw new DomainError("floor_stall_taken", { params: { stall: held.number } });
    await tx.delete(floorStalls).where(inArray(floorStalls.id, i.stallIds));
    return { result: { deleted: gone.length }, inverse: { ...noInverse(), stallsBefore: gone.map(snapshot) }, data: { stalls: gone.map((s) => s.number) } };
  });
}

// ————— areas —————

export const addAreaInput = z.object({
  hallId: uuid,
  kind: z.enum(areaKinds),
  clusterId: uuid.nullish(),
  code: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/),
  nameEn: z.string().trim().min(1).max(120),
  nameUr: z.string().trim().min(1).max(120),
  x: metres,
  y: metres,
  w: length,
  h: length,
  grid,
});

/** An area drawn as a rectangle; the stalls inside it become its stalls. A pavilion names its cluster. */
export async function addFloorArea(ctx: Ctx, raw: unknown) {
  const i = parseInput(addAreaInput, raw);
  if ((i.kind === "cluster_pavilion") !== !!i.clusterId)
    throw new DomainError("validation_failed", { fields: [{ path: "clusterId", code: i.clusterId ? "floor_cluster_only_pavilion" : "floor_cluster_required" }] });
  return editHall(ctx, i.hallId, "area", async ({ tx, edition, hall, stalls, areas }) => {
    if (i.clusterId) {
      const [c] = await tx.select({ id: clusters.id }).from(clusters).where(and(eq(clusters.id, i.clusterId), eq(clusters.editionId, edition.id)));
      if (!c) throw new DomainError("not_found", { params: { what: "cluster" } });
    }
    const r = { x: snap(i.x, i.grid), y: snap(i.y, i.grid), w: snap(i.w, i.grid) || i.w, h: snap(i.h, i.grid) || i.h };
    if (r.x + r.w > hall.widthM + 1e-6 || r.y + r.h > hall.depthM + 1e-6) throw new DomainError("floor_outside_hall", { params: { stall: i.code, other: "" } });
    const [area] = await tx
      .insert(floorAreas)
      .values({ editionId: edition.id, hallId: hall.id, kind: i.kind, clusterId: i.clusterId ?? null, code: i.code, nameEn: i.nameEn, nameUr: i.nameUr, polygon: rectPoints(r), sort: areas.length + 1 })
      .returning();
    const inside = stalls.filter((s) => withinRect(outlineOf(s), r));
    if (inside.length) await tx.update(floorStalls).set({ areaId: area!.id }).where(inArray(floorStalls.id, inside.map((s) => s.id)));
    return { result: { area: area!, stalls: inside.length }, inverse: { ...noInverse(), createdAreas: [area!.id], stallsBefore: inside.map(snapshot) }, data: { area: i.code, kind: i.kind, stalls: inside.length } };
  });
}

// ————— import —————

export const importInput = z.object({
  hallId: uuid,
  format: z.enum(["csv", "dxf"]),
  text: z.string().max(2_000_000),
  /** DXF: the layer whose closed polylines are stalls; its units in metres (0.001 for millimetres). */
  layer: z.string().trim().max(100).default("STALLS"),
  scale: z.coerce.number().positive().max(1000).default(1),
  /** DXF: stalls without a number inside get the next ones after this (default: the hall's code + "-1"). */
  first: number.optional(),
});

/** A bad row or entity as a field issue: path `row.<n>` (CSV line) or `entity.<n>` (DXF shape). */
const rowIssue = (format: "csv" | "dxf", i: ImportIssue): FieldIssue => ({ path: `${format === "csv" ? "row" : "entity"}.${i.at}`, code: i.code, params: { at: i.at, ...i.params } });

/**
 * Stalls from a CSV or DXF file, all or nothing: any bad row or entity (unreadable, a missing or
 * repeated number, a bad size, outside the hall, on an obstacle, overlapping) refuses the whole
 * file with `floor_import_invalid` and one field issue per row or entity.
 */
export async function importFloorStalls(ctx: Ctx, raw: unknown) {
  const i = parseInput(importInput, raw);
  return editHall(ctx, i.hallId, "import", async ({ tx, edition, hall, stalls, areas }) => {
    const read = i.format === "csv" ? readStallCsv(i.text) : readStallDxf(i.text, { layer: i.layer, depthM: hall.depthM, scale: i.scale });
    const issues = [...read.issues];
    const taken = new Set(
      (await tx.select({ number: floorStalls.number }).from(floorStalls).where(eq(floorStalls.editionId, edition.id))).map((s) => s.number.toLowerCase()),
    );
    const auto = numberSequence(i.first ?? `${hall.code}-1`, read.stalls.length + taken.size + 1).filter((n) => !taken.has(n.toLowerCase()) && !read.stalls.some((s) => s.number?.toLowerCase() === n.toLowerCase()));
    let seq = nextSeq(stalls);
    const values = read.stalls.map((s) => {
      const num = s.number ?? auto.shift()!;
      if (taken.has(num.toLowerCase())) issues.push({ at: s.at, code: "floor_import_number_taken", params: { number: num } });
      const area = s.areaCode ? areas.find((a) => a.code.toLowerCase() === s.areaCode!.toLowerCase()) : undefined;
      if (s.areaCode && !area) issues.push({ at: s.at, code: "floor_import_area", params: { area: s.areaCode } });
      return {
        at: s.at,
        row: {
          editionId: edition.id,
          hallId: hall.id,
          areaId: area?.id ?? null,
          number: num,
          seq: seq++,
          x: s.rect?.x ?? null,
          y: s.rect?.y ?? null,
          w: s.rect?.w ?? null,
          h: s.rect?.h ?? null,
          polygon: s.polygon,
          areaM2: round(s.areaM2 || areaOf(s.rect ? { rect: s.rect } : { polygon: s.polygon! })),
          type: (s.polygon ? "raw_space" : "shell_scheme") as "raw_space" | "shell_scheme",
        },
      };
    });
    const asRows = values.map((v) => ({ ...v.row, id: `new-${v.at}` }) as unknown as StallRow);
    const geo = planIssues(
      { widthM: hall.widthM, depthM: hall.depthM, obstacles: hall.obstacles.map((o) => shapeOutline(o.shape)) },
      asRows.map(withOutline),
      stalls.map(withOutline),
    );
    for (const g of geo) {
      const v = values.find((x) => x.row.number === g.stall)!;
      issues.push({ at: v.at, code: g.code, params: { stall: g.stall, other: "other" in g ? g.other : "" } });
    }
    if (issues.length) {
      issues.sort((p, q) => p.at - q.at);
      throw new DomainError("floor_import_invalid", { params: { count: issues.length }, fields: issues.map((x) => rowIssue(i.format, x)) });
    }
    const created = await tx.insert(floorStalls).values(values.map((v) => v.row)).returning();
    return { result: { imported: created.length, stalls: created }, inverse: { ...noInverse(), createdStalls: created.map((c) => c.id) }, data: { format: i.format, count: created.length } };
  });
}

// ————— undo —————

/** Undoes the hall's last edit: what it created goes, what it changed or deleted comes back. Refusals: `floor_nothing_to_undo`, `floor_stall_taken`. */
export async function undoFloorEdit(ctx: Ctx, raw: unknown) {
  const { hallId } = parseInput(z.object({ hallId: uuid }), raw);
  return refusingFloor(() =>
    inTransaction(ctx, async (tx) => {
      const [found] = await tx.select().from(floorHalls).where(eq(floorHalls.id, hallId));
      const { part: hall, edition } = await partForChange(tx, ctx.actor, found, "floor.plan", "hall");
      const [last] = await tx.select().from(floorPlanEdits).where(eq(floorPlanEdits.hallId, hall.id)).orderBy(desc(floorPlanEdits.n)).limit(1);
      if (!last) throw new DomainError("floor_nothing_to_undo");
      const inv = last.inverse;
      if (inv.createdStalls.length) {
        const created = await tx.select().from(floorStalls).where(inArray(floorStalls.id, inv.createdStalls));
        const held = created.find((s) => HELD.has(s.state));
        if (held) throw new DomainError("floor_stall_taken", { params: { stall: held.number } });
        await tx.delete(floorStalls).where(inArray(floorStalls.id, inv.createdStalls));
      }
      for (const a of inv.areasBefore) await tx.insert(floorAreas).values(a as AreaRow).onConflictDoNothing();
      if (inv.stallsBefore.length) {
        const ids = inv.stallsBefore.map((s) => String(s.id));
        const now = await tx.select().from(floorStalls).where(inArray(floorStalls.id, ids));
        // Who holds a stall is the allocation's, not the drawing's: undo puts back the shape and
        // number, and keeps the state a stall has now.
        const held = new Map(now.map((s) => [s.id, { state: s.state, enterpriseId: s.enterpriseId, holdExpiresAt: s.holdExpiresAt }]));
        await tx.delete(floorStalls).where(inArray(floorStalls.id, ids));
        await tx.insert(floorStalls).values(
          inv.stallsBefore.map((s) => {
            const row = { ...(s as unknown as StallRow), holdExpiresAt: s.holdExpiresAt ? new Date(String(s.holdExpiresAt)) : null };
            const keep = held.get(row.id);
            return keep ? { ...row, ...keep } : row;
          }),
        );
      }
      if (inv.createdAreas.length) await tx.delete(floorAreas).where(inArray(floorAreas.id, inv.createdAreas));
      await tx.delete(floorPlanEdits).where(eq(floorPlanEdits.id, last.id));
      await recordAudit(tx, ctx, { action: "floor.plan_undone", entityType: "floor_hall", entityId: hall.id, organiserId: edition.organiserId, editionId: edition.id, data: { edit: last.action, hall: hall.code } });
      return { undone: last.action };
    }),
  );
}
