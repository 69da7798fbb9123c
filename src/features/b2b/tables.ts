import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { users } from "../../platform/auth/tables";
import { enterprises } from "../editions/enterprise-tables";
import { editions } from "../editions/tables";
import { registrations } from "../registration/tables";

// B2B matchmaking (issue #11): the organiser's programme, the participants of both sides, their
// profiles, meeting requests, scheduling runs and meetings. Times of day are minutes since local
// midnight in the edition's timezone (Asia/Karachi for the show); days are 1-based edition days.
//
// What the database itself refuses (see the hand-written block at the end of the migration):
// - a participant twice in one slot, a table twice in one slot (partial unique indexes below);
// - a table number above the programme's lounge tables (trigger b2b_meetings_table_in_lounge);
// - more simultaneous meetings in one interpreter language than the programme has interpreters
//   (trigger on b2b_meetings keeping b2b_interpreter_use, a counter row per slot and language).
// src/features/b2b/db-errors.ts maps each of these to its refusal code.

/** A meeting session on one day, minutes since local midnight, start < end. */
export interface B2bSession {
  start: number;
  end: number;
}
export interface B2bDay {
  /** 1-based edition day. */
  day: number;
  sessions: B2bSession[];
}
/** A break inside a session: no meeting starts in it. */
export interface B2bBreak {
  day: number;
  start: number;
  end: number;
}

export const requestDirections = ["buyer_to_sme", "sme_to_buyer", "both"] as const;
export type RequestDirection = (typeof requestDirections)[number];

export const b2bProgrammes = pgTable(
  "b2b_programmes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    enabled: boolean("enabled").notNull().default(false),
    windowOpensAt: timestamp("window_opens_at", { withTimezone: true }),
    windowClosesAt: timestamp("window_closes_at", { withTimezone: true }),
    days: jsonb("days").$type<B2bDay[]>().notNull().default([]),
    breaks: jsonb("breaks").$type<B2bBreak[]>().notNull().default([]),
    slotMinutes: integer("slot_minutes").notNull().default(20),
    loungeTables: integer("lounge_tables").notNull().default(0),
    stallMeetings: boolean("stall_meetings").notNull().default(false),
    /** Registrations in the regulator category may opt into matchmaking (issue #11: "regulator
     *  where the organiser allows"); off by default. */
    allowRegulators: boolean("allow_regulators").notNull().default(false),
    /** Interpreters available per slot, by language code, e.g. {"ur":4,"en":4,"zh":2}. */
    interpreters: jsonb("interpreters").$type<Record<string, number>>().notNull().default({}),
    maxMeetingsPerDay: integer("max_meetings_per_day").notNull().default(8),
    maxRequestsSent: integer("max_requests_sent").notNull().default(20),
    requestDirection: text("request_direction", { enum: requestDirections }).notNull().default("both"),
    requestExpiryDays: integer("request_expiry_days").notNull().default(3),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("b2b_programmes_edition_uq").on(t.editionId),
    check("b2b_programmes_slot_minutes", sql`${t.slotMinutes} between 15 and 30`),
    check("b2b_programmes_lounge_tables", sql`${t.loungeTables} between 0 and 1000`),
    check("b2b_programmes_caps", sql`${t.maxMeetingsPerDay} >= 1 and ${t.maxRequestsSent} >= 1 and ${t.requestExpiryDays} between 1 and 60`),
    check(
      "b2b_programmes_window",
      sql`${t.windowOpensAt} is null or ${t.windowClosesAt} is null or ${t.windowOpensAt} < ${t.windowClosesAt}`,
    ),
    check("b2b_programmes_request_direction", sql`${t.requestDirection} in ('buyer_to_sme', 'sme_to_buyer', 'both')`),
  ],
);

export const participantSides = ["sme", "buyer"] as const;
export type ParticipantSide = (typeof participantSides)[number];
export const participantKinds = ["sme", "buyer_procurement", "investor", "bank", "development_partner", "foreign_mission"] as const;
export type ParticipantKind = (typeof participantKinds)[number];

/** One taker of the programme: an exhibiting enterprise (SME side) or an approved registration
 *  (buyer side). Without a password, a participant uses a signed link: only the SHA-256 of its
 *  token is kept. */
