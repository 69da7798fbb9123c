import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { authorize, can } from "../../../platform/permissions/policy";
import { parseInput, type Input } from "../../../platform/validation";
import { enterprises, products } from "#features/editions";
import { findEdition } from "#features/editions";
import { clusters } from "#features/editions";
import { route } from "../engine/route";
import { mapStall } from "../map-stall";
import { floorAreas, floorHalls, floorStalls, type AreaKind, type FloorEntrance, type FloorObstacle, type FloorPoint, type StallType } from "../tables";

// The public floor (issue #12, items 4 and 7): an edition's halls, areas and stalls as visitors see
// them. What is public: the plan itself (halls, entrances, obstacles, areas, every stall's place,
// size, type and features) and, for a CONFIRMED stall only, its exhibitor. A stall on hold or
// assigned in a draft allocation reads exactly like a free one: an unpublished allocation is
// invisible (there is no separate "publish" step yet: confirming is publishing; docs/floor.md).
// Who sees the floor: everyone for a published edition, the organiser's staff for a draft one.

export interface PublicProduct {
  nameEn: string;
  nameUr: string | null;
  hsCode: string;
}

export interface PublicExhibitor {
  id: string;
  slug: string;
  nameEn: string;
  nameUr: string | null;
  womenLed: boolean;
  cluster: { slug: string; nameEn: string; nameUr: string } | null;
  products: PublicProduct[];
}

export interface PublicStall {
  id: string;
  hallId: string;
  areaId: string | null;
  number: string;
  seq: number;
  /** A rectangle (x, y, w, h) or a polygon; metres in the hall's frame. */
  rect: { x: number; y: number; w: number; h: number } | null;
  polygon: FloorPoint[] | null;
  areaM2: number;
  type: StallType;
  power: boolean;
  water: boolean;
  corner: boolean;
  accessible: boolean;
  /** Not to be used (behind a column…): drawn hatched. */
  blocked: boolean;
  /** The exhibitor of a confirmed stall; null for every other stall. */
  exhibitor: PublicExhibitor | null;
}

export interface PublicArea {
  id: string;
  hallId: string;
  kind: AreaKind;
  code: string;
  nameEn: string;
  nameUr: string;
  polygon: FloorPoint[];
  cluster: { slug: string; nameEn: string; nameUr: string } | null;
}

export interface PublicHall {
  id: string;
  code: string;
  nameEn: string;
  nameUr: string;
  widthM: number;
  depthM: number;
  entrances: FloorEntrance[];
  obstacles: FloorObstacle[];
  stallCount: number;
  exhibitorCount: number;
}

export interface PublicFloor {
  edition: { id: string; slug: string; nameEn: string; nameUr: string };
  halls: PublicHall[];
  areas: PublicArea[];
  stalls: PublicStall[];
}

const Selector = z
  .object({
    slug: z.string().min(1).max(100).optional(),
    editionId: z.uuid().optional(),
    hall: z.string().min(1).max(40).optional(),
  })
  .refine((v) => v.slug !== undefined || v.editionId !== undefined, { message: "slug or editionId", path: ["slug"] });

/** The edition whose floor the caller may see: published, or a draft of the caller's own organiser. */
export async function visibleEdition(ctx: Ctx, where: { slug?: string; editionId?: string }) {
  authorize(ctx.actor, "edition.read");
  const edition = await findEdition(ctx.db, where.editionId ? { id: where.editionId } : { slug: where.slug! });
  if (!edition || (edition.status !== "published" && !can(ctx.actor, "edition.update", { organiserId: edition.organiserId })))
    throw new DomainError("not_found", { params: { what: "edition" } });
  return edition;
}

