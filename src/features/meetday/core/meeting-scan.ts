import { verificationReason } from "#features/checkin/client";
import type { VerifyResult } from "#features/checkin/client";

// Whether a scanned badge checks in one side of one meeting, pure: the server decides online
// scans and uploads with it; a lounge phone may decide with it offline from its bundle (the
// meeting's registration numbers and the edition's public keys), the server deciding again on
// upload. Precedence, first failing check names the reason:
//   1. the code            unknown_code, foreign_edition, bad_signature (as at the gates)
//   2. the badge           revoked, replaced (a newer serial exists)
//   3. the meeting         meeting_cancelled, not_in_meeting (the badge is neither side's)
//   4. the side's state    already_arrived (recorded once; not an error, said plainly)

export const MEETING_SCAN_REASONS = [
  "ok",
  "unknown_code",
  "foreign_edition",
  "bad_signature",
  "revoked",
  "replaced",
  "meeting_cancelled",
  "not_in_meeting",
  "already_arrived",
] as const;
export type MeetingScanReason = (typeof MEETING_SCAN_REASONS)[number];

export type Side = "sme" | "buyer";

export interface MeetingScanFacts {
  verification: VerifyResult;
  /** The scanned serial's state in the database (null: a badge this server never issued). */
  badge: { state: "valid" | "revoked"; currentSerial: number } | null;
  meeting: {
    status: "scheduled" | "cancelled";
    /** Registration numbers that hold the SME side: its staff badges and staff with registrations. */
    smeNumbers: ReadonlySet<number>;
    buyerNumber: number | null;
  };
  arrived: ReadonlySet<Side>;
}

export type MeetingScanDecision =
  | { result: "arrived"; reason: "ok"; side: Side; registrationNo: number }
  | { result: "refuse"; reason: Exclude<MeetingScanReason, "ok">; side?: Side; registrationNo?: number };

export function decideMeetingScan(f: MeetingScanFacts): MeetingScanDecision {
  const v = f.verification;
  if (!v.ok) return { result: "refuse", reason: verificationReason(v) };
  const no = v.payload.registrationNo;
  if (!f.badge) return { result: "refuse", reason: "unknown_code", registrationNo: no };
  if (f.badge.state === "revoked") return { result: "refuse", reason: "revoked", registrationNo: no };
  if (v.payload.serial < f.badge.currentSerial) return { result: "refuse", reason: "replaced", registrationNo: no };
  if (f.meeting.status !== "scheduled") return { result: "refuse", reason: "meeting_cancelled", registrationNo: no };
  const side: Side | null = f.meeting.buyerNumber === no ? "buyer" : f.meeting.smeNumbers.has(no) ? "sme" : null;
  if (!side) return { result: "refuse", reason: "not_in_meeting", registrationNo: no };
  if (f.arrived.has(side)) return { result: "refuse", reason: "already_arrived", side, registrationNo: no };
  return { result: "arrived", reason: "ok", side, registrationNo: no };
}

/** A meeting has started once both sides have arrived. */
export const started = (arrived: ReadonlySet<Side>) => arrived.has("sme") && arrived.has("buyer");