export const b2bParticipants = pgTable(
  "b2b_participants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    side: text("side", { enum: participantSides }).notNull(),
    kind: text("kind", { enum: participantKinds }).notNull(),
    enterpriseId: uuid("enterprise_id").references(() => enterprises.id, { onDelete: "cascade" }),
    registrationId: uuid("registration_id").references(() => registrations.id, { onDelete: "cascade" }),
    approved: boolean("approved").notNull().default(false),
    optedIn: boolean("opted_in").notNull().default(false),
    hostsAtStall: boolean("hosts_at_stall").notNull().default(false),
    locale: text("locale", { enum: ["en", "ur"] }).notNull().default("en"),
    delegationLeaderId: uuid("delegation_leader_id").references((): AnyPgColumn => b2bParticipants.id, { onDelete: "set null" }),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    accessTokenHash: text("access_token_hash"),
    /** SHA-256 of the secret in the participant's calendar subscription URL (operations/meetings.ts). */
    calendarTokenHash: text("calendar_token_hash"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("b2b_participants_enterprise_uq").on(t.editionId, t.enterpriseId),
    unique("b2b_participants_registration_uq").on(t.registrationId),
    unique("b2b_participants_token_uq").on(t.accessTokenHash),
    unique("b2b_participants_calendar_token_uq").on(t.calendarTokenHash),
    check("b2b_participants_side", sql`${t.side} in ('sme', 'buyer')`),
    check(
      "b2b_participants_kind",
      sql`${t.kind} in ('sme', 'buyer_procurement', 'investor', 'bank', 'development_partner', 'foreign_mission')`,
    ),
    // The SME side is an enterprise, the buyer side a registration; never both, never neither.
    check(
      "b2b_participants_who",
      sql`(${t.side} = 'sme' and ${t.kind} = 'sme' and ${t.enterpriseId} is not null and ${t.registrationId} is null)
        or (${t.side} = 'buyer' and ${t.kind} <> 'sme' and ${t.registrationId} is not null and ${t.enterpriseId} is null)`,
    ),
    index("b2b_participants_edition_idx").on(t.editionId, t.side),
  ],
);

/** A version per edition and side of what recommendations are computed from (the side's
 *  participants, profiles, enterprises, registry products, clusters and sectors), bumped by
 *  database triggers on any change to them (migration 0022): a per-process cache of a side's
 *  prepared input checks it with one primary-key read (operations/recommend-input.ts). */
export const b2bRecommendVersions = pgTable(
  "b2b_recommend_versions",
  {
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    side: text("side", { enum: participantSides }).notNull(),
    version: bigint("version", { mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ name: "b2b_recommend_versions_pk", columns: [t.editionId, t.side] })],
);

/** People of an exhibitor who hold its meetings. */
export const b2bSmeStaff = pgTable(
  "b2b_sme_staff",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => b2bParticipants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    email: text("email"),
    phone: text("phone"),
    registrationId: uuid("registration_id").references(() => registrations.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("b2b_sme_staff_participant_idx").on(t.participantId)],
);

export const exportReadiness = ["none", "starting", "occasional", "regular"] as const;

/** What a participant offers and seeks; text in English and/or Urdu. */
export const b2bProfiles = pgTable(
  "b2b_profiles",
  {
    participantId: uuid("participant_id")
      .primaryKey()
      .references(() => b2bParticipants.id, { onDelete: "cascade" }),
    offersEn: text("offers_en").notNull().default(""),
    offersUr: text("offers_ur").notNull().default(""),
    needsEn: text("needs_en").notNull().default(""),
    needsUr: text("needs_ur").notNull().default(""),
    productsEn: text("products_en").notNull().default(""),
    productsUr: text("products_ur").notNull().default(""),
    /** distributor, bulk_buyer, subcontracting, finance, investor, export_partner, raw_material_supplier */
    lookingFor: jsonb("looking_for").$type<string[]>().notNull().default([]),
    hsCodes: jsonb("hs_codes").$type<string[]>().notNull().default([]),
    volumes: text("volumes").notNull().default(""),
    certifications: jsonb("certifications").$type<string[]>().notNull().default([]),
    requiredCertifications: jsonb("required_certifications").$type<string[]>().notNull().default([]),
    markets: jsonb("markets").$type<string[]>().notNull().default([]),
    country: text("country"),
    languages: jsonb("languages").$type<string[]>().notNull().default([]),
    sectors: jsonb("sectors").$type<string[]>().notNull().default([]),
    exportReadiness: text("export_readiness", { enum: exportReadiness }),
    ticketMin: bigint("ticket_min", { mode: "number" }),
    ticketMax: bigint("ticket_max", { mode: "number" }),
    financingProducts: jsonb("financing_products").$type<string[]>().notNull().default([]),
    /** 0–100, computed by the profile operation. */
    completeness: integer("completeness").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("b2b_profiles_completeness", sql`${t.completeness} between 0 and 100`),
    check("b2b_profiles_ticket", sql`${t.ticketMin} is null or ${t.ticketMax} is null or ${t.ticketMin} <= ${t.ticketMax}`),
  ],
);

export const requestStatuses = ["pending", "accepted", "declined", "withdrawn", "expired"] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/** A meeting request between one SME and one buyer-side participant; one per pair, whichever side
 *  asked. A pending request holds no time: only the scheduler gives slots. */
