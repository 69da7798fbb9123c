import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../../platform/auth/tables";
import { b2bMeetings, b2bParticipants } from "#features/b2b";
import { editions } from "#features/editions";
import { registrations } from "#features/registration";

// The meeting day and after (issue #14): arrivals at B2B meetings (badge scans and "both here"),
// no-shows, outcomes from both sides with their follow-ups. What the database itself refuses:
// - one arrival per meeting and side (primary key), one no-show per meeting and side;
// - a scan recorded twice: the nonce is unique per edition, so a replayed upload is kept once;
// - an outcome entry changed after the fact: entries are append-only (trigger
//   meetday_outcomes_append_only in the migration), follow-ups add entries, never overwrite.

export const meetingSides = ["sme", "buyer"] as const;
export type MeetingSide = (typeof meetingSides)[number];

/** The organiser's meeting-day settings; without a row, no meeting of the edition is marked no-show. */
export const meetdaySettings = pgTable(
  "meetday_settings",
  {
    editionId: uuid("edition_id")
      .primaryKey()
      .references(() => editions.id, { onDelete: "cascade" }),
    /** Minutes after a meeting's start after which an absent side is marked no-show. */
    noShowMinutes: integer("no_show_minutes").notNull().default(10),
    /** Repeat no-shows: once a participant has missed this many meetings, its meetings on later
     *  days are cancelled and their partners told (null: no limit). */
    noShowLimit: integer("no_show_limit"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("meetday_settings_minutes", sql`${t.noShowMinutes} between 1 and 120`),
    check("meetday_settings_limit", sql`${t.noShowLimit} is null or ${t.noShowLimit} between 1 and 20`),
  ],
);

export const meetingScanMethods = ["scan", "both_here"] as const;

/** Every meeting check-in attempt, admitted or refused, online or uploaded from a phone's queue. */
export const meetingScans = pgTable(
  "meetday_scans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    meetingId: uuid("meeting_id").references(() => b2bMeetings.id, { onDelete: "cascade" }),
    nonce: text("nonce").notNull(),
    method: text("method", { enum: meetingScanMethods }).notNull(),
    code: text("code"),
    deviceId: text("device_id").notNull().default("web"),
    registrationId: uuid("registration_id").references(() => registrations.id, { onDelete: "set null" }),
    side: text("side", { enum: meetingSides }),
    result: text("result", { enum: ["arrived", "refuse"] }).notNull(),
    reason: text("reason").notNull(),
    scannedAt: timestamp("scanned_at", { withTimezone: true }).notNull(),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull(),
    offline: boolean("offline").notNull().default(false),
    byUserId: uuid("by_user_id").references(() => users.id, { onDelete: "set null" }),
    byParticipantId: uuid("by_participant_id").references(() => b2bParticipants.id, { onDelete: "set null" }),
  },
  (t) => [
    unique("meetday_scans_nonce_uq").on(t.editionId, t.nonce),
    check("meetday_scans_side", sql`${t.side} is null or ${t.side} in ('sme', 'buyer')`),
    check("meetday_scans_result", sql`${t.result} in ('arrived', 'refuse')`),
    index("meetday_scans_meeting_idx").on(t.meetingId),
  ],
);

/** A side of a meeting has arrived: once per meeting and side. */
export const meetingArrivals = pgTable(
  "meetday_arrivals",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => b2bMeetings.id, { onDelete: "cascade" }),
    side: text("side", { enum: meetingSides }).notNull(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull(),
    method: text("method", { enum: meetingScanMethods }).notNull(),
    scanId: uuid("scan_id").references(() => meetingScans.id, { onDelete: "set null" }),
  },
  (t) => [
    primaryKey({ name: "meetday_arrivals_pk", columns: [t.meetingId, t.side] }),
    check("meetday_arrivals_side", sql`${t.side} in ('sme', 'buyer')`),
    index("meetday_arrivals_edition_idx").on(t.editionId),
  ],
);

/** A side that had not arrived N minutes after the start (operations/no-shows.ts). */
export const meetingNoShows = pgTable(
  "meetday_no_shows",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => b2bMeetings.id, { onDelete: "cascade" }),
    side: text("side", { enum: meetingSides }).notNull(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => b2bParticipants.id, { onDelete: "cascade" }),
    markedAt: timestamp("marked_at", { withTimezone: true }).notNull(),
    /** Whether the present side was emailed (false when neither came). */
    otherTold: boolean("other_told").notNull().default(false),
  },
  (t) => [
    primaryKey({ name: "meetday_no_shows_pk", columns: [t.meetingId, t.side] }),
    check("meetday_no_shows_side", sql`${t.side} in ('sme', 'buyer')`),
    index("meetday_no_shows_participant_idx").on(t.editionId, t.participantId),
  ],
);

export const outcomeStages = ["meeting", "d30", "m6"] as const;
export type OutcomeStage = (typeof outcomeStages)[number];

