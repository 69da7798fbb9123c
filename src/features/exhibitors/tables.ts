import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, primaryKey, real, text, timestamp, unique, uniqueIndex, uuid, jsonb } from "drizzle-orm/pg-core";
import { enterprises } from "#features/editions";
import { editions } from "#features/editions";
import { bytea } from "../../platform/db/bytea";

// The exhibitor portal and the public "Made in Pakistan" catalogue (issue #12, items 5 and 6;
// docs/exhibitors.md). A profile is the exhibitor's public face for one edition (past editions keep
// theirs, so their catalogues stay browsable). The database holds the rules it can: one profile per
// enterprise and edition, HS codes of 2–8 digits, one logo, files of at most 2 MB of an image type.


/** Largest logo or photo, in bytes; the CHECK below says the same. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
export const MAX_PHOTOS = 6;
/** Largest floor area an exhibitor may ask for, in m²; the CHECK below says the same. */
export const MAX_STALL_AREA_M2 = 500;
export const MAX_PRODUCTS = 30;
export const fileKinds = ["logo", "photo"] as const;
export const powerNeeds = ["none", "single_phase", "three_phase"] as const;
export type PowerNeed = (typeof powerNeeds)[number];
export const checklistItems = ["fascia", "power", "samples", "documents"] as const;
export type ChecklistItem = (typeof checklistItems)[number];

export const exhibitorProfiles = pgTable(
  "exhibitor_profiles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    enterpriseId: uuid("enterprise_id")
      .notNull()
      .references(() => enterprises.id, { onDelete: "cascade" }),
    descriptionEn: text("description_en").notNull().default(""),
    descriptionUr: text("description_ur").notNull().default(""),
    certifications: jsonb("certifications").$type<string[]>().notNull().default([]),
    email: text("email"),
    phone: text("phone"),
    website: text("website"),
    fasciaEn: text("fascia_en"),
    fasciaUr: text("fascia_ur"),
    /** null until the exhibitor says what power its stall needs. */
    powerNeed: text("power_need", { enum: powerNeeds }),
    // The stall it needs (the allocation reads these through floor/stall-needs-port.ts; which of
    // them outrank the cluster's pavilion: docs/decisions/0017-stall-needs.md).
    /** Someone on its stand needs step-free access (a wheelchair user, say). */
    stepFree: boolean("step_free").notNull().default(false),
    /** Would like a corner stall (a wish, never at the cost of its pavilion). */
    wantsCorner: boolean("wants_corner").notNull().default(false),
    /** The floor area it needs, in m² (a stall at least this big); null: a standard stall. */
    stallAreaM2: real("stall_area_m2"),
    /** A women-led micro enterprise's answer to "a stall in the women entrepreneurs' enclave?";
     *  null: not said, taken as yes (the published rule). */
    womenEnclave: boolean("women_enclave"),
    /** The product samples it brings (what, how many); null until said. */
    samples: text("samples"),
    published: boolean("published").notNull().default(false),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * The catalogue's search text: the normalised words (matchmaking's normalisation, in SQL) of
     * the profile, its enterprise, cluster, district and products, " a b c ", searched by word
     * prefix in SQL (operations/catalogue-search.ts). Computed by triggers (migration 0036) in the
     * transaction that writes any of those texts, whoever writes it; never NULL after a write.
     */
    searchTerms: text("search_terms"),
  },
  (t) => [
    unique("exhibitor_profiles_uq").on(t.editionId, t.enterpriseId),
    index("exhibitor_profiles_published_idx").on(t.editionId).where(sql`${t.published}`),
    index("exhibitor_profiles_enterprise_idx").on(t.enterpriseId),
    check("exhibitor_profiles_power", sql`${t.powerNeed} IS NULL OR ${t.powerNeed} IN ('none', 'single_phase', 'three_phase')`),
    check("exhibitor_profiles_stall_area", sql`${t.stallAreaM2} IS NULL OR (${t.stallAreaM2} > 0 AND ${t.stallAreaM2} <= 500)`),
  ],
);

export const exhibitorProducts = pgTable(
  "exhibitor_products",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    profileId: uuid("profile_id")
      .notNull()
      .references(() => exhibitorProfiles.id, { onDelete: "cascade" }),
    nameEn: text("name_en").notNull(),
    nameUr: text("name_ur").notNull().default(""),
    hsCode: text("hs_code").notNull(),
    descriptionEn: text("description_en").notNull().default(""),
    descriptionUr: text("description_ur").notNull().default(""),
    sort: integer("sort").notNull().default(0),
  },
  (t) => [index("exhibitor_products_profile_idx").on(t.profileId), check("exhibitor_products_hs", sql`${t.hsCode} ~ '^[0-9]{2,8}$'`)],
);

/** Logo and photos, kept in the database (as application photos are) so backups carry them. */
export const exhibitorFiles = pgTable(
  "exhibitor_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    profileId: uuid("profile_id")
      .notNull()
      .references(() => exhibitorProfiles.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: fileKinds }).notNull(),
    contentType: text("content_type").notNull(),
    bytes: bytea("bytes").notNull(),
    size: integer("size").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("exhibitor_files_profile_idx").on(t.profileId),
    uniqueIndex("exhibitor_files_one_logo").on(t.profileId).where(sql`${t.kind} = 'logo'`),
    check("exhibitor_files_kind", sql`${t.kind} IN ('logo', 'photo')`),
    check("exhibitor_files_type", sql`${t.contentType} IN ('image/png', 'image/jpeg', 'image/webp')`),
    check("exhibitor_files_size", sql`${t.size} > 0 AND ${t.size} <= ${sql.raw(String(MAX_FILE_BYTES))} AND ${t.size} = octet_length(${t.bytes})`),
  ],
);

/** The organiser's deadline for one checklist item of an edition. */
export const exhibitorDeadlines = pgTable(
  "exhibitor_deadlines",
  {
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    item: text("item", { enum: checklistItems }).notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: "exhibitor_deadlines_pk", columns: [t.editionId, t.item] }), check("exhibitor_deadlines_item", sql`${t.item} IN ('fascia', 'power', 'samples', 'documents')`)],
);

/** A message from the organiser to every exhibitor of an edition, shown in the portal. */
export const exhibitorMessages = pgTable(
  "exhibitor_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    bodyEn: text("body_en").notNull(),
    bodyUr: text("body_ur").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("exhibitor_messages_edition_idx").on(t.editionId, t.createdAt)],
);
