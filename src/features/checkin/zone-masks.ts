import { and, eq, inArray, sql, type Placeholder, type SQL } from "drizzle-orm";
import type { Executor } from "../../platform/db/types";
import { visitorCategories } from "#features/editions";
import { registrations } from "#features/registration";
import { zoneCategories, zoneGrants, zones } from "./tables";

// A registration's zone mask: the zones of its visitor category (the organisers' category × zone
// matrix) ∪ the zones granted to it alone. Badges sign it when they are issued; gates decide by the
// current one (online from here, offline from the bundle's rules), see docs/badges.md "Zone access".

/** Zone mask per category id of the edition (categories without zones are absent). */
export async function categoryZoneMasks(db: Executor, editionId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ categoryId: zoneCategories.categoryId, bit: zones.bit })
    .from(zoneCategories)
    .innerJoin(zones, eq(zones.id, zoneCategories.zoneId))
    .where(eq(zoneCategories.editionId, editionId));
  const masks = new Map<string, number>();
  for (const r of rows) masks.set(r.categoryId, (masks.get(r.categoryId) ?? 0) | (1 << r.bit));
  return masks;
}

/** The current zone mask of each registration given (by id). */
export async function zoneMasksOf(db: Executor, editionId: string, regs: { id: string; categoryId: string }[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (regs.length === 0) return out;
  const byCategory = await categoryZoneMasks(db, editionId);
  for (const r of regs) out.set(r.id, byCategory.get(r.categoryId) ?? 0);
  const ids = regs.map((r) => r.id);
  // Grants are few: the edition's whole list when many registrations are asked for (a reissue).
  const grants = await db
    .select({ registrationId: zoneGrants.registrationId, bit: zones.bit })
    .from(zoneGrants)
    .innerJoin(zones, eq(zones.id, zoneGrants.zoneId))
    .where(ids.length > 500 ? eq(zoneGrants.editionId, editionId) : and(eq(zoneGrants.editionId, editionId), inArray(zoneGrants.registrationId, ids)));
  for (const g of grants) if (out.has(g.registrationId)) out.set(g.registrationId, out.get(g.registrationId)! | (1 << g.bit));
  return out;
}

/** SQL for one registration row's current zone mask (for reads that already join registrations). */
export function zoneMaskSql(): SQL<number> {
  return sql<number>`(coalesce((select bit_or(1 << ${zones.bit}) from ${zoneCategories} join ${zones} on ${zones.id} = ${zoneCategories.zoneId} where ${zoneCategories.categoryId} = ${registrations.categoryId}), 0) | coalesce((select bit_or(1 << ${zones.bit}) from ${zoneGrants} join ${zones} on ${zones.id} = ${zoneGrants.zoneId} where ${zoneGrants.registrationId} = ${registrations.id}), 0))`;
}

/** SQL for the edition's category masks as a JSON object { categoryId: mask } (read in the same
 *  statement as the signing key, for the first badges of a registration rush). */
export function categoryMasksJsonSql(editionId: string | Placeholder): SQL {
  return sql`(select coalesce(json_object_agg(x.category_id, x.mask), '{}'::json) from (select zc.category_id, bit_or(1 << z.bit) as mask from checkin_zone_categories zc join checkin_zones z on z.id = zc.zone_id where zc.edition_id = ${editionId} group by zc.category_id) x)`;
}

/** The zone rules an offline gate needs: masks by category badge index and by registration number. */
export async function bundleZoneRules(db: Executor, editionId: string) {
  // One after another: db may be a transaction (one connection).
  const cats = await db
      .select({ index: visitorCategories.badgeIndex, bit: zones.bit })
      .from(zoneCategories)
      .innerJoin(zones, eq(zones.id, zoneCategories.zoneId))
      .innerJoin(visitorCategories, eq(visitorCategories.id, zoneCategories.categoryId))
      .where(eq(zoneCategories.editionId, editionId));
  const grants = await db
      .select({ no: registrations.number, bit: zones.bit })
      .from(zoneGrants)
      .innerJoin(zones, eq(zones.id, zoneGrants.zoneId))
      .innerJoin(registrations, eq(registrations.id, zoneGrants.registrationId))
      .where(eq(zoneGrants.editionId, editionId));
  const fold = (rows: { key: number; bit: number }[]) => {
    const m = new Map<number, number>();
    for (const r of rows) m.set(r.key, (m.get(r.key) ?? 0) | (1 << r.bit));
    return [...m.entries()].sort((a, b) => a[0] - b[0]) as [number, number][];
  };
  return { categoryZones: fold(cats.map((c) => ({ key: c.index, bit: c.bit }))), zoneGrants: fold(grants.map((g) => ({ key: g.no, bit: g.bit }))) };
}
