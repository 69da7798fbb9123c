import { z } from "zod";
import { nonceSchema } from "#features/checkin/client";
import { scanItemFields, scanUploadScans } from "#features/checkin/client";

// Inputs of the leads' operations (issue #14, item 7). The exhibitor is never named in the input:
// it is the signed-in account's exhibitor grant. A visitor names their registration by the manage
// link's token or, signed in, by its id.

const id = z.uuid();
const code = z.string().max(100_000).transform((s) => s.trim().slice(0, 512));
const deviceId = z.string().trim().min(1).max(64).default("web");
const edition = id.nullish().or(z.literal("").transform(() => null));

export const scanLeadInput = z.strictObject({ editionId: edition, code: code.pipe(z.string().min(1, "required")), nonce: nonceSchema.optional(), deviceId });
/** One scan a stall phone queued offline: decided again by the server on upload. */
export const uploadedLeadScan = z.strictObject(scanItemFields);
export const uploadLeadScansInput = z.strictObject({ editionId: edition, scans: scanUploadScans });

export const ownLeadsInput = z.strictObject({ editionId: edition });
export const updateLeadInput = z.strictObject({
  leadId: id,
  note: z.string().trim().max(2000).optional(),
  rating: z.union([z.literal("").transform(() => null), z.null(), z.coerce.number().int().min(1).max(5)]).optional(),
  tags: z.union([z.string().max(1000), z.array(z.string().max(40)).max(10).transform((a) => a.join(","))]).optional(),
});
export const exportLeadsInput = z.strictObject({ editionId: edition, format: z.enum(["csv", "xlsx"]) });

const which = { registrationId: id.optional(), token: z.string().min(20).max(100).optional() };
export const visitorInput = z.strictObject(which);
export const visitorLeadInput = z.strictObject({ ...which, leadId: id });
/** One stay-in-touch request by its emailed link's token. */
export const touchLinkInput = z.strictObject({ token: z.string().min(20).max(100) });
export const touchLinkAnswerInput = z.strictObject({ token: z.string().min(20).max(100), accept: z.union([z.boolean(), z.enum(["yes", "no"]).transform((v) => v === "yes")]) });
export const touchAnswerInput = z.strictObject({ ...which, leadId: id, accept: z.union([z.boolean(), z.enum(["yes", "no"]).transform((v) => v === "yes")]) });
export const consentInput = z.strictObject({ ...which, consent: z.union([z.boolean(), z.enum(["yes", "no"]).transform((v) => v === "yes")]) });

export const countsInput = z.strictObject({ editionId: id });
