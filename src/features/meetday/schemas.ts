import { z } from "zod";
import { nonceSchema } from "#features/checkin/client";
import { scanItemFields, scanUploadScans } from "#features/checkin/client";

// Inputs of the meeting day's operations (issue #14). A participant names itself as in b2b
// (participantId with an account, or the token of its B2B link); lounge staff name nobody.

export const id = z.uuid();
const token = z.string().min(16).max(128);
export const refFields = { participantId: id.optional(), token: token.optional() };
const code = z.string().max(100_000).transform((s) => s.slice(0, 512));
const deviceId = z.string().trim().min(1).max(64).default("web");

export const meetingScanInput = z.strictObject({ ...refFields, meetingId: id, code, nonce: nonceSchema.optional(), deviceId });
export const bothHereInput = z.strictObject({ ...refFields, meetingId: id, nonce: nonceSchema.optional(), deviceId });

/** One scan a lounge phone queued offline: decided again by the server on upload. */
export const uploadedMeetingScan = z.strictObject({ ...scanItemFields, meetingId: id });
export const uploadMeetingScansInput = z.strictObject({ editionId: id, scans: scanUploadScans });

/** `at` (HH:MM) shows the board as at that time of the day (a past day, or a rehearsal). */
export const boardInput = z.strictObject({ editionId: id, day: z.coerce.number().int().min(1).max(16).optional(), at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "invalid_regex").optional() });
export const editionInput = z.strictObject({ editionId: id });
export const settingsInput = z.strictObject({
  editionId: id,
  noShowMinutes: z.coerce.number().int().min(1).max(120),
  /** Missed meetings after which a participant's later days are cancelled; empty or null: no limit. */
  noShowLimit: z.preprocess((v) => (v === "" || v === undefined ? null : v), z.coerce.number().int().min(1).max(20).nullable()).optional(),
});
