import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { can } from "../../../platform/permissions/policy";
import { parseInput, type Input } from "../../../platform/validation";
import { enterprises } from "#features/editions";
import { editions } from "#features/editions";
import { editionExhibitorIds } from "#features/exhibitors";
import { ineligibleBecause } from "../engine/eligibility";
import { exportScoresFor, sectorOf, sectorsFor } from "./entries";
import { AWARD_EVIDENCE_MAX_BYTES, AWARD_EVIDENCE_MAX_FILES, awardAssignments, awardCategories, awardEntries, awardEvidence, awardRounds, type AwardEvidenceType } from "../tables";

// The exhibitor's side of the awards (issue #13, awards item 2): the application categories of
// its editions with whether it may apply and why not, its entries with their statement, and the
// evidence files attached to them (checked by their first bytes, not by the name the browser
// sends). Evidence is read by the entry's exhibitor, the organiser's staff, and the judges the
// entry is assigned to; anyone else is told it does not exist.

/** The enterprise an exhibitor account acts for (its first exhibitor grant). */
function ownEnterpriseId(ctx: Ctx): string {
  const grant = ctx.actor.kind === "user" ? ctx.actor.grants.find((g) => g.role === "exhibitor" && g.enterpriseId) : undefined;
  if (!grant?.enterpriseId) throw new DomainError(ctx.actor.kind === "user" ? "forbidden" : "unauthenticated");
  return grant.enterpriseId;
}

/** The PDF, PNG or JPEG a file's first bytes say it is; null for anything else. */
export function evidenceType(b: Uint8Array): AwardEvidenceType | null {
  if (b.length >= 5 && String.fromCharCode(...b.subarray(0, 5)) === "%PDF-") return "application/pdf";
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x)) return "image/png";
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "image/jpeg";
  return null;
}

/** Applications are open while the shortlist round is a draft and the results are not locked. */
async function openForApplications(db: Executor, category: typeof awardCategories.$inferSelect) {
  if (category.entryMode !== "application" || category.lockedAt) return false;
  const [round] = await db.select({ status: awardRounds.status }).from(awardRounds).where(and(eq(awardRounds.categoryId, category.id), eq(awardRounds.kind, "shortlist")));
  return round?.status === "draft";
}

/** The application categories of the exhibitor's organiser's published editions, newest edition
 *  first: open or not, eligible or why not, and the exhibitor's entry with its evidence. */
const noInput = z.strictObject({});

export async function myAwardApplications(ctx: Ctx, raw: Input<typeof noInput> = {}) {
  parseInput(noInput, raw);
  const enterpriseId = ownEnterpriseId(ctx);
  const [firm] = await ctx.db.select().from(enterprises).where(eq(enterprises.id, enterpriseId));
  if (!firm) throw new DomainError("forbidden");
  const rows = await ctx.db
    .select({ category: awardCategories, edition: { id: editions.id, slug: editions.slug, nameEn: editions.nameEn, nameUr: editions.nameUr } })
    .from(awardCategories)
    .innerJoin(editions, eq(editions.id, awardCategories.editionId))
    .where(and(eq(editions.organiserId, firm.organiserId), eq(editions.status, "published"), eq(awardCategories.entryMode, "application")))
    .orderBy(desc(editions.startsOn), asc(awardCategories.sort), asc(awardCategories.nameEn));
  const entries = rows.length
    ? await ctx.db.select().from(awardEntries).where(and(eq(awardEntries.enterpriseId, enterpriseId), inArray(awardEntries.categoryId, rows.map((r) => r.category.id))))
    : [];
  const files = entries.length
    ? await ctx.db
        .select({ id: awardEvidence.id, entryId: awardEvidence.entryId, fileName: awardEvidence.fileName, contentType: awardEvidence.contentType, size: awardEvidence.size })
        .from(awardEvidence)
        .where(inArray(awardEvidence.entryId, entries.map((e) => e.id)))
        .orderBy(asc(awardEvidence.createdAt))
    : [];
  const selectedIn = new Map<string, boolean>();
  const out = [];
  for (const { category, edition } of rows) {
    if (!selectedIn.has(edition.id)) selectedIn.set(edition.id, (await editionExhibitorIds(ctx.db, edition.id)).includes(enterpriseId));
    const entry = entries.find((e) => e.categoryId === category.id && !e.withdrawn) ?? null;
    out.push({
      edition,
      category: { id: category.id, slug: category.slug, nameEn: category.nameEn, nameUr: category.nameUr, descriptionEn: category.descriptionEn, descriptionUr: category.descriptionUr },
      open: await openForApplications(ctx.db, category),
      ineligible: ineligibleBecause(category, { ...firm, selected: selectedIn.get(edition.id)!, sectorCode: sectorOf(await sectorsFor(ctx.db, category), firm.clusterSlug), exportScore: (await exportScoresFor(ctx.db, category)).get(enterpriseId)?.score ?? null }),
      entry: entry && { id: entry.id, statement: entry.statement, source: entry.source, evidence: files.filter((f) => f.entryId === entry.id) },
    });
  }
  return { enterpriseId, maxFiles: AWARD_EVIDENCE_MAX_FILES, maxBytes: AWARD_EVIDENCE_MAX_BYTES, categories: out };
}

