import { asc, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { recordAudit } from "../../../platform/audit/record";
import type { Ctx } from "../../../platform/context";
import { safeCell, toCsv, type Cell } from "../../../platform/csv";
import { DomainError } from "../../../platform/errors";
import { translate } from "../../../platform/i18n/translate";
import { can } from "../../../platform/permissions/policy";
import { parseInput, type Input } from "../../../platform/validation";
import { visitorCategories } from "#features/editions";
import { exportInput, personalColumns, type ExportColumn } from "../schemas";
import { registrationQuestions, registrations } from "../tables";
import { filters } from "./list";
import { editionFor } from "#features/editions";

export interface ExportFile {
  filename: string;
  contentType: string;
  body: Buffer;
  rows: number;
}

// The one CSV writer and its formula guard (platform/csv.ts); XLSX cells pass the same guard.
export { safeCell };

/**
 * Registrations as CSV or XLSX with the columns the organiser picked. Email, phone and answers
 * need `registration.exportPersonal`: asking for them without it is refused, not silently dropped,
 * so nobody mistakes a redacted file for a complete one. Audited (who took which columns).
 */
export async function exportRegistrations(ctx: Ctx, raw: Input<typeof exportInput>): Promise<ExportFile> {
  const input = parseInput(exportInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, input.editionId, "registration.export");
  const columns = [...new Set(input.columns)];
  const wantsPersonal = columns.some((c) => personalColumns.includes(c));
  if (wantsPersonal && !can(ctx.actor, "registration.exportPersonal", { organiserId: edition.organiserId })) {
    throw new DomainError("forbidden", { params: { permission: "registration.exportPersonal" } });
  }
  const [rows, categories, questions] = await Promise.all([
    ctx.db.select().from(registrations).where(filters(input)).orderBy(asc(registrations.number)),
    ctx.db.select().from(visitorCategories).where(eq(visitorCategories.editionId, edition.id)),
    columns.includes("answers")
      ? ctx.db.select().from(registrationQuestions).where(eq(registrationQuestions.editionId, edition.id)).orderBy(asc(registrationQuestions.sort))
      : Promise.resolve([]),
  ]);
  const loc = ctx.locale;
  const catName = new Map(categories.map((c) => [c.id, loc === "ur" ? c.nameUr : c.nameEn]));
  const header: string[] = [];
  for (const c of columns) {
    if (c === "answers") header.push(...questions.map((q) => (loc === "ur" ? q.labelUr : q.labelEn)));
    else header.push(translate(loc, `registration.column.${c}`));
  }
  const value = (r: (typeof rows)[number], c: Exclude<ExportColumn, "answers">): Cell => {
    switch (c) {
      case "category":
        return catName.get(r.categoryId) ?? "";
      case "status":
        return translate(loc, `registration.status.${r.status}`);
      case "days":
        return r.days.map((d) => d + 1).join(" ");
      case "createdAt":
        return r.createdAt.toISOString();
      case "consentScan":
        return r.consentScan;
      default:
        return r[c] ?? null;
    }
  };
  const answer = (v: unknown): Cell => (Array.isArray(v) ? v.join("; ") : v === undefined ? null : (v as Cell));
  const body: Cell[][] = rows.map((r) =>
    columns.flatMap((c) => (c === "answers" ? questions.map((q) => answer(r.answers[q.id])) : [value(r, c)])).map(safeCell),
  );
  await recordAudit(ctx.db, ctx, {
    action: "registration.exported",
    entityType: "edition",
    entityId: edition.id,
    organiserId: edition.organiserId,
    editionId: edition.id,
    data: { format: input.format, columns, rows: rows.length },
  });
  const base = `registrations-${edition.slug}`;
  if (input.format === "csv") {
    return { filename: `${base}.csv`, contentType: "text/csv; charset=utf-8", body: Buffer.from(toCsv([header, ...body], { bom: true }), "utf8"), rows: rows.length };
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Registrations", { views: [{ rightToLeft: loc === "ur" }] });
  ws.addRow(header).font = { bold: true };
  for (const r of body) ws.addRow(r);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return {
    filename: `${base}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: buf,
    rows: rows.length,
  };
}