export const b2bRequests = pgTable(
  "b2b_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    smeParticipantId: uuid("sme_participant_id")
      .notNull()
      .references(() => b2bParticipants.id, { onDelete: "cascade" }),
    buyerParticipantId: uuid("buyer_participant_id")
      .notNull()
      .references(() => b2bParticipants.id, { onDelete: "cascade" }),
    requestedBy: text("requested_by", { enum: participantSides }).notNull(),
    message: text("message").notNull().default(""),
    priority: text("priority", { enum: ["must", "would_like"] }).notNull().default("would_like"),
    preferredDays: jsonb("preferred_days").$type<number[]>().notNull().default([]),
    status: text("status", { enum: requestStatuses }).notNull().default("pending"),
    declineReason: text("decline_reason"),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** SHA-256 of the token of the email link that answers the request without signing in. */
    answerTokenHash: text("answer_token_hash"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("b2b_requests_answer_token_uq").on(t.answerTokenHash),
    unique("b2b_requests_pair_uq").on(t.smeParticipantId, t.buyerParticipantId),
    // The target of b2b_meetings' composite key: a meeting's two participants are its request's.
    unique("b2b_requests_id_pair_uq").on(t.id, t.smeParticipantId, t.buyerParticipantId),
    check("b2b_requests_requested_by", sql`${t.requestedBy} in ('sme', 'buyer')`),
    check("b2b_requests_priority", sql`${t.priority} in ('must', 'would_like')`),
    check("b2b_requests_status", sql`${t.status} in ('pending', 'accepted', 'declined', 'withdrawn', 'expired')`),
    index("b2b_requests_edition_status_idx").on(t.editionId, t.status),
    index("b2b_requests_buyer_idx").on(t.buyerParticipantId),
  ],
);

export const runStatuses = ["queued", "running", "done", "failed"] as const;

/** One scheduling run: a draft until published. */
export const b2bRuns = pgTable(
  "b2b_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    status: text("status", { enum: runStatuses }).notNull().default("queued"),
    settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
    summary: jsonb("summary").$type<Record<string, unknown>>(),
    weight: doublePrecision("weight"),
    upperBound: doublePrecision("upper_bound"),
    error: text("error"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedBy: uuid("published_by").references(() => users.id, { onDelete: "set null" }),
    /** The phase a running run is in (the engine's: compile, construct, improve, …; then bound, write). */
    progress: text("progress"),
    /** When and by which process (host:pid) a runner claimed the run (FOR UPDATE SKIP LOCKED). */
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    claimedBy: text("claimed_by"),
    /** The claiming runner's last sign of life (run-worker.ts: every HEARTBEAT_MS); a running run
     *  whose heartbeat is older than STALE_MS is taken over by another runner. */
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
    /** A re-run keeps this run's pinned placements where they are. */
    baseRunId: uuid("base_run_id").references((): AnyPgColumn => b2bRuns.id, { onDelete: "set null" }),
  },
  (t) => [
    check("b2b_runs_status", sql`${t.status} in ('queued', 'running', 'done', 'failed')`),
    index("b2b_runs_edition_idx").on(t.editionId, t.createdAt),
  ],
);

/** The placements a run proposes (a draft; meetings are written only on publishing). */
export const b2bRunPlacements = pgTable(
  "b2b_run_placements",
  {
    runId: uuid("run_id")
      .notNull()
      .references(() => b2bRuns.id, { onDelete: "cascade" }),
    requestId: uuid("request_id")
      .notNull()
      .references(() => b2bRequests.id, { onDelete: "cascade" }),
    day: integer("day").notNull(),
    startMinute: integer("start_minute").notNull(),
    place: text("place", { enum: ["table", "stall"] }).notNull(),
    tableNo: integer("table_no"),
    interpreterLanguage: text("interpreter_language"),
    /** Pinned by the organiser: a re-run from this run keeps it where it is; published pinned. */
    pinned: boolean("pinned").notNull().default(false),
  },
  (t) => [
    primaryKey({ name: "b2b_run_placements_pk", columns: [t.runId, t.requestId] }),
    check("b2b_run_placements_place", sql`(${t.place} = 'table' and ${t.tableNo} >= 1) or (${t.place} = 'stall' and ${t.tableNo} is null)`),
  ],
);

export const meetingStatuses = ["scheduled", "cancelled"] as const;
/** How a meeting came about: placed by the schedule (runs, repairs) or agreed on the spot during
 *  the event (a walk-up meeting, meetday/operations/walkups.ts). */
export const meetingKinds = ["planned", "walk_up"] as const;

/** A meeting in a slot (day + start minute), at a lounge table or the SME's stall. The uid stays
 *  the same for the meeting's life (calendars); sequence grows with every change. */
