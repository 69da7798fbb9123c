import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { editions } from "#features/editions";
import { b2bSmeStaff } from "./participants";
import { b2bRequests } from "./requests";
import { b2bRuns } from "./runs";

// Meetings in slots and the interpreters in use per slot. Among scheduled meetings nobody is twice
// in one slot and no table twice in one slot (the partial unique indexes below); the triggers of
// the migration refuse a table above the lounge's and more interpreters than the programme has.

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
