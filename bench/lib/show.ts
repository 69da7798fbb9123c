import { eq } from "drizzle-orm";
import { editionShortId, encodeBadge, epochDay } from "../../src/features/checkin/core/badge-code";
import type { signingKey } from "../../src/features/checkin/keys";
import { badges } from "../../src/features/checkin/tables";
import { seedDemo } from "../../src/features/demo/seed-demo";
import { editions, visitorCategories } from "../../src/features/editions/tables";
import { registrations } from "../../src/features/registration/tables";
import type { Clock } from "../../src/platform/clock";
import type { Db } from "../../src/platform/db/types";

// The demo show on its first day, for the benchmarks of what happens there (bench/checkin,
// bench/meetday): the seeded demo, its 2026 edition, and visitors with signed badges in bulk.

/** The demo seeded (no accounts) with a clock at 10:00 at the venue on the show's first day, then
 *  real time passing; the 2026 edition and a visitor category of it. */
export async function seedShowDay(db: Db) {
  const t0 = Date.now();
  const clock: Clock = { now: () => new Date(Date.parse("2026-01-24T05:00:00Z") + (Date.now() - t0)) };
  await seedDemo(db, clock, { accounts: false });
  const [edition] = await db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
  const [category] = await db.select().from(visitorCategories).where(eq(visitorCategories.editionId, edition!.id)).limit(1);
  return { clock, edition: edition!, category: category! };
}

/**
 * `count` approved registrations for all three days of the edition, numbered from `firstNumber`,
 * each with a badge signed by the edition's key exactly as issueBadge does, inserted in bulk (1,000
 * a statement). Returns them in order with their badge codes.
 */
export async function registrationsWithBadges(
  db: Db,
  { edition, category, key, now, count, firstNumber, person }: {
    edition: typeof editions.$inferSelect;
    category: typeof visitorCategories.$inferSelect;
    key: Awaited<ReturnType<typeof signingKey>>;
    now: Date;
    count: number;
    firstNumber: number;
    /** The email and name of the i-th person. */
    person: (i: number) => { email: string; name: string };
  },
): Promise<{ id: string; number: number; code: string }[]> {
  const out: { id: string; number: number; code: string }[] = [];
  for (let i = 0; i < count; i += 1000) {
    const rows = Array.from({ length: Math.min(1000, count - i) }, (_, k) => ({
      editionId: edition.id,
      number: firstNumber + i + k,
      categoryId: category.id,
      ...person(i + k),
      status: "approved" as const,
      days: [0, 1, 2],
      consentData: true,
      createdAt: now,
      updatedAt: now,
    }));
    const inserted = await db.insert(registrations).values(rows).returning({ id: registrations.id, number: registrations.number });
    const badgeRows = inserted.map((r) => {
      const code = encodeBadge(
        { edition: editionShortId(edition.id), registrationNo: r.number, category: category.badgeIndex, days: 0b111, zones: 0, serial: 0, validFrom: epochDay(edition.startsOn), validTo: epochDay(edition.endsOn) },
        key.privateKey,
        key.keyId,
      );
      out.push({ ...r, code });
      return { editionId: edition.id, registrationId: r.id, registrationNo: r.number, serial: 0, keyId: key.keyId, code, issuedAt: now };
    });
    await db.insert(badges).values(badgeRows);
  }
  return out;
}