export const b2bMeetings = pgTable(
  "b2b_meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    requestId: uuid("request_id").notNull(),
    smeParticipantId: uuid("sme_participant_id").notNull(),
    buyerParticipantId: uuid("buyer_participant_id").notNull(),
    day: integer("day").notNull(),
    startMinute: integer("start_minute").notNull(),
    place: text("place", { enum: ["table", "stall"] }).notNull(),
    tableNo: integer("table_no"),
    interpreterLanguage: text("interpreter_language"),
    status: text("status", { enum: meetingStatuses }).notNull().default("scheduled"),
    pinned: boolean("pinned").notNull().default(false),
    uid: text("uid").notNull(),
    sequence: integer("sequence").notNull().default(0),
    assignedStaffId: uuid("assigned_staff_id").references(() => b2bSmeStaff.id, { onDelete: "set null" }),
    runId: uuid("run_id").references(() => b2bRuns.id, { onDelete: "set null" }),
    kind: text("kind", { enum: meetingKinds }).notNull().default("planned"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("b2b_meetings_request_uq").on(t.requestId),
    check("b2b_meetings_kind", sql`${t.kind} in ('planned', 'walk_up')`),
    unique("b2b_meetings_uid_uq").on(t.uid),
    foreignKey({
      name: "b2b_meetings_request_fk",
      columns: [t.requestId, t.smeParticipantId, t.buyerParticipantId],
      foreignColumns: [b2bRequests.id, b2bRequests.smeParticipantId, b2bRequests.buyerParticipantId],
    }).onDelete("cascade"),
    check("b2b_meetings_place", sql`(${t.place} = 'table' and ${t.tableNo} >= 1) or (${t.place} = 'stall' and ${t.tableNo} is null)`),
    check("b2b_meetings_status", sql`${t.status} in ('scheduled', 'cancelled')`),
    check("b2b_meetings_slot", sql`${t.day} >= 1 and ${t.startMinute} between 0 and 1439 and ${t.sequence} >= 0`),
    // Among scheduled meetings: nobody twice in one slot, no table twice in one slot.
    uniqueIndex("b2b_meetings_sme_slot_uq")
      .on(t.smeParticipantId, t.day, t.startMinute)
      .where(sql`status = 'scheduled'`),
    uniqueIndex("b2b_meetings_buyer_slot_uq")
      .on(t.buyerParticipantId, t.day, t.startMinute)
      .where(sql`status = 'scheduled'`),
    uniqueIndex("b2b_meetings_table_slot_uq")
      .on(t.editionId, t.day, t.startMinute, t.tableNo)
      .where(sql`status = 'scheduled' and place = 'table'`),
    index("b2b_meetings_edition_slot_idx").on(t.editionId, t.day, t.startMinute),
  ],
);

/** Interpreters in use per slot and language, kept by the trigger on b2b_meetings (never written
 *  by the application); the trigger refuses a count above the programme's interpreters. */
export const b2bInterpreterUse = pgTable(
  "b2b_interpreter_use",
  {
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    day: integer("day").notNull(),
    startMinute: integer("start_minute").notNull(),
    language: text("language").notNull(),
    used: integer("used").notNull().default(0),
  },
  (t) => [
    primaryKey({ name: "b2b_interpreter_use_pk", columns: [t.editionId, t.day, t.startMinute, t.language] }),
    check("b2b_interpreter_use_used", sql`${t.used} >= 0`),
  ],
);

export const repairKinds = ["cancel", "late_decline", "withdraw", "remove_table", "remove_slot", "late_request"] as const;
export type RepairKind = (typeof repairKinds)[number];

/** One change to a published schedule and what it did (operations/repair.ts): the meetings moved
 *  (from → to) and those that could not be kept, each with its reason; the organiser's list of
 *  changes (/back-office/editions/:id/b2b/changes) reads these. */
export const b2bRepairs = pgTable(
  "b2b_repairs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    kind: text("kind", { enum: repairKinds }).notNull(),
    /** What changed, e.g. {"meetingId":…} or {"day":1,"startMinute":600} or {"tableNo":4}. */
    change: jsonb("change").$type<Record<string, unknown>>().notNull().default({}),
    moved: jsonb("moved").$type<{ meetingId: string; from: string; to: string }[]>().notNull().default([]),
    cancelled: jsonb("cancelled").$type<{ meetingId: string; reason: string }[]>().notNull().default([]),
    added: jsonb("added").$type<{ meetingId: string; at: string }[]>().notNull().default([]),
    notified: integer("notified").notNull().default(0),
    byUserId: uuid("by_user_id").references(() => users.id, { onDelete: "set null" }),
    byLabel: text("by_label"),
  },
  (t) => [
    check("b2b_repairs_kind", sql`${t.kind} in ('cancel', 'late_decline', 'withdraw', 'remove_table', 'remove_slot', 'late_request')`),
    index("b2b_repairs_edition_idx").on(t.editionId, t.at),
  ],
);
