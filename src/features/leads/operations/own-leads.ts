import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import { safeCell, toCsv, type Cell } from "../../../platform/csv";
import { DomainError } from "../../../platform/errors";
import { translate } from "../../../platform/i18n/translate";
import { parseInput, type Input } from "../../../platform/validation";
import { parseTags } from "../core/consent";
import { exportLeadsInput, ownLeadsInput, updateLeadInput } from "../schemas";
import { leads } from "../tables";
import { ownEnterpriseId, ownStall } from "./exhibitor";
import { leadOfExhibitor, leadsOfExhibitor } from "./view";

// The exhibitor's own leads (issue #14, item 7): its list with the visitors' details where they are
// shared, its note, rating (1–5) and tags per lead, and the export (CSV, XLSX). Only its own: the
// enterprise is the account's, and a lead of another exhibitor is "not found".

/** The exhibitor's leads of an edition, with counts. */
export async function ownLeads(ctx: Ctx, raw: Input<typeof ownLeadsInput> = {}) {
  const input = parseInput(ownLeadsInput, raw);
  const stall = await ownStall(ctx.db, ctx, input.editionId);
  const list = await leadsOfExhibitor(ctx.db, stall.edition.id, stall.enterpriseId);
  const shared = list.filter((l) => l.shared).length;
  return { ...stall, leads: list, counts: { leads: list.length, shared, notShared: list.length - shared, pending: list.filter((l) => l.touch === "pending" && !l.withdrawn).length } };
}

/** The exhibitor's note, rating and tags on one of its leads. */
export async function updateLead(ctx: Ctx, raw: Input<typeof updateLeadInput>) {
  const input = parseInput(updateLeadInput, raw);
  const enterpriseId = ownEnterpriseId(ctx);
  return inTransaction(ctx, async (tx) => {
    const set: Partial<typeof leads.$inferInsert> = { updatedAt: ctx.clock.now() };
    if (input.note !== undefined) set.note = input.note;
    if (input.rating !== undefined) set.rating = input.rating;
    if (input.tags !== undefined) set.tags = parseTags(input.tags);
    const done = await tx
      .update(leads)
      .set(set)
      .where(and(eq(leads.id, input.leadId), eq(leads.enterpriseId, enterpriseId)))
      .returning({ id: leads.id });
    if (!done.length) throw new DomainError("not_found", { params: { what: "lead" } });
    return (await leadOfExhibitor(tx, enterpriseId, input.leadId))!;
  });
}

export interface LeadsFile {
  filename: string;
  contentType: string;
  body: Buffer;
  rows: number;
}

/** The exhibitor's leads as CSV or XLSX: every visit, with the details only where they are shared
 *  at the moment of export (a withdrawn visitor's row has none). Audited (who took how many). */
export async function exportOwnLeads(ctx: Ctx, raw: Input<typeof exportLeadsInput>): Promise<LeadsFile> {
  const input = parseInput(exportLeadsInput, raw);
  const stall = await ownStall(ctx.db, ctx, input.editionId);
  const list = await leadsOfExhibitor(ctx.db, stall.edition.id, stall.enterpriseId);
  const t = (k: string) => translate(ctx.locale, `leads.column.${k}` as "leads.column.name");
  const header = ["firstScannedAt", "scans", "name", "organisation", "email", "shared", "rating", "tags", "note"].map(t);
  const body: Cell[][] = list.map((l) =>
    [l.firstScannedAt.toISOString(), l.scanCount, l.contact?.name ?? null, l.contact?.organisation ?? null, l.contact?.email ?? null, l.shared ? t("yes") : t("no"), l.rating, l.tags.join(", "), l.note].map(safeCell),
  );
  await recordAudit(ctx.db, ctx, {
    action: "leads.exported",
    entityType: "enterprise",
    entityId: stall.enterpriseId,
    organiserId: stall.edition.organiserId,
    editionId: stall.edition.id,
    data: { format: input.format, rows: list.length, shared: list.filter((l) => l.shared).length },
  });
  const base = `leads-${stall.edition.slug}`;
  if (input.format === "csv") return { filename: `${base}.csv`, contentType: "text/csv; charset=utf-8", body: Buffer.from(toCsv([header, ...body], { bom: true }), "utf8"), rows: list.length };
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Leads", { views: [{ rightToLeft: ctx.locale === "ur" }] });
  ws.addRow(header).font = { bold: true };
  for (const r of body) ws.addRow(r);
  return { filename: `${base}.xlsx`, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body: Buffer.from(await wb.xlsx.writeBuffer()), rows: list.length };
}
