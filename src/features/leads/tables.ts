import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, unique, uuid, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "../../platform/auth/tables";
import { enterprises } from "#features/editions";
import { editions } from "#features/editions";
import { registrations } from "#features/registration";

// Lead retrieval at the stalls (issue #14, item 7). What the database itself holds to:
// - one lead per exhibitor and visitor (unique key): a second scan, a retried request or a replayed
//   offline upload counts on the same lead, never a second one;
// - one scan per nonce and edition (unique key): a replayed upload is recorded once;
// - a rating between 1 and 5; a stay-in-touch state among pending/accepted/declined.
// Whether the exhibitor sees the visitor's details is never stored: it is decided each time they
// are read (core/consent.ts), from the registration's consent, the request and the withdrawal.

export const touchStates = ["none", "pending", "accepted", "declined"] as const;
export type TouchState = (typeof touchStates)[number];

/** One visitor scanned at one exhibitor's stall. */
export const leads = pgTable(
  "leads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    enterpriseId: uuid("enterprise_id")
      .notNull()
      .references(() => enterprises.id, { onDelete: "cascade" }),
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
    firstScannedAt: timestamp("first_scanned_at", { withTimezone: true }).notNull(),
    lastScannedAt: timestamp("last_scanned_at", { withTimezone: true }).notNull(),
    scanCount: integer("scan_count").notNull().default(1),
    note: text("note").notNull().default(""),
    rating: integer("rating"),
    tags: jsonb("tags").$type<string[]>().notNull().default([]),
    /** "This exhibitor would like to stay in touch": asked when the visitor had not consented. */
    touch: text("touch", { enum: touchStates }).notNull().default("none"),
    touchDecidedAt: timestamp("touch_decided_at", { withTimezone: true }),
    /** When the visitor was emailed this exhibitor's request: set once, so they are emailed once. */
    touchEmailedAt: timestamp("touch_emailed_at", { withTimezone: true }),
    /** The hash of the emailed request's own link (`/stay-in-touch/<token>`): it answers this
     *  request alone, so the visitor's registration link is never replaced by a request email. */
    touchTokenHash: text("touch_token_hash"),
    /** The visitor withdrew their details from this exhibitor: none shown again, whatever else. */
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    /** The visitor agreed that this exhibitor keeps the lead beyond the 90 days (an accepted request does). */
    keepAgreedAt: timestamp("keep_agreed_at", { withTimezone: true }),
    byUserId: uuid("by_user_id").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    unique("leads_exhibitor_visitor_uq").on(t.enterpriseId, t.registrationId),
    check("leads_rating", sql`${t.rating} is null or ${t.rating} between 1 and 5`),
    check("leads_touch", sql`${t.touch} in ('none', 'pending', 'accepted', 'declined')`),
    check("leads_scan_count", sql`${t.scanCount} >= 1`),
    index("leads_edition_idx").on(t.editionId, t.enterpriseId),
    index("leads_registration_idx").on(t.registrationId),
    uniqueIndex("leads_touch_token_uq").on(t.touchTokenHash),
  ],
);

/** Every scan at a stall, counted or refused, online or uploaded from a phone's queue. */
export const leadScans = pgTable(
  "lead_scans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    enterpriseId: uuid("enterprise_id")
      .notNull()
      .references(() => enterprises.id, { onDelete: "cascade" }),
    nonce: text("nonce").notNull(),
    /** The lead it counted on (deleted with it: a lead's scans are its personal data too). */
    leadId: uuid("lead_id").references(() => leads.id, { onDelete: "cascade" }),
    /** The scanned text (badge payload or typed short code), to tell a replay from another scan under the same nonce. */
    code: text("code").notNull(),
    result: text("result", { enum: ["counted", "refuse"] }).notNull(),
    reason: text("reason").notNull(),
    deviceId: text("device_id").notNull().default("web"),
    scannedAt: timestamp("scanned_at", { withTimezone: true }).notNull(),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull(),
    offline: boolean("offline").notNull().default(false),
    byUserId: uuid("by_user_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    unique("lead_scans_nonce_uq").on(t.editionId, t.nonce),
    check("lead_scans_result", sql`${t.result} in ('counted', 'refuse')`),
    index("lead_scans_lead_idx").on(t.leadId),
    index("lead_scans_exhibitor_idx").on(t.editionId, t.enterpriseId),
  ],
);
