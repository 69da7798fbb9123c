import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "../../platform/auth/tables";
import { enterprises } from "#features/editions";
import { editions, visitorCategories } from "#features/editions";
import { registrations } from "#features/registration";

// Badges, gates and scans. The badge payload itself is specified in core/badge-format.ts and
// docs/badges.md; these tables hold what the server needs to sign, check and count.

/** Ed25519 key pairs per edition. The private seed is base64url, or `enc1:` + AES-GCM sealed
 *  when KEY_ENCRYPTION_KEY is set (see core/key-seal.ts). The newest key signs; all verify. */
export const badgeKeys = pgTable(
  "badge_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    keyId: integer("key_id").notNull(),
    publicKey: text("public_key").notNull(),
    privateKey: text("private_key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [unique("badge_keys_key_uq").on(t.editionId, t.keyId)],
);

/** Zones beyond the public halls; `bit` is the zone's bit in signed badges, stable per edition. */
export const zones = pgTable(
  "checkin_zones",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    nameEn: text("name_en").notNull(),
    nameUr: text("name_ur").notNull(),
    bit: integer("bit").notNull(),
  },
  (t) => [unique("checkin_zones_code_uq").on(t.editionId, t.code), unique("checkin_zones_bit_uq").on(t.editionId, t.bit)],
);

/** A gate guards one zone, or none (a general hall entrance). */
export const gates = pgTable(
  "checkin_gates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    nameEn: text("name_en").notNull(),
    nameUr: text("name_ur").notNull(),
    zoneId: uuid("zone_id").references(() => zones.id),
    reentryAllowed: boolean("reentry_allowed").notNull().default(false),
  },
  (t) => [unique("checkin_gates_code_uq").on(t.editionId, t.code)],
);

/** Every printed badge of a registration; the highest serial is the current one. */
export const badges = pgTable(
  "badges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
    registrationNo: integer("registration_no").notNull(),
    serial: integer("serial").notNull(),
    keyId: integer("key_id").notNull(),
    code: text("code").notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull(),
    replacedAt: timestamp("replaced_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedReason: text("revoked_reason"),
    revokedBy: uuid("revoked_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [unique("badges_serial_uq").on(t.registrationId, t.serial), index("badges_number_idx").on(t.editionId, t.registrationNo)],
);

export const scanResults = ["admit", "refuse"] as const;
export const manualEntries = ["code", "name"] as const;

/** One scan at a gate, online or uploaded from an offline queue; the nonce makes uploads idempotent. */
export const scans = pgTable(
  "checkin_scans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    nonce: text("nonce").notNull(),
    gateId: uuid("gate_id")
      .notNull()
      .references(() => gates.id),
    deviceId: text("device_id").notNull(),
    /** As read, cut to 512 characters (junk included, for the record). */
    code: text("code").notNull(),
    registrationNo: integer("registration_no"),
    registrationId: uuid("registration_id").references(() => registrations.id, { onDelete: "set null" }),
    /** The zone bit of the gate at the time (null = general entrance). */
    zone: integer("zone"),
    dayIndex: integer("day_index").notNull(),
    scannedAt: timestamp("scanned_at", { withTimezone: true }).notNull(),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull(),
    offline: boolean("offline").notNull(),
    result: text("result", { enum: scanResults }).notNull(),
    reason: text("reason").notNull(),
    scannedBy: uuid("scanned_by").references(() => users.id, { onDelete: "set null" }),
    /** `day:zone` on an online admission at a gate without re-entry, else null. Unique per badge, so
     *  two gates admitting one badge at the same moment cannot both succeed: no lock, no transaction. */
    admitKey: text("admit_key"),
    /** Scanned during a door rehearsal (checkinRehearsals): kept apart from the event's figures. */
    rehearsal: boolean("rehearsal").notNull().default(false),
    /** How staff found the badge when the QR could not be read: typed its short code
     *  (core/short-code.ts) or searched by name; null = scanned. Decided by the same rules. */
    manual: text("manual", { enum: manualEntries }),
  },
  (t) => [
    unique("checkin_scans_nonce_uq").on(t.editionId, t.nonce),
    unique("checkin_scans_admit_uq").on(t.editionId, t.registrationNo, t.admitKey),
    index("checkin_scans_reg_idx").on(t.editionId, t.registrationNo, t.dayIndex),
    index("checkin_scans_time_idx").on(t.editionId, t.scannedAt),
  ],
);

/** A door rehearsal: on `onDate` (the venue's local date, outside the edition's own days) gates scan
 *  as if it were edition day `dayIndex`, so staff can practise with real badges before doors open.
 *  Rehearsal scans are flagged and kept out of the event's figures. One row per edition; a row for
 *  a past date is simply inactive. */
export const checkinRehearsals = pgTable(
  "checkin_rehearsals",
  {
    editionId: uuid("edition_id")
      .primaryKey()
      .references(() => editions.id, { onDelete: "cascade" }),
    onDate: date("on_date", { mode: "string" }).notNull(),
    dayIndex: integer("day_index").notNull(),
    startedBy: uuid("started_by").references(() => users.id, { onDelete: "set null" }),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
  },
  (t) => [check("checkin_rehearsals_day_ck", sql`${t.dayIndex} >= 0 and ${t.dayIndex} < 16`)],
);

/** What a gate needs to decide, as of when: bumped by database triggers (migration
 *  0005_checkin_setup_versions) whenever the edition, its gates, zones, rehearsal or signing keys
 *  change, by any process. Scans cache gates and keys per process and compare this number, read
 *  with every scan, so a change made through another process is honoured at the next scan. */
export const checkinSetupVersions = pgTable("checkin_setup_versions", {
  editionId: uuid("edition_id")
    .primaryKey()
    .references(() => editions.id, { onDelete: "cascade" }),
  version: integer("version").notNull().default(0),
});

/** A badge admitted at two gates of one zone close together while offline (a shared photo, usually). */
export const doubleAdmissions = pgTable(
  "checkin_double_admissions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    registrationNo: integer("registration_no").notNull(),
    zone: integer("zone"),
    firstNonce: text("first_nonce").notNull(),
    secondNonce: text("second_nonce").notNull(),
    gapMs: integer("gap_ms").notNull(),
    flaggedAt: timestamp("flagged_at", { withTimezone: true }).notNull(),
  },
  (t) => [unique("checkin_double_admissions_uq").on(t.editionId, t.firstNonce, t.secondNonce)],
);

