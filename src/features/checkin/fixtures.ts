import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../platform/db/types";
import { editions, visitorCategories } from "#features/editions";
import { nextRegistrationNumbers } from "#features/registration";
import { registrations } from "#features/registration";
import { gates, zoneGrants, zones } from "./tables";

// Approved registrations straight into the table, for tests, the benchmark and the e2e path
// while registration's own operations are built next door. Not used by the app.

export async function demoEditionIds(db: Db) {
  const [edition] = await db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
  if (!edition) throw new Error("demo edition missing");
  const gateRows = await db.select().from(gates).where(eq(gates.editionId, edition.id));
  const gate = (code: string) => gateRows.find((g) => g.code === code)!;
  return { edition, gate };
}

export async function insertApprovedRegistration(
  db: Db,
  editionId: string,
  opts: { email: string; name?: string; nameUr?: string; category?: string; days?: number[]; zones?: string[]; userId?: string | null; status?: "approved" | "pending" },
) {
  const [category] = await db
    .select()
    .from(visitorCategories)
    .where(and(eq(visitorCategories.editionId, editionId), eq(visitorCategories.code, opts.category ?? "corporate_buyer")));
  const [number] = await nextRegistrationNumbers(db, editionId, 1);
  const now = new Date("2026-01-10T08:00:00Z");
  const [reg] = await db
    .insert(registrations)
    .values({
      editionId,
      number: number!,
      categoryId: category!.id,
      userId: opts.userId ?? null,
      email: opts.email,
      name: opts.name ?? "Ayesha Khan",
      nameUr: opts.nameUr ?? null,
      organisation: "Sialkot Instruments Ltd",
      status: opts.status ?? "approved",
      days: opts.days ?? [0, 1, 2],
      consentData: true,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  // Zones of its own: individual grants, as an organiser would give them (operations/zone-access.ts).
  if (opts.zones?.length) {
    const zoneRows = await db.select().from(zones).where(and(eq(zones.editionId, editionId), inArray(zones.code, opts.zones)));
    await db.insert(zoneGrants).values(zoneRows.map((z) => ({ editionId, registrationId: reg!.id, zoneId: z.id, reason: "test fixture", grantedAt: now })));
  }
  return reg!;
}
