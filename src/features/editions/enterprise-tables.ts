import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { organisers } from "./tables";

// The organiser's enterprise registry (master data, beside trade bodies and clusters).
// Enterprises belong to the organiser's registry and persist across editions;
// an edition's exhibitors (a later feature) point at them.
export const enterprises = pgTable(
  "enterprises",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organiserId: uuid("organiser_id")
      .notNull()
      .references(() => organisers.id),
    slug: text("slug").notNull(),
    nameEn: text("name_en").notNull(),
    nameUr: text("name_ur"),
    ntn: text("ntn"),
    sizeClass: text("size_class", { enum: ["micro", "small", "medium"] }).notNull(),
    womenLed: boolean("women_led").notNull().default(false),
    employees: integer("employees"),
    annualTurnoverPkr: bigint("annual_turnover_pkr", { mode: "number" }),
    clusterSlug: text("cluster_slug"),
    district: text("district"),
    province: text("province"),
    foundedYear: integer("founded_year"),
    certifications: jsonb("certifications").$type<string[]>().notNull().default([]),
    exportMarkets: jsonb("export_markets").$type<string[]>().notNull().default([]),
    descriptionEn: text("description_en").notNull().default(""),
    descriptionUr: text("description_ur").notNull().default(""),
    nominatedBySlug: text("nominated_by_slug"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("enterprises_slug_uq").on(t.organiserId, t.slug),
    unique("enterprises_ntn_uq").on(t.organiserId, t.ntn),
    index("enterprises_cluster_idx").on(t.clusterSlug),
  ],
);

export const products = pgTable(
  "products",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    enterpriseId: uuid("enterprise_id")
      .notNull()
      .references(() => enterprises.id, { onDelete: "cascade" }),
    nameEn: text("name_en").notNull(),
    nameUr: text("name_ur"),
    hsCode: text("hs_code").notNull(),
    descriptionEn: text("description_en").notNull().default(""),
    sort: integer("sort").notNull().default(0),
  },
  (t) => [index("products_hs_idx").on(t.hsCode), index("products_enterprise_idx").on(t.enterpriseId)],
);
