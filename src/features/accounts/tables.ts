import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../../platform/auth/tables";
import { enterprises } from "#features/editions";
import { organisers, tradeBodies } from "#features/editions";
import { roles, type ApiTokenScope, type Role } from "../../platform/permissions/actor";


// A grant binds a role to its scope: organiser staff, reviewers, gate staff and
// lounge staff to an organiser; a trade-body representative to one trade body; an
// exhibitor to one enterprise. The database refuses an unknown role and a grant
// missing its binding (CHECKs, migration 0046).
export const roleGrants = pgTable(
  "role_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: roles }).notNull(),
    organiserId: uuid("organiser_id").references(() => organisers.id, { onDelete: "cascade" }),
    tradeBodyId: uuid("trade_body_id").references(() => tradeBodies.id, { onDelete: "cascade" }),
    enterpriseId: uuid("enterprise_id").references(() => enterprises.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("role_grants_role", sql`${t.role} IN (${sql.raw(roles.map((r) => `'${r}'`).join(", "))})`),
    check(
      "role_grants_binding",
      sql`(${t.role} NOT IN ('organiser_staff', 'reviewer', 'gate_staff', 'lounge_staff') OR ${t.organiserId} IS NOT NULL)
        AND (${t.role} <> 'trade_body_rep' OR ${t.tradeBodyId} IS NOT NULL) AND (${t.role} <> 'exhibitor' OR ${t.enterpriseId} IS NOT NULL)`,
    ),
    index("role_grants_user_idx").on(t.userId),
    uniqueIndex("role_grants_uq").on(
      t.userId,
      t.role,
      sql`coalesce(${t.organiserId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      sql`coalesce(${t.tradeBodyId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      sql`coalesce(${t.enterpriseId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
  ],
);

// Single-use links sent by email: password resets, invitations and sign-up confirmations.
export const accountTokens = pgTable(
  "account_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: ["password_reset", "invitation", "sign_up"] }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    email: text("email").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    // For invitations: the grant to create when the link is accepted.
    grant: jsonb("grant").$type<{
      role: Role;
      organiserId?: string | null;
      tradeBodyId?: string | null;
      enterpriseId?: string | null;
    }>(),
    // For sign-up confirmations: the name and language given on the form (the account is made
    // only when the link is opened and a password chosen).
    name: text("name"),
    locale: text("locale", { enum: ["en", "ur"] }),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("account_tokens_email_idx").on(t.email)],
);



export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organiserId: uuid("organiser_id")
      .notNull()
      .references(() => organisers.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    scopes: jsonb("scopes").$type<ApiTokenScope[]>().notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("api_tokens_org_idx").on(t.organiserId)],
);
