import { sql } from "drizzle-orm";
import { bigint, check, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { b2bParticipants } from "./participants";

// What a participant offers and seeks.

export const exportReadiness = ["none", "starting", "occasional", "regular"] as const;

/** What a participant offers and seeks; text in English and/or Urdu. */
export const b2bProfiles = pgTable(
  "b2b_profiles",
  {
    participantId: uuid("participant_id")
      .primaryKey()
      .references(() => b2bParticipants.id, { onDelete: "cascade" }),
    offersEn: text("offers_en").notNull().default(""),
    offersUr: text("offers_ur").notNull().default(""),
    needsEn: text("needs_en").notNull().default(""),
    needsUr: text("needs_ur").notNull().default(""),
    productsEn: text("products_en").notNull().default(""),
    productsUr: text("products_ur").notNull().default(""),
    /** distributor, bulk_buyer, subcontracting, finance, investor, export_partner, raw_material_supplier */
    lookingFor: jsonb("looking_for").$type<string[]>().notNull().default([]),
    hsCodes: jsonb("hs_codes").$type<string[]>().notNull().default([]),
    volumes: text("volumes").notNull().default(""),
    certifications: jsonb("certifications").$type<string[]>().notNull().default([]),
    requiredCertifications: jsonb("required_certifications").$type<string[]>().notNull().default([]),
    markets: jsonb("markets").$type<string[]>().notNull().default([]),
    country: text("country"),
    languages: jsonb("languages").$type<string[]>().notNull().default([]),
    sectors: jsonb("sectors").$type<string[]>().notNull().default([]),
    exportReadiness: text("export_readiness", { enum: exportReadiness }),
    ticketMin: bigint("ticket_min", { mode: "number" }),
    ticketMax: bigint("ticket_max", { mode: "number" }),
    financingProducts: jsonb("financing_products").$type<string[]>().notNull().default([]),
    /** 0–100, computed by the profile operation. */
    completeness: integer("completeness").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("b2b_profiles_completeness", sql`${t.completeness} between 0 and 100`),
    check("b2b_profiles_ticket", sql`${t.ticketMin} is null or ${t.ticketMax} is null or ${t.ticketMin} <= ${t.ticketMax}`),
  ],
);
