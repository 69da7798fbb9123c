import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Executor } from "../../../platform/db/types";
import { openPrivateKey, type SealingKey } from "../keys";
import { badgeKeys } from "../tables";

// The badge link: lets a registrant without an account open their badge page and PDF, like a
// pretix order link. Its key is HMAC-SHA256 over the badge's code, keyed (through a derivation with
// its own label) by the edition's private signing seed of the key that signed the badge:
//   - nothing new is stored (no migration): the server recomputes it from the badge row;
//   - it cannot be worked out from the QR code (the gate and anyone who photographed the badge
//     see the code, never the seed), nor from a database dump when the seeds are sealed with
//     KEY_ENCRYPTION_KEY (the same protection as minting badges);
//   - it belongs to one serial: a reprint or reissue (a new code) kills the old link, as it kills
//     the old QR, and the new badge email carries the new link.
// The link shows what the printed badge shows (name, organisation, category, days, the QR), so it
// is as sensitive as the badge itself and no more. See docs/badges.md.

const LABEL = "numaish-badge-link:v1";

/** The link key of a badge: 22 base64url characters (132 bits). */
export function badgeLinkKey(code: string, privateSeed: string): string {
  let derived = derivedKeys.get(privateSeed);
  if (!derived) {
    // An edition has a handful of keys; the bound only guards against a caller feeding many.
    if (derivedKeys.size > 256) derivedKeys.clear();
    // Kept as a KeyObject: an HMAC keyed by a Buffer makes one on every call.
    derived = createSecretKey(createHmac("sha256", Buffer.from(privateSeed, "base64url")).update(LABEL).digest());
    derivedKeys.set(privateSeed, derived);
  }
  return createHmac("sha256", derived).update(code).digest("base64url").slice(0, 22);
}
/** Derived link keys per seed: every badge email needs one, the derivation is the same each time. */
const derivedKeys = new Map<string, KeyObject>();

/** The private seed of the key that signed a badge (null if that key is gone). */
async function seedOf(db: Executor, sealing: SealingKey, badge: { editionId: string; keyId: number }): Promise<string | null> {
  const [row] = await db
    .select({ privateKey: badgeKeys.privateKey })
    .from(badgeKeys)
    .where(and(eq(badgeKeys.editionId, badge.editionId), eq(badgeKeys.keyId, badge.keyId)));
  return row ? openPrivateKey(row.privateKey, sealing) : null;
}

/** The link key of a stored badge. */
export async function linkKeyOf(db: Executor, sealing: SealingKey, badge: { editionId: string; keyId: number; code: string }): Promise<string> {
  const seed = await seedOf(db, sealing, badge);
  if (!seed) throw new Error("badge signing key missing");
  return badgeLinkKey(badge.code, seed);
}

/** True when `key` opens this badge (constant-time comparison). */
export async function linkKeyMatches(db: Executor, sealing: SealingKey, badge: { editionId: string; keyId: number; code: string }, key: string): Promise<boolean> {
  const seed = await seedOf(db, sealing, badge);
  if (!seed) return false;
  const want = Buffer.from(badgeLinkKey(badge.code, seed));
  const got = Buffer.from(key);
  return got.length === want.length && timingSafeEqual(got, want);
}

/** The badge page and PDF as a holder without an account opens them. */
export const badgePageUrl = (base: string, registrationId: string, key: string) => `${base}/badges/${registrationId}?key=${key}`;
export const badgePdfUrl = (base: string, registrationId: string, key: string) => `${base}/api/v1/registrations/${registrationId}/badge.pdf?key=${key}`;
