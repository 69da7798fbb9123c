import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  customType,
  check,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "../../platform/auth/tables";
import { enterprises } from "#features/editions";
import { clusters, editions, venueSpaces } from "#features/editions";

// The exhibition floor of an edition (issue #12, item 1; docs/floor.md): halls → areas → stalls.
// Every length is in metres, in the hall's own frame: x to the right, y down from the hall's
// top-left corner as its drawing shows it. The database holds the invariants (one stall number per
// edition, one stall per exhibitor, a state that agrees with who holds the stall); operations only
// translate their refusals.

/** A point in metres, in the hall's frame. */
export interface FloorPoint {
  x: number;
  y: number;
}

/** A drawn shape: a rectangle (x, y, w, h) or a closed polygon (its corners in order). */
export type FloorShape =
  | { kind: "rect"; x: number; y: number; w: number; h: number }
  | { kind: "polygon"; points: FloorPoint[] };

/** An entrance: where people come in (its QR code will say "you are here"). */
export interface FloorEntrance {
  code: string;
  nameEn: string;
  nameUr: string;
  shape: FloorShape;
}

/** A fixed obstacle: a column, a stair, a service duct; no stall may cover it. */
export interface FloorObstacle {
  kind: string;
  shape: FloorShape;
}

export const areaKinds = ["cluster_pavilion", "women_enclave", "enclave", "b2b_lounge", "stage", "food_court", "services"] as const;
export type AreaKind = (typeof areaKinds)[number];
export const stallTypes = ["shell_scheme", "raw_space", "corner", "island"] as const;
export type StallType = (typeof stallTypes)[number];
export const stallStates = ["available", "on_hold", "assigned", "confirmed", "blocked"] as const;
export type StallState = (typeof stallStates)[number];

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

/** A hall of the edition, optionally drawn over one of the venue's spaces (venue_spaces). */
export const floorHalls = pgTable(
  "floor_halls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    venueSpaceId: uuid("venue_space_id").references(() => venueSpaces.id, { onDelete: "set null" }),
    code: text("code").notNull(),
    nameEn: text("name_en").notNull(),
    nameUr: text("name_ur").notNull(),
    widthM: doublePrecision("width_m").notNull(),
    depthM: doublePrecision("depth_m").notNull(),
    entrances: jsonb("entrances").$type<FloorEntrance[]>().notNull().default([]),
    obstacles: jsonb("obstacles").$type<FloorObstacle[]>().notNull().default([]),
    sort: integer("sort").notNull().default(0),
  },
  (t) => [
    unique("floor_halls_code_uq").on(t.editionId, t.code),
    // The target of the areas' and stalls' (hall, edition) keys: a stall is in a hall of its own edition.
    unique("floor_halls_edition_uq").on(t.id, t.editionId),
    check("floor_halls_size_positive", sql`${t.widthM} > 0 AND ${t.depthM} > 0`),
  ],
);

/** An area of a hall: a cluster's pavilion, the women entrepreneurs' enclave, another enclave (ICT and
 *  startups, a province), the B2B lounge, a stage, the food court, services. Only a pavilion names a
 *  cluster, and it must (CHECK); the cluster is of the area's edition (trigger in the migration). */
export const floorAreas = pgTable(
  "floor_areas",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id").notNull(),
    hallId: uuid("hall_id").notNull(),
    kind: text("kind", { enum: areaKinds }).notNull(),
    clusterId: uuid("cluster_id").references(() => clusters.id),
    code: text("code").notNull(),
    nameEn: text("name_en").notNull(),
    nameUr: text("name_ur").notNull(),
    polygon: jsonb("polygon").$type<FloorPoint[]>().notNull(),
    sort: integer("sort").notNull().default(0),
  },
  (t) => [
    foreignKey({ name: "floor_areas_hall_fk", columns: [t.hallId, t.editionId], foreignColumns: [floorHalls.id, floorHalls.editionId] }).onDelete("cascade"),
    unique("floor_areas_code_uq").on(t.editionId, t.code),
    unique("floor_areas_hall_uq").on(t.id, t.hallId),
    // Another feature's row that points at an area of its own edition (programme_rooms) keys on this.
    unique("floor_areas_edition_uq").on(t.id, t.editionId),
    check("floor_areas_kind", sql`${t.kind} IN (${inList(areaKinds)})`),
    // A pavilion names its cluster; an enclave may name the cluster it hosts (its exhibitors are
    // placed there, not in a pavilion: the ICT and startups enclave); no other area names one.
    check("floor_areas_pavilion_cluster", sql`(${t.kind} <> 'cluster_pavilion' OR ${t.clusterId} IS NOT NULL) AND (${t.clusterId} IS NULL OR ${t.kind} IN ('cluster_pavilion', 'enclave'))`),
    check("floor_areas_polygon", sql`jsonb_typeof(${t.polygon}) = 'array' AND jsonb_array_length(${t.polygon}) >= 3`),
  ],
);

