import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "../../../platform/auth/tables";
import { editions } from "#features/editions";
import { b2bParticipants, participantSides } from "./participants";

// Meeting requests between an SME and a buyer-side participant.

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
