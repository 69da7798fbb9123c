import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "../../platform/auth/tables";
import { clusters, editions, tradeBodies } from "#features/editions";
import { bytea } from "../../platform/db/bytea";

// Nomination calls, nominations (each nomination carries its application),
// reviews, the selection and appeals of issue 4. One file so the schema has one
// export line for the whole feature; the pure rules live in
// src/features/selection/engine.


export interface CallCriterion {
  id: string;
  weight: number;
  nameEn: string;
  nameUr: string;
  /** Guidance for scores 1…5, index 0 = score 1. */
  guidanceEn: string[];
  guidanceUr: string[];
}

// One call per edition. The preference rule is stored as the engine's
// PreferenceRule JSON and is public from the moment the call is published.
export const nominationCalls = pgTable("nomination_calls", {
  editionId: uuid("edition_id")
    .primaryKey()
    .references(() => editions.id, { onDelete: "cascade" }),
  opensAt: timestamp("opens_at", { withTimezone: true }).notNull(),
  closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
  criteria: jsonb("criteria").$type<CallCriterion[]>().notNull(),
  clusterTargets: jsonb("cluster_targets").$type<{ clusterId: string; places: number }[]>().notNull().default([]),
  // Places per sector: a cap on all its clusters together (see selection/engine/places.ts).
  sectorTargets: jsonb("sector_targets").$type<{ sectorId: string; places: number }[]>().notNull().default([]),
  totalStalls: integer("total_stalls").notNull(),
  rule: jsonb("rule").$type<Record<string, unknown>>().notNull(),
  reviewsPerApplication: integer("reviews_per_application").notNull().default(3),
  appealDays: integer("appeal_days").notNull().default(14),
  publishedAt: timestamp("published_at", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const nominationStatuses = ["invited", "draft", "submitted", "withdrawn"] as const;

// A nominee of one trade body in one edition, and its application. The NTN is
// unique per edition, so two trade bodies can never both hold the same firm,
// whatever the timing of their uploads.
export const nominations = pgTable(
  "nominations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    tradeBodyId: uuid("trade_body_id")
      .notNull()
      .references(() => tradeBodies.id),
    clusterId: uuid("cluster_id")
      .notNull()
      .references(() => clusters.id),
    ntn: text("ntn").notNull(),
    enterpriseName: text("enterprise_name").notNull(),
    sizeClass: text("size_class", { enum: ["micro", "small", "medium"] }).notNull(),
    annualTurnoverPkr: bigint("annual_turnover_pkr", { mode: "number" }).notNull(),
    employees: integer("employees").notNull(),
    womenLed: boolean("women_led").notNull(),
    contactName: text("contact_name").notNull(),
    email: text("email"),
    phone: text("phone"),
    district: text("district"),
    locale: text("locale", { enum: ["en", "ur"] }).notNull().default("ur"),
    status: text("status", { enum: nominationStatuses }).notNull().default("invited"),
    // The application link: only its sha256 is stored.
    linkHash: text("link_hash").notNull(),
    linkExpiresAt: timestamp("link_expires_at", { withTimezone: true }).notNull(),
    application: jsonb("application").$type<Record<string, unknown>>().notNull().default({}),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("nominations_ntn_uq").on(t.editionId, t.ntn),
    unique("nominations_link_uq").on(t.linkHash),
    index("nominations_trade_body_idx").on(t.editionId, t.tradeBodyId),
  ],
);

// Product photos of an application, kept in the database so backups carry them.
export const applicationPhotos = pgTable(
  "application_photos",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    nominationId: uuid("nomination_id")
      .notNull()
      .references(() => nominations.id, { onDelete: "cascade" }),
    contentType: text("content_type").notNull(),
    bytes: bytea("bytes").notNull(),
    size: integer("size").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("application_photos_nomination_idx").on(t.nominationId)],
);

// Trade bodies a reviewer belongs to: never assigned their nominees.
export const reviewerAffiliations = pgTable(
  "reviewer_affiliations",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tradeBodyId: uuid("trade_body_id")
      .notNull()
      .references(() => tradeBodies.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.tradeBodyId] })],
);

export const reviewConflicts = pgTable(
  "review_conflicts",
  {
    nominationId: uuid("nomination_id")
      .notNull()
      .references(() => nominations.id, { onDelete: "cascade" }),
    reviewerId: uuid("reviewer_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: text("reason").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.nominationId, t.reviewerId] })],
);

export const reviews = pgTable(
  "reviews",
  {
    nominationId: uuid("nomination_id")
      .notNull()
      .references(() => nominations.id, { onDelete: "cascade" }),
    reviewerId: uuid("reviewer_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    assignedAt: timestamp("assigned_at", { withTimezone: true }).notNull().defaultNow(),
    scores: jsonb("scores").$type<Record<string, number>>(),
    comments: jsonb("comments").$type<Record<string, string>>().notNull().default({}),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.nominationId, t.reviewerId] }), index("reviews_reviewer_idx").on(t.reviewerId)],
);

// The current selection of an edition: the engine's SelectionResult JSON,
// rewritten by runs (while unpublished), overrides and withdrawals; every change
// is audited, so the history is in the audit log.
export const selections = pgTable("selections", {
  editionId: uuid("edition_id")
    .primaryKey()
    .references(() => editions.id, { onDelete: "cascade" }),
  result: jsonb("result").$type<Record<string, unknown>>().notNull(),
  ranAt: timestamp("ran_at", { withTimezone: true }).notNull(),
  publishedAt: timestamp("published_at", { withTimezone: true }),
  appealsCloseAt: timestamp("appeals_close_at", { withTimezone: true }),
});

export const appeals = pgTable(
  "appeals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    nominationId: uuid("nomination_id")
      .notNull()
      .references(() => nominations.id, { onDelete: "cascade" }),
    grounds: text("grounds").notNull(),
    status: text("status", { enum: ["open", "upheld", "rejected"] }).notNull().default("open"),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decisionNote: text("decision_note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [unique("appeals_nomination_uq").on(t.nominationId), index("appeals_open_idx").on(t.status).where(sql`status = 'open'`)],
);
