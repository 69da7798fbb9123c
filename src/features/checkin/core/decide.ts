import { z } from "zod";
import type { DecodedBadge, VerifyResult } from "./badge-format";
import { alreadyInside, type PriorScan } from "./inside";

// The gate's decision, pure: the same function runs on the server (online scans) and on the
// scanner page (offline, with the synced revocation list and the device's own scan history).
//
// Precedence: the first failing check names the reason, in this order:
//   1. the code itself     unknown_code (not ours / damaged), foreign_edition, bad_signature
//   2. the badge's standing revoked (registration or this badge), replaced (a newer serial exists)
//   3. the registration    not_approved (pending, refused, cancelled)
//   4. time and place      not_valid_today (day bit or validity dates), zone_not_allowed
//   5. the person's state  already_inside (re-entry off and admitted here today)
// Authenticity first (nothing else in an unauthenticated payload can be trusted), then whether
// the badge still stands, then entitlement; already_inside last so staff only hear it about a
// badge that would otherwise get in.

export const SCAN_REASONS = [
  "ok",
  "unknown_code",
  "foreign_edition",
  "bad_signature",
  "revoked",
  "replaced",
  "not_approved",
  "not_valid_today",
  "zone_not_allowed",
  "already_inside",
] as const;
export type ScanReason = (typeof SCAN_REASONS)[number];
export const scanReasonSchema = z.enum(SCAN_REASONS);

export const REGISTRATION_STATUSES = ["approved", "pending", "refused", "cancelled"] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** Key of one printed badge in revocation and replacement lists. */
export const badgeKey = (registrationNo: number, serial: number) => `${registrationNo}:${serial}`;

export type { PriorScan };

export interface ScanInput {
  verification: VerifyResult;
  revocations: { registrations: ReadonlySet<number>; badges: ReadonlySet<string> };
  /** Current registration state when known (online, or in the synced list); undefined = unknown
   *  offline, in which case the signed badge stands for an approved registration (badges are only
   *  issued on approval; later cancellations reach the gate through the revocation list). */
  registration?: { status: RegistrationStatus; currentSerial?: number };
  /** badgeKey()s of badges replaced by a reprint (the offline form of currentSerial). */
  replaced?: ReadonlySet<string>;
  /** Today as the edition's day index (0 = first day) and as days since epoch (for validFrom/To);
   *  `rehearsal` on the date of a door rehearsal (the day index is then the rehearsed day). */
  today: { dayIndex: number; epochDay: number; rehearsal?: boolean };
  /** Zone this gate guards (bit index in the badge's zone mask); null = general entrance. */
  gateZone: number | null;
  /** The registration's current zone mask (its category's zones ∪ its own grants) when the deciding
   *  side knows it: online from the database, offline from the bundle's zone rules. It wins over the
   *  mask signed in the badge, so a rule changed after printing counts at once (docs/badges.md,
   *  "Zone access"). Undefined: the signed mask decides. */
  zoneMask?: number;
  reentryAllowed: boolean;
  /** Earlier scans of this registration (any order) known to the deciding side. */
  history: readonly PriorScan[];
}

export type ScanDecision = { result: "admit"; reason: "ok"; badge: DecodedBadge } | { result: "refuse"; reason: Exclude<ScanReason, "ok">; badge?: DecodedBadge };

function refuse(reason: Exclude<ScanReason, "ok">, badge?: DecodedBadge): ScanDecision {
  return badge ? { result: "refuse", reason, badge } : { result: "refuse", reason };
}

export function verificationReason(v: Extract<VerifyResult, { ok: false }>): "unknown_code" | "foreign_edition" | "bad_signature" {
  switch (v.code) {
    case "unknown_code":
    case "malformed":
      return "unknown_code";
    case "foreign_edition":
      return "foreign_edition";
    // A key the gate does not hold cannot vouch for the badge: to staff that is a bad signature
    // (forged, or a gate whose key list is stale; the sync status on the page tells them apart).
    case "unknown_key":
    case "bad_signature":
      return "bad_signature";
  }
}

/** True when the badge grants `dayIndex` (day bit set) and `epochDay` lies within its validity dates. */
export function validOn(badge: Pick<DecodedBadge, "days" | "validFrom" | "validTo">, today: ScanInput["today"]): boolean {
  const dayOk = today.dayIndex >= 0 && today.dayIndex < 16 && (badge.days & (1 << today.dayIndex)) !== 0;
  return dayOk && today.epochDay >= badge.validFrom && today.epochDay <= badge.validTo;
}

export function zoneAllowed(badge: Pick<DecodedBadge, "zones">, gateZone: number | null): boolean {
  if (gateZone === null) return true;
  return gateZone >= 0 && gateZone < 16 && (badge.zones & (1 << gateZone)) !== 0;
}

/** Admitted through a gate of the same zone earlier the same day ("already inside": core/inside.ts). */
export function admittedToday(history: readonly PriorScan[], dayIndex: number, zone: number | null, rehearsal = false): boolean {
  return alreadyInside(history, { dayIndex, zone, rehearsal });
}

export function decideScan(input: ScanInput): ScanDecision {
  const v = input.verification;
  if (!v.ok) return refuse(verificationReason(v));
  const badge = v.payload;
  const key = badgeKey(badge.registrationNo, badge.serial);
  if (input.revocations.registrations.has(badge.registrationNo) || input.revocations.badges.has(key)) return refuse("revoked", badge);
  const current = input.registration?.currentSerial;
  if (input.replaced?.has(key) || (current !== undefined && badge.serial < current)) return refuse("replaced", badge);
  if (input.registration && input.registration.status !== "approved") return refuse("not_approved", badge);
  if (!validOn(badge, input.today)) return refuse("not_valid_today", badge);
  if (!zoneAllowed({ zones: input.zoneMask ?? badge.zones }, input.gateZone)) return refuse("zone_not_allowed", badge);
  if (!input.reentryAllowed && admittedToday(input.history, input.today.dayIndex, input.gateZone, input.today.rehearsal ?? false)) return refuse("already_inside", badge);
  return { result: "admit", reason: "ok", badge };
}
