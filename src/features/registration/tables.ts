import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../../platform/auth/tables";
import { editions, visitorCategories } from "../editions/tables";

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
    /** Zone codes beyond the public halls (e.g. opening ceremony, B2B lounge, media enclave). */
    zones: jsonb("zones").$type<string[]>().notNull().default([]),
    answers: jsonb("answers").$type<Record<string, string | string[] | boolean>>().notNull().default({}),
    consentData: boolean("consent_data").notNull(),
    consentScan: boolean("consent_scan").notNull().default(false),
    groupId: uuid("group_id"),
    idempotencyKey: text("idempotency_key"),
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
  ],
);
