import { z } from "zod";

// Inputs of the privacy operations (issue #15, part 7).

const id = z.uuid();
/** Days after the edition's last day; empty (a form's blank field) or null = keep. */
const days = z.preprocess((v) => (v === "" || v === undefined ? null : v), z.coerce.number().int().min(0).max(3650).nullable());

export const retentionInput = z.strictObject({ editionId: id, scanDays: days, leadDays: days });
export const editionInput = z.strictObject({ editionId: id });

/** Erase one person: named by the email they gave or by one of their registrations. `withAccount`
 *  (platform admins only) also closes their account. A form's checkbox sends "on". */
export const anonymiseInput = z
  .strictObject({
    editionId: id,
    email: z.preprocess((v) => (v === "" ? undefined : v), z.email().max(254).optional()),
    registrationId: z.preprocess((v) => (v === "" ? undefined : v), id.optional()),
    withAccount: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()).default(false),
    confirm: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean().refine((v) => v, { params: { code: "privacy_confirm" } })),
  })
  .refine((v) => !!v.email !== !!v.registrationId, { path: ["email"], params: { code: "privacy_email_or_registration" } });
