import { sql } from "drizzle-orm";
import { bigint, boolean, check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../../platform/auth/tables";
import { editions } from "#features/editions";
import { floorAreas } from "#features/floor";
import { registrations } from "#features/registration";
import type { SessionSnapshot, ReleaseChange } from "./engine/changes";

// The agenda of an edition (issue #13, "Agenda"): rooms and stages, speakers, sessions with their
// speakers, the organiser's private draft and its named releases (pretalx's model: the public sees
// the last release only, with a change log), and the RSVPs of registered people. Times of day are
// minutes since local midnight in the edition's timezone, on a 5-minute grid (CHECK); days count
// from 1. The database holds the invariants: one edition per row and its parts (composite keys), a
// session that ends after it starts, one RSVP per person and session.

export const sessionKinds = ["ceremony", "keynote", "panel", "policy_dialogue", "workshop", "cluster_showcase", "awards_ceremony", "break"] as const;
export type SessionKind = (typeof sessionKinds)[number];
export const sessionAccess = ["open", "by_category", "invitation"] as const;
export type SessionAccess = (typeof sessionAccess)[number];
export const speakerRoles = ["speaker", "moderator"] as const;
export type SpeakerRole = (typeof speakerRoles)[number];
export const rsvpStatuses = ["seated", "waitlisted"] as const;
export type RsvpStatus = (typeof rsvpStatuses)[number];
export const tracks = ["general", "exports", "finance", "women_entrepreneurs", "digital", "clusters", "standards", "policy"] as const;
export type Track = (typeof tracks)[number];

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

/** The agenda's settings for an edition: the venue's daily hours (sessions outside are warned of). */
export const programmeSettings = pgTable(
  "programme_settings",
  {
    editionId: uuid("edition_id")
      .primaryKey()
      .references(() => editions.id, { onDelete: "cascade" }),
    opensMinute: integer("opens_minute").notNull().default(540),
    closesMinute: integer("closes_minute").notNull().default(1140),
  },
  (t) => [check("programme_settings_hours", sql`${t.opensMinute} >= 0 AND ${t.closesMinute} <= 1440 AND ${t.opensMinute} < ${t.closesMinute}`)],
);

/** A room or stage of the edition (the main auditorium, a hall's stage, a meeting room). */
export const programmeRooms = pgTable(
  "programme_rooms",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    nameEn: text("name_en").notNull(),
    nameUr: text("name_ur").notNull(),
    capacity: integer("capacity").notNull(),
    sort: integer("sort").notNull().default(0),
    /** Where the room is on the floor map: an area of the same edition's plan (a stage, a lounge),
     *  or none (a room off the exhibition floor, e.g. the auditorium). The area's deletion empties it. */
    floorAreaId: uuid("floor_area_id"),
  },
  (t) => [
    unique("programme_rooms_slug_uq").on(t.editionId, t.slug),
    // Hand-edited in drizzle/0045: ON DELETE SET NULL ("floor_area_id") only, never the edition.
    foreignKey({ name: "programme_rooms_floor_area_fk", columns: [t.floorAreaId, t.editionId], foreignColumns: [floorAreas.id, floorAreas.editionId] }).onDelete("set null"),
    unique("programme_rooms_edition_uq").on(t.id, t.editionId),
    check("programme_rooms_capacity", sql`${t.capacity} > 0`),
  ],
);

/** A speaker or moderator: a person with or without an account. Email and language are for
 *  sending them their sessions after a release; never public. */
export const programmeSpeakers = pgTable(
  "programme_speakers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    nameUr: text("name_ur").notNull().default(""),
    organisation: text("organisation").notNull().default(""),
    role: text("role").notNull().default(""),
    bioEn: text("bio_en").notNull().default(""),
    bioUr: text("bio_ur").notNull().default(""),
    photoUrl: text("photo_url"),
    email: text("email"),
    locale: text("locale", { enum: ["en", "ur"] }).notNull().default("en"),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    unique("programme_speakers_slug_uq").on(t.editionId, t.slug),
    unique("programme_speakers_edition_uq").on(t.id, t.editionId),
    check("programme_speakers_locale", sql`${t.locale} IN ('en', 'ur')`),
  ],
);

/** A session of the draft. A cancelled one stays (its RSVPs and its history) but leaves the next
 *  release. `by_category` names at least one visitor category, and only then (CHECK). */
export const programmeSessions = pgTable(
  "programme_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id").notNull(),
    roomId: uuid("room_id").notNull(),
    kind: text("kind", { enum: sessionKinds }).notNull(),
    track: text("track", { enum: tracks }).notNull().default("general"),
    titleEn: text("title_en").notNull(),
    titleUr: text("title_ur").notNull(),
    descriptionEn: text("description_en").notNull().default(""),
    descriptionUr: text("description_ur").notNull().default(""),
    day: integer("day").notNull(),
    startMinute: integer("start_minute").notNull(),
    endMinute: integer("end_minute").notNull(),
    language: text("language", { enum: ["en", "ur"] }).notNull().default("ur"),
    interpretation: boolean("interpretation").notNull().default(false),
    access: text("access", { enum: sessionAccess }).notNull().default("open"),
    categoryIds: uuid("category_ids").array().notNull().default(sql`'{}'::uuid[]`),
    cancelled: boolean("cancelled").notNull().default(false),
    /** Only badge holders with a seat (an RSVP) are let in at the door. */
    rsvpRequired: boolean("rsvp_required").notNull().default(false),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({ name: "programme_sessions_room_fk", columns: [t.roomId, t.editionId], foreignColumns: [programmeRooms.id, programmeRooms.editionId] }),
    foreignKey({ name: "programme_sessions_edition_fk", columns: [t.editionId], foreignColumns: [editions.id] }).onDelete("cascade"),
    unique("programme_sessions_edition_uq").on(t.id, t.editionId),
    index("programme_sessions_day_idx").on(t.editionId, t.day, t.startMinute),
    check("programme_sessions_kind", sql`${t.kind} IN (${inList(sessionKinds)})`),
    check("programme_sessions_track", sql`${t.track} IN (${inList(tracks)})`),
    check("programme_sessions_access", sql`${t.access} IN (${inList(sessionAccess)})`),
    check("programme_sessions_language", sql`${t.language} IN ('en', 'ur')`),
    check("programme_sessions_day", sql`${t.day} >= 1`),
    check("programme_sessions_times", sql`${t.startMinute} >= 0 AND ${t.endMinute} <= 1440 AND ${t.startMinute} < ${t.endMinute}`),
    check("programme_sessions_snap", sql`${t.startMinute} % 5 = 0 AND ${t.endMinute} % 5 = 0`),
    check("programme_sessions_categories", sql`(${t.access} = 'by_category') = (cardinality(${t.categoryIds}) > 0)`),
  ],
);

