import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

// One row per change an organiser (or an organiser's API token), or a person through their own
// account or link, makes. Written in
// the same transaction as the change, so the log and the data never disagree.
export const auditEntries = pgTable(
  "audit_entries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    organiserId: uuid("organiser_id"),
    editionId: uuid("edition_id"),
    actorUserId: uuid("actor_user_id"),
    actorTokenId: uuid("actor_token_id"),
    /** A registration's holder acting through its manage link (no account needed). */
    actorRegistrationId: uuid("actor_registration_id"),
    /** A nomination's holder acting through the application link (no account). */
    actorNominationId: uuid("actor_nomination_id"),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index("audit_org_at_idx").on(t.organiserId, t.at),
    index("audit_action_idx").on(t.action),
    index("audit_entity_idx").on(t.entityType, t.entityId),
  ],
);
