import { and, asc, count, eq, gte, ilike, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record";
import { auditEntries } from "../../../platform/audit/tables";
import type { Ctx } from "../../../platform/context";
import { DomainError } from "../../../platform/errors";
import { authorize } from "../../../platform/permissions/policy";
import { parseInput, type Input } from "../../../platform/validation";
import { visitorCategories } from "#features/editions";
import { registrations, type RegistrationStatus } from "#features/registration";
import { nonceSchema } from "../core/offline-sync";
import { formatShortCode, parseShortCode } from "../core/short-code";
import { badges, manualEntries } from "../tables";
import { currentBadgeOf } from "./issue-badge";
import { decideAndRecord, gateForScan, type ScanAnswer } from "./scan";

// A way in when the camera fails: gate staff find a badge by the short code printed on it
// (core/short-code.ts) or by the holder's name, see name, category and status, and admit from
// there through the very scan the QR would have made (operations/scan.ts), marked manual.
// Only people (not API tokens) who may scan at the gate's organiser; only the gate's edition;
// name searches are audited and limited per person.

/** Name searches one person may make in the window (a busy gate with a broken camera needs a few
 *  a minute; a script harvesting names needs many more). Counted from the audit log, so the
 *  limit holds across app processes. */
export const NAME_SEARCHES_PER_WINDOW = 30;
export const NAME_SEARCH_WINDOW_MS = 10 * 60_000;
/** At most this many people per name search: enough to pick from, too few to list an edition. */
export const NAME_RESULTS = 10;
export const NAME_MIN_LENGTH = 3;
export const NAME_SEARCH_ACTION = "checkin.nameSearched";

const findInput = z.strictObject({ gateId: z.uuid(), query: z.string().trim().min(1).max(120) });
const admitInput = z.strictObject({
  gateId: z.uuid(),
  registrationNo: z.coerce.number().int().min(1).max(0xffffffff),
  via: z.enum(manualEntries),
  nonce: nonceSchema.optional(),
  deviceId: z.string().trim().min(1).max(64).default("web-form"),
});

export interface FoundBadge {
  registrationNo: number;
  shortCode: string;
  name: string;
  nameUr: string | null;
  category: string;
  status: RegistrationStatus;
  /** The current badge: valid, revoked, or none issued (not approved yet). */
  badge: "valid" | "revoked" | "none";
}

export interface FindAnswer {
  via: "code" | "name";
  found: FoundBadge[];
}

async function foundRows(ctx: Ctx, year: number, where: SQL, limit: number): Promise<FoundBadge[]> {
  const rows = await ctx.db
    .select({
      number: registrations.number,
      name: registrations.name,
      nameUr: registrations.nameUr,
      status: registrations.status,
      categoryEn: visitorCategories.nameEn,
      categoryUr: visitorCategories.nameUr,
      revoked: sql<boolean | null>`(select ${badges.revokedAt} is not null from ${badges} where ${badges.registrationId} = ${registrations.id} order by ${badges.serial} desc limit 1)`,
    })
    .from(registrations)
    .innerJoin(visitorCategories, eq(visitorCategories.id, registrations.categoryId))
    .where(where)
    .orderBy(asc(registrations.name), asc(registrations.number))
    .limit(limit);
  return rows.map((r) => ({
    registrationNo: r.number,
    shortCode: formatShortCode(year, r.number),
    name: r.name,
    nameUr: r.nameUr,
    category: ctx.locale === "ur" ? r.categoryUr : r.categoryEn,
    status: r.status,
    badge: r.revoked === null ? "none" : r.revoked ? "revoked" : "valid",
  }));
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Find badges of the gate's edition by short code (exactly one person, or none) or by name. */
export async function findBadges(ctx: Ctx, raw: Input<typeof findInput>): Promise<FindAnswer> {
  const input = parseInput(findInput, raw);
  const { edition } = await gateForScan(ctx, input.gateId);
  authorize(ctx.actor, "checkin.findPerson", { organiserId: edition.organiserId });
  const code = parseShortCode(input.query, edition.year);
  if (code.ok) {
    if (code.year !== edition.year) {
      throw new DomainError("short_code_other_edition", { params: { year: code.year }, fields: [{ path: "query", code: "checkin_short_code_other_edition", params: { year: code.year } }] });
    }
    const found = await foundRows(ctx, edition.year, and(eq(registrations.editionId, edition.id), eq(registrations.number, code.registrationNo))!, 1);
    return { via: "code", found };
  }
  if (code.reason === "bad_check") throw new DomainError("short_code_check_failed", { fields: [{ path: "query", code: "checkin_short_code_check" }] });

  // Not a code: a name, in Latin or Urdu script.
  if (input.query.length < NAME_MIN_LENGTH) {
    throw new DomainError("validation_failed", { fields: [{ path: "query", code: "too_short", params: { min: NAME_MIN_LENGTH } }] });
  }
  const userId = ctx.actor.kind === "user" ? ctx.actor.userId : "-";
  const since = new Date(ctx.clock.now().getTime() - NAME_SEARCH_WINDOW_MS);
  const [recent] = await ctx.db
    .select({ n: count() })
    .from(auditEntries)
    .where(and(eq(auditEntries.organiserId, edition.organiserId), gte(auditEntries.at, since), eq(auditEntries.action, NAME_SEARCH_ACTION), eq(auditEntries.actorUserId, userId)));
  if ((recent?.n ?? 0) >= NAME_SEARCHES_PER_WINDOW) throw new DomainError("rate_limited");
  const pattern = likePattern(input.query);
  const found = await foundRows(ctx, edition.year, and(eq(registrations.editionId, edition.id), or(ilike(registrations.name, pattern), ilike(registrations.nameUr, pattern)))!, NAME_RESULTS);
  // Who looked whom up, kept: names are personal data. The entry also counts towards the limit.
  await recordAudit(ctx.db, ctx, {
    action: NAME_SEARCH_ACTION,
    entityType: "edition",
    entityId: edition.id,
    organiserId: edition.organiserId,
    editionId: edition.id,
    data: { query: input.query, results: found.length },
  });
  return { via: "name", found };
}

/** Admit (or refuse) a person found by short code or name: the scan of their current badge at
 *  this gate, decided and recorded as a QR scan would be (same reasons, "already inside" on a
 *  repeat), marked as a manual entry. */
export async function admitFound(ctx: Ctx, raw: Input<typeof admitInput>): Promise<ScanAnswer> {
  const input = parseInput(admitInput, raw);
  const { edition } = await gateForScan(ctx, input.gateId);
  authorize(ctx.actor, "checkin.findPerson", { organiserId: edition.organiserId });
  const [reg] = await ctx.db
    .select({ id: registrations.id })
    .from(registrations)
    .where(and(eq(registrations.editionId, edition.id), eq(registrations.number, input.registrationNo)));
  if (!reg) throw new DomainError("not_found", { params: { what: "badge" } });
  const badge = await currentBadgeOf(ctx.db, reg.id);
  if (!badge) throw new DomainError("registration_not_approved");
  return decideAndRecord(ctx, { gateId: input.gateId, code: badge.code, deviceId: input.deviceId, ...(input.nonce ? { nonce: input.nonce } : {}) }, input.via);
}
