import { and, eq, max } from "drizzle-orm";
import type { Executor } from "../../platform/db/types";
import { visitorCategories } from "../editions/tables";
import { gates, staffQuotas, zones } from "./tables";

// Demo zones and gates of the Expo Centre, the exhibitor-staff category and one exhibitor's
// quota. Idempotent like the rest of the demo seed (natural keys, insert or skip).

export const demoZones = [
  { code: "opening_ceremony", nameEn: "Opening ceremony", nameUr: "افتتاحی تقریب", bit: 0 },
  { code: "b2b_lounge", nameEn: "B2B meeting lounge", nameUr: "بی ٹو بی ملاقات لاؤنج", bit: 1 },
  { code: "media_enclave", nameEn: "Media enclave", nameUr: "میڈیا انکلیو", bit: 2 },
];

export const demoGates = [
  { code: "hall1", nameEn: "Hall 1 entrance", nameUr: "ہال 1 داخلہ", zone: null },
  { code: "hall2", nameEn: "Hall 2 entrance", nameUr: "ہال 2 داخلہ", zone: null },
  { code: "hall3", nameEn: "Hall 3 entrance", nameUr: "ہال 3 داخلہ", zone: null },
  { code: "auditorium", nameEn: "Auditorium (opening ceremony)", nameUr: "آڈیٹوریم (افتتاحی تقریب)", zone: "opening_ceremony" },
  { code: "b2b_lounge", nameEn: "B2B lounge door", nameUr: "بی ٹو بی لاؤنج کا دروازہ", zone: "b2b_lounge" },
  { code: "media_enclave", nameEn: "Media enclave door", nameUr: "میڈیا انکلیو کا دروازہ", zone: "media_enclave" },
] as const;

export const STAFF_CATEGORY = "exhibitor_staff";

export async function seedCheckinDemo(tx: Executor, editionId: string, enterpriseId: string | null) {
  await tx
    .insert(zones)
    .values(demoZones.map((z) => ({ editionId, ...z })))
    .onConflictDoNothing();
  const zoneRows = await tx.select().from(zones).where(eq(zones.editionId, editionId));
  const zoneId = new Map(zoneRows.map((z) => [z.code, z.id]));
  await tx
    .insert(gates)
    .values(demoGates.map((g) => ({ editionId, code: g.code, nameEn: g.nameEn, nameUr: g.nameUr, zoneId: g.zone ? zoneId.get(g.zone)! : null })))
    .onConflictDoNothing();

  const [existing] = await tx
    .select({ id: visitorCategories.id })
    .from(visitorCategories)
    .where(and(eq(visitorCategories.editionId, editionId), eq(visitorCategories.code, STAFF_CATEGORY)));
  if (!existing) {
    // The next unused badge index: indexes are never reused within an edition.
    const [{ top }] = (await tx.select({ top: max(visitorCategories.badgeIndex) }).from(visitorCategories).where(eq(visitorCategories.editionId, editionId))) as [
      { top: number | null },
    ];
    await tx.insert(visitorCategories).values({
      editionId,
      code: STAFF_CATEGORY,
      nameEn: "Exhibitor staff",
      nameUr: "نمائش کنندہ کا عملہ",
      needsApproval: false,
      colour: "#375623",
      sort: 100,
      badgeIndex: (top ?? -1) + 1,
    });
  }
  if (enterpriseId) await tx.insert(staffQuotas).values({ editionId, enterpriseId, quota: 5 }).onConflictDoNothing();
}
