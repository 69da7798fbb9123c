import { sql } from "drizzle-orm";
import { check, integer, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { editions } from "#features/editions";

/** An edition's retention setting (issue #15, part 7): how many days after the edition's last day
 *  its badge scans (gate and meeting check-ins) and its stall leads are deleted; null = kept.
 *  No row = nothing is deleted. Copied with the edition (copy-part.ts); applied by the sweep
 *  (operations/retention.ts). */
export const privacyRetention = pgTable(
  "privacy_retention",
  {
    editionId: uuid("edition_id")
      .primaryKey()
      .references(() => editions.id, { onDelete: "cascade" }),
    scanDays: integer("scan_days"),
    leadDays: integer("lead_days"),
    /** When the sweep last found something due (null = never). */
    sweptAt: timestamp("swept_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    check("privacy_retention_scan_days", sql`${t.scanDays} is null or ${t.scanDays} between 0 and 3650`),
    check("privacy_retention_lead_days", sql`${t.leadDays} is null or ${t.leadDays} between 0 and 3650`),
  ],
);