/** Everything public about an edition's floor; `hallIds` limits the areas and stalls to those halls. */
export async function loadPublicFloor(db: Executor, edition: { id: string; slug: string; nameEn: string; nameUr: string }, hallIds?: string[]): Promise<PublicFloor> {
  const hallRows = await db.select().from(floorHalls).where(eq(floorHalls.editionId, edition.id)).orderBy(asc(floorHalls.sort), asc(floorHalls.code));
  const ids = hallIds ?? hallRows.map((h) => h.id);
  const none = "00000000-0000-0000-0000-000000000000";
  const areaRows = await db
    .select()
    .from(floorAreas)
    .where(and(eq(floorAreas.editionId, edition.id), inArray(floorAreas.hallId, [...ids, none])))
    .orderBy(asc(floorAreas.sort), asc(floorAreas.code));
  const stallRows = await db.select().from(floorStalls).where(eq(floorStalls.editionId, edition.id)).orderBy(asc(floorStalls.hallId), asc(floorStalls.seq));
  const confirmed = stallRows.filter((s) => s.state === "confirmed" && s.enterpriseId && ids.includes(s.hallId));
  const entIds = [...new Set(confirmed.map((s) => s.enterpriseId!))];
  const ents = entIds.length ? await db.select().from(enterprises).where(inArray(enterprises.id, entIds)) : [];
  const prods = entIds.length
    ? await db.select().from(products).where(inArray(products.enterpriseId, entIds)).orderBy(asc(products.sort), asc(products.nameEn))
    : [];
  const clusterRows = await db.select().from(clusters).where(eq(clusters.editionId, edition.id));
  const clusterBySlug = new Map(clusterRows.map((c) => [c.slug, { slug: c.slug, nameEn: c.nameEn, nameUr: c.nameUr }]));
  const clusterById = new Map(clusterRows.map((c) => [c.id, { slug: c.slug, nameEn: c.nameEn, nameUr: c.nameUr }]));
  const exhibitorById = new Map<string, PublicExhibitor>(
    ents.map((e) => [
      e.id,
      {
        id: e.id,
        slug: e.slug,
        nameEn: e.nameEn,
        nameUr: e.nameUr,
        womenLed: e.womenLed,
        cluster: e.clusterSlug ? (clusterBySlug.get(e.clusterSlug) ?? null) : null,
        products: prods.filter((p) => p.enterpriseId === e.id).map((p) => ({ nameEn: p.nameEn, nameUr: p.nameUr, hsCode: p.hsCode })),
      },
    ]),
  );
  const count = (hallId: string, f: (s: (typeof stallRows)[number]) => boolean) => stallRows.filter((s) => s.hallId === hallId && f(s)).length;
  return {
    edition: { id: edition.id, slug: edition.slug, nameEn: edition.nameEn, nameUr: edition.nameUr },
    halls: hallRows.map((h) => ({
      id: h.id,
      code: h.code,
      nameEn: h.nameEn,
      nameUr: h.nameUr,
      widthM: h.widthM,
      depthM: h.depthM,
      entrances: h.entrances,
      obstacles: h.obstacles,
      stallCount: count(h.id, () => true),
      exhibitorCount: count(h.id, (s) => s.state === "confirmed"),
    })),
    areas: areaRows.map((a) => ({
      id: a.id,
      hallId: a.hallId,
      kind: a.kind,
      code: a.code,
      nameEn: a.nameEn,
      nameUr: a.nameUr,
      polygon: a.polygon,
      cluster: a.clusterId ? (clusterById.get(a.clusterId) ?? null) : null,
    })),
    stalls: stallRows
      .filter((s) => ids.includes(s.hallId))
      .map((s) => mapStall(s, s.state === "confirmed" && s.enterpriseId ? (exhibitorById.get(s.enterpriseId) ?? null) : null)),
  };
}

/** Finds a hall by its code, case-insensitively ("h2" is Hall H2). */
export const hallByCode = <H extends { code: string }>(halls: readonly H[], code: string) => halls.find((h) => h.code.toLowerCase() === code.toLowerCase());

