import { z } from "zod";
import { currencies, followUpStates, outcomeKinds, timelines } from "./core/outcomes";
import { id, refFields } from "./schemas";

// The outcome form and the follow-up form (issue #14, items 4–5). Pages post text; the API posts
// JSON: both are read here. Each refusal names its field with a code translated in both languages.

const yesNo = z.preprocess((v) => (v === "yes" || v === "on" || v === "true" ? true : v === "no" || v === "false" || v === "" || v === undefined ? false : v), z.boolean());
const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
// Whole units of the currency; commas and spaces as typed by people are allowed.
const amount = z.preprocess(
  (v) => (typeof v === "number" ? String(v) : typeof v === "string" ? (v.trim() === "" ? undefined : v.replace(/[,\s]/g, "")) : blankToUndefined(v)),
  z.string().regex(/^\d{1,13}$/, "meetday_value_number").transform(Number).optional(),
);

const answerFields = {
  ...refFields,
  /** The outcome link's token (email link without sign-in). */
  link: z.string().min(16).max(128).optional(),
  meetingId: id.optional(),
  happened: yesNo,
  kind: z.preprocess(blankToUndefined, z.string().max(40).optional()),
  valueAmount: amount,
  currency: z.preprocess(blankToUndefined, z.enum(currencies).optional()),
  timeline: z.preprocess(blankToUndefined, z.enum(timelines).optional()),
  followUpConsent: yesNo.default(false),
  note: z.string().trim().max(1000).default(""),
};

export const outcomeAnswerInput = z.strictObject(answerFields).superRefine((v, c) => {
  if (v.valueAmount !== undefined && !v.currency) c.addIssue({ code: "custom", path: ["currency"], params: { code: "meetday_currency_required" } });
  if (v.currency && v.valueAmount === undefined) c.addIssue({ code: "custom", path: ["valueAmount"], params: { code: "meetday_value_required" } });
  if (v.link === undefined && v.meetingId === undefined) c.addIssue({ code: "custom", path: ["meetingId"], params: { code: "required" } });
});
export type OutcomeAnswer = z.output<typeof outcomeAnswerInput>;

/** The kind must fit the stage: an outcome after the meeting, what happened since at a follow-up. */
export function kindIssue(stage: "meeting" | "d30" | "m6", a: OutcomeAnswer): string | null {
  const allowed: readonly string[] = stage === "meeting" ? outcomeKinds : followUpStates;
  if (stage === "meeting" && !a.happened) return a.kind === undefined || allowed.includes(a.kind) ? null : "invalid_value";
  if (a.kind === undefined) return "required";
  return allowed.includes(a.kind) ? null : "invalid_value";
}

export const outcomeLinkInput = z.strictObject({ link: z.string().min(16).max(128) });
export const ownOutcomeInput = z.strictObject({ ...refFields, meetingId: id });
