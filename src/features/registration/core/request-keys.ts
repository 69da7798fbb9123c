import { z } from "zod";

// The idempotency key and the email as the uniqueness check sees it (core/idempotency.ts explains
// the three layers). Kept apart from the request fingerprint, which hashes with node:crypto:
// the form schemas import this file and are bundled for the browser.

export const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9._:-]{8,128}$/, "invalid_idempotency_key");

/** Email as the uniqueness check sees it: trimmed, Unicode NFC, lower case.
 *  Lower-casing the local part is technically lossy (RFC 5321) but no mail provider our users
 *  have treats case as significant. Dots and +tags are kept: Gmail ignores them but other
 *  providers do not, and a delegation's assistant legitimately uses tags for each delegate. */
export function normaliseEmail(email: string): string {
  return email.normalize("NFC").trim().toLowerCase();
}

export const registrationEmailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform(normaliseEmail);
