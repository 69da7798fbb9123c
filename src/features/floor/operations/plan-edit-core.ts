import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import { constraintName, sqlStateOf } from "../../../platform/db/errors";
import type { Tx } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { partForChange, type Edition } from "#features/editions";
import { planIssues, type Outline, type PlanIssue } from "../engine/geometry";
import { floorAreas, floorHalls, floorPlanEdits, floorStalls, stallTypes, type FloorShape, type PlanInverse } from "../tables";

// What every edit of the plan editor shares (issue #12, item 2): the input pieces, the geometry
// check, and editHall, which runs one edit in one transaction that locks the edition, checks the
// hall's new geometry with the pure engine (engine/geometry.ts: inside the hall, off the
// obstacles, no two stalls on one piece of floor), writes, stores its inverse in the hall's
// history (floor_plan_edits) and the audit entry. The edits themselves: plan-halls.ts,
// plan-stalls.ts, plan-areas.ts, stall-import.ts, plan-undo.ts.

export type StallRow = typeof floorStalls.$inferSelect;
export type AreaRow = typeof floorAreas.$inferSelect;
export type HallRow = typeof floorHalls.$inferSelect;

export const uuid = z.uuid();
export const metres = z.coerce.number().min(0).max(2000);
export const length = z.coerce.number().positive().max(2000);
export const number = z.string().trim().min(1).max(40);
export const grid = z.coerce.number().min(0).max(10).default(0);
export const features = {
  type: z.enum(stallTypes).default("shell_scheme"),
  power: z.coerce.boolean().default(false),
  water: z.coerce.boolean().default(false),
  accessible: z.coerce.boolean().default(false),
};

export const HELD = new Set(["on_hold", "assigned", "confirmed"]);
export const outlineOf = (s: Pick<StallRow, "x" | "y" | "w" | "h" | "polygon">): Outline =>
  s.x !== null && s.y !== null && s.w !== null && s.h !== null ? { rect: { x: s.x, y: s.y, w: s.w, h: s.h } } : { polygon: s.polygon ?? [] };
export const shapeOutline = (s: FloorShape): Outline => (s.kind === "rect" ? { rect: s } : { polygon: s.points });
export const withOutline = (s: StallRow) => ({ id: s.id, number: s.number, ...outlineOf(s) });

/** The first issue as the refusal, naming the stalls. */
export function refuse(issues: PlanIssue[]): void {
  const i = issues[0];
  if (!i) return;
  throw new DomainError(i.code, { params: { stall: i.stall, other: "other" in i ? i.other : "" } });
}

/** A write whose unique numbers or codes the database refuses becomes its refusal. */
export async function refusingFloor<T>(write: () => Promise<T>): Promise<T> {
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

export interface HallScope {
  tx: Tx;
  edition: Edition;
  hall: HallRow;
  stalls: StallRow[];
  areas: AreaRow[];
}
export interface EditResult<T> {
  result: T;
  inverse: PlanInverse;
  data: Record<string, unknown>;
}

/** Runs one edit of a hall: lock, authorise, edit, remember the inverse, audit. */
export async function editHall<T>(ctx: Ctx, hallId: string, action: string, edit: (s: HallScope) => Promise<EditResult<T>>): Promise<T> {
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

export const check = (hall: HallRow, changed: StallRow[], all: StallRow[]) =>
  refuse(planIssues({ widthM: hall.widthM, depthM: hall.depthM, obstacles: hall.obstacles.map((o) => shapeOutline(o.shape)) }, changed.map(withOutline), all.map(withOutline)));
export const nextSeq = (stalls: StallRow[]) => stalls.reduce((m, s) => Math.max(m, s.seq), 0) + 1;
export const noInverse = (): PlanInverse => ({ createdStalls: [], createdAreas: [], stallsBefore: [], areasBefore: [] });
/** A stall row as JSON for the history (dates as ISO text). */
export const snapshot = (s: StallRow | AreaRow) => JSON.parse(JSON.stringify(s)) as Record<string, unknown>;

export const round = (n: number) => Math.round(n * 1000) / 1000;
export const boxOf = (p: { x: number; y: number }[]) => {
  const xs = p.map((q) => q.x);
  const ys = p.map((q) => q.y);
  return { x: Math.min(...xs), y: Math.min(...ys) };
};

export async function hallOfStall(ctx: Ctx, stallId: string, hallId?: string | null): Promise<string> {
  const [s] = await ctx.db.select({ hallId: floorStalls.hallId }).from(floorStalls).where(eq(floorStalls.id, stallId));
  // A missing stall (or one of another hall than the caller named): the named hall, or one that
  // does not exist, which partForChange answers as it should; the stall is then not found in it.
  if (!s || (hallId && s.hallId !== hallId)) return hallId ?? "00000000-0000-0000-0000-000000000000";
  return s.hallId;
}
export function stallIn(stalls: StallRow[], id: string): StallRow {
  const s = stalls.find((x) => x.id === id);
  if (!s) throw new DomainError("not_found", { params: { what: "stall" } });
  return s;
}

