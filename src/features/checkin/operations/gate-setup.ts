import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import { DomainError } from "../../../platform/errors";
import { authorize, can } from "../../../platform/permissions/policy";
import { defaultScanEdition } from "#features/editions";
import { editions, visitorCategories } from "#features/editions";
import { localDate } from "../core/gate-bundle";
import { gates, zones } from "../tables";
import { gateBundle } from "./offline";

/** What the scanner page needs: the edition this person may scan for (defaultScanEdition, or the
 *  one asked for), its gates with names, and the gate bundle for offline checking. */
export async function gateSetup(ctx: Ctx, editionId?: string | null) {
  authorize(ctx.actor, "session.signedIn");
  const all = await ctx.db.select().from(editions).where(inArray(editions.status, ["published", "draft"])).orderBy(desc(editions.startsOn));
  const allowed = all.filter((e) => can(ctx.actor, "checkin.scan", { organiserId: e.organiserId }));
  // Today at the venue (the editions of one organiser share a time zone in practice).
  const today = localDate(ctx.clock.now(), allowed[0]?.timezone ?? "UTC");
  const edition = (editionId ? allowed.find((e) => e.id === editionId) : undefined) ?? defaultScanEdition(allowed, today);
  if (!edition) throw new DomainError("forbidden");
  const gateRows = await ctx.db
    .select({ id: gates.id, code: gates.code, nameEn: gates.nameEn, nameUr: gates.nameUr, zoneEn: zones.nameEn, zoneUr: zones.nameUr })
    .from(gates)
    .leftJoin(zones, eq(zones.id, gates.zoneId))
    .where(eq(gates.editionId, edition.id))
    // Hall entrances first (the common choice), then zone doors.
    .orderBy(sql`${gates.zoneId} is not null`, asc(gates.code));
  return {
    edition: { id: edition.id, nameEn: edition.nameEn, nameUr: edition.nameUr },
    editions: allowed.map((e) => ({ id: e.id, nameEn: e.nameEn, nameUr: e.nameUr })),
    gates: gateRows,
    // Category names by the number a badge carries, for the offline result (no people's names).
    categories: await ctx.db
      .select({ index: visitorCategories.badgeIndex, nameEn: visitorCategories.nameEn, nameUr: visitorCategories.nameUr })
      .from(visitorCategories)
      .where(eq(visitorCategories.editionId, edition.id)),
    bundle: await gateBundle(ctx, { editionId: edition.id }),
  };
}
