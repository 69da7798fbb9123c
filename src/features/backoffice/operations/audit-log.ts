import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { findAuditEntries } from "../../../platform/audit/record";
import type { Ctx } from "../../../platform/context";
import { DomainError } from "../../../platform/errors";
import { authorize } from "../../../platform/permissions/policy";
import { parseInput, type Input } from "../../../platform/validation";
import { staffOrganiserId } from "../../../platform/permissions/actor";
import { editions, organisers } from "#features/editions";
import { endOfZonedDay, startOfZonedDay } from "./zoned";

export const AUDIT_PAGE_SIZE = 50;
const DEFAULT_TIMEZONE = "Asia/Karachi";

// Empty form fields arrive as "", which means "no filter".
const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(max).optional());
const optionalDate = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.iso.date().optional());

export const auditFilterInput = z
  .object({
    /** Only platform admins may name another organiser; staff read their own. */
    organiserId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid().optional()),
    action: optionalText(80),
    entityType: optionalText(80),
    actor: optionalText(200),
    from: optionalDate,
    to: optionalDate,
    page: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().int().min(1).max(10_000).default(1)),
  })
  .refine((v) => !v.from || !v.to || v.to >= v.from, { path: ["to"], params: { code: "ends_before_start" } });

export type AuditFilterInput = z.input<typeof auditFilterInput>;

/**
 * The audit log of one organiser, newest first, one page at a time. Day filters
 * are read in the organiser's edition timezone so "from 24 January" means the
 * morning the doors opened in Lahore, not midnight UTC.
 */
export async function readAuditLog(ctx: Ctx, raw: Input<typeof auditFilterInput> = {}) {
  const f = parseInput(auditFilterInput, raw ?? {});
  let organiserId = f.organiserId ?? staffOrganiserId(ctx.actor);
  authorize(ctx.actor, "audit.read", { organiserId });
  if (!organiserId) {
    // A platform admin without an organiser of their own reads the first organiser's log.
    const [first] = await ctx.db.select({ id: organisers.id }).from(organisers).orderBy(organisers.createdAt).limit(1);
    if (!first) throw new DomainError("not_found", { params: { what: "organiser" } });
    organiserId = first.id;
    authorize(ctx.actor, "audit.read", { organiserId });
  }
  const [latest] = await ctx.db
    .select({ timezone: editions.timezone })
    .from(editions)
    .where(eq(editions.organiserId, organiserId))
    .orderBy(desc(editions.startsOn))
    .limit(1);
  const timezone = latest?.timezone ?? DEFAULT_TIMEZONE;
  const rows = await findAuditEntries(ctx.db, {
    organiserId,
    action: f.action,
    entityType: f.entityType,
    actor: f.actor,
    from: f.from ? startOfZonedDay(f.from, timezone) : undefined,
    to: f.to ? endOfZonedDay(f.to, timezone) : undefined,
    // One extra row tells whether a next page exists without counting the table.
    limit: AUDIT_PAGE_SIZE + 1,
    offset: (f.page - 1) * AUDIT_PAGE_SIZE,
  });
  return {
    entries: rows.slice(0, AUDIT_PAGE_SIZE),
    page: f.page,
    hasNext: rows.length > AUDIT_PAGE_SIZE,
    timezone,
  };
}
