import { eq, sql } from "drizzle-orm";
import type { Clock } from "../../../platform/clock";
import type { AppConfig } from "../../../platform/config";
import type { Ctx } from "../../../platform/context";
import { rowsOf } from "../../../platform/db/rows";
import type { Db, Executor } from "../../../platform/db/types";
import { anonymous } from "../../../platform/permissions/actor";
import { startPeriodic } from "../../../platform/periodic";
import { retentionCutoff } from "../core/consent";
import { leads } from "../tables";

// Retention (issue #14, item 7): a lead is deleted 90 days after its edition's last day (or the
// days the edition's retention setting gives for leads, privacy/tables.ts), unless the
// visitor agreed that the exhibitor keeps it (accepting its "stay in touch" request is that
// agreement; a withdrawal takes it back). Its scans go with it (foreign key), and so do the
// edition's refused scans (they hold the scanned code). Run by the periodic timer; idempotent
// (plain deletes), so several processes may run it at once.

export async function sweepLeadRetention(ctx: Pick<Ctx, "db" | "clock">): Promise<{ leadsDeleted: number; scansDeleted: number }> {
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const cutoff = retentionCutoff(today);
  // An edition's own setting for leads (null: the 90 days), else the 90 days.
  const due = sql`(case when r.lead_days is not null then e.ends_on + r.lead_days <= ${today}::date else e.ends_on <= ${cutoff}::date end)`;
  const gone = rowsOf<{ id: string }>(
    await ctx.db.execute(sql`
      delete from leads l using editions e left join privacy_retention r on r.edition_id = e.id
      where e.id = l.edition_id and ${due} and l.keep_agreed_at is null
      returning l.id`),
  );
  const refused = rowsOf<{ id: string }>(
    await ctx.db.execute(sql`
      delete from lead_scans s using editions e left join privacy_retention r on r.edition_id = e.id
      where e.id = s.edition_id and ${due} and s.lead_id is null
      returning s.id`),
  );
  return { leadsDeleted: gone.length, scansDeleted: refused.length };
}

/** Every lead of one registration, at every exhibitor, with their scans: for the privacy work
 *  (erasing a person) to call inside its own transaction. Returns how many leads went. */
export async function deleteLeadsOfRegistration(tx: Executor, registrationId: string): Promise<number> {
  const gone = await tx.delete(leads).where(eq(leads.registrationId, registrationId)).returning({ id: leads.id });
  return gone.length;
}

/** The leads' timer: the retention sweep every hour. */
export function startLeadsRunner(options: { db: Db; clock: Clock; config: AppConfig; everyMs?: number; onError?: (e: unknown) => void }) {
  const ctx: Ctx = { db: options.db, clock: options.clock, config: options.config, actor: anonymous, locale: "en" };
  return startPeriodic(() => sweepLeadRetention(ctx), options.everyMs ?? 3_600_000, options.onError);
}
