import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../../platform/context";
import { DomainError } from "../../../platform/errors";
import { parseInput, type Input } from "../../../platform/validation";
import { clusters, editions } from "#features/editions";
import { findCall } from "#features/nominations";
import { nominations } from "#features/nominations";
import { dimensions, measures, PreferenceRule, transparencyReport, type TransparencyReport } from "../engine";
import { findSelection } from "./selection";
import { toCsv, type Cell } from "../../../platform/csv";

const getTransparencyReportInput = z.object({ slug: z.string().min(1).max(100) });

/**
 * The public transparency report of a published selection: aggregates only
 * (engine, small cells withheld), the preference rule and the criteria. No
 * names, no NTNs, no trade bodies.
 */
export async function getTransparencyReport(ctx: Ctx, raw: Input<typeof getTransparencyReportInput>) {
  const { slug } = parseInput(getTransparencyReportInput, raw);
  const [edition] = await ctx.db.select().from(editions).where(and(eq(editions.slug, slug), eq(editions.status, "published")));
  if (!edition) throw new DomainError("not_found", { params: { what: "edition" } });
  const selection = await findSelection(ctx.db, edition.id);
  if (!selection?.publishedAt) throw new DomainError("not_found", { params: { what: "transparency_report" } });
  const call = await findCall(ctx.db, edition.id);
  const ids = selection.result.decisions.map((d) => d.applicationId);
  // Every submitted application counts, also one without a decision (withdrawn before the run).
  const apps = await ctx.db
    .select({ id: nominations.id, clusterId: nominations.clusterId, sizeClass: nominations.sizeClass, womenLed: nominations.womenLed, status: nominations.status })
    .from(nominations)
    .where(eq(nominations.editionId, edition.id));
  const counted = apps.filter((a) => a.status === "submitted" || a.status === "withdrawn" || ids.includes(a.id));
  const clusterRows = await ctx.db.select().from(clusters).where(inArray(clusters.id, [...new Set(counted.map((a) => a.clusterId)), "00000000-0000-0000-0000-000000000000"]));
  const clusterById = new Map(clusterRows.map((c) => [c.id, c]));
  const score = new Map(selection.result.decisions.map((d) => [d.applicationId, d.normalisedScore]));
  const report = transparencyReport({
    applications: counted.map((a) => ({
      id: a.id,
      clusterId: a.clusterId,
      province: clusterById.get(a.clusterId)?.province ?? null,
      sizeClass: a.sizeClass,
      womenLed: a.womenLed,
      normalisedScore: score.get(a.id) ?? null,
    })),
    decisions: selection.result.decisions.map((d) => ({ applicationId: d.applicationId, status: d.status })),
  });
  return {
    edition,
    publishedAt: selection.publishedAt,
    rule: PreferenceRule.parse(call?.rule ?? {}),
    criteria: call?.criteria ?? [],
    totalStalls: selection.result.totalStalls,
    report,
    clusterNames: Object.fromEntries(clusterRows.map((c) => [c.id, { nameEn: c.nameEn, nameUr: c.nameUr }])),
  };
}

/**
 * The report as CSV: one line per table row. Withheld cells all read "withheld":
 * a cell hidden to protect another may be large, so "<5" would be untrue, and
 * telling the two kinds apart would narrow the hidden values down.
 */
export function transparencyCsv(report: TransparencyReport, clusterNames: Record<string, { nameEn: string }>): string {
  const cell = (c: { value: number | null; suppressed: boolean }) => (c.suppressed ? "withheld" : (c.value ?? 0));
  const rows: Cell[][] = [["table", "group", ...measures]];
  for (const dim of dimensions) {
    const table = report.tables[dim];
    for (const row of table.rows) {
      const label = dim === "cluster" ? (clusterNames[row.key]?.nameEn ?? row.key) : row.key;
      rows.push([dim, label, ...measures.map((m) => cell(row.cells[m]))]);
    }
    rows.push([dim, "total", ...measures.map((m) => cell(table.total[m]))]);
  }
  return toCsv(rows);
}
