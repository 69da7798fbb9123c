import { and, asc, count, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import { isUniqueViolation } from "../../../platform/db/errors";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { hashSecret, newSecret } from "../../../platform/ids";
import { queueEmail } from "../../../platform/mail/outbox";
import { authorize } from "../../../platform/permissions/policy";
import { parseInput, type Input } from "../../../platform/validation";
import { findEdition } from "#features/editions";
import { clusters, editionTradeBodies, tradeBodies } from "#features/editions";
import {
  nominationColumns,
  nominationTemplate,
  parseNominationFile,
  RawRow,
  validateNominationRows,
  type NominationRow,
  type Problem,
} from "../engine";
import { nominations, selections } from "../tables";
import { callIsOpen, findCall } from "./call";
import { applicationLink, invitationEmail } from "./invitation";

/** The trade body a representative acts for: the one asked for, else their first binding. */
export function tradeBodyOf(ctx: Ctx, requested?: string | null): string | null {
  if (requested) return requested;
  if (ctx.actor.kind !== "user") return null;
  return ctx.actor.grants.find((g) => g.role === "trade_body_rep" && g.tradeBodyId)?.tradeBodyId ?? null;
}

const LINK_DAYS_AFTER_CLOSE = 30;

/** What validation needs: the edition's clusters, every NTN already nominated, and the quota left. */
async function nominationContext(db: Executor, editionId: string, tradeBodyId: string) {
  const clusterRows = await db
    .select({ id: clusters.id, slug: clusters.slug, nameEn: clusters.nameEn, nameUr: clusters.nameUr })
    .from(clusters)
    .where(eq(clusters.editionId, editionId));
  const existing = await db
    .select({ ntn: nominations.ntn, tradeBodyId: nominations.tradeBodyId })
    .from(nominations)
    .where(eq(nominations.editionId, editionId));
  const [membership] = await db
    .select()
    .from(editionTradeBodies)
    .where(and(eq(editionTradeBodies.editionId, editionId), eq(editionTradeBodies.tradeBodyId, tradeBodyId)));
  if (!membership) throw new DomainError("forbidden", { params: { reason: "not_a_nominating_body" } });
  // Withdrawn nominees free their place in the quota.
  const used = existing.filter((e) => e.tradeBodyId === tradeBodyId).length -
    (await db
      .select({ n: count() })
      .from(nominations)
      .where(and(eq(nominations.editionId, editionId), eq(nominations.tradeBodyId, tradeBodyId), eq(nominations.status, "withdrawn"))))[0]!.n;
  return { clusters: clusterRows, existing, quota: membership.nominationQuota, remaining: Math.max(0, membership.nominationQuota - used) };
}

async function openCallFor(ctx: Ctx, editionId: string, tradeBodyId: string | null) {
  const edition = await findEdition(ctx.db, { id: editionId });
  if (!edition) throw new DomainError("not_found", { params: { what: "edition" } });
  authorize(ctx.actor, "nomination.create", { tradeBodyId, organiserId: edition.organiserId });
  const call = await findCall(ctx.db, editionId);
  if (!callIsOpen(call, ctx.clock.now())) throw new DomainError("call_closed");
  return { edition, call: call!, tradeBodyId: tradeBodyId! };
}

export interface UploadReport {
  problems: Problem[];
  valid: NominationRow[];
  /** Every row as read, so the page can offer the valid ones for acceptance. */
  rows: RawRow[];
  /** Rows this trade body already nominated with the same NTN: not errors when a fixed file is uploaded again. */
  alreadyNominated: number[];
  quota: { total: number; remaining: number; valid: number; exceededBy: number };
}

function report(rows: RawRow[], result: ReturnType<typeof validateNominationRows>, quota: number, sheetProblems: Problem[] = []): UploadReport {
  const alreadyRows = new Set(result.problems.filter((p) => p.code === "already_nominated").map((p) => p.row));
  // A row whose only problem is that it was accepted earlier is not an error after a re-upload.
  const onlyAlready = [...alreadyRows].filter((r) => result.problems.every((p) => p.row !== r || p.code === "already_nominated"));
  const problems = [...sheetProblems, ...result.problems.filter((p) => !onlyAlready.includes(p.row))];
  return {
    problems,
    valid: result.valid,
    rows,
    alreadyNominated: onlyAlready.sort((a, b) => a - b),
    quota: { total: quota, remaining: result.quota.remaining, valid: result.quota.valid, exceededBy: result.quota.exceededBy },
  };
}

const uploadInput = z.object({ editionId: z.uuid(), tradeBodyId: z.uuid().nullish(), file: z.instanceof(Uint8Array) });

/** Reads and checks a spreadsheet; nothing is stored until the rows are accepted. */
export async function checkUpload(ctx: Ctx, raw: Input<typeof uploadInput>): Promise<UploadReport> {
  const input = parseInput(uploadInput, raw);
  const { tradeBodyId } = await openCallFor(ctx, input.editionId, tradeBodyOf(ctx, input.tradeBodyId));
  const sheet = await parseNominationFile(input.file);
  const nc = await nominationContext(ctx.db, input.editionId, tradeBodyId);
  const result = validateNominationRows({ rows: sheet.rows, clusters: nc.clusters, tradeBodyId, existing: nc.existing, remainingQuota: nc.remaining });
  return report(sheet.rows, result, nc.quota, sheet.problems);
}

const acceptInput = z.object({ editionId: z.uuid(), tradeBodyId: z.uuid().nullish(), rows: z.array(RawRow).min(1).max(2000) });

export interface Created {
  id: string;
  enterpriseName: string;
  link: string;
}

/**
 * Accepts rows: validates them again (the page sent them back), then, holding
 * the lock on the trade body's quota row, inserts the valid ones if they fit.
 * Two uploads of one trade body at once queue on that lock, so the quota holds.
 */
export async function acceptRows(ctx: Ctx, raw: Input<typeof acceptInput>): Promise<{ created: Created[]; report: UploadReport }> {
  const input = parseInput(acceptInput, raw);
  const { edition, call, tradeBodyId } = await openCallFor(ctx, input.editionId, tradeBodyOf(ctx, input.tradeBodyId));
  try {
    return await inTransaction(ctx, async (tx) => {
      await tx
        .select()
        .from(editionTradeBodies)
        .where(and(eq(editionTradeBodies.editionId, input.editionId), eq(editionTradeBodies.tradeBodyId, tradeBodyId)))
        .for("update");
      const nc = await nominationContext(tx, input.editionId, tradeBodyId);
      const result = validateNominationRows({ rows: input.rows, clusters: nc.clusters, tradeBodyId, existing: nc.existing, remainingQuota: nc.remaining });
      const r = report(input.rows, result, nc.quota);
      if (r.problems.length > 0) {
        throw new DomainError("validation_failed", { fields: r.problems.map((p) => ({ path: `${p.row}.${p.column ?? ""}`, code: p.code, params: p.params })) });
      }
      if (!result.quota.ok) throw new DomainError("quota_exceeded", { params: { remaining: nc.remaining, valid: result.valid.length } });
      const [body] = await tx.select().from(tradeBodies).where(eq(tradeBodies.id, tradeBodyId));
      const created: Created[] = [];
      const expires = new Date(call.closesAt.getTime() + LINK_DAYS_AFTER_CLOSE * 86_400_000);
      for (const row of result.valid) {
        const secret = newSecret();
        const [n] = await tx
          .insert(nominations)
          .values({
            editionId: input.editionId,
            tradeBodyId,
            clusterId: row.clusterId,
            ntn: row.ntn,
            enterpriseName: row.enterpriseName,
            sizeClass: row.sizeClass,
            annualTurnoverPkr: row.annualTurnoverPkr,
            employees: row.employees,
            womenLed: row.womenLed,
            contactName: row.contactName,
            email: row.email,
            phone: row.phone,
            district: row.district,
            locale: ctx.locale,
            linkHash: hashSecret(secret),
            linkExpiresAt: expires,
            createdBy: ctx.actor.kind === "user" ? ctx.actor.userId : null,
            createdAt: ctx.clock.now(),
          })
          .returning({ id: nominations.id });
        const link = applicationLink(ctx.config.publicUrl, secret, ctx.locale);
        if (row.email) {
          await queueEmail(tx, ctx.clock, invitationEmail({ to: row.email, contactName: row.contactName, enterpriseName: row.enterpriseName, tradeBody: body!, edition, link: (l) => applicationLink(ctx.config.publicUrl, secret, l) }));
        }
        created.push({ id: n!.id, enterpriseName: row.enterpriseName, link });
      }
      await recordAudit(tx, ctx, {
        action: "nominations.accepted",
        entityType: "trade_body",
        entityId: tradeBodyId,
        organiserId: edition.organiserId,
        editionId: input.editionId,
        data: { count: created.length, ids: created.map((c) => c.id) },
      });
      return { created, report: r };
    });
  } catch (e) {
    // Another trade body took the same NTN a moment ago: the unique key refused it.
    if (isUniqueViolation(e)) throw new DomainError("nominated_meanwhile");
    throw e;
  }
}

const nominateOneInput = z.object({ editionId: z.uuid(), tradeBodyId: z.uuid().nullish() }).loose();

/** One nomination from the form: the same checks as a spreadsheet row. */
export async function nominateOne(ctx: Ctx, raw: Input<typeof nominateOneInput>) {
  const input = parseInput(nominateOneInput, raw);
  const values: Record<string, string> = {};
  for (const c of nominationColumns) {
    const v = (raw as Record<string, unknown>)[c.key];
    values[c.key] = v === undefined || v === null ? "" : String(v);
  }
  const result = await acceptRows(ctx, { editionId: input.editionId, tradeBodyId: input.tradeBodyId, rows: [{ row: 1, values }] }).catch((e: unknown) => {
    // On a form the row number means nothing: report by field.
    if (e instanceof DomainError && e.code === "validation_failed") {
      throw new DomainError("validation_failed", { fields: e.fields.map((f) => ({ ...f, path: f.path.replace(/^\d+\./, "") })) });
    }
    throw e;
  });
  return result.created[0]!;
}

const listNominationsInput = z.object({ editionId: z.uuid(), tradeBodyId: z.uuid().nullish() });

/** A representative's own nominations (never another trade body's) with their status and quota. */
export async function listNominations(ctx: Ctx, raw: Input<typeof listNominationsInput>) {
  const input = parseInput(listNominationsInput, raw);
  const tradeBodyId = tradeBodyOf(ctx, input.tradeBodyId);
  const edition = await findEdition(ctx.db, { id: input.editionId });
  if (!edition) throw new DomainError("not_found", { params: { what: "edition" } });
  // Without a trade body there is nothing to list; authorize reports it (unauthenticated or forbidden).
  if (!tradeBodyId) authorize(ctx.actor, "nomination.create", { tradeBodyId: null });
  authorize(ctx.actor, "nomination.read", { tradeBodyId, organiserId: edition.organiserId });
  const rows = await ctx.db
    .select({
      id: nominations.id,
      enterpriseName: nominations.enterpriseName,
      ntn: nominations.ntn,
      clusterId: nominations.clusterId,
      clusterEn: clusters.nameEn,
      clusterUr: clusters.nameUr,
      sizeClass: nominations.sizeClass,
      womenLed: nominations.womenLed,
      contactName: nominations.contactName,
      status: nominations.status,
      submittedAt: nominations.submittedAt,
      createdAt: nominations.createdAt,
    })
    .from(nominations)
    .innerJoin(clusters, eq(clusters.id, nominations.clusterId))
    .where(and(eq(nominations.editionId, input.editionId), eq(nominations.tradeBodyId, tradeBodyId!)))
    .orderBy(asc(nominations.createdAt), asc(nominations.enterpriseName));
  const nc = await nominationContext(ctx.db, input.editionId, tradeBodyId!);
  const call = await findCall(ctx.db, input.editionId);
  // Once the selection is published, each nominee's decision shows too.
  const [sel] = await ctx.db.select().from(selections).where(eq(selections.editionId, input.editionId));
  const decided = new Map<string, string>();
  if (sel?.publishedAt) for (const d of (sel.result as { decisions?: { applicationId: string; status: string }[] }).decisions ?? []) decided.set(d.applicationId, d.status);
  return { edition, tradeBodyId: tradeBodyId!, nominations: rows.map((r) => ({ ...r, decision: decided.get(r.id) ?? null })), quota: nc.quota, remaining: nc.remaining, callOpen: callIsOpen(call, ctx.clock.now()), call };
}

const reissueLinkInput = z.object({ nominationId: z.uuid() });

/** A fresh application link for a nominee (the old one stops working): for passing on by phone. */
export async function reissueLink(ctx: Ctx, raw: Input<typeof reissueLinkInput>) {
  const { nominationId } = parseInput(reissueLinkInput, raw);
  return inTransaction(ctx, async (tx) => {
    const [n] = await tx.select().from(nominations).where(eq(nominations.id, nominationId)).for("update");
    // Someone else's nominee is reported as missing, not as forbidden: its existence is not theirs to learn.
    if (!n || ctx.actor.kind !== "user" || !ctx.actor.grants.some((g) => g.role === "trade_body_rep" && g.tradeBodyId === n.tradeBodyId)) {
      throw new DomainError("not_found", { params: { what: "nomination" } });
    }
    authorize(ctx.actor, "nomination.create", { tradeBodyId: n.tradeBodyId });
    const secret = newSecret();
    // A new link works for at least 30 days from now, also after the call (to read the decision, appeal or withdraw).
    const expires = new Date(Math.max(n.linkExpiresAt.getTime(), ctx.clock.now().getTime() + LINK_DAYS_AFTER_CLOSE * 86_400_000));
    await tx
      .update(nominations)
      .set({ linkHash: hashSecret(secret), linkExpiresAt: expires })
      .where(and(eq(nominations.id, nominationId), ne(nominations.status, "withdrawn")));
    const edition = await findEdition(tx, { id: n.editionId });
    await recordAudit(tx, ctx, { action: "nomination.link_reissued", entityType: "nomination", entityId: n.id, organiserId: edition?.organiserId, editionId: n.editionId });
    return { link: applicationLink(ctx.config.publicUrl, secret, n.locale) };
  });
}

const nominationTemplateFileInput = z.object({ editionId: z.uuid() });

/** The XLSX template with the edition's clusters. */
export async function nominationTemplateFile(ctx: Ctx, raw: Input<typeof nominationTemplateFileInput>): Promise<Buffer> {
  const { editionId } = parseInput(nominationTemplateFileInput, raw);
  const clusterRows = await ctx.db
    .select({ id: clusters.id, slug: clusters.slug, nameEn: clusters.nameEn, nameUr: clusters.nameUr })
    .from(clusters)
    .where(eq(clusters.editionId, editionId))
    .orderBy(asc(clusters.nameEn));
  return nominationTemplate({ clusters: clusterRows });
}
