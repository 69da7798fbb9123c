import { verificationReason } from "#features/checkin/client";
import type { VerifyResult } from "#features/checkin/client";
import type { ShortCodeParse } from "#features/checkin/client";

// Whether a badge scanned at a stall counts as a visit, pure: the server decides online scans and
// uploads with it. A badge is read from its signed QR (camera or keyboard wedge) or from the short
// code printed under it (typed). Precedence, first failing check names the reason:
//   1. the code      unknown_code, foreign_edition, bad_signature (as at the gates), bad_check (typed)
//   2. the badge     not_approved (the registration), revoked, replaced (a newer serial exists)
// A badge scanned again at the same stall counts again on the same lead (repeat: true).

export const LEAD_SCAN_REASONS = ["ok", "unknown_code", "foreign_edition", "bad_signature", "bad_check", "revoked", "replaced", "not_approved"] as const;
export type LeadScanReason = (typeof LEAD_SCAN_REASONS)[number];

export type LeadCode = { kind: "signed"; verification: VerifyResult } | { kind: "typed"; parse: ShortCodeParse; year: number };

export interface LeadScanFacts {
  code: LeadCode;
  /** The registration the code names, with its badge standing (null: none in this edition). */
  registration: { id: string; status: string; badge: { state: "valid" | "revoked"; currentSerial: number } | null } | null;
}

export type LeadScanDecision = { result: "counted"; reason: "ok"; registrationId: string } | { result: "refuse"; reason: Exclude<LeadScanReason, "ok"> };

/** The registration number a code names, when it names one. */
export function numberOfCode(code: LeadCode): { registrationNo: number; serial: number | null } | null {
  if (code.kind === "signed") return code.verification.ok ? { registrationNo: code.verification.payload.registrationNo, serial: code.verification.payload.serial } : null;
  return code.parse.ok && code.parse.year === code.year ? { registrationNo: code.parse.registrationNo, serial: null } : null;
}

export function decideLeadScan(f: LeadScanFacts): LeadScanDecision {
  if (f.code.kind === "signed" && !f.code.verification.ok) return { result: "refuse", reason: verificationReason(f.code.verification) };
  if (f.code.kind === "typed") {
    if (!f.code.parse.ok) return { result: "refuse", reason: f.code.parse.reason === "bad_check" ? "bad_check" : "unknown_code" };
    if (f.code.parse.year !== f.code.year) return { result: "refuse", reason: "foreign_edition" };
  }
  const reg = f.registration;
  if (!reg) return { result: "refuse", reason: "unknown_code" };
  if (f.code.kind === "signed") {
    // A signed badge this server never issued is not one of ours.
    if (!reg.badge) return { result: "refuse", reason: "unknown_code" };
    if (reg.status !== "approved") return { result: "refuse", reason: "not_approved" };
    if (reg.badge.state === "revoked") return { result: "refuse", reason: "revoked" };
    if (numberOfCode(f.code)!.serial! < reg.badge.currentSerial) return { result: "refuse", reason: "replaced" };
  } else {
    // Typed: the short code names the person, not a serial: an approved registration whose newest
    // badge (if one was issued) is not revoked.
    if (reg.status !== "approved") return { result: "refuse", reason: "not_approved" };
    if (reg.badge?.state === "revoked") return { result: "refuse", reason: "revoked" };
  }
  return { result: "counted", reason: "ok", registrationId: reg.id };
}
