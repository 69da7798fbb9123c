import { and, desc, eq, gte, ilike, lte, or, type SQL } from "drizzle-orm";
import type { Ctx } from "../context";
import type { Executor } from "../db/types";
import { actorLabel } from "../permissions/actor";
import type { AuditAction, AuditEntityType } from "./actions";
import { auditEntries } from "./tables";

/**
 * Who acted when it is not the caller's session or token but the person a link identifies: an
 * account (an invitation or password-reset link), a registration's holder (its manage link) or a
 * nomination's holder (the application link). `label` is what the log shows and searches (an
 * email, a name), never a secret.
 */
export type AuditBy = { userId: string; label: string } | { registrationId: string; label: string } | { nominationId: string; label: string };

export interface AuditInput {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId?: string | null;
  organiserId?: string | null;
  editionId?: string | null;
  data?: Record<string, unknown>;
  by?: AuditBy;
}

/** Write one audit entry; call it inside the transaction that makes the change. */
export async function recordAudit(db: Executor, ctx: Ctx, entry: AuditInput): Promise<void> {
  const actor = ctx.actor;
  const by = entry.by;
  const byUser = by && "userId" in by ? by : null;
  await db.insert(auditEntries).values({
    at: ctx.clock.now(),
    organiserId: entry.organiserId ?? (actor.kind === "token" ? actor.organiserId : null),
    editionId: entry.editionId ?? null,
    actorUserId: byUser?.userId ?? (actor.kind === "user" ? actor.userId : null),
    actorTokenId: actor.kind === "token" ? actor.tokenId : null,
    actorRegistrationId: by && "registrationId" in by ? by.registrationId : null,
    actorNominationId: by && "nominationId" in by ? by.nominationId : null,
    // A signed-in caller is named by their account even when they also hold the link.
    actorLabel: byUser?.label ?? (actor.kind === "anonymous" && by ? by.label : actorLabel(actor)),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    data: entry.data ?? {},
  });
}

export interface AuditFilter {
  organiserId: string;
  action?: string;
  entityType?: string;
  actor?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

export async function findAuditEntries(db: Executor, f: AuditFilter) {
  const where: SQL[] = [eq(auditEntries.organiserId, f.organiserId)];
  if (f.action) where.push(ilike(auditEntries.action, `${f.action}%`));
  if (f.entityType) where.push(eq(auditEntries.entityType, f.entityType));
  if (f.actor) where.push(or(ilike(auditEntries.actorLabel, `%${f.actor}%`)) as SQL);
  if (f.from) where.push(gte(auditEntries.at, f.from));
  if (f.to) where.push(lte(auditEntries.at, f.to));
  return db
    .select()
    .from(auditEntries)
    .where(and(...where))
    .orderBy(desc(auditEntries.at), desc(auditEntries.id))
    .limit(f.limit)
    .offset(f.offset);
}
