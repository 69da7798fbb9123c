import { sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import { rowsOf } from "../../../platform/db/rows";
import { parseInput, type Input } from "../../../platform/validation";
import { editionFor } from "#features/editions";
import { countsInput } from "../schemas";

// What organisers see of the leads (issue #14, item 7): counts only, per exhibitor: visits (leads),
// scans, leads whose details are shared now (the same rule as core/consent.ts, in SQL), and those
// without (no consent, a request pending or declined, or withdrawn). Never a visitor.

export interface LeadCountRow {
  enterpriseId: string;
  nameEn: string;
  nameUr: string | null;
  leads: number;
  scans: number;
  shared: number;
  notShared: number;
  pending: number;
  withdrawn: number;
}

export async function leadCounts(ctx: Ctx, raw: Input<typeof countsInput>) {
  const input = parseInput(countsInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, input.editionId, "leads.counts");
  const rows = rowsOf<{ enterprise_id: string; name_en: string; name_ur: string | null; leads: number; scans: number; shared: number; pending: number; withdrawn: number }>(
    await ctx.db.execute(sql`
      select l.enterprise_id, e.name_en, e.name_ur, count(*)::int as leads, sum(l.scan_count)::int as scans,
        count(*) filter (where l.withdrawn_at is null and (r.consent_scan or l.touch = 'accepted'))::int as shared,
        count(*) filter (where l.withdrawn_at is null and l.touch = 'pending')::int as pending,
        count(*) filter (where l.withdrawn_at is not null)::int as withdrawn
      from leads l join registrations r on r.id = l.registration_id join enterprises e on e.id = l.enterprise_id
      where l.edition_id = ${edition.id}
      group by l.enterprise_id, e.name_en, e.name_ur
      order by count(*) desc, e.name_en`),
  );
  const exhibitors: LeadCountRow[] = rows.map((r) => ({
    enterpriseId: r.enterprise_id,
    nameEn: r.name_en,
    nameUr: r.name_ur,
    leads: Number(r.leads),
    scans: Number(r.scans),
    shared: Number(r.shared),
    notShared: Number(r.leads) - Number(r.shared),
    pending: Number(r.pending),
    withdrawn: Number(r.withdrawn),
  }));
  const sum = (k: keyof Pick<LeadCountRow, "leads" | "scans" | "shared" | "notShared" | "pending" | "withdrawn">) => exhibitors.reduce((s, r) => s + r[k], 0);
  return {
    edition: { id: edition.id, nameEn: edition.nameEn, nameUr: edition.nameUr },
    exhibitors,
    totals: { exhibitors: exhibitors.length, leads: sum("leads"), scans: sum("scans"), shared: sum("shared"), notShared: sum("notShared"), pending: sum("pending"), withdrawn: sum("withdrawn") },
  };
}