/**
 * A stall: a rectangle (x, y, w, h) or a polygon, its floor area, its type and features, and its
 * state. `seq` orders the hall's stalls along the aisles (numbers read in that order). Who holds it:
 * an enterprise exactly when the stall is on hold for it, assigned or confirmed (CHECK); an on-hold
 * stall has an expiry and no other has one (CHECK); an enterprise is assigned or confirmed on at
 * most one stall of an edition (partial unique index).
 */
export const floorStalls = pgTable(
  "floor_stalls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id").notNull(),
    hallId: uuid("hall_id").notNull(),
    areaId: uuid("area_id"),
    number: text("number").notNull(),
    seq: integer("seq").notNull(),
    x: doublePrecision("x"),
    y: doublePrecision("y"),
    w: doublePrecision("w"),
    h: doublePrecision("h"),
    polygon: jsonb("polygon").$type<FloorPoint[]>(),
    areaM2: doublePrecision("area_m2").notNull(),
    type: text("type", { enum: stallTypes }).notNull().default("shell_scheme"),
    power: boolean("power").notNull().default(false),
    water: boolean("water").notNull().default(false),
    corner: boolean("corner").notNull().default(false),
    accessible: boolean("accessible").notNull().default(false),
    state: text("state", { enum: stallStates }).notNull().default("available"),
    holdExpiresAt: timestamp("hold_expires_at", { withTimezone: true }),
    enterpriseId: uuid("enterprise_id").references(() => enterprises.id),
  },
  (t) => [
    foreignKey({ name: "floor_stalls_hall_fk", columns: [t.hallId, t.editionId], foreignColumns: [floorHalls.id, floorHalls.editionId] }).onDelete("cascade"),
    // An area of the stall's own hall; deleting the area leaves its stalls without one.
    foreignKey({ name: "floor_stalls_area_fk", columns: [t.areaId, t.hallId], foreignColumns: [floorAreas.id, floorAreas.hallId] }).onDelete("set null (area_id)" as "set null"),
    unique("floor_stalls_number_uq").on(t.editionId, t.number),
    index("floor_stalls_hall_seq_idx").on(t.hallId, t.seq),
    uniqueIndex("floor_stalls_enterprise_uq")
      .on(t.editionId, t.enterpriseId)
      .where(sql`${t.state} IN ('assigned', 'confirmed')`),
    check("floor_stalls_type", sql`${t.type} IN (${inList(stallTypes)})`),
    check("floor_stalls_state", sql`${t.state} IN (${inList(stallStates)})`),
    check("floor_stalls_holder_state", sql`(${t.enterpriseId} IS NOT NULL) = (${t.state} IN ('on_hold', 'assigned', 'confirmed'))`),
    check("floor_stalls_hold_expiry", sql`(${t.state} = 'on_hold') = (${t.holdExpiresAt} IS NOT NULL)`),
    check("floor_stalls_area_positive", sql`${t.areaM2} > 0`),
    check(
      "floor_stalls_shape",
      // Every test IS [NOT] NULL first: a NULL comparison would make the whole CHECK NULL, which passes.
      sql`(${t.x} IS NOT NULL AND ${t.y} IS NOT NULL AND ${t.w} IS NOT NULL AND ${t.h} IS NOT NULL AND ${t.polygon} IS NULL
            AND ${t.w} > 0 AND ${t.h} > 0)
        OR (${t.x} IS NULL AND ${t.y} IS NULL AND ${t.w} IS NULL AND ${t.h} IS NULL AND ${t.polygon} IS NOT NULL
            AND jsonb_typeof(${t.polygon}) = 'array' AND jsonb_array_length(${t.polygon}) >= 3)`,
    ),
  ],
);

export const allocationRunStatuses = ["draft", "confirmed", "discarded"] as const;
export type AllocationRunStatus = (typeof allocationRunStatuses)[number];

/** The figures of a run (engine/quality.ts): what the organiser reviews before confirming. */
export interface AllocationSummary {
  exhibitors: number;
  placed: number;
  unplaced: number;
  /** Placed in the area the rule gives them (or kept where the organiser put them), of all. */
  ownAreaShare: number;
  /** Per cluster or enclave, the share of its exhibitors in its largest block of touching stalls. */
  contiguity: number;
  /** Power, access, corner and size requests met, of those made. */
  preferencesMet: number;
  locked: number;
}

/**
 * A stored allocation run (issue #12, item 3; docs/floor.md, "Allocating the stalls"): a draft the
 * organiser reviews, changes by hand and confirms (its placements are then written to the stalls),
 * or discards. One draft per edition at a time (partial unique index); a run is locked FOR UPDATE by
 * every change, after its edition.
 */
