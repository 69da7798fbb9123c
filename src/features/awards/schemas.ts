import { z } from "zod";
import { awardEntryModes, AWARD_SCORE_MAX, AWARD_SCORE_MIN, awardRoundKinds, awardRoundStatuses, awardSizeClasses } from "./tables";

// The awards' inputs, shared by the pages, the API and the demo seed.

const text = (max: number) => z.string().trim().max(max);
const slug = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: "awards_slug" });

export const editionInput = z.strictObject({ editionId: z.uuid() });
export const editionSlugInput = z.strictObject({ slug: z.string().trim().min(1).max(80) });
export const categoryInput = z.strictObject({ categoryId: z.uuid() });
export const roundInput = z.strictObject({ roundId: z.uuid() });

export const saveCategoryInput = z.strictObject({
  editionId: z.uuid(),
  id: z.uuid().optional(),
  slug,
  nameEn: text(160).min(1),
  nameUr: text(160).min(1),
  descriptionEn: text(2000).default(""),
  descriptionUr: text(2000).default(""),
  guidanceEn: text(2000).default(""),
  guidanceUr: text(2000).default(""),
  selectedOnly: z.boolean().default(true),
  sizeClasses: z.array(z.enum(awardSizeClasses)).max(3).default([]),
  womenLedOnly: z.boolean().default(false),
  clusterSlugs: z.array(slug).max(50).default([]),
  sectorCodes: z.array(z.string().trim().min(1).max(40)).max(50).default([]),
  minExportScore: z.number().int().min(0).max(100).nullable().default(null),
  entryMode: z.enum(awardEntryModes).default("automatic"),
  winners: z.number().int().min(1).max(10).default(1),
  runnersUp: z.number().int().min(0).max(10).default(0),
  sort: z.number().int().min(0).max(1000).default(0),
});
export type SaveCategoryInput = z.input<typeof saveCategoryInput>;

export const saveCriterionInput = z.strictObject({
  categoryId: z.uuid(),
  round: z.enum(awardRoundKinds),
  id: z.uuid().optional(),
  slug,
  nameEn: text(160).min(1),
  nameUr: text(160).min(1),
  guidanceEn: text(1000).default(""),
  guidanceUr: text(1000).default(""),
  weight: z.number().int().min(1).max(100),
  sort: z.number().int().min(0).max(1000).default(0),
});

export const setRoundInput = z.strictObject({
  categoryId: z.uuid(),
  round: z.enum(awardRoundKinds),
  status: z.enum(awardRoundStatuses).optional(),
  judgesPerEntry: z.number().int().min(1).max(20).optional(),
  advance: z.number().int().min(1).max(100).optional(),
});

export const setJudgeInput = z.strictObject({
  categoryId: z.uuid(),
  round: z.enum(awardRoundKinds),
  userId: z.uuid(),
  clusterSlugs: z.array(slug).max(50).default([]),
  lead: z.boolean().default(false),
});
export const removeJudgeInput = z.strictObject({ categoryId: z.uuid(), round: z.enum(awardRoundKinds), userId: z.uuid() });

export const addEntryInput = z.strictObject({ categoryId: z.uuid(), enterpriseId: z.uuid(), statement: text(2000).default("") });
export const applyInput = z.strictObject({ categoryId: z.uuid(), enterpriseId: z.uuid(), statement: text(2000).min(20) });
export const entryInput = z.strictObject({ entryId: z.uuid() });

export const scoreInput = z.strictObject({
  roundId: z.uuid(),
  entryId: z.uuid(),
  scores: z
    .array(z.strictObject({ criterionId: z.uuid(), score: z.number().int().min(AWARD_SCORE_MIN).max(AWARD_SCORE_MAX), comment: text(2000).default("") }))
    .min(1)
    .max(30),
});
export const conflictInput = z.strictObject({ entryId: z.uuid(), reason: text(500).default("") });

/** `publishAt`: an instant, or a form's local "YYYY-MM-DDTHH:MM" read in the edition's zone. */
export const lockInput = z.strictObject({ categoryId: z.uuid(), publishAt: z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/), z.coerce.date()]) });
export const certificateInput = z.strictObject({ categoryId: z.uuid(), entryId: z.uuid(), locale: z.enum(["en", "ur"]).default("en") });
