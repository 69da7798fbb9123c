import { and, eq, inArray, isNull } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { queueEmails } from "../../../platform/mail/outbox";
import { can } from "../../../platform/permissions/policy";
import { parseInput, type Input } from "../../../platform/validation";
import { editions, visitorCategories } from "#features/editions";
import { registrations } from "#features/registration";
import { decodeBadge, encodeBadge, type BadgeClaims } from "../core/badge-code";
import { sealingKey, signingKey } from "../keys";
import { editionInput } from "../schemas";
import { badges } from "../tables";
import { badgeLinkKey } from "./badge-link";
import { zoneMasksOf } from "../zone-masks";
import { BADGE_CLAIMS, badgeEmail, claimsWith } from "./issue-badge";
import { editionForChange } from "#features/editions";

// A badge signs the edition's dates (validFrom/validTo) and the registration's day, zone and
// category numbers. When organisers move the dates, every issued badge keeps the old ones and the
// gates refuse it as "not valid today". The edition page says so (with the count) and offers to
// reissue them all at once: a new serial each, the old one refused as replaced, a new badge email
// each, one audit entry. Batched: one query to read, one signature per badge in memory, then
// inserts and updates 500 rows a statement, so thousands take seconds, in one transaction.

type Edition = typeof editions.$inferSelect;
const CHUNK = 500;

/** Current, unrevoked badges of the edition's approved registrations whose signed claims differ
 *  from what they should carry now. `lock` takes the registrations' rows for update. */
async function outdated(db: Executor, edition: Edition, lock: boolean) {
  const query = db
    .select({ badge: badges, reg: registrations, badgeIndex: visitorCategories.badgeIndex })
    .from(badges)
    .innerJoin(registrations, eq(registrations.id, badges.registrationId))
    .innerJoin(visitorCategories, eq(visitorCategories.id, registrations.categoryId))
    .where(and(eq(badges.editionId, edition.id), isNull(badges.replacedAt), isNull(badges.revokedAt), eq(registrations.status, "approved")))
    .orderBy(registrations.id);
  const rows = lock ? await query.for("update", { of: registrations }) : await query;
  const masks = await zoneMasksOf(db, edition.id, rows.map((r) => r.reg));
  const stale: { badge: typeof badges.$inferSelect; reg: typeof registrations.$inferSelect; wanted: Omit<BadgeClaims, "serial"> }[] = [];
  for (const r of rows) {
    const wanted = claimsWith(edition, r.reg, r.badgeIndex, masks.get(r.reg.id) ?? 0);
    const decoded = decodeBadge(r.badge.code);
    if (!decoded.ok || BADGE_CLAIMS.some((k) => decoded.badge[k] !== wanted[k])) stale.push({ badge: r.badge, reg: r.reg, wanted });
  }
  return { current: rows.length, stale };
}

/** For the edition page: how many badges are issued and how many carry outdated dates or days.
 *  Null for those who do not manage check-in (the page then says nothing). */
export async function badgeDateCheck(ctx: Ctx, raw: Input<typeof editionInput>): Promise<{ current: number; stale: number } | null> {
  const { editionId } = parseInput(editionInput, raw);
  const [edition] = await ctx.db.select().from(editions).where(eq(editions.id, editionId));
  if (!edition || !can(ctx.actor, "checkin.manage", { organiserId: edition.organiserId })) return null;
  const { current, stale } = await outdated(ctx.db, edition, false);
  return { current, stale: stale.length };
}

/** Reissue every outdated badge of the edition (after a change of dates or days). */
export async function reissueEditionBadges(ctx: Ctx, raw: Input<typeof editionInput>): Promise<{ reissued: number; skipped: number }> {
  const { editionId } = parseInput(editionInput, raw);
  return inTransaction(ctx, async (tx) => {
    // Shared: no date change can slip in meanwhile, and registrations' own changes (which never
    // lock the edition row) are not blocked by it.
    const edition = await editionForChange(tx, ctx.actor, editionId, "checkin.manage", "share");
    const { stale } = await outdated(tx, edition, true);
    // A badge at the last serial (255 reprints) cannot get another: left as it is and counted.
    const todo = stale.filter((s) => s.badge.serial < 255);
    const key = await signingKey(tx, ctx.clock, edition.id, sealingKey(ctx.config));
    const now = ctx.clock.now();
    const fresh = todo.map((s) => {
      const serial = s.badge.serial + 1;
      const code = encodeBadge({ ...s.wanted, serial }, key.privateKey, key.keyId);
      return { reg: s.reg, row: { editionId: edition.id, registrationId: s.reg.id, registrationNo: s.reg.number, serial, keyId: key.keyId, code, issuedAt: now } };
    });
    for (let i = 0; i < fresh.length; i += CHUNK) {
      const part = fresh.slice(i, i + CHUNK);
      const ids = todo.slice(i, i + CHUNK).map((s) => s.badge.id);
      await tx.update(badges).set({ replacedAt: now }).where(inArray(badges.id, ids));
      await tx.insert(badges).values(part.map((f) => f.row));
      await queueEmails(tx, ctx.clock, part.map((f) => badgeEmail(ctx, edition, f.reg, badgeLinkKey(f.row.code, key.privateKey))));
    }
    const skipped = stale.length - todo.length;
    if (fresh.length || skipped) {
      await recordAudit(tx, ctx, {
        action: "badge.reissuedAll",
        entityType: "edition",
        entityId: edition.id,
        organiserId: edition.organiserId,
        editionId: edition.id,
        data: { reissued: fresh.length, skipped, startsOn: edition.startsOn, endsOn: edition.endsOn, registrationNos: fresh.map((f) => f.reg.number) },
      });
    }
    return { reissued: fresh.length, skipped };
  });
}
