import { and, asc, count, eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import { DomainError } from "../../../platform/errors";
import { parseInput, type Input } from "../../../platform/validation";
import { editionFor, editionForChange } from "#features/editions";
import { visitorCategories } from "#features/editions";
import { bucket } from "../core/capacity";
import { capacityInput } from "../schemas";
import { registrationCapacity, registrationQuestions, registrations } from "../tables";
import { bucketTotals, holdCapacityExclusive, lockBuckets, releaseAndPromote, spreadUsed, stateOf, stripeCapacities } from "./places";
import { editionDayCount } from "#features/editions";

const getRegistrationSettingsInput = z.object({ editionId: z.uuid() });

/** Everything the settings page shows: categories, limits with their use, questions. */
export async function getRegistrationSettings(ctx: Ctx, raw: Input<typeof getRegistrationSettingsInput>) {
  const { editionId } = parseInput(getRegistrationSettingsInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, editionId, "registration.configure");
  const [categories, capacity, questions] = await Promise.all([
    ctx.db.select().from(visitorCategories).where(eq(visitorCategories.editionId, editionId)).orderBy(asc(visitorCategories.sort)),
    bucketTotals(ctx.db, editionId),
    ctx.db.select().from(registrationQuestions).where(eq(registrationQuestions.editionId, editionId)).orderBy(asc(registrationQuestions.sort)),
  ]);
  return { edition, dayCount: editionDayCount(edition), categories, capacity, questions };
}

/**
 * Set (or with `capacity: null` remove) the limit of one bucket: a category, a day, or a category
 * on a day, split over stripes (places.ts). The count of places already held is recomputed under
 * the edition's exclusive capacity lock, so no registration in flight is missed. Raising a limit promotes
 * from the waitlist at once.
 */
export async function setCapacity(ctx: Ctx, raw: Input<typeof capacityInput>) {
  const input = parseInput(capacityInput, raw);
  if (input.categoryId === null && input.day === null) {
    throw new DomainError("validation_failed", { fields: [{ path: "categoryId", code: "required" }] });
  }
  return inTransaction(ctx, async (tx) => {
    const edition = await editionForChange(tx, ctx.actor, input.editionId, "registration.configure");
    if (input.day !== null && input.day >= editionDayCount(edition)) {
      throw new DomainError("validation_failed", { fields: [{ path: "day", code: "registration_day_out_of_range", params: { max: editionDayCount(edition) } }] });
    }
    let code: string | null = null;
    if (input.categoryId) {
      const [c] = await tx
        .select()
        .from(visitorCategories)
        .where(and(eq(visitorCategories.id, input.categoryId), eq(visitorCategories.editionId, edition.id)));
      if (!c) throw new DomainError("validation_failed", { fields: [{ path: "categoryId", code: "invalid_value" }] });
      code = c.code;
    }
    const key = code === null ? bucket.day(input.day!) : input.day === null ? bucket.category(code) : bucket.categoryDay(code, input.day);
    // Exclusive: waits for registrations in flight (they hold it shared), so the recount below
    // sees every place held; new ones wait until the new limit is in.
    await holdCapacityExclusive(tx, edition.id);
    const before = stateOf(await lockBuckets(tx, edition.id, [key]));
    await tx.delete(registrationCapacity).where(and(eq(registrationCapacity.editionId, edition.id), eq(registrationCapacity.bucket, key)));
    if (input.capacity !== null) {
      const where: SQL[] = [eq(registrations.editionId, edition.id), inArray(registrations.status, ["pending", "approved"])];
      if (input.categoryId) where.push(eq(registrations.categoryId, input.categoryId));
      if (input.day !== null) where.push(sql`${registrations.days} @> ${JSON.stringify([input.day])}::jsonb`);
      const [{ n }] = (await tx.select({ n: count() }).from(registrations).where(and(...where))) as [{ n: number }];
      const capacities = stripeCapacities(input.capacity);
      const used = spreadUsed(capacities, Number(n));
      await tx
        .insert(registrationCapacity)
        .values(capacities.map((capacity, stripe) => ({ editionId: edition.id, bucket: key, stripe, capacity, used: used[stripe]! })));
    }
    await recordAudit(tx, ctx, {
      action: "registration.capacity_set",
      entityType: "edition",
      entityId: edition.id,
      organiserId: edition.organiserId,
      editionId: edition.id,
      data: { bucket: key, from: before.limits[key] ?? null, to: input.capacity },
    });
    // More room (or no limit any more): whoever waits and now fits is promoted.
    const rows = await lockBuckets(tx, edition.id);
    const promoted = await releaseAndPromote(tx, ctx, edition, rows, stateOf(rows), []);
    return { bucket: key, capacity: input.capacity, promoted: promoted.length };
  });
}

const getDeskFormInput = z.object({ editionId: z.uuid() });

/** What the desk's walk-in form needs: gate or organiser staff of the edition's organiser. */
export async function getDeskForm(ctx: Ctx, raw: Input<typeof getDeskFormInput>) {
  const { editionId } = parseInput(getDeskFormInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, editionId, "registration.walkIn");
  const categories = await ctx.db.select().from(visitorCategories).where(eq(visitorCategories.editionId, editionId)).orderBy(asc(visitorCategories.sort));
  return { edition, categories, dayCount: editionDayCount(edition) };
}
