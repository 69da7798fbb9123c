import { and, eq, inArray, isNotNull, notExists, sql } from "drizzle-orm";
import type { Executor } from "../../platform/db/types";
import { badges } from "#features/checkin";
import { signingKey, type SealingKey } from "#features/checkin";
import { firstBadgeRows } from "#features/checkin";
import { categoryZoneMasks } from "#features/checkin";
import type { Edition } from "#features/editions";
import { visitorCategories } from "#features/editions";
import { registrations } from "#features/registration";
import { b2bParticipants } from "./tables";

// The demo's buyer-side people are approved registrations (seed-participants.ts); an approved
// registration holds a badge, so they get theirs here, made as the registration rush makes the
// first badges of registrations created approved (checkin's firstBadgeRows: serial 0, the
// edition's signing key, the category's zones), issued when the registration was approved. No
// email: the demo writes to nobody about the past. With it a seeded buyer passes the gate and
// checks in at its meetings. Idempotent: only the buyer side's approved registrations that hold
// no badge yet get one (so a demo seeded before badges were seeded gets them on its next start).

export async function seedBuyerBadges(tx: Executor, edition: Edition, sealing: SealingKey): Promise<number> {
  const regs = await tx
    .select({ reg: registrations })
    .from(registrations)
    .innerJoin(b2bParticipants, eq(b2bParticipants.registrationId, registrations.id))
    .where(
      and(
        eq(b2bParticipants.editionId, edition.id),
        eq(b2bParticipants.side, "buyer"),
        eq(registrations.status, "approved"),
        isNotNull(registrations.decidedAt),
        notExists(tx.select({ one: sql`1` }).from(badges).where(eq(badges.registrationId, registrations.id))),
      ),
    )
    .orderBy(registrations.number);
  if (!regs.length) return 0;
  const categories = await tx.select().from(visitorCategories).where(inArray(visitorCategories.id, [...new Set(regs.map((r) => r.reg.categoryId))]));
  const firstApproved = new Date(Math.min(...regs.map((r) => r.reg.decidedAt!.getTime())));
  const key = await signingKey(tx, { now: () => firstApproved }, edition.id, sealing);
  const masks = await categoryZoneMasks(tx, edition.id);
  // One group per category and approval time: firstBadgeRows signs a category's badges at once.
  const groups = new Map<string, (typeof registrations.$inferSelect)[]>();
  for (const { reg } of regs) {
    const k = `${reg.categoryId}|${reg.decidedAt!.toISOString()}`;
    groups.set(k, [...(groups.get(k) ?? []), reg]);
  }
  const rows = [...groups.values()].flatMap((list) => {
    const category = categories.find((c) => c.id === list[0]!.categoryId)!;
    return firstBadgeRows({ clock: { now: () => list[0]!.decidedAt! } }, edition, category, list, key, masks.get(category.id) ?? 0);
  });
  for (let i = 0; i < rows.length; i += 500) await tx.insert(badges).values(rows.slice(i, i + 500)).onConflictDoNothing();
  return rows.length;
}
