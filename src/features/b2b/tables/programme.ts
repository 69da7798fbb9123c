import { sql } from "drizzle-orm";
import { boolean, check, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { editions } from "#features/editions";

// The organiser's B2B programme for an edition: days and sessions, breaks, slots, lounge tables,
// interpreters, and the caps on meetings and requests.

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
