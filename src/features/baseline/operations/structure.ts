import { and, asc, eq, isNull } from "drizzle-orm";
import type { Executor } from "../../../platform/db/types";
import type { QuestionDef } from "../engine/questions";
import { baselineQuestions, baselineSections, baselineSurveys, type SurveyStatus } from "../tables";
import type { TemplateSection } from "../template";

// Reading a survey's structure (sections and their current questions) and writing one from a
// template. Used by the builder, the answering, the scores and copying an edition.

export type QuestionRow = typeof baselineQuestions.$inferSelect;
export type SectionRow = typeof baselineSections.$inferSelect;
export type SurveyRow = typeof baselineSurveys.$inferSelect;

export function questionDef(q: QuestionRow): QuestionDef {
  return {
    code: q.code,
    kind: q.kind,
    required: q.required,
    options: q.options,
    unit: q.unit,
    min: q.min,
    max: q.max,
    showIf: q.showIfCode && q.showIfEquals ? { code: q.showIfCode, equals: q.showIfEquals } : null,
  };
}

export async function surveyOfEdition(db: Executor, editionId: string): Promise<SurveyRow | null> {
  const [s] = await db.select().from(baselineSurveys).where(eq(baselineSurveys.editionId, editionId));
  return s ?? null;
}

/** The survey's sections in order, each with its current questions in order. */
export async function structureOf(db: Executor, surveyId: string): Promise<(SectionRow & { questions: QuestionRow[] })[]> {
  const sections = await db.select().from(baselineSections).where(eq(baselineSections.surveyId, surveyId)).orderBy(asc(baselineSections.sort), asc(baselineSections.key));
  const questions = await db
    .select()
    .from(baselineQuestions)
    .where(and(eq(baselineQuestions.surveyId, surveyId), isNull(baselineQuestions.retiredAt)))
    .orderBy(asc(baselineQuestions.sort), asc(baselineQuestions.code));
  return sections.map((s) => ({ ...s, questions: questions.filter((q) => q.sectionId === s.id) }));
}

/** A new survey for the edition from template sections (or copied sections), with status `status`. */
export async function writeSurvey(
  tx: Executor,
  editionId: string,
  title: { en: string; ur: string },
  sections: TemplateSection[],
  status: SurveyStatus,
  settings: { askApplicants?: boolean } = {},
): Promise<{ surveyId: string; sections: number; questions: number }> {
  const [survey] = await tx
    .insert(baselineSurveys)
    .values({ editionId, titleEn: title.en, titleUr: title.ur, status, askApplicants: settings.askApplicants ?? false })
    .returning({ id: baselineSurveys.id });
  let questions = 0;
  for (const [i, s] of sections.entries()) {
    const [section] = await tx
      .insert(baselineSections)
      .values({ surveyId: survey!.id, key: s.key, titleEn: s.en, titleUr: s.ur, sort: i })
      .returning({ id: baselineSections.id });
    if (!s.questions.length) continue;
    await tx.insert(baselineQuestions).values(
      s.questions.map((q, k) => ({
        surveyId: survey!.id,
        sectionId: section!.id,
        code: q.code,
        kind: q.kind,
        labelEn: q.en,
        labelUr: q.ur,
        required: q.required ?? false,
        options: q.options ?? [],
        unit: q.unit ?? null,
        min: q.min ?? null,
        max: q.max ?? null,
        showIfCode: q.showIf?.code ?? null,
        showIfEquals: q.showIf?.equals ?? null,
        sort: k,
      })),
    );
    questions += s.questions.length;
  }
  return { surveyId: survey!.id, sections: sections.length, questions };
}

/** A survey's current structure in the template's shape (to copy it). */
export async function asTemplate(db: Executor, surveyId: string): Promise<TemplateSection[]> {
  return (await structureOf(db, surveyId)).map((s) => ({
    key: s.key,
    en: s.titleEn,
    ur: s.titleUr,
    questions: s.questions.map((q) => ({
      code: q.code,
      kind: q.kind,
      en: q.labelEn,
      ur: q.labelUr,
      required: q.required,
      options: q.options,
      ...(q.unit !== null ? { unit: q.unit } : {}),
      ...(q.min !== null ? { min: q.min } : {}),
      ...(q.max !== null ? { max: q.max } : {}),
      ...(q.showIfCode && q.showIfEquals ? { showIf: { code: q.showIfCode, equals: q.showIfEquals } } : {}),
    })),
  }));
}
