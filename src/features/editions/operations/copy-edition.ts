import { eq } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import { isUniqueViolation } from "../../../platform/db/errors";
import { DomainError } from "../../../platform/errors";
import { parseInput, type Input } from "../../../platform/validation";
import { copyEditionInput } from "../schemas";
import { clusters, editions, editionTradeBodies, sectors, visitorCategories } from "../tables";
import { editionCopyParts } from "../copy-port";
import { editionForChange } from "../for-change";
import { addDays, editionDayCount } from "../days";


/**
 * Next year's edition starts as a copy of this one's settings: venue, timezone,
 * length, visitor categories, sectors, clusters and trade bodies with their
 * quotas, and what higher features contribute through copy-port.ts (check-in: zones with their
 * bits, gates, category → zone rules). Nothing about people (registrations, nominations, zone
 * grants to one person) is copied.
 */
export async function copyEdition(ctx: Ctx, raw: Input<typeof copyEditionInput>) {
  const input = parseInput(copyEditionInput, raw);
  try {
    return await inTransaction(ctx, async (tx) => {
      const source = await editionForChange(tx, ctx.actor, input.editionId, "edition.copy");
      const length = editionDayCount(source) - 1;
      const swapYear = (s: string) => s.replaceAll(String(source.year), String(input.year));
      const [copy] = await tx
        .insert(editions)
        .values({
          organiserId: source.organiserId,
          slug: input.slug,
          year: input.year,
          nameEn: swapYear(source.nameEn),
          nameUr: swapYear(source.nameUr),
          taglineEn: source.taglineEn,
          taglineUr: source.taglineUr,
          startsOn: input.startsOn,
          endsOn: addDays(input.startsOn, length),
          timezone: source.timezone,
          venueId: source.venueId,
          status: "draft",
          copiedFromId: source.id,
          createdAt: ctx.clock.now(),
          updatedAt: ctx.clock.now(),
        })
        .returning();
      const id = copy!.id;
      // Sequential on purpose: a transaction is one connection, which runs one query at a time.
      const cats = await tx.select().from(visitorCategories).where(eq(visitorCategories.editionId, source.id));
      const secs = await tx.select().from(sectors).where(eq(sectors.editionId, source.id));
      const clus = await tx.select().from(clusters).where(eq(clusters.editionId, source.id));
      const tbs = await tx.select().from(editionTradeBodies).where(eq(editionTradeBodies.editionId, source.id));
      const newCats = cats.length
        ? await tx
            .insert(visitorCategories)
            .values(cats.map(({ id: _id, ...c }) => ({ ...c, editionId: id })))
            .returning({ id: visitorCategories.id, code: visitorCategories.code })
        : [];
      const newCatId = new Map(newCats.map((c) => [c.code, c.id]));
      const categoryIds = new Map(cats.map((c) => [c.id, newCatId.get(c.code)!]));
      const sectorIds = new Map<string, string>();
      for (const { id: oldId, ...s } of secs) {
        const [row] = await tx.insert(sectors).values({ ...s, editionId: id }).returning({ id: sectors.id });
        sectorIds.set(oldId, row!.id);
      }
      if (clus.length)
        await tx.insert(clusters).values(
          clus.map(({ id: _id, ...c }) => ({ ...c, editionId: id, sectorId: c.sectorId ? sectorIds.get(c.sectorId)! : null })),
        );
      if (tbs.length) await tx.insert(editionTradeBodies).values(tbs.map((t) => ({ ...t, editionId: id })));
      // Set-up kept by features above this one (check-in's zones, gates and zone rules).
      const parts: Record<string, Record<string, number>> = {};
      for (const part of editionCopyParts()) parts[part.name] = await part.copy(tx, ctx, source, copy!, categoryIds);
      await recordAudit(tx, ctx, {
        action: "edition.copied",
        entityType: "edition",
        entityId: id,
        organiserId: source.organiserId,
        editionId: id,
        data: { from: source.slug, to: input.slug, sectors: secs.length, clusters: clus.length, tradeBodies: tbs.length, ...parts },
      });
      return copy!;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError("slug_taken", { fields: [{ path: "slug", code: "slug_taken" }] });
    throw e;
  }
}
