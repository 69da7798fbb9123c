import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../../../platform/auth/tables";
import { editions } from "#features/editions";

// Changes to a published schedule and what each did.

export const repairKinds = ["cancel", "late_decline", "withdraw", "remove_table", "remove_slot", "late_request", "no_show_limit"] as const;
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
    check("b2b_repairs_kind", sql`${t.kind} in ('cancel', 'late_decline', 'withdraw', 'remove_table', 'remove_slot', 'late_request', 'no_show_limit')`),
    index("b2b_repairs_edition_idx").on(t.editionId, t.at),
  ],
);