/** How many staff badges an exhibitor may issue for an edition (set by organisers). */
export const staffQuotas = pgTable(
  "exhibitor_staff_quotas",
  {
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    enterpriseId: uuid("enterprise_id")
      .notNull()
      .references(() => enterprises.id, { onDelete: "cascade" }),
    quota: integer("quota").notNull(),
  },
  (t) => [primaryKey({ columns: [t.editionId, t.enterpriseId] })],
);

/** A staff badge is a registration in the exhibitor-staff category, owned by one exhibitor. */
export const staffBadges = pgTable(
  "exhibitor_staff_badges",
  {
    registrationId: uuid("registration_id")
      .primaryKey()
      .references(() => registrations.id, { onDelete: "cascade" }),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    enterpriseId: uuid("enterprise_id")
      .notNull()
      .references(() => enterprises.id, { onDelete: "cascade" }),
  },
  (t) => [index("exhibitor_staff_badges_ent_idx").on(t.editionId, t.enterpriseId)],
);

/** Which visitor categories enter which zone, per edition (the organisers' category × zone matrix).
 *  A registration's zone mask is its category's zones ∪ its individual grants (zoneGrants). */
export const zoneCategories = pgTable(
  "checkin_zone_categories",
  {
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    categoryId: uuid("category_id")
      .notNull()
      .references(() => visitorCategories.id, { onDelete: "cascade" }),
    zoneId: uuid("zone_id")
      .notNull()
      .references(() => zones.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.categoryId, t.zoneId] }), index("checkin_zone_categories_edition_idx").on(t.editionId)],
);

/** A zone granted to one registration beyond its category's (a speaker into the media enclave,
 *  say), with the organiser's reason. Revoking deletes the row; the audit log keeps the history. */
export const zoneGrants = pgTable(
  "checkin_zone_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
    zoneId: uuid("zone_id")
      .notNull()
      .references(() => zones.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    grantedBy: uuid("granted_by").references(() => users.id, { onDelete: "set null" }),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull(),
  },
  (t) => [unique("checkin_zone_grants_uq").on(t.registrationId, t.zoneId), index("checkin_zone_grants_edition_idx").on(t.editionId)],
);
