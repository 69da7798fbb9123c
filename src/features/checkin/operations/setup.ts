import { and, asc, eq, isNotNull, max } from "drizzle-orm";
import { roleGrants } from "#features/accounts";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import { isUniqueViolation } from "../../../platform/db/errors";
import type { Executor } from "../../../platform/db/types";
import { DomainError } from "../../../platform/errors";
import { parseInput, type Input } from "../../../platform/validation";
import { enterprises } from "#features/editions";
import { MAX_ZONES } from "../core/badge-format";
import { gateCreateInput, gateUpdateInput, setupInput, zoneCreateInput, zoneUpdateInput } from "../schemas";
import { gates, staffQuotas, zones } from "../tables";
import { editionFor, editionForChange, partForChange } from "#features/editions";

// Organisers set up check-in: zones, gates and exhibitors' staff-badge quotas (the quota itself
// is saved by setStaffQuota in staff-badges.ts). Every change is audited.
//
// A zone's bit is printed into every badge's signed zone mask, so a bit once given must never
// mean another zone: bits are allocated by the server only (max + 1, never from input), zones
// are never deleted (there is no operation for it), and (edition, bit) is unique in the table.

/** Zones, gates, quotas and the exhibitor enterprises a quota can be set for. */
export async function checkinSetup(ctx: Ctx, raw: Input<typeof setupInput>) {
  const { editionId } = parseInput(setupInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, editionId, "checkin.manage");
  const [zoneRows, gateRows, quotaRows, exhibitors] = await Promise.all([
    ctx.db.select().from(zones).where(eq(zones.editionId, editionId)).orderBy(asc(zones.bit)),
    ctx.db.select().from(gates).where(eq(gates.editionId, editionId)).orderBy(asc(gates.code)),
    ctx.db
      .select({ enterpriseId: staffQuotas.enterpriseId, quota: staffQuotas.quota, nameEn: enterprises.nameEn, nameUr: enterprises.nameUr })
      .from(staffQuotas)
      .innerJoin(enterprises, eq(enterprises.id, staffQuotas.enterpriseId))
      .where(eq(staffQuotas.editionId, editionId))
      .orderBy(asc(enterprises.nameEn)),
    // Enterprises someone holds an exhibitor grant for: the ones that can issue staff badges.
    ctx.db
      .selectDistinct({ id: enterprises.id, nameEn: enterprises.nameEn, nameUr: enterprises.nameUr })
      .from(enterprises)
      .innerJoin(roleGrants, and(eq(roleGrants.enterpriseId, enterprises.id), eq(roleGrants.role, "exhibitor")))
      .where(and(eq(enterprises.organiserId, edition.organiserId), isNotNull(roleGrants.enterpriseId)))
      .orderBy(asc(enterprises.nameEn)),
  ]);
  return {
    edition: { id: edition.id, nameEn: edition.nameEn, nameUr: edition.nameUr },
    zones: zoneRows.map((z) => ({ id: z.id, code: z.code, nameEn: z.nameEn, nameUr: z.nameUr, bit: z.bit })),
    gates: gateRows.map((g) => ({ id: g.id, code: g.code, nameEn: g.nameEn, nameUr: g.nameUr, zoneId: g.zoneId, reentryAllowed: g.reentryAllowed })),
    quotas: quotaRows,
    exhibitors,
  };
}

const codeTaken = () => new DomainError("validation_failed", { fields: [{ path: "code", code: "checkin_code_taken" }] });

/** Maps a unique violation on the code to a field error; anything else goes on. */
async function uniqueCode<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isUniqueViolation(e)) throw codeTaken();
    throw e;
  }
}