/**
 * The public plan of an edition (`slug` or `editionId`): every hall with its counts and, for the
 * hall asked for (its code, e.g. "H2"), its areas and stalls; without `hall`, every hall's.
 * Refusals: `not_found` (what: edition | hall).
 */
export async function publicPlan(ctx: Ctx, raw: Input<typeof Selector>): Promise<PublicFloor & { hall: PublicHall | null }> {
  const input = parseInput(Selector, raw);
  const edition = await visibleEdition(ctx, input);
  const halls = await ctx.db.select({ id: floorHalls.id, code: floorHalls.code }).from(floorHalls).where(eq(floorHalls.editionId, edition.id));
  let hallIds: string[] | undefined;
  if (input.hall !== undefined) {
    const h = hallByCode(halls, input.hall);
    if (!h) throw new DomainError("not_found", { params: { what: "hall" } });
    hallIds = [h.id];
  }
  const floor = await loadPublicFloor(ctx.db, edition, hallIds);
  return { ...floor, hall: hallIds ? floor.halls.find((h) => h.id === hallIds[0])! : null };
}

/** One stall of the public plan by its number, with its hall and the stalls beside and across. */
const publicStallInput = z.object({
  slug: z.string().min(1).max(100).optional(),
  editionId: z.uuid().optional(),
  hall: z.string().min(1).max(40),
  number: z.string().min(1).max(40),
  from: z.string().max(40).nullish(),
});

export async function publicStall(ctx: Ctx, raw: Input<typeof publicStallInput>) {
  const input = parseInput(publicStallInput, raw);
  const plan = await publicPlan(ctx, input);
  const stall = plan.stalls.find((s) => s.number.toLowerCase() === input.number.toLowerCase());
  if (!stall) throw new DomainError("not_found", { params: { what: "stall" } });
  const box = (s: PublicStall) => s.rect ?? bbox(s.polygon ?? []);
  const a = box(stall);
  // Neighbours: stalls within one aisle (3 m) of this one's edges, nearest first.
  const near = plan.stalls
    .filter((s) => s.id !== stall.id)
    .map((s) => {
      const b = box(s);
      const dx = Math.max(0, b.x - (a.x + a.w), a.x - (b.x + b.w));
      const dy = Math.max(0, b.y - (a.y + a.h), a.y - (b.y + b.h));
      return { s, d: Math.hypot(dx, dy) };
    })
    .filter((n) => n.d <= 3.05)
    .sort((p, q) => p.d - q.d || p.s.seq - q.s.seq)
    .map((n) => n.s);
  // The walk from the entrance the visitor came in by (`from`, its QR code), else the hall's first.
  const hall = plan.hall!;
  const entrance = (input.from ? hall.entrances.find((e) => e.code.toLowerCase() === input.from!.toLowerCase()) : undefined) ?? hall.entrances[0];
  let walk: { entrance: { code: string; nameEn: string; nameUr: string }; points: FloorPoint[]; lengthM: number } | null = null;
  if (entrance) {
    const e = entrance.shape.kind === "rect" ? entrance.shape : bbox(entrance.shape.points);
    const blocked = [
      ...plan.stalls.filter((s) => s.id !== stall.id).map(box),
      ...hall.obstacles.map((o) => (o.shape.kind === "rect" ? o.shape : bbox(o.shape.points))),
    ];
    const r = route({ widthM: hall.widthM, depthM: hall.depthM, from: { x: e.x + e.w / 2, y: e.y + e.h / 2 }, to: a, blocked });
    if (r) walk = { entrance: { code: entrance.code, nameEn: entrance.nameEn, nameUr: entrance.nameUr }, points: r.points, lengthM: Math.round(r.lengthM) };
  }
  return { ...plan, stall, area: plan.areas.find((x) => x.id === stall.areaId) ?? null, neighbours: near, route: walk };
}

export function bbox(points: readonly FloorPoint[]) {
  if (points.length === 0) return { x: 0, y: 0, w: 0, h: 0 };
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
}
