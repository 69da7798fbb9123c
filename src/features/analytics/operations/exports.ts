import ExcelJS from "exceljs";
import { z } from "zod";
import type { Ctx } from "../../../platform/context";
import { toCsv, safeCell, type Cell } from "../../../platform/csv";
import { translate } from "../../../platform/i18n/translate";
import { parseInput, type Input } from "../../../platform/validation";
import { funnelMeasureNames } from "../client";
import { analyticsInput, editionAnalytics } from "./analytics";

// Every table of the analytics area as CSV or XLSX (issue #15, item 6: "export any table"): the
// figures the page shows, headers in the reader's language, the sheet right to left in Urdu.

export const analyticsTables = ["funnel", "visitors", "compare", "compare_visitors"] as const;
const ExportInput = analyticsInput.extend({ table: z.enum(analyticsTables).default("funnel"), format: z.enum(["csv", "xlsx"]).default("csv") });

export async function analyticsExport(ctx: Ctx, raw: Input<typeof ExportInput>): Promise<{ filename: string; contentType: string; body: Buffer }> {
  const input = parseInput(ExportInput, raw);
  const d = await editionAnalytics(ctx, input);
  const t = (key: string) => translate(ctx.locale, key);
  const name = (e: { nameEn: string; nameUr: string }) => (ctx.locale === "ur" ? e.nameUr : e.nameEn);
  let rows: Cell[][];
  if (input.table === "funnel") {
    rows = [
      [t("baseline.bo.group"), ...funnelMeasureNames.map((m) => t(`analytics.measure.${m}`))],
      ...d.funnel.map((r) => [r.label, ...funnelMeasureNames.map((m) => r[m])]),
      [t("baseline.bo.total"), ...funnelMeasureNames.map((m) => d.funnelTotal[m])],
    ];
  } else if (input.table === "visitors") {
    rows = [
      [t("analytics.visitors.category"), t("analytics.visitors.registered"), t("analytics.visitors.approved"), t("analytics.visitors.attended")],
      ...d.visitors.map((v) => [name(v), v.registered, v.approved, v.attended]),
      [t("baseline.bo.total"), d.visitorsTotal.registered, d.visitorsTotal.approved, d.visitorsTotal.attended],
    ];
  } else {
    const c = d.comparison;
    const compared = input.table === "compare" ? c?.funnel : c?.visitors;
    rows = c
      ? [[input.table === "compare" ? t("baseline.bo.group") : t("analytics.visitors.category"), ...c.columns.map(name)], ...compared!.map((r) => [r.label, r.values[0], r.values[1]])]
      : [[t("analytics.compare.none")]];
  }
  const base = `analytics-${input.table}-${d.edition.startsOn.slice(0, 4)}-${d.by}`;
  if (input.format === "csv") return { filename: `${base}.csv`, contentType: "text/csv; charset=utf-8", body: Buffer.from(toCsv(rows, { bom: true }), "utf8") };
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Analytics", { views: [{ rightToLeft: ctx.locale === "ur", state: "frozen", ySplit: 1 }] });
  ws.addRow(rows[0]!).font = { bold: true };
  for (const r of rows.slice(1)) ws.addRow(r.map((c) => safeCell(c)));
  ws.columns.forEach((col, i) => (col.width = i === 0 ? 32 : 16));
  return { filename: `${base}.xlsx`, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body: Buffer.from(await wb.xlsx.writeBuffer()) };
}
