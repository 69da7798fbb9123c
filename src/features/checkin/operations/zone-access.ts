import { and, asc, desc, eq, sql } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import { isUniqueViolation } from "../../../platform/db/errors";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { parseInput, type Input } from "../../../platform/validation";
import { visitorCategories } from "#features/editions";
import { normaliseEmail } from "#features/registration";
import { registrations } from "#features/registration";
import { zoneAccessInput, zoneGrantInput, zoneGrantRevokeInput, zoneRulesInput } from "../schemas";
import { zoneCategories, zoneGrants, zones } from "../tables";
import { editionFor, editionForChange, partForChange } from "#features/editions";

// Who enters which zone. Organisers tick, per edition, which visitor categories enter which zone
// (the matrix), and grant a zone to one registration with a reason (and revoke it). A
// registration's zone mask is its category's zones ∪ its own grants (zone-masks.ts). Gates decide
// by the current mask, online from the database and offline from the gate bundle's zone rules, so
// a change counts at the next scan (online) or the next bundle sync (15 s) without replacing any
// printed badge; badges signed afterwards carry the new mask (docs/badges.md, "Zone access").
// Every change is audited: checkin.zone_rules_set, checkin.zone_granted, checkin.zone_grant_revoked.

/** The matrix and the grants, for the zone-access page and the API. */
export async function zoneAccess(ctx: Ctx, raw: Input<typeof zoneAccessInput>) {
  const { editionId } = parseInput(zoneAccessInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, editionId, "checkin.manage");
  const db = ctx.db;
  const zoneRows = await db.select().from(zones).where(eq(zones.editionId, editionId)).orderBy(asc(zones.bit));
  const categoryRows = await db
    .select({ id: visitorCategories.id, code: visitorCategories.code, nameEn: visitorCategories.nameEn, nameUr: visitorCategories.nameUr })
    .from(visitorCategories)
    .where(eq(visitorCategories.editionId, editionId))
    .orderBy(asc(visitorCategories.sort), asc(visitorCategories.badgeIndex));
  const rules = await db.select({ categoryId: zoneCategories.categoryId, zoneId: zoneCategories.zoneId }).from(zoneCategories).where(eq(zoneCategories.editionId, editionId));
  const grants = await db
    .select({
      id: zoneGrants.id,
      registrationId: zoneGrants.registrationId,
      registrationNo: registrations.number,
      name: registrations.name,
      email: registrations.email,
      zoneId: zoneGrants.zoneId,
      reason: zoneGrants.reason,
      grantedAt: zoneGrants.grantedAt,
    })
    .from(zoneGrants)
    .innerJoin(registrations, eq(registrations.id, zoneGrants.registrationId))
    .where(eq(zoneGrants.editionId, editionId))
    .orderBy(desc(zoneGrants.grantedAt), asc(registrations.number));
  return {
    edition: { id: edition.id, nameEn: edition.nameEn, nameUr: edition.nameUr },
    zones: zoneRows.map((z) => ({ id: z.id, code: z.code, nameEn: z.nameEn, nameUr: z.nameUr, bit: z.bit })),
    categories: categoryRows,
    rules: rules.sort((a, b) => a.categoryId.localeCompare(b.categoryId) || a.zoneId.localeCompare(b.zoneId)),
    grants: grants.map((g) => ({ ...g, grantedAt: g.grantedAt.toISOString() })),
  };
}

const badRule = () => new DomainError("validation_failed", { fields: [{ path: "rules", code: "invalid_value" }] });

/** Set the whole category × zone matrix of the edition (pairs left out are removed). */
export async function setZoneRules(ctx: Ctx, raw: Input<typeof zoneRulesInput>) {
  const input = parseInput(zoneRulesInput, raw);
  return inTransaction(ctx, async (tx) => {
    // One matrix writer at a time per edition: the read-compare-write below sees the last one's result.
    const edition = await editionForChange(tx, ctx.actor, input.editionId, "checkin.manage");
    const cats = await tx.select({ id: visitorCategories.id, code: visitorCategories.code }).from(visitorCategories).where(eq(visitorCategories.editionId, edition.id));
    const zoneRows = await tx.select({ id: zones.id, code: zones.code }).from(zones).where(eq(zones.editionId, edition.id));
    const catCode = new Map(cats.map((c) => [c.id, c.code]));
    const zoneCode = new Map(zoneRows.map((z) => [z.id, z.code]));
    // Only this edition's categories and zones (another edition's ids are a field error, not a row).
    if (input.rules.some((r) => !catCode.has(r.categoryId) || !zoneCode.has(r.zoneId))) throw badRule();
    const key = (r: { categoryId: string; zoneId: string }) => `${r.categoryId}:${r.zoneId}`;
    const wanted = new Map(input.rules.map((r) => [key(r), r]));
    const current = await tx.select({ categoryId: zoneCategories.categoryId, zoneId: zoneCategories.zoneId }).from(zoneCategories).where(eq(zoneCategories.editionId, edition.id));
    const have = new Set(current.map(key));
    const added = [...wanted.values()].filter((r) => !have.has(key(r)));
    const removed = current.filter((r) => !wanted.has(key(r)));
    for (const r of removed) await tx.delete(zoneCategories).where(and(eq(zoneCategories.categoryId, r.categoryId), eq(zoneCategories.zoneId, r.zoneId)));
    if (added.length) await tx.insert(zoneCategories).values(added.map((r) => ({ editionId: edition.id, ...r })));
    const named = (rs: { categoryId: string; zoneId: string }[]) => rs.map((r) => `${catCode.get(r.categoryId)}→${zoneCode.get(r.zoneId)}`).sort();
    if (added.length || removed.length) {
      await recordAudit(tx, ctx, {
        action: "checkin.zone_rules_set",
        entityType: "edition",
        entityId: edition.id,
        organiserId: edition.organiserId,
        editionId: edition.id,
        data: { added: named(added), removed: named(removed) },
      });
    }
    return { added: added.length, removed: removed.length };
  });
}

