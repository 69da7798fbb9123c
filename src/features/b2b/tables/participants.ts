import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, pgTable, primaryKey, text, timestamp, unique, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { enterprises } from "#features/editions";
import { editions } from "#features/editions";
import { registrations } from "#features/registration";

// The takers of the programme on both sides, the people of an exhibitor who hold its meetings,
// and the version per side that recommendations are computed from.

export const participantSides = ["sme", "buyer"] as const;
export type ParticipantSide = (typeof participantSides)[number];
export const participantKinds = ["sme", "buyer_procurement", "investor", "bank", "development_partner", "foreign_mission"] as const;
export type ParticipantKind = (typeof participantKinds)[number];

/** One taker of the programme: an exhibiting enterprise (SME side) or an approved registration
 *  (buyer side). Without a password, a participant uses a signed link: only the SHA-256 of its
 *  token is kept. */
export const b2bParticipants = pgTable(
  "b2b_participants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    side: text("side", { enum: participantSides }).notNull(),
    kind: text("kind", { enum: participantKinds }).notNull(),
    enterpriseId: uuid("enterprise_id").references(() => enterprises.id, { onDelete: "cascade" }),
    registrationId: uuid("registration_id").references(() => registrations.id, { onDelete: "cascade" }),
    approved: boolean("approved").notNull().default(false),
    optedIn: boolean("opted_in").notNull().default(false),
    hostsAtStall: boolean("hosts_at_stall").notNull().default(false),
    locale: text("locale", { enum: ["en", "ur"] }).notNull().default("en"),
    delegationLeaderId: uuid("delegation_leader_id").references((): AnyPgColumn => b2bParticipants.id, { onDelete: "set null" }),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    accessTokenHash: text("access_token_hash"),
    /** SHA-256 of the secret in the participant's calendar subscription URL (operations/meetings.ts). */
    calendarTokenHash: text("calendar_token_hash"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("b2b_participants_enterprise_uq").on(t.editionId, t.enterpriseId),
    unique("b2b_participants_registration_uq").on(t.registrationId),
    unique("b2b_participants_token_uq").on(t.accessTokenHash),
    unique("b2b_participants_calendar_token_uq").on(t.calendarTokenHash),
    check("b2b_participants_side", sql`${t.side} in ('sme', 'buyer')`),
    check(
      "b2b_participants_kind",
      sql`${t.kind} in ('sme', 'buyer_procurement', 'investor', 'bank', 'development_partner', 'foreign_mission')`,
    ),
    // The SME side is an enterprise, the buyer side a registration; never both, never neither.
    check(
      "b2b_participants_who",
      sql`(${t.side} = 'sme' and ${t.kind} = 'sme' and ${t.enterpriseId} is not null and ${t.registrationId} is null)
        or (${t.side} = 'buyer' and ${t.kind} <> 'sme' and ${t.registrationId} is not null and ${t.enterpriseId} is null)`,
    ),
    index("b2b_participants_edition_idx").on(t.editionId, t.side),
  ],
);

/** A version per edition and side of what recommendations are computed from (the side's
 *  participants, profiles, enterprises, registry products, clusters and sectors), bumped by
 *  database triggers on any change to them (migration 0022): a per-process cache of a side's
 *  prepared input checks it with one primary-key read (operations/recommend-input.ts). */
export const b2bRecommendVersions = pgTable(
  "b2b_recommend_versions",
  {
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    side: text("side", { enum: participantSides }).notNull(),
    version: bigint("version", { mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ name: "b2b_recommend_versions_pk", columns: [t.editionId, t.side] })],
);

/** People of an exhibitor who hold its meetings. */
export const b2bSmeStaff = pgTable(
  "b2b_sme_staff",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => b2bParticipants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    email: text("email"),
    phone: text("phone"),
    registrationId: uuid("registration_id").references(() => registrations.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("b2b_sme_staff_participant_idx").on(t.participantId)],
);