/** The entry, locked, when the caller is its exhibitor and its category still takes applications. */
async function ownOpenEntry(tx: Executor, ctx: Ctx, entryId: string) {
  const [entry] = await tx.select().from(awardEntries).where(eq(awardEntries.id, entryId)).for("update");
  if (!entry || entry.withdrawn || !can(ctx.actor, "awards.enter", { enterpriseId: entry.enterpriseId })) throw new DomainError("not_found", { params: { what: "award_entry" } });
  const [category] = await tx.select().from(awardCategories).where(eq(awardCategories.id, entry.categoryId));
  if (!category || !(await openForApplications(tx, category))) throw new DomainError("award_not_open_for_applications");
  return { entry, category };
}

const refuse = (code: string, params?: Record<string, number>) => new DomainError("validation_failed", { fields: [{ path: "file", code, params }] });

/** Attaches a file to the exhibitor's own entry. Refusals: validation_failed on `file` (required,
 *  award_evidence_type, award_evidence_too_large, award_evidence_too_many);
 *  award_not_open_for_applications; an entry not its own is not_found. */
const addEvidenceInput = z.strictObject({ entryId: z.uuid(), fileName: z.string().trim().min(1).max(200) });

export async function addEvidence(ctx: Ctx, raw: Input<typeof addEvidenceInput> & { bytes: Uint8Array }) {
  // The bytes are checked apart: parseInput's text check would walk every byte of the file.
  const { bytes: rawBytes, ...rest } = (raw ?? {}) as { bytes?: unknown };
  const input = parseInput(addEvidenceInput, rest);
  const bytes = z.instanceof(Uint8Array).safeParse(rawBytes).data;
  if (!bytes || bytes.length === 0) throw refuse("required");
  if (bytes.length > AWARD_EVIDENCE_MAX_BYTES) throw refuse("award_evidence_too_large", { max: AWARD_EVIDENCE_MAX_BYTES / 1024 / 1024 });
  const type = evidenceType(bytes);
  if (!type) throw refuse("award_evidence_type");
  return inTransaction(ctx, async (tx, c) => {
    const { entry, category } = await ownOpenEntry(tx, c, input.entryId);
    const [{ n }] = (await tx.select({ n: sql<number>`count(*)::int` }).from(awardEvidence).where(eq(awardEvidence.entryId, entry.id))) as [{ n: number }];
    if (n >= AWARD_EVIDENCE_MAX_FILES) throw refuse("award_evidence_too_many", { max: AWARD_EVIDENCE_MAX_FILES });
    const [row] = await tx
      .insert(awardEvidence)
      .values({ entryId: entry.id, fileName: input.fileName, contentType: type, bytes: Buffer.from(bytes), size: bytes.length, createdAt: c.clock.now() })
      .returning({ id: awardEvidence.id });
    const [ed] = await tx.select({ organiserId: editions.organiserId }).from(editions).where(eq(editions.id, category.editionId));
    await recordAudit(tx, c, { action: "award.evidence_added", entityType: "award_entry", entityId: entry.id, organiserId: ed!.organiserId, editionId: category.editionId, data: { evidenceId: row!.id, contentType: type, size: bytes.length } });
    return { id: row!.id, contentType: type };
  });
}

