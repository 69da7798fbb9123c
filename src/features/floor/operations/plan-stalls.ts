import { eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../../platform/context";
import { DomainError } from "../../../platform/errors";
import { parseInput, type Input } from "../../../platform/validation";
import { blockOf, mergeRects, numberSequence, renumberRow, snap, type Rect } from "../engine/geometry";
import { floorStalls } from "../tables";
import { boxOf, check, editHall, features, grid, hallOfStall, HELD, length, metres, nextSeq, noInverse, number, outlineOf, round, snapshot, stallIn, uuid, type StallRow } from "./plan-edit-core";

// The plan editor's stalls (issue #12, item 2): one by one, in rows and blocks, moved, resized,
// merged, renumbered, deleted. A stall someone holds (on hold, assigned, confirmed) is never
// deleted or merged.

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
export async function addFloorStalls(ctx: Ctx, raw: Input<typeof addStallsInput>) {
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
export async function moveFloorStall(ctx: Ctx, raw: Input<typeof moveStallInput>) {
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

const mergeFloorStallsInput = z.object({ stallId: uuid, otherId: uuid, hallId: uuid.nullish() });

/** Two rectangular stalls sharing a whole side become one (the first keeps its number). Refusals: `floor_stall_taken`, `floor_not_adjacent`. */
export async function mergeFloorStalls(ctx: Ctx, raw: Input<typeof mergeFloorStallsInput>) {
  const i = parseInput(mergeFloorStallsInput, raw);
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
export async function renumberFloorRow(ctx: Ctx, raw: Input<typeof renumberInput>) {
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

const deleteFloorStallsInput = z.object({ hallId: uuid, stallIds: z.array(uuid).min(1).max(500) });

/** Deletes stalls no one holds. Refusals: `floor_stall_taken`. */
export async function deleteFloorStalls(ctx: Ctx, raw: Input<typeof deleteFloorStallsInput>) {
  const i = parseInput(deleteFloorStallsInput, raw);
  return editHall(ctx, i.hallId, "delete", async ({ tx, stalls }) => {
    const gone = i.stallIds.map((id) => stallIn(stalls, id));
    const held = gone.find((s) => HELD.has(s.state));
    if (held) throw new DomainError("floor_stall_taken", { params: { stall: held.number } });
    await tx.delete(floorStalls).where(inArray(floorStalls.id, i.stallIds));
    return { result: { deleted: gone.length }, inverse: { ...noInverse(), stallsBefore: gone.map(snapshot) }, data: { stalls: gone.map((s) => s.number) } };
  });
}

