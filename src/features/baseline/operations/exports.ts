import ExcelJS from "exceljs";
import { z } from "zod";
import type { Ctx } from "../../../platform/context";
import { toCsv, safeCell, type Cell } from "../../../platform/csv";
import { translate } from "../../../platform/i18n/translate";
import { parseInput, type Input } from "../../../platform/validation";
import { baselineDashboard, type DashboardQuery } from "./dashboard";

// Every table of the baseline dashboard as CSV or XLSX (issue #15, item 6): the same suppressed
// figures as the page (a withheld cell is empty and the row says so), headers in the reader's
// language, the sheet right to left in Urdu. "follow_up" is the baseline against the 6-month
// follow-up (every comparable indicator, each round over the firms that submitted it).

export const exportTables = ["figures", "compare", "summary", "follow_up"] as const;
const ExportInput = z.object({ table: z.enum(exportTables).default("figures"), format: z.enum(["csv", "xlsx"]).default("csv") }).loose();

export interface ExportFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

/** One dashboard table as rows: a header, then one line per group (or indicator). */
export async function dashboardTable(ctx: Ctx, raw: Input<typeof ExportInput> & DashboardQuery): Promise<{ name: string; rows: Cell[][] }> {
  const input = parseInput(ExportInput, raw);
  const d = await baselineDashboard(ctx, raw);
  const t = (k: string, p?: Record<string, string | number>) => translate(ctx.locale, k, p);
  const withheld = t("baseline.fig.suppressed");
  if (input.table === "figures") {
    const header = ["baseline.fig.column.group", "baseline.bo.firms", "baseline.bo.exportMedian", "baseline.bo.investmentMedian", "baseline.bo.exportingShare", "baseline.bo.websiteShare", "baseline.fig.column.note"].map((k) => t(k));
    const lines = [...d.rows, d.total].map((r) => [r.name, r.firms, r.exportMedian, r.investmentMedian, r.exportingShare, r.websiteShare, r.suppressed ? withheld : ""]);
    return { name: `baseline-${d.edition.slug}-${d.by}`, rows: [header, ...lines] };
  }
  if (input.table === "follow_up") {
    const f = d.followUp;
    if (f.status === "none") return { name: `baseline-${d.edition.slug}-follow-up`, rows: [[t("baseline.bo.followUp.none", { due: f.due })]] };
    const header = [
      t("baseline.fig.column.code"),
      t("baseline.fig.indicator"),
      t("baseline.fig.measure"),
      ...f.columns.map((c) => c.key),
      ...f.columns.map((c) => t("baseline.fig.answered", { edition: c.key })),
      t("baseline.fig.column.note"),
    ];
    const lines = f.summary.map((i) => [i.code, i.label, t(`baseline.fig.measure.${i.measure}`), ...i.cells.map((x) => x.value), ...i.cells.map((x) => x.firms), i.cells.some((x) => x.suppressed) ? withheld : ""]);
    return { name: `baseline-${d.edition.slug}-follow-up`, rows: [header, ...lines] };
  }
  const c = d.comparison;
  if (!c.other) return { name: `baseline-${d.edition.slug}-${input.table}`, rows: [[t("baseline.fig.noOther")]] };
  if (input.table === "compare") {
    const header = [t("baseline.fig.column.group"), ...c.columns.map((e) => `${c.indicator.code} ${e.key}`), ...c.columns.map((e) => t("baseline.fig.answered", { edition: e.key })), t("baseline.fig.column.note")];
    const lines = [...c.rows, c.total].map((r) => [r.name, ...r.cells.map((x) => x.value), ...r.cells.map((x) => x.firms), r.cells.some((x) => x.suppressed) ? withheld : ""]);
    return { name: `baseline-${d.edition.slug}-${c.indicator.code}-${d.by}`, rows: [header, ...lines] };
  }
  const header = [t("baseline.fig.column.code"), t("baseline.fig.indicator"), t("baseline.fig.measure"), ...c.columns.map((e) => e.key)];
  const lines = c.summary.map((i) => [i.code, i.label, t(`baseline.fig.measure.${i.measure}`), ...i.cells.map((x) => x.value)]);
  return { name: `baseline-${d.edition.slug}-indicators`, rows: [header, ...lines] };
}

export async function dashboardExport(ctx: Ctx, raw: Input<typeof ExportInput> & DashboardQuery): Promise<ExportFile> {
  const { format } = parseInput(ExportInput, raw);
  const table = await dashboardTable(ctx, raw);
  if (format === "csv") return { filename: `${table.name}.csv`, contentType: "text/csv; charset=utf-8", body: Buffer.from(toCsv(table.rows, { bom: true }), "utf8") };
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Baseline", { views: [{ rightToLeft: ctx.locale === "ur", state: "frozen", ySplit: 1 }] });
  ws.addRow(table.rows[0]!).font = { bold: true };
  for (const r of table.rows.slice(1)) ws.addRow(r.map((c) => safeCell(c)));
  ws.columns.forEach((col, i) => (col.width = i === 0 ? 32 : 18));
  return { filename: `${table.name}.xlsx`, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body: Buffer.from(await wb.xlsx.writeBuffer()) };
}
