import { and, desc, eq } from "drizzle-orm";
import { inTransaction, type Ctx } from "../../../platform/context";
import { DomainError } from "../../../platform/errors";
import { translate } from "../../../platform/i18n/translate";
import { authorize } from "../../../platform/permissions/policy";
import { parseInput } from "../../../platform/validation";
import { editions, visitorCategories } from "../../editions/tables";
import { registrations } from "../../registration/tables";
import { editionShortId, verifyBadge } from "../core/badge-code";
import { decideScan, type PriorScan, type RegistrationStatus, type ScanDecision } from "../core/decide";
import { scanDay } from "../core/gate-bundle";
import { newScanNonce } from "../core/offline-sync";
import { editionPublicKeys } from "../keys";
import { scanInput } from "../schemas";
import { badges, gates, scans, zones } from "../tables";

export interface ScanAnswer {
  result: "admit" | "refuse";
  reason: ScanDecision["reason"];
  /** The reason in the caller's language, for the gate screen. */
  message: string;
  nonce: string;
  /** Who the badge names, when the code was genuine: staff compare it with the person. */
  person: { registrationNo: number; name: string; category: string } | null;
}

/** Load a gate with its edition and zone bit; authorises the caller to scan there. */
export async function gateForScan(ctx: Ctx, gateId: string) {
  const [row] = await ctx.db
    .select({ gate: gates, edition: editions, zoneBit: zones.bit })
    .from(gates)
    .innerJoin(editions, eq(editions.id, gates.editionId))
    .leftJoin(zones, eq(zones.id, gates.zoneId))
    .where(eq(gates.id, gateId));
  // Authorise before saying whether the gate exists, so gate ids cannot be probed anonymously.
  authorize(ctx.actor, "checkin.scan", { organiserId: row?.edition.organiserId ?? "-" });
  if (!row) throw new DomainError("not_found", { params: { what: "gate" } });
  return row;
}

/** An online scan: verify, decide with the registration's current state, record with its nonce.
 *  A retried request with the same nonce gets the first answer back and records nothing new. */
export async function recordScan(ctx: Ctx, raw: unknown): Promise<ScanAnswer> {
  const input = parseInput(scanInput, raw);
  const { gate, edition, zoneBit } = await gateForScan(ctx, input.gateId);
  const nonce = input.nonce ?? newScanNonce();
  const keys = await editionPublicKeys(ctx.db, edition.id);
  const verification = verifyBadge(input.code, keys, editionShortId(edition.id));
  const now = ctx.clock.now();
  const today = scanDay(now, edition);
  const gateZone = zoneBit ?? null;

  return inTransaction(ctx, async (tx) => {
    let person: ScanAnswer["person"] = null;
    let registrationId: string | null = null;
    let decision: ScanDecision;
    if (!verification.ok) {
      decision = decideScan({ verification, revocations: { registrations: new Set(), badges: new Set() }, today, gateZone, reentryAllowed: gate.reentryAllowed, history: [] });
    } else {
      const no = verification.payload.registrationNo;
      // The row lock serialises two gates scanning one badge at once, so "already inside" holds online.
      const [reg] = await tx
        .select({ id: registrations.id, status: registrations.status, name: registrations.name, categoryEn: visitorCategories.nameEn, categoryUr: visitorCategories.nameUr })
        .from(registrations)
        .innerJoin(visitorCategories, eq(visitorCategories.id, registrations.categoryId))
        .where(and(eq(registrations.editionId, edition.id), eq(registrations.number, no)))
        .for("update", { of: registrations });
      const badgeRows = reg
        ? await tx.select({ serial: badges.serial, revokedAt: badges.revokedAt }).from(badges).where(eq(badges.registrationId, reg.id)).orderBy(desc(badges.serial))
        : [];
      const scanned = badgeRows.find((b) => b.serial === verification.payload.serial);
      const history: PriorScan[] = gate.reentryAllowed
        ? []
        : (
            await tx
              .select({ zone: scans.zone })
              .from(scans)
              .where(and(eq(scans.editionId, edition.id), eq(scans.registrationNo, no), eq(scans.dayIndex, today.dayIndex), eq(scans.result, "admit")))
          ).map((s) => ({ result: "admit" as const, dayIndex: today.dayIndex, zone: s.zone }));
      if (!reg || !scanned) {
        // Genuinely signed but unknown here (a badge this server never issued): nothing to admit.
        decision = { result: "refuse", reason: "unknown_code", badge: verification.payload };
      } else {
        registrationId = reg.id;
        person = { registrationNo: no, name: reg.name, category: ctx.locale === "ur" ? reg.categoryUr : reg.categoryEn };
        decision = decideScan({
          verification,
          revocations: { registrations: new Set(), badges: new Set(scanned.revokedAt ? [`${no}:${scanned.serial}`] : []) },
          registration: { status: (reg.status === "approved" ? "approved" : "pending") as RegistrationStatus, currentSerial: badgeRows[0]!.serial },
          today,
          gateZone,
          reentryAllowed: gate.reentryAllowed,
          history,
        });
      }
    }
    const inserted = await tx
      .insert(scans)
      .values({
        editionId: edition.id,
        nonce,
        gateId: gate.id,
        deviceId: input.deviceId,
        code: input.code,
        registrationNo: decision.badge?.registrationNo ?? null,
        registrationId,
        zone: gateZone,
        dayIndex: today.dayIndex,
        scannedAt: now,
        uploadedAt: now,
        offline: false,
        result: decision.result,
        reason: decision.reason,
        scannedBy: ctx.actor.kind === "user" ? ctx.actor.userId : null,
      })
      .onConflictDoNothing()
      .returning({ id: scans.id });
    let { result, reason } = decision;
    if (inserted.length === 0) {
      // Same nonce again (a retried request): answer what was decided the first time.
      const [first] = await tx.select().from(scans).where(and(eq(scans.editionId, edition.id), eq(scans.nonce, nonce)));
      result = first!.result;
      reason = first!.reason as ScanDecision["reason"];
    }
    return { result, reason, message: translate(ctx.locale, `checkin.reason.${reason}`), nonce, person };
  });
}
