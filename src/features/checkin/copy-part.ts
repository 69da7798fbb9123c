import { eq } from "drizzle-orm";
import type { EditionCopyPart } from "#features/editions";
import { gates, zoneCategories, zones } from "./tables";

/** Check-in's part of copying an edition (editions/copy-port.ts; provided by src/wiring.ts): zones
 *  with their codes, names and bits, gates with their zone and re-entry rule, and which categories
 *  enter which zone. Not the signing keys (the copy makes its own with its first badge), not the
 *  grants to one person, not the exhibitors' staff quotas (they are agreed each year). */
export const checkinCopyPart: EditionCopyPart = {
  name: "checkin",
  async copy(tx, _ctx, from, to, categoryIds) {
    const zoneRows = await tx.select().from(zones).where(eq(zones.editionId, from.id));
    const zoneIds = new Map<string, string>();
    for (const { id, ...z } of zoneRows) {
      const [row] = await tx.insert(zones).values({ ...z, editionId: to.id }).returning({ id: zones.id });
      zoneIds.set(id, row!.id);
    }
    const gateRows = await tx.select().from(gates).where(eq(gates.editionId, from.id));
    if (gateRows.length)
      await tx.insert(gates).values(gateRows.map(({ id: _id, ...g }) => ({ ...g, editionId: to.id, zoneId: g.zoneId ? zoneIds.get(g.zoneId)! : null })));
    const rules = (await tx.select().from(zoneCategories).where(eq(zoneCategories.editionId, from.id))).filter((r) => categoryIds.has(r.categoryId));
    if (rules.length)
      await tx.insert(zoneCategories).values(rules.map((r) => ({ editionId: to.id, categoryId: categoryIds.get(r.categoryId)!, zoneId: zoneIds.get(r.zoneId)! })));
    return { zones: zoneRows.length, gates: gateRows.length, zoneRules: rules.length };
  },
};
