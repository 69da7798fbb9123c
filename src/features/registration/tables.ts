import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../../platform/auth/tables";
import { editions, visitorCategories } from "#features/editions";

export const registrationStatuses = ["pending", "approved", "refused", "waitlisted", "cancelled"] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

// One person's registration for an edition. `number` is the per-edition
// sequence that signed badges carry (4 bytes, not the uuid).
export const registrations = pgTable(
  "registrations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    categoryId: uuid("category_id")
      .notNull()
      .references(() => visitorCategories.id),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    nameUr: text("name_ur"),
    organisation: text("organisation"),
    designation: text("designation"),
    phone: text("phone"),
    status: text("status", { enum: registrationStatuses }).notNull(),
    /** Edition day indexes (0 = first day) this person attends. */
    days: jsonb("days").$type<number[]>().notNull(),
    answers: jsonb("answers").$type<Record<string, string | string[] | boolean>>().notNull().default({}),
    consentData: boolean("consent_data").notNull(),
    consentScan: boolean("consent_scan").notNull().default(false),
    groupId: uuid("group_id"),
    idempotencyKey: text("idempotency_key"),
    /** requestFingerprint of the body sent with the idempotency key: a reuse with another body is a conflict. */
    requestFingerprint: text("request_fingerprint"),
    /** SHA-256 of the random token in the "manage your registration" link; the token itself is never stored. */
    manageTokenHash: text("manage_token_hash"),
    /** Who registered them when not themselves: a delegation leader or desk staff ("walk_in"). */
    source: text("source", { enum: ["self", "group", "walk_in"] }).notNull().default("self"),
    /** When they joined the waitlist: their place in line. */
    waitlistedAt: timestamp("waitlisted_at", { withTimezone: true }),
    /** The language their emails are written in: the one they registered in. */
    locale: text("locale").notNull().default("en"),
    refusalReason: text("refusal_reason"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    unique("registrations_number_uq").on(t.editionId, t.number),
    unique("registrations_idempotency_uq").on(t.editionId, t.idempotencyKey),
    // The same email registering twice for one edition is one registration
    // (a cancelled one does not block registering again).
    uniqueIndex("registrations_email_uq")
      .on(t.editionId, sql`lower(${t.email})`)
      .where(sql`${t.status} <> 'cancelled'`),
    index("registrations_status_idx").on(t.editionId, t.categoryId, t.status),
    uniqueIndex("registrations_manage_token_uq").on(t.manageTokenHash),
    index("registrations_user_idx").on(t.userId),
  ],
);

// A keyed public registration that created nothing because everyone in it was already registered
// (operations/register.ts): its key and body are kept here, so a retry with the same key answers
// the same and a reuse with another body is refused, exactly as for a registration that created rows.
// Without it the key would tell a repeat (key forgotten) from a new registration (key kept).
export const registrationRepeats = pgTable(
  "registration_repeats",
  {
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    idempotencyKey: text("idempotency_key").notNull(),
    requestFingerprint: text("request_fingerprint").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.editionId, t.idempotencyKey] })],
);

// The places of each limited capacity bucket (see core/capacity.ts: "cat:<code>", "day:<d>",
// "cat:<code>@<d>"), split over one to eight stripes whose capacities add up to the bucket's
// limit. `used` counts the registrations holding a place (pending and approved); a bucket's use is
// the sum over its stripes. A registration claims a place in one stripe it finds free and unlocked
// (`for update skip locked`), so up to eight registrations of a capped category hold places at
// once; whoever needs the whole picture (a full bucket, a cancellation promoting the waitlist, a
// capacity change) locks every stripe of the bucket in (bucket, stripe) order. The database, not
// the app, keeps the count (operations/places.ts).
export const registrationCapacity = pgTable(
  "registration_capacity",
  {
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    bucket: text("bucket").notNull(),
    stripe: integer("stripe").notNull().default(0),
    capacity: integer("capacity").notNull(),
    used: integer("used").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.editionId, t.bucket, t.stripe] }),
    check("registration_capacity_used_ck", sql`${t.used} >= 0`),
    check("registration_capacity_stripe_ck", sql`${t.stripe} >= 0 and ${t.stripe} < 8`),
  ],
);

// Registration numbers come from one PostgreSQL sequence per edition (operations/places.ts,
// `registration_no_<edition id without dashes>`), made on first use.

export const questionKinds = ["text", "select", "multi", "yesno"] as const;
export type QuestionKind = (typeof questionKinds)[number];

// Questions an organiser asks on the form, in both languages; for one category or all (null).
export const registrationQuestions = pgTable(
  "registration_questions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    categoryId: uuid("category_id").references(() => visitorCategories.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: questionKinds }).notNull(),
    labelEn: text("label_en").notNull(),
    labelUr: text("label_ur").notNull(),
    options: jsonb("options").$type<{ value: string; en: string; ur: string }[]>().notNull().default([]),
    required: boolean("required").notNull().default(false),
    sort: integer("sort").notNull().default(0),
  },
  (t) => [index("registration_questions_edition_idx").on(t.editionId)],
);

/** What a registration is checked against, as of when: bumped by database triggers (migration
 *  0051_registration_setup_versions) whenever the edition, its visitor categories or its
 *  registration questions change, by any process. The rush caches the edition, the category and
 *  its questions per process and compares this number, read in the statement that draws the
 *  registration numbers (operations/setup-cache.ts). */
export const registrationSetupVersions = pgTable("registration_setup_versions", {
  editionId: uuid("edition_id")
    .primaryKey()
    .references(() => editions.id, { onDelete: "cascade" }),
  version: integer("version").notNull().default(0),
});
