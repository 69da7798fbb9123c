import { z } from "zod";
import { nonceSchema } from "./core/offline-sync";

// Inputs of the check-in operations. The scanned text is deliberately loose (any string up to
// 512 characters): junk from a camera or a keyboard is an answer ("unknown code"), not a 400.

const id = z.uuid();

export const scanInput = z.strictObject({
  gateId: id,
  // Longer reads are cut, not refused: the gate still gets a clear "unknown code".
  code: z.string().max(100_000).transform((s) => s.slice(0, 512)),
  nonce: nonceSchema.optional(),
  deviceId: z.string().trim().min(1).max(64).default("web"),
});

export const uploadInput = z.strictObject({
  editionId: id,
  // Items are checked one by one (mergeUploadedScans) so a bad entry does not sink the queue.
  // The page uploads in chunks of 200: the API refuses bodies over 256 kB.
  scans: z.array(z.unknown()).max(500),
});

export const editionInput = z.strictObject({ editionId: id });
export const registrationInput = z.strictObject({ registrationId: id });
export const revokeInput = z.strictObject({ registrationId: id, reason: z.string().trim().min(1).max(500) });

export const staffQuotaInput = z.strictObject({ editionId: id, enterpriseId: id, quota: z.coerce.number().int().min(0).max(10_000) });
export const staffListInput = z.strictObject({ editionId: id, enterpriseId: id });
export const staffBadgeInput = z.strictObject({
  editionId: id,
  enterpriseId: id,
  name: z.string().trim().min(1).max(120),
  nameUr: z
    .string()
    .trim()
    .max(120)
    .optional()
    .transform((v) => v || null),
  email: z.email().max(254).transform((e) => e.trim().toLowerCase()),
});

export const badgeAdminInput = z.strictObject({
  editionId: id,
  number: z
    .union([z.literal("").transform(() => undefined), z.coerce.number().int().min(1).max(0xffffffff)])
    .optional(),
});

// Back-office set-up of zones and gates. Codes are what badges and seeds refer to (a
// registration lists zone codes), so they are fixed once created; names can change.
const setupCode = z.string().trim().toLowerCase().regex(/^[a-z0-9_-]{1,40}$/, "checkin_invalid_code");
const nameEn = z.string().trim().min(1).max(120);
const nameUr = z.string().trim().min(1).max(120);
const zoneRef = z
  .union([id, z.literal("")])
  .nullish()
  .transform((v) => v || null);
const checkbox = z
  .union([z.boolean(), z.literal("on"), z.literal("")])
  .nullish()
  .transform((v) => v === true || v === "on");

export const setupInput = z.strictObject({ editionId: id });
export const zoneCreateInput = z.strictObject({ editionId: id, code: setupCode, nameEn, nameUr });
export const zoneUpdateInput = z.strictObject({ zoneId: id, nameEn, nameUr });
export const gateCreateInput = z.strictObject({ editionId: id, code: setupCode, nameEn, nameUr, zoneId: zoneRef, reentryAllowed: checkbox });
export const gateUpdateInput = z.strictObject({ gateId: id, nameEn, nameUr, zoneId: zoneRef, reentryAllowed: checkbox });

// Zone access: the category × zone matrix and individual grants (operations/zone-access.ts).
export const zoneAccessInput = z.strictObject({ editionId: id });
export const zoneRulesInput = z.strictObject({
  editionId: id,
  /** The whole matrix: every (category, zone) pair that is allowed; pairs left out are not. */
  rules: z.array(z.strictObject({ categoryId: id, zoneId: id })).max(4096),
});
export const zoneGrantInput = z.strictObject({
  editionId: id,
  /** The registration number, or the registrant's email. */
  registration: z.string().trim().min(1).max(254),
  zoneId: id,
  reason: z.string().trim().min(1).max(500),
});
export const zoneGrantRevokeInput = z.strictObject({ grantId: id });
