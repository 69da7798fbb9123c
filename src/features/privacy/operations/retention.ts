import { eq } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record";
import type { Clock } from "../../../platform/clock";
import type { AppConfig } from "../../../platform/config";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db/types";
import { startPeriodic } from "../../../platform/periodic";
import { anonymous } from "../../../platform/permissions/actor";
import { parseInput, type Input } from "../../../platform/validation";
import { editionFor, editionForChange } from "#features/editions";
import { personalDataParts, retentionDue, type Counts } from "#features/editions";
import { editions } from "#features/editions";
import { editionInput, retentionInput } from "../schemas";
import { privacyRetention } from "../tables";

// The retention setting per edition and its sweep (issue #15, part 7). The organiser says how
// many days after the edition's last day badge scans and stall leads go; the sweep (one timer,
// platform/periodic.ts, every hour) asks every feature's part to delete what is due. Deleting is
// idempotent, so several processes may sweep at once.

export async function getRetention(ctx: Ctx, raw: Input<typeof editionInput>) {
  const { editionId } = parseInput(editionInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, editionId, "privacy.retention");
  const [row] = await ctx.db.select().from(privacyRetention).where(eq(privacyRetention.editionId, editionId));
  return { editionId, endsOn: edition.endsOn, scanDays: row?.scanDays ?? null, leadDays: row?.leadDays ?? null, sweptAt: row?.sweptAt?.toISOString() ?? null };
}

export async function setRetention(ctx: Ctx, raw: Input<typeof retentionInput>) {
  const input = parseInput(retentionInput, raw);
  await inTransaction(ctx, async (tx, ctx) => {
    const edition = await editionForChange(tx, ctx.actor, input.editionId, "privacy.retention");
    const values = { scanDays: input.scanDays, leadDays: input.leadDays, updatedAt: ctx.clock.now() };
    await tx.insert(privacyRetention).values({ editionId: edition.id, ...values }).onConflictDoUpdate({ target: privacyRetention.editionId, set: values });
    await recordAudit(tx, ctx, { action: "privacy.retention_set", entityType: "edition", entityId: edition.id, organiserId: edition.organiserId, editionId: edition.id, data: { scanDays: input.scanDays, leadDays: input.leadDays } });
  });
  return getRetention(ctx, { editionId: input.editionId });
}

/** Delete what every edition's retention says is due now. Returns what went, per edition. */
export async function retentionSweep(ctx: Ctx): Promise<Record<string, Counts>> {
  const now = ctx.clock.now();
  const settings = await ctx.db.select({ edition: editions, policy: privacyRetention }).from(privacyRetention).innerJoin(editions, eq(editions.id, privacyRetention.editionId));
  const done: Record<string, Counts> = {};
  for (const { edition, policy } of settings) {
    if (!retentionDue(edition, policy.scanDays, now) && !retentionDue(edition, policy.leadDays, now)) continue;
    const counts = await inTransaction(ctx, async (tx, ctx) => {
      const counts: Counts = {};
      const target = { edition, policy: { scanDays: policy.scanDays, leadDays: policy.leadDays } };
      for (const part of personalDataParts()) if (part.retention) Object.assign(counts, await part.retention(tx, target, now));
      await tx.update(privacyRetention).set({ sweptAt: now }).where(eq(privacyRetention.editionId, edition.id));
      if (Object.values(counts).some((n) => n > 0))
        await recordAudit(tx, ctx, { action: "privacy.retention_swept", entityType: "edition", entityId: edition.id, organiserId: edition.organiserId, editionId: edition.id, data: counts });
      return counts;
    });
    done[edition.id] = counts;
  }
  return done;
}

export function startRetentionRunner(options: { db: Db; clock: Clock; config: AppConfig; everyMs?: number; onError?: (e: unknown) => void }) {
  const ctx: Ctx = { db: options.db, clock: options.clock, config: options.config, actor: anonymous, locale: "en" };
  return startPeriodic(() => retentionSweep(ctx), options.everyMs ?? 3_600_000, options.onError);
}