export const floorAllocationRuns = pgTable(
  "floor_allocation_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    status: text("status", { enum: allocationRunStatuses }).notNull().default("draft"),
    summary: jsonb("summary").$type<AllocationSummary>().notNull(),
    /** Exhibitors the run could not place, with the engine's reasons. */
    unplaced: jsonb("unplaced").$type<{ exhibitorId: string; reasons: { code: string; params: Record<string, string | number> }[] }[]>().notNull().default([]),
    baseRunId: uuid("base_run_id"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [
    check("floor_allocation_runs_status", sql`${t.status} IN (${inList(allocationRunStatuses)})`),
    check("floor_allocation_runs_decided", sql`(${t.status} = 'draft') = (${t.decidedAt} IS NULL)`),
    index("floor_allocation_runs_edition_idx").on(t.editionId, t.createdAt),
    uniqueIndex("floor_allocation_runs_one_draft_uq").on(t.editionId).where(sql`${t.status} = 'draft'`),
  ],
);

/** One exhibitor's stall in a run, with the reasons in codes (texts: floor.reason.*). The run
 *  holds a stall once and an exhibitor once (unique indexes): a draft cannot double-assign either. */
export const floorAllocationPlacements = pgTable(
  "floor_allocation_placements",
  {
    runId: uuid("run_id")
      .notNull()
      .references(() => floorAllocationRuns.id, { onDelete: "cascade" }),
    enterpriseId: uuid("enterprise_id")
      .notNull()
      .references(() => enterprises.id),
    stallId: uuid("stall_id")
      .notNull()
      .references(() => floorStalls.id, { onDelete: "cascade" }),
    reasons: jsonb("reasons").$type<{ code: string; params: Record<string, string | number> }[]>().notNull().default([]),
    /** In the area its rule gives it (or kept where the organiser put it). */
    inOwnArea: boolean("in_own_area").notNull().default(false),
    /** Kept where it is by a re-run: moved by hand, locked by the organiser, a hold, or confirmed before. */
    locked: boolean("locked").notNull().default(false),
  },
  (t) => [
    uniqueIndex("floor_allocation_placements_exhibitor_uq").on(t.runId, t.enterpriseId),
    uniqueIndex("floor_allocation_placements_stall_uq").on(t.runId, t.stallId),
  ],
);

/**
 * The plan editor's history of a hall (issue #12, item 2): each edit stores its inverse (the rows
 * as they were before it, and the ids it created), so "undo" applies the last one and deletes it.
 * `n` orders the edits (a sequence: two edits of one transaction keep their order).
 */
export const floorPlanEdits = pgTable(
  "floor_plan_edits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    n: bigserial("n", { mode: "number" }).notNull(),
    editionId: uuid("edition_id").notNull(),
    hallId: uuid("hall_id").notNull(),
    action: text("action").notNull(),
    inverse: jsonb("inverse").$type<PlanInverse>().notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({ name: "floor_plan_edits_hall_fk", columns: [t.hallId, t.editionId], foreignColumns: [floorHalls.id, floorHalls.editionId] }).onDelete("cascade"),
    index("floor_plan_edits_hall_idx").on(t.hallId, t.n),
  ],
);

/** What undoes an edit: delete what it created, put back the rows it changed or deleted. */
export interface PlanInverse {
  createdStalls: string[];
  createdAreas: string[];
  stallsBefore: Record<string, unknown>[];
  areasBefore: Record<string, unknown>[];
  /** Stalls whose area an edit changed (an area edited or deleted), with the area they had. */
  stallAreas?: { id: string; areaId: string | null }[];
}

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/** Largest background drawing, in bytes; the CHECK below says the same. */
export const MAX_BACKGROUND_BYTES = 5 * 1024 * 1024;
export const backgroundTypes = ["image/png", "image/jpeg"] as const;

/**
 * A hall's background drawing (issue #12, item 2): the venue's drawing as a PNG or JPEG image,
 * placed under the stalls at a scale (the metres its width covers) and an offset (where its
 * top-left corner is, in the hall's frame). One per hall. Shown on the public map only when the
 * organiser says so (`public`). The type was read from the bytes (never SVG: it can carry script).
 */
export const floorBackgrounds = pgTable(
  "floor_backgrounds",
  {
    hallId: uuid("hall_id").primaryKey(),
    editionId: uuid("edition_id").notNull(),
    contentType: text("content_type").notNull(),
    bytes: bytea("bytes").notNull(),
    size: integer("size").notNull(),
    pixelWidth: integer("pixel_width").notNull(),
    pixelHeight: integer("pixel_height").notNull(),
    widthM: doublePrecision("width_m").notNull(),
    offsetX: doublePrecision("offset_x").notNull().default(0),
    offsetY: doublePrecision("offset_y").notNull().default(0),
    public: boolean("public").notNull().default(false),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({ name: "floor_backgrounds_hall_fk", columns: [t.hallId, t.editionId], foreignColumns: [floorHalls.id, floorHalls.editionId] }).onDelete("cascade"),
    check("floor_backgrounds_type", sql`${t.contentType} IN (${inList(backgroundTypes)})`),
    check("floor_backgrounds_size", sql`${t.size} > 0 AND ${t.size} <= ${sql.raw(String(MAX_BACKGROUND_BYTES))} AND ${t.size} = octet_length(${t.bytes})`),
    check("floor_backgrounds_pixels", sql`${t.pixelWidth} > 0 AND ${t.pixelHeight} > 0`),
    check("floor_backgrounds_width", sql`${t.widthM} > 0`),
  ],
);
