import type { VerifyResult } from "#features/checkin/client";
import { decideScan, type ScanReason } from "#features/checkin/client";
import { scanDay } from "#features/checkin/client";

// A session door's check on the phone while offline (issue #13, agenda item 5): the badge as the
// gate checks it offline (signature, days, validity: checkin/core/decide.ts), then the session's
// own rule from what the door page carried when it was opened: who is invited, who holds a seat,
// which visitor categories (as the index signed in the badge) may come. What the phone cannot know
// (a revocation or a reprint since the page was opened) the server decides on upload, and its
// answer is the one recorded; this one is what staff see meanwhile. Same order and reasons as
// operations/door.ts.

/** The session's own reasons, after the gate's (checkin/core/decide.ts). */
export const DOOR_REASONS = ["session_cancelled", "session_not_today", "not_invited", "category_not_admitted", "no_rsvp"] as const;
export type DoorOfflineReason = ScanReason | (typeof DOOR_REASONS)[number];
/** The message key of a door reason. */
export const doorReasonKey = (reason: string) => ((DOOR_REASONS as readonly string[]).includes(reason) ? (`programme.door.reason.${reason}` as const) : (`checkin.reason.${reason}` as const));

export interface DoorOfflineFacts {
  startsOn: string;
  timezone: string;
  session: {
    /** 1-based edition day. */
    day: number;
    access: "open" | "invitation" | "by_category";
    rsvpRequired: boolean;
    /** Released and not cancelled. */
    live: boolean;
    /** Visitor category indexes (the badge's `category`) admitted when access is by category. */
    categoryIndexes: readonly number[];
  };
  /** Registration numbers invited to the session, and those holding a seat. */
  invited: readonly number[];
  seated: readonly number[];
}

export function decideDoorOffline(verification: VerifyResult, f: DoorOfflineFacts, now: Date): { result: "admit" | "refuse"; reason: DoorOfflineReason; registrationNo: number | null } {
  const today = scanDay(now, { startsOn: f.startsOn, timezone: f.timezone });
  const gate = decideScan({ verification, revocations: { registrations: new Set(), badges: new Set() }, today, gateZone: null, reentryAllowed: true, history: [] });
  const no = verification.ok ? verification.payload.registrationNo : null;
  const refuse = (reason: DoorOfflineReason) => ({ result: "refuse" as const, reason, registrationNo: no });
  if (gate.result === "refuse" || !verification.ok) return refuse(gate.reason);
  const s = f.session;
  const invited = f.invited.includes(verification.payload.registrationNo);
  if (!s.live) return refuse("session_cancelled");
  if (today.dayIndex !== s.day - 1) return refuse("session_not_today");
  if (s.access === "invitation" && !invited) return refuse("not_invited");
  if (s.access === "by_category" && !s.categoryIndexes.includes(verification.payload.category) && !invited) return refuse("category_not_admitted");
  if (s.rsvpRequired && !f.seated.includes(verification.payload.registrationNo)) return refuse("no_rsvp");
  return { result: "admit", reason: "ok", registrationNo: no };
}