export async function createZone(ctx: Ctx, raw: Input<typeof zoneCreateInput>) {
  const input = parseInput(zoneCreateInput, raw);
  return uniqueCode(() =>
    inTransaction(ctx, async (tx) => {
      // The edition row lock serialises zone creation, so two organisers never compute one bit.
      const edition = await editionForChange(tx, ctx.actor, input.editionId, "checkin.manage");
      const [{ top } = { top: null }] = await tx.select({ top: max(zones.bit) }).from(zones).where(eq(zones.editionId, edition.id));
      const bit = top === null ? 0 : top + 1;
      if (bit >= MAX_ZONES) throw new DomainError("validation_failed", { fields: [{ path: "code", code: "checkin_zones_full", params: { max: MAX_ZONES } }] });
      const [zone] = await tx.insert(zones).values({ ...input, bit }).returning();
      await recordAudit(tx, ctx, { action: "checkin.zone_created", entityType: "checkin_zone", entityId: zone!.id, organiserId: edition.organiserId, editionId: edition.id, data: { code: input.code, bit } });
      return { id: zone!.id, code: zone!.code, bit };
    }),
  );
}

export async function updateZone(ctx: Ctx, raw: Input<typeof zoneUpdateInput>) {
  const input = parseInput(zoneUpdateInput, raw);
  return inTransaction(ctx, async (tx) => {
    const [zone] = await tx.select().from(zones).where(eq(zones.id, input.zoneId));
    const { edition } = await partForChange(tx, ctx.actor, zone, "checkin.manage", "zone");
    await tx.update(zones).set({ nameEn: input.nameEn, nameUr: input.nameUr }).where(eq(zones.id, input.zoneId));
    await recordAudit(tx, ctx, { action: "checkin.zone_updated", entityType: "checkin_zone", entityId: input.zoneId, organiserId: edition.organiserId, editionId: edition.id, data: { nameEn: input.nameEn, nameUr: input.nameUr } });
    return { id: input.zoneId };
  });
}

/** A gate's zone must be one of its own edition's zones. */
async function checkZone(db: Executor, editionId: string, zoneId: string | null) {
  if (!zoneId) return;
  const [z] = await db.select({ id: zones.id }).from(zones).where(and(eq(zones.id, zoneId), eq(zones.editionId, editionId)));
  if (!z) throw new DomainError("validation_failed", { fields: [{ path: "zoneId", code: "invalid_value" }] });
}

export async function createGate(ctx: Ctx, raw: Input<typeof gateCreateInput>) {
  const input = parseInput(gateCreateInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, input.editionId, "checkin.manage");
  await checkZone(ctx.db, edition.id, input.zoneId);
  return uniqueCode(() =>
    inTransaction(ctx, async (tx) => {
      const [gate] = await tx.insert(gates).values(input).returning();
      await recordAudit(tx, ctx, { action: "checkin.gate_created", entityType: "checkin_gate", entityId: gate!.id, organiserId: edition.organiserId, editionId: edition.id, data: { code: input.code, zoneId: input.zoneId, reentryAllowed: input.reentryAllowed } });
      return { id: gate!.id, code: gate!.code };
    }),
  );
}

export async function updateGate(ctx: Ctx, raw: Input<typeof gateUpdateInput>) {
  const input = parseInput(gateUpdateInput, raw);
  const { gateId, ...change } = input;
  return inTransaction(ctx, async (tx) => {
    const [gate] = await tx.select().from(gates).where(eq(gates.id, gateId));
    const { edition } = await partForChange(tx, ctx.actor, gate, "checkin.manage", "gate");
    await checkZone(tx, edition.id, input.zoneId);
    await tx.update(gates).set(change).where(eq(gates.id, gateId));
    await recordAudit(tx, ctx, { action: "checkin.gate_updated", entityType: "checkin_gate", entityId: gateId, organiserId: edition.organiserId, editionId: edition.id, data: change });
    return { id: gateId };
  });
}

/** Quotas only for enterprises of the edition's organiser (an unknown id is a field error, not a 500). */
export async function checkQuotaEnterprise(db: Executor, organiserId: string, enterpriseId: string) {
  const [e] = await db.select({ id: enterprises.id }).from(enterprises).where(and(eq(enterprises.id, enterpriseId), eq(enterprises.organiserId, organiserId)));
  if (!e) throw new DomainError("validation_failed", { fields: [{ path: "enterpriseId", code: "invalid_value" }] });
}