/** One answer of one side about one meeting: the outcome form after the meeting (stage
 *  "meeting") or a follow-up (30 days, 6 months). Append-only: a newer entry of the same stage
 *  supersedes the older for figures, the older stays in the history. */
export const meetingOutcomes = pgTable(
  "meetday_outcomes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => b2bMeetings.id, { onDelete: "cascade" }),
    side: text("side", { enum: meetingSides }).notNull(),
    stage: text("stage", { enum: outcomeStages }).notNull(),
    happened: boolean("happened").notNull(),
    /** Stage "meeting": core/outcomes.ts outcomeKinds; follow-ups: followUpStates. */
    kind: text("kind"),
    valueAmount: bigint("value_amount", { mode: "number" }),
    currency: text("currency"),
    timeline: text("timeline"),
    followUpConsent: boolean("follow_up_consent").notNull().default(false),
    note: text("note").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    byUserId: uuid("by_user_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    check("meetday_outcomes_side", sql`${t.side} in ('sme', 'buyer')`),
    check("meetday_outcomes_stage", sql`${t.stage} in ('meeting', 'd30', 'm6')`),
    check("meetday_outcomes_value", sql`(${t.valueAmount} is null and ${t.currency} is null) or (${t.valueAmount} >= 0 and ${t.currency} ~ '^[A-Z]{3}$')`),
    index("meetday_outcomes_meeting_idx").on(t.meetingId, t.side, t.stage, t.createdAt),
    index("meetday_outcomes_edition_idx").on(t.editionId),
  ],
);

/** The outcome form and follow-ups owed to one side of a meeting: due from dueAt, emailed with a
 *  link without sign-in (only the SHA-256 of its token kept; a reminder's link replaces the
 *  first), answered once an entry of that stage exists. One per meeting, side and stage. */
export const outcomeLinks = pgTable(
  "meetday_outcome_links",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => b2bMeetings.id, { onDelete: "cascade" }),
    side: text("side", { enum: meetingSides }).notNull(),
    stage: text("stage", { enum: outcomeStages }).notNull(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    tokenHash: text("token_hash"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: "meetday_outcome_links_pk", columns: [t.meetingId, t.side, t.stage] }),
    unique("meetday_outcome_links_token_uq").on(t.tokenHash),
    check("meetday_outcome_links_side", sql`${t.side} in ('sme', 'buyer')`),
    check("meetday_outcome_links_stage", sql`${t.stage} in ('meeting', 'd30', 'm6')`),
    index("meetday_outcome_links_due_idx").on(t.dueAt).where(sql`answered_at is null`),
  ],
);

export const walkUpStatuses = ["proposed", "confirmed", "declined", "withdrawn"] as const;
export type WalkUpStatus = (typeof walkUpStatuses)[number];

/** A walk-up meeting proposed during the event by one side to a participant of the other side,
 *  in a slot both had free (operations/walkups.ts): the other side confirms (the meeting is then
 *  written, kind walk_up) or declines. A proposal whose slot has started lapses. One open
 *  proposal per pair (partial unique index); the answer link keeps only the SHA-256 of its token. */
export const walkUps = pgTable(
  "meetday_walkups",
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
    proposedBy: text("proposed_by", { enum: meetingSides }).notNull(),
    day: integer("day").notNull(),
    startMinute: integer("start_minute").notNull(),
    place: text("place", { enum: ["table", "stall"] }).notNull(),
    /** The table offered when proposed; the confirmation takes the lowest table still free. */
    tableNo: integer("table_no"),
    message: text("message").notNull().default(""),
    status: text("status", { enum: walkUpStatuses }).notNull().default("proposed"),
    answerTokenHash: text("answer_token_hash"),
    meetingId: uuid("meeting_id").references(() => b2bMeetings.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    unique("meetday_walkups_token_uq").on(t.answerTokenHash),
    check("meetday_walkups_proposed_by", sql`${t.proposedBy} in ('sme', 'buyer')`),
    check("meetday_walkups_status", sql`${t.status} in ('proposed', 'confirmed', 'declined', 'withdrawn')`),
    check("meetday_walkups_place", sql`(${t.place} = 'table' and ${t.tableNo} >= 1) or (${t.place} = 'stall' and ${t.tableNo} is null)`),
    check("meetday_walkups_slot", sql`${t.day} >= 1 and ${t.startMinute} between 0 and 1439`),
    check("meetday_walkups_confirmed", sql`${t.status} = 'confirmed' or ${t.meetingId} is null`),
    uniqueIndex("meetday_walkups_open_pair_uq").on(t.smeParticipantId, t.buyerParticipantId).where(sql`status = 'proposed'`),
    index("meetday_walkups_edition_idx").on(t.editionId, t.status),
    index("meetday_walkups_buyer_idx").on(t.buyerParticipantId),
  ],
);
