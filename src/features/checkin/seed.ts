import { and, eq, max } from "drizzle-orm";
import type { Executor } from "../../platform/db/types";
import { visitorCategories } from "#features/editions";
import { gates, staffQuotas, zoneCategories, zones } from "./tables";

// Demo zones and gates of the Expo Centre, the exhibitor-staff category and one exhibitor's
// quota. Idempotent like the rest of the demo seed (natural keys, insert or skip).

export const demoZones = [
  { code: "opening_ceremony", nameEn: "Opening ceremony", nameUr: "افتتاحی تقریب", bit: 0 },
  { code: "b2b_lounge", nameEn: "B2B meeting lounge", nameUr: "بی ٹو بی ملاقات لاؤنج", bit: 1 },
  { code: "media_enclave", nameEn: "Media enclave", nameUr: "میڈیا انکلیو", bit: 2 },
];

// Hall entrances let people step out and come back (there are no exit scans at the Expo Centre,
// so without re-entry a visitor who went out for lunch, or walked from Hall 1 to Hall 2 outside,
// would be refused as "already inside"). Zone doors keep it off: one entry each to the opening
// ceremony, the lounge and the enclave per day.
export const demoGates = [
  { code: "hall1", nameEn: "Hall 1 entrance", nameUr: "ہال 1 داخلہ", zone: null, reentryAllowed: true },
  { code: "hall2", nameEn: "Hall 2 entrance", nameUr: "ہال 2 داخلہ", zone: null, reentryAllowed: true },
  { code: "hall3", nameEn: "Hall 3 entrance", nameUr: "ہال 3 داخلہ", zone: null, reentryAllowed: true },
  { code: "auditorium", nameEn: "Auditorium (opening ceremony)", nameUr: "آڈیٹوریم (افتتاحی تقریب)", zone: "opening_ceremony", reentryAllowed: false },
  { code: "b2b_lounge", nameEn: "B2B lounge door", nameUr: "بی ٹو بی لاؤنج کا دروازہ", zone: "b2b_lounge", reentryAllowed: false },
  { code: "media_enclave", nameEn: "Media enclave door", nameUr: "میڈیا انکلیو کا دروازہ", zone: "media_enclave", reentryAllowed: false },
] as const;

// Who enters which zone (the organisers' category × zone matrix, /back-office/editions/:id/zone-access):
// buyers, procurement heads, banks, development partners and foreign missions meet exhibitors in the
// B2B lounge; the invited guests of the opening ceremony are the foreign missions, regulators,
// development partners and banks, with the media to cover it; the media have their enclave.
export const demoZoneRules: Record<string, string[]> = {
  b2b_lounge: ["corporate_buyer", "procurement_head", "financial_institution", "development_partner", "foreign_mission"],
  opening_ceremony: ["foreign_mission", "regulatory_stakeholder", "development_partner", "financial_institution", "media"],
  media_enclave: ["media"],
};

import { STAFF_CATEGORY } from "#features/registration";

export { STAFF_CATEGORY };

export async function seedCheckinDemo(tx: Executor, editionId: string, enterpriseId: string | null) {
  await tx
    .insert(zones)
    .values(demoZones.map((z) => ({ editionId, ...z })))
    .onConflictDoNothing();
  const zoneRows = await tx.select().from(zones).where(eq(zones.editionId, editionId));
  const zoneId = new Map(zoneRows.map((z) => [z.code, z.id]));
  await tx
    .insert(gates)
    .values(
      demoGates.map((g) => ({ editionId, code: g.code, nameEn: g.nameEn, nameUr: g.nameUr, zoneId: g.zone ? zoneId.get(g.zone)! : null, reentryAllowed: g.reentryAllowed })),
    )
    // An existing gate keeps what the organiser set (re-running the seed changes nothing).
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
  // The demo's zone rules, only while the edition has none: seeding again leaves the matrix as
  // organisers set it.
  const [anyRule] = await tx.select({ zoneId: zoneCategories.zoneId }).from(zoneCategories).where(eq(zoneCategories.editionId, editionId)).limit(1);
  if (!anyRule) {
    const cats = await tx.select({ id: visitorCategories.id, code: visitorCategories.code }).from(visitorCategories).where(eq(visitorCategories.editionId, editionId));
    const catId = new Map(cats.map((c) => [c.code, c.id]));
    const rules = Object.entries(demoZoneRules).flatMap(([zone, codes]) =>
      codes.flatMap((code) => (catId.has(code) && zoneId.has(zone) ? [{ editionId, categoryId: catId.get(code)!, zoneId: zoneId.get(zone)! }] : [])),
    );
    if (rules.length) await tx.insert(zoneCategories).values(rules).onConflictDoNothing();
  }
  if (enterpriseId) await tx.insert(staffQuotas).values({ editionId, enterpriseId, quota: 5 }).onConflictDoNothing();
}