/** Who speaks in a session, and how; speaker and session of one edition (composite keys). */
export const programmeSessionSpeakers = pgTable(
  "programme_session_speakers",
  {
    editionId: uuid("edition_id").notNull(),
    sessionId: uuid("session_id").notNull(),
    speakerId: uuid("speaker_id").notNull(),
    role: text("role", { enum: speakerRoles }).notNull().default("speaker"),
    sort: integer("sort").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.speakerId] }),
    foreignKey({ name: "programme_ss_session_fk", columns: [t.sessionId, t.editionId], foreignColumns: [programmeSessions.id, programmeSessions.editionId] }).onDelete("cascade"),
    foreignKey({ name: "programme_ss_speaker_fk", columns: [t.speakerId, t.editionId], foreignColumns: [programmeSpeakers.id, programmeSpeakers.editionId] }).onDelete("cascade"),
    index("programme_ss_speaker_idx").on(t.speakerId),
    check("programme_ss_role", sql`${t.role} IN (${inList(speakerRoles)})`),
  ],
);

/** A release: a named, numbered snapshot of the draft's sessions, and its change log against the
 *  previous release. Never changed once written. */
export const programmeReleases = pgTable(
  "programme_releases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    name: text("name").notNull(),
    sessions: jsonb("sessions").$type<SessionSnapshot[]>().notNull(),
    changes: jsonb("changes").$type<ReleaseChange[]>().notNull(),
    releasedAt: timestamp("released_at", { withTimezone: true }).notNull(),
    releasedBy: uuid("released_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    unique("programme_releases_number_uq").on(t.editionId, t.number),
    unique("programme_releases_name_uq").on(t.editionId, t.name),
    check("programme_releases_number", sql`${t.number} >= 1`),
  ],
);

/** An invitation to an invitation-only session, for one registration. */
export const programmeInvitations = pgTable(
  "programme_invitations",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => programmeSessions.id, { onDelete: "cascade" }),
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.registrationId] })],
);

/** A seat reserved in a session by a registration, or a place on its waitlist (status). One active
 *  row (seated or waiting) per person and session (partial unique index); the seated rows stay
 *  within the room's capacity: a trigger (migration 0027) locks the session row and counts before
 *  any row becomes seated, so concurrent RSVPs run one after the other and the last is refused.
 *  The waitlist's order is `seq` (arrival order under the session's lock). */
export const programmeRsvps = pgTable(
  "programme_rsvps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => programmeSessions.id, { onDelete: "cascade" }),
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    status: text("status", { enum: rsvpStatuses }).notNull().default("seated"),
    seq: bigint("seq", { mode: "number" }).notNull().generatedByDefaultAsIdentity(),
    promotedAt: timestamp("promoted_at", { withTimezone: true }),
  },
  (t) => [
    check("programme_rsvps_status", sql`${t.status} IN ('seated', 'waitlisted')`),
    index("programme_rsvps_queue_idx").on(t.sessionId, t.status, t.seq),
    uniqueIndex("programme_rsvps_active_uq").on(t.sessionId, t.registrationId).where(sql`${t.cancelledAt} IS NULL`),
    index("programme_rsvps_registration_idx").on(t.registrationId),
  ],
);

/** A badge scanned at a session's door (online, or uploaded later from a device's queue): the
 *  decision and its reason. A retried upload (same session and nonce) records nothing new;
 *  attendance is the number of people admitted. */
export const programmeDoorScans = pgTable(
  "programme_door_scans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id").notNull(),
    sessionId: uuid("session_id").notNull(),
    nonce: text("nonce").notNull(),
    code: text("code").notNull(),
    registrationId: uuid("registration_id").references(() => registrations.id, { onDelete: "set null" }),
    result: text("result", { enum: ["admit", "refuse"] }).notNull(),
    reason: text("reason").notNull(),
    deviceId: text("device_id").notNull().default(""),
    offline: boolean("offline").notNull().default(false),
    scannedAt: timestamp("scanned_at", { withTimezone: true }).notNull(),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull(),
    scannedBy: uuid("scanned_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    foreignKey({ name: "programme_door_scans_session_fk", columns: [t.sessionId, t.editionId], foreignColumns: [programmeSessions.id, programmeSessions.editionId] }).onDelete("cascade"),
    unique("programme_door_scans_nonce_uq").on(t.sessionId, t.nonce),
    index("programme_door_scans_admit_idx").on(t.sessionId, t.result),
    check("programme_door_scans_result", sql`${t.result} IN ('admit', 'refuse')`),
  ],
);
