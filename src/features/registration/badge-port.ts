import type { Placeholder, SQL } from "drizzle-orm";
import type { Ctx } from "../../platform/context";
import type { Executor, Tx } from "../../platform/db/types";
import type { EmailMessage } from "../../platform/mail/outbox";
import type { editions, visitorCategories } from "#features/editions";
import type { registrations } from "./tables";

// What registration needs from badges. Badges live in checkin, a higher layer that imports
// registration; registration reacts to its own changes through this port instead of importing
// checkin (docs/code-style.md, "Events between layers"). checkin/badge-port.ts implements it and
// the composition root (src/wiring.ts) provides it, before any request or test runs. Every call
// happens inside the registration's transaction, so a badge and the change that caused it commit
// or roll back together.

type Edition = typeof editions.$inferSelect;
type Registration = typeof registrations.$inferSelect;
type Category = typeof visitorCategories.$inferSelect;

/** A badge signing key, opened. */
export interface BadgeSigner {
  keyId: number;
  privateKey: string;
  /** Badges' business, carried to firstBadges untouched: the zone mask of each category (by id). */
  categoryZones?: Record<string, number>;
}

/** The row of newestKeyQuery: the key (null when the edition has none yet) and whatever else the
 *  badge side reads in that statement for firstBadges. */
export type SignerRow = { key_id: number | null; private_key: string | null } & Record<string, unknown>;

export interface BadgePort {
  /** The registration is approved, or something its badge carries changed: issue or keep its badge. */
  issue(tx: Tx, ctx: Ctx, registrationId: string): Promise<void>;
  /** What is printed on an approved registration's badge changed: sign a new serial and email it.
   *  Returns the new serial, or null when the badge is revoked (an organiser decides about those). */
  reprint(tx: Tx, ctx: Ctx, edition: Edition, reg: Registration): Promise<number | null>;
  /** The registration left (cancelled, refused): revoke its badges; returns the serials revoked. */
  revoke(tx: Executor, ctx: Ctx, registrationId: string, reason: "registration_cancelled" | "registration_refused"): Promise<number[]>;
  /** For the registration rush: a query of exactly one row, the edition's newest signing key
   *  (key_id, private_key; null when none) and what firstBadges needs besides, read in the same
   *  statement as the registration numbers (select every column of it). */
  newestKeyQuery(editionId: Placeholder): SQL;
  /** The signer from that query's row, or the edition's (new) key when it had none. */
  signer(db: Executor, ctx: Ctx, editionId: string, row: SignerRow | undefined): Promise<BadgeSigner>;
  /** The first badges of registrations just created approved: their rows as the json text that
   *  firstBadgesInsert reads, and the badge emails to queue with them. */
  firstBadges(ctx: Ctx, edition: Edition, category: Category, regs: Registration[], signer: BadgeSigner): { json: string; mails: EmailMessage[] };
  /** The insert of those rows for the caller's one statement, reading them from a parameter (one
   *  text for any rows, so the statement is prepared once). */
  firstBadgesInsert(rows: Placeholder): SQL;
}

let provided: BadgePort | null = null;

export function provideBadgePort(port: BadgePort): void {
  provided = port;
}

export function badgePort(): BadgePort {
  if (!provided) throw new Error("No badge port: import src/wiring.ts (the composition root) before using registration's operations.");
  return provided;
}
