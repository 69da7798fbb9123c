import {
  boolean,
  check,
  date,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

export const organisers = pgTable("organisers", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  nameEn: text("name_en").notNull(),
  nameUr: text("name_ur").notNull(),
  shortName: text("short_name").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const venues = pgTable(
  "venues",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organiserId: uuid("organiser_id")
      .notNull()
      .references(() => organisers.id),
    slug: text("slug").notNull(),
    nameEn: text("name_en").notNull(),
    nameUr: text("name_ur").notNull(),
    address: text("address").notNull(),
    /** The address in Urdu script, shown to Urdu readers ("" when not given: the English one is shown). */
    addressUr: text("address_ur").notNull().default(""),
    lat: doublePrecision("lat"),
    lon: doublePrecision("lon"),
  },
  (t) => [unique("venues_org_slug_uq").on(t.organiserId, t.slug)],
);

export const venueSpaces = pgTable(
  "venue_spaces",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    venueId: uuid("venue_id")
      .notNull()
      .references(() => venues.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    kind: text("kind", { enum: ["hall", "foyer", "auditorium"] }).notNull(),
    nameEn: text("name_en").notNull(),
    nameUr: text("name_ur").notNull(),
    sort: integer("sort").notNull().default(0),
  },
  (t) => [unique("venue_spaces_slug_uq").on(t.venueId, t.slug)],
);

export const editions = pgTable(
  "editions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organiserId: uuid("organiser_id")
      .notNull()
      .references(() => organisers.id),
    slug: text("slug").notNull(),
    year: integer("year").notNull(),
    nameEn: text("name_en").notNull(),
    nameUr: text("name_ur").notNull(),
    taglineEn: text("tagline_en").notNull().default(""),
    taglineUr: text("tagline_ur").notNull().default(""),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    timezone: text("timezone").notNull(),
    venueId: uuid("venue_id")
      .notNull()
      .references(() => venues.id),
    status: text("status", { enum: ["draft", "published", "archived"] })
      .notNull()
      .default("draft"),
    copiedFromId: uuid("copied_from_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // Slugs are unique across the platform so a public URL names one edition.
  // A badge carries at most 16 days (EDITION_MAX_DAYS, editions/days.ts): no longer edition, whatever writes it.
  (t) => [unique("editions_slug_uq").on(t.slug), check("editions_days_within_badge", sql`${t.endsOn} - ${t.startsOn} < 16`)],
);

export const visitorCategories = pgTable(
  "visitor_categories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    nameEn: text("name_en").notNull(),
    nameUr: text("name_ur").notNull(),
    needsApproval: boolean("needs_approval").notNull().default(false),
    colour: text("colour").notNull().default("#555555"),
    sort: integer("sort").notNull().default(0),
    // The category's number inside signed badges: stable for the edition and
    // never reused, so a printed badge keeps meaning what it meant.
    badgeIndex: integer("badge_index").notNull(),
  },
  (t) => [
    unique("visitor_categories_code_uq").on(t.editionId, t.code),
    unique("visitor_categories_badge_index_uq").on(t.editionId, t.badgeIndex),
  ],
);

export const sectors = pgTable(
  "sectors",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    nameEn: text("name_en").notNull(),
    nameUr: text("name_ur").notNull(),
    sort: integer("sort").notNull().default(0),
  },
  (t) => [unique("sectors_code_uq").on(t.editionId, t.code)],
);

export const clusters = pgTable(
  "clusters",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    sectorId: uuid("sector_id").references(() => sectors.id, { onDelete: "set null" }),
    slug: text("slug").notNull(),
    nameEn: text("name_en").notNull(),
    nameUr: text("name_ur").notNull(),
    district: text("district").notNull(),
    province: text("province").notNull(),
    hsCodes: jsonb("hs_codes").$type<string[]>().notNull().default([]),
  },
  (t) => [unique("clusters_slug_uq").on(t.editionId, t.slug)],
);

// Trade bodies outlive editions (a chamber nominates year after year); their
// participation and nomination quota are per edition.
export const tradeBodies = pgTable(
  "trade_bodies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organiserId: uuid("organiser_id")
      .notNull()
      .references(() => organisers.id),
    slug: text("slug").notNull(),
    kind: text("kind", { enum: ["chamber", "women_chamber", "association"] }).notNull(),
    nameEn: text("name_en").notNull(),
    nameUr: text("name_ur").notNull(),
    city: text("city"),
    province: text("province"),
  },
  (t) => [unique("trade_bodies_slug_uq").on(t.organiserId, t.slug)],
);

export const editionTradeBodies = pgTable(
  "edition_trade_bodies",
  {
    editionId: uuid("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    tradeBodyId: uuid("trade_body_id")
      .notNull()
      .references(() => tradeBodies.id, { onDelete: "cascade" }),
    nominationQuota: integer("nomination_quota").notNull().default(10),
  },
  (t) => [primaryKey({ columns: [t.editionId, t.tradeBodyId] })],
);