const removeEvidenceInput = z.strictObject({ evidenceId: z.uuid() });

/** Removes a file from the exhibitor's own entry while applications are open. */
export async function removeEvidence(ctx: Ctx, raw: Input<typeof removeEvidenceInput>) {
  const { evidenceId } = parseInput(removeEvidenceInput, raw);
  return inTransaction(ctx, async (tx, c) => {
    const [file] = await tx.select({ id: awardEvidence.id, entryId: awardEvidence.entryId }).from(awardEvidence).where(eq(awardEvidence.id, evidenceId));
    if (!file) throw new DomainError("not_found", { params: { what: "award_evidence" } });
    const { entry, category } = await ownOpenEntry(tx, c, file.entryId);
    await tx.delete(awardEvidence).where(eq(awardEvidence.id, file.id));
    const [ed] = await tx.select({ organiserId: editions.organiserId }).from(editions).where(eq(editions.id, category.editionId));
    await recordAudit(tx, c, { action: "award.evidence_removed", entityType: "award_entry", entityId: entry.id, organiserId: ed!.organiserId, editionId: category.editionId, data: { evidenceId: file.id } });
    return { removed: true };
  });
}

const evidenceFileInput = z.strictObject({ evidenceId: z.uuid() });

/** A file of an entry, for its exhibitor, the organiser's staff, or a judge assigned to the entry
 *  in any round; anyone else gets not_found (whether it exists is not theirs to know). */
export async function evidenceFile(ctx: Ctx, raw: Input<typeof evidenceFileInput>) {
  const { evidenceId } = parseInput(evidenceFileInput, raw);
  const [row] = await ctx.db
    .select({ file: awardEvidence, enterpriseId: awardEntries.enterpriseId, organiserId: editions.organiserId })
    .from(awardEvidence)
    .innerJoin(awardEntries, eq(awardEntries.id, awardEvidence.entryId))
    .innerJoin(editions, eq(editions.id, awardEntries.editionId))
    .where(eq(awardEvidence.id, evidenceId));
  const missing = new DomainError("not_found", { params: { what: "award_evidence" } });
  if (!row) throw missing;
  const a = ctx.actor;
  let allowed = can(a, "awards.enter", { enterpriseId: row.enterpriseId }) || can(a, "awards.manage", { organiserId: row.organiserId });
  if (!allowed && a.kind === "user" && can(a, "awards.judge", { organiserId: row.organiserId })) {
    const [assigned] = await ctx.db.select({ e: awardAssignments.entryId }).from(awardAssignments).where(and(eq(awardAssignments.entryId, row.file.entryId), eq(awardAssignments.userId, a.userId))).limit(1);
    allowed = !!assigned;
  }
  if (!allowed) throw missing;
  return { fileName: row.file.fileName, contentType: row.file.contentType, bytes: row.file.bytes };
}

/** The evidence of entries (id, name, type, size), for the judging and organiser pages. */
export async function evidenceOf(db: Executor, entryIds: readonly string[]) {
  if (!entryIds.length) return new Map<string, { id: string; fileName: string; contentType: string; size: number }[]>();
  const rows = await db
    .select({ id: awardEvidence.id, entryId: awardEvidence.entryId, fileName: awardEvidence.fileName, contentType: awardEvidence.contentType, size: awardEvidence.size })
    .from(awardEvidence)
    .where(inArray(awardEvidence.entryId, [...entryIds]))
    .orderBy(asc(awardEvidence.createdAt));
  const out = new Map<string, { id: string; fileName: string; contentType: string; size: number }[]>();
  for (const { entryId, ...f } of rows) out.set(entryId, [...(out.get(entryId) ?? []), f]);
  return out;
}