/** The registration an organiser means by a number or an email (its live one, if several). */
async function findRegistration(db: Executor, editionId: string, text: string) {
  const byNumber = /^[0-9]{1,10}$/.test(text);
  if (byNumber && Number(text) > 0xffffffff) return undefined;
  const [reg] = await db
    .select({ id: registrations.id, number: registrations.number, status: registrations.status })
    .from(registrations)
    .where(and(eq(registrations.editionId, editionId), byNumber ? eq(registrations.number, Number(text)) : sql`lower(${registrations.email}) = ${normaliseEmail(text)}`))
    // A cancelled registration only when there is no live one with that email.
    .orderBy(sql`${registrations.status} = 'cancelled'`, desc(registrations.createdAt))
    .limit(1);
  return reg;
}

/** Grant one zone to one registration, with a reason. */
export async function grantZone(ctx: Ctx, raw: Input<typeof zoneGrantInput>) {
  const input = parseInput(zoneGrantInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, input.editionId, "checkin.manage");
  try {
    return await inTransaction(ctx, async (tx) => {
      const reg = await findRegistration(tx, edition.id, input.registration);
      if (!reg) throw new DomainError("validation_failed", { fields: [{ path: "registration", code: "checkin_registration_unknown" }] });
      const [zone] = await tx.select().from(zones).where(and(eq(zones.id, input.zoneId), eq(zones.editionId, edition.id)));
      if (!zone) throw new DomainError("validation_failed", { fields: [{ path: "zoneId", code: "invalid_value" }] });
      const [grant] = await tx
        .insert(zoneGrants)
        .values({ editionId: edition.id, registrationId: reg.id, zoneId: zone.id, reason: input.reason, grantedBy: ctx.actor.kind === "user" ? ctx.actor.userId : null, grantedAt: ctx.clock.now() })
        .returning();
      await recordAudit(tx, ctx, {
        action: "checkin.zone_granted",
        entityType: "registration",
        entityId: reg.id,
        organiserId: edition.organiserId,
        editionId: edition.id,
        data: { registrationNo: reg.number, zone: zone.code, reason: input.reason },
      });
      return { id: grant!.id, registrationId: reg.id, registrationNo: reg.number, zoneId: zone.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError("zone_already_granted");
    throw e;
  }
}

/** Revoke an individual grant (the category's zones are untouched). */
export async function revokeZoneGrant(ctx: Ctx, raw: Input<typeof zoneGrantRevokeInput>) {
  const { grantId } = parseInput(zoneGrantRevokeInput, raw);
  return inTransaction(ctx, async (tx) => {
    const [found] = await tx.select({ editionId: zoneGrants.editionId }).from(zoneGrants).where(eq(zoneGrants.id, grantId));
    const { edition } = await partForChange(tx, ctx.actor, found, "checkin.manage", "zone grant");
    const [gone] = await tx.delete(zoneGrants).where(eq(zoneGrants.id, grantId)).returning();
    if (!gone) throw new DomainError("not_found", { params: { what: "zone grant" } });
    const [reg] = await tx.select({ number: registrations.number }).from(registrations).where(eq(registrations.id, gone.registrationId));
    const [zone] = await tx.select({ code: zones.code }).from(zones).where(eq(zones.id, gone.zoneId));
    await recordAudit(tx, ctx, {
      action: "checkin.zone_grant_revoked",
      entityType: "registration",
      entityId: gone.registrationId,
      organiserId: edition.organiserId,
      editionId: edition.id,
      data: { registrationNo: reg?.number ?? null, zone: zone?.code ?? null, reason: gone.reason },
    });
    return { id: gone.id };
  });
}

