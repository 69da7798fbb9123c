import { z } from "zod";
import { idempotencyKeySchema, registrationEmailSchema } from "./core/request-keys";
import { questionKinds, registrationStatuses } from "./tables";

// Inputs of the registration operations. Field codes that are not zod's own go through
// `params.code` so forms and the API show `validation.<code>` in the reader's language.

const code = (c: string) => ({ params: { code: c } });
/** Optional free text: empty or blank means "not given" (null), as forms send "". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const answerValue = z.union([z.string().max(1000), z.array(z.string().max(200)).max(50), z.boolean()]);
export type AnswerValue = z.infer<typeof answerValue>;

export const daysField = z
  .array(z.number().int().min(0).max(15))
  .max(16)
  .refine((d) => d.length > 0, code("registration_days_required"));

/** One person on the form (alone, in a delegation, or at the desk). */
export const personInput = z.strictObject({
  name: z.string().trim().min(1).max(120),
  nameUr: optionalText(120).refine((v) => v === null || /\p{Script=Arabic}/u.test(v), code("urdu_script")),
  email: registrationEmailSchema,
  phone: optionalText(30).refine((v) => v === null || /^\+?[0-9][0-9 ()-]{5,28}$/.test(v), code("registration_invalid_phone")),
  organisation: optionalText(200),
  designation: optionalText(120),
  days: daysField,
  answers: z.record(z.string(), answerValue).default({}),
  consentData: z.boolean().refine((v) => v, code("registration_consent_required")),
  consentScan: z.boolean().default(false),
});
export type PersonInput = z.infer<typeof personInput>;

const base = {
  editionId: z.uuid(),
  categoryId: z.uuid(),
  idempotencyKey: idempotencyKeySchema.optional(),
  locale: z.enum(["en", "ur"]).optional(),
};

export const registerInput = personInput.extend(base);
export const walkInInput = registerInput;
export const groupInput = z.strictObject({
  ...base,
  members: z.array(personInput).min(1).max(50),
});

export const decideInput = z.strictObject({
  editionId: z.uuid(),
  ids: z.array(z.uuid()).min(1).max(500),
  decision: z.enum(["approve", "refuse"]),
  reason: optionalText(500),
});

export const listInput = z.strictObject({
  editionId: z.uuid(),
  categoryId: z.uuid().optional(),
  status: z.enum(registrationStatuses).optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
});

export const capacityInput = z.strictObject({
  editionId: z.uuid(),
  categoryId: z.uuid().nullable(),
  day: z.number().int().min(0).max(15).nullable(),
  /** null removes the limit. */
  capacity: z.number().int().min(0).max(1_000_000).nullable(),
});

const optionInput = z.strictObject({
  value: z.string().trim().regex(/^[a-z0-9_-]{1,40}$/, "registration_invalid_option_value"),
  en: z.string().trim().min(1).max(120),
  ur: z.string().trim().min(1).max(120),
});

export const questionInput = z
  .strictObject({
    editionId: z.uuid(),
    categoryId: z.uuid().nullable(),
    kind: z.enum(questionKinds),
    labelEn: z.string().trim().min(1).max(200),
    labelUr: z.string().trim().min(1).max(200),
    options: z.array(optionInput).max(40).default([]),
    required: z.boolean().default(false),
    sort: z.number().int().min(0).max(1000).default(0),
  })
  .superRefine((q, c) => {
    const needsOptions = q.kind === "select" || q.kind === "multi";
    if (needsOptions && q.options.length < 2) c.addIssue({ code: "custom", path: ["options"], params: { code: "registration_options_needed" } });
    if (!needsOptions && q.options.length > 0) c.addIssue({ code: "custom", path: ["options"], params: { code: "registration_options_not_allowed" } });
    if (new Set(q.options.map((o) => o.value)).size !== q.options.length)
      c.addIssue({ code: "custom", path: ["options"], params: { code: "registration_options_duplicate" } });
  });

export const ownEditInput = z.strictObject({
  registrationId: z.uuid().optional(),
  token: z.string().min(20).max(100).optional(),
  days: daysField,
  answers: z.record(z.string(), answerValue).default({}),
});

export const exportColumns = [
  "number",
  "name",
  "nameUr",
  "organisation",
  "designation",
  "category",
  "status",
  "days",
  "consentScan",
  "source",
  "createdAt",
  "email",
  "phone",
  "answers",
] as const;
export type ExportColumn = (typeof exportColumns)[number];
export const personalColumns: readonly ExportColumn[] = ["email", "phone", "answers"];

export const exportInput = z.strictObject({
  editionId: z.uuid(),
  format: z.enum(["csv", "xlsx"]),
  columns: z.array(z.enum(exportColumns)).min(1).max(exportColumns.length),
  categoryId: z.uuid().optional(),
  status: z.enum(registrationStatuses).optional(),
});

/** A registrant's own name and contact details (the email is who they are: it does not change). */
export const ownDetailsInput = personInput
  .pick({ name: true, nameUr: true, phone: true, organisation: true, designation: true })
  .extend({ registrationId: z.uuid().optional(), token: z.string().min(20).max(100).optional() });

/** "Lost your link?": the edition (by slug) and the email registered with. */
export const manageLinkRequestInput = z.strictObject({
  edition: z.string().trim().min(1).max(60),
  email: registrationEmailSchema,
  ip: z.string().max(100).default("unknown"),
});
