import { and, eq, isNull, max, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import { DomainError } from "../../../platform/errors";
import { parseInput, type Input } from "../../../platform/validation";
import { editionFor, editionForChange } from "#features/editions";
import { INDICATOR_CODE, questionKinds } from "../engine/questions";
import { baselineAnswers, baselineQuestions, baselineSections, baselineSurveys, surveyStatuses } from "../tables";
import { smeBaseline } from "../template";
import { structureOf, surveyOfEdition, writeSurvey } from "./structure";

// The organiser's survey builder (issue #15, items 1 and 4). A question that has answers is never
// changed: saving it retires that version and adds the next (same indicator code), so every stored
// answer keeps the question it answered (the database refuses otherwise: baseline_question_frozen).

const urdu = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .refine((v) => /[\u0600-\u06FF]/.test(v), { params: { code: "urdu_script" } });
const latin = z.string().trim().min(1).max(300);

/** The edition's survey with every section and current question, for the builder. */
export async function surveyForOrganiser(ctx: Ctx, editionId: string) {
  const edition = await editionFor(ctx.db, ctx.actor, editionId, "baseline.manage");
  const survey = await surveyOfEdition(ctx.db, edition.id);
  if (!survey) return { edition, survey: null, sections: [] };
  const answered = await ctx.db
    .select({ questionId: baselineAnswers.questionId, n: sql<number>`count(*)::int` })
    .from(baselineAnswers)
    .where(eq(baselineAnswers.surveyId, survey.id))
    .groupBy(baselineAnswers.questionId);
  const counts = new Map(answered.map((a) => [a.questionId, a.n]));
  const sections = (await structureOf(ctx.db, survey.id)).map((s) => ({ ...s, questions: s.questions.map((q) => ({ ...q, answers: counts.get(q.id) ?? 0 })) }));
  return { edition, survey, sections };
}

const EditionInput = z.object({ editionId: z.uuid() });

/** Start the edition's survey from the "SME baseline" template, as a draft. */
export async function startSurvey(ctx: Ctx, raw: Input<typeof EditionInput>) {
  const input = parseInput(EditionInput, raw);
  return inTransaction(ctx, async (tx, c) => {
    const edition = await editionForChange(tx, c.actor, input.editionId, "baseline.manage");
    if (await surveyOfEdition(tx, edition.id)) throw new DomainError("conflict", { params: { what: "survey" } });
    const written = await writeSurvey(tx, edition.id, { en: smeBaseline.en, ur: smeBaseline.ur }, smeBaseline.sections, "draft");
    await recordAudit(tx, c, { action: "baseline.survey_created", entityType: "baseline_survey", entityId: written.surveyId, editionId: edition.id, organiserId: edition.organiserId, data: written });
    return written;
  });
}

const StatusInput = z.object({ editionId: z.uuid(), status: z.enum(surveyStatuses) });

export async function setSurveyStatus(ctx: Ctx, raw: Input<typeof StatusInput>) {
  const input = parseInput(StatusInput, raw);
  return inTransaction(ctx, async (tx, c) => {
    const edition = await editionForChange(tx, c.actor, input.editionId, "baseline.manage");
    const survey = await surveyOfEdition(tx, edition.id);
    if (!survey) throw new DomainError("baseline_no_survey");
    await tx.update(baselineSurveys).set({ status: input.status }).where(eq(baselineSurveys.id, survey.id));
    await recordAudit(tx, c, { action: "baseline.survey_status_set", entityType: "baseline_survey", entityId: survey.id, editionId: edition.id, organiserId: edition.organiserId, data: { from: survey.status, to: input.status } });
    return { status: input.status };
  });
}

const options = z
  .string()
  .max(4000)
  .default("")
  .transform((text, c) => {
    // One option a line: "value | English | اردو".
    const out = [];
    for (const line of text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
      const [value, en, ur] = line.split("|").map((p) => p.trim());
      if (!value || !/^[a-z0-9_]{1,40}$/i.test(value) || !en || !ur) {
        c.addIssue({ code: "custom", params: { code: "baseline_options" } });
        return [];
      }
      out.push({ value, en, ur });
    }
    return out;
  });
const optionalNumber = z
  .union([z.number(), z.string().max(20)])
  .nullish()
  .transform((v, c) => {
    if (v === null || v === undefined || v === "") return null;
    const n = Number(v);
    if (!Number.isFinite(n)) c.addIssue({ code: "custom", params: { code: "baseline_number" } });
    return n;
  });

const QuestionInput = z
  .object({
    editionId: z.uuid(),
    section: z.string().min(1).max(40),
    code: z.string().trim().regex(INDICATOR_CODE, { message: "baseline_code" }),
    kind: z.enum(questionKinds),
    labelEn: latin,
    labelUr: urdu,
    required: z
      .union([z.boolean(), z.literal("on"), z.literal("")])
      .nullish()
      .transform((v) => v === true || v === "on"),
    options,
    unit: z
      .string()
      .trim()
      .max(20)
      .nullish()
      .transform((v) => v || null),
    min: optionalNumber,
    max: optionalNumber,
    showIfCode: z
      .string()
      .trim()
      .max(80)
      .nullish()
      .transform((v) => v || null),
    showIfEquals: z
      .string()
      .trim()
      .max(40)
      .nullish()
      .transform((v) => v || null),
  })
  .superRefine((q, c) => {
    if ((q.kind === "single" || q.kind === "multiple") && q.options.length < 2) c.addIssue({ code: "custom", path: ["options"], params: { code: "baseline_options" } });
    if ((q.showIfCode === null) !== (q.showIfEquals === null) || q.showIfCode === q.code) c.addIssue({ code: "custom", path: ["showIfCode"], params: { code: "baseline_condition" } });
  });

/** Add a question, or change the current one of that code: in place while unanswered, as a new
 *  version once answered. Refusals: baseline_no_survey, not_found (section), validation_failed. */
export async function saveQuestion(ctx: Ctx, raw: Input<typeof QuestionInput>) {
  const input = parseInput(QuestionInput, raw);
  return inTransaction(ctx, async (tx, c) => {
    const edition = await editionForChange(tx, c.actor, input.editionId, "baseline.manage");
    const survey = await surveyOfEdition(tx, edition.id);
    if (!survey) throw new DomainError("baseline_no_survey");
    const [section] = await tx.select().from(baselineSections).where(and(eq(baselineSections.surveyId, survey.id), eq(baselineSections.key, input.section)));
    if (!section) throw new DomainError("not_found", { params: { what: "section" } });
    if (input.showIfCode) {
      const [parent] = await tx
        .select({ id: baselineQuestions.id })
        .from(baselineQuestions)
        .where(and(eq(baselineQuestions.surveyId, survey.id), eq(baselineQuestions.code, input.showIfCode), isNull(baselineQuestions.retiredAt)));
      if (!parent) throw new DomainError("validation_failed", { fields: [{ path: "showIfCode", code: "baseline_condition", params: {} }] });
    }
    const [current] = await tx
      .select()
      .from(baselineQuestions)
      .where(and(eq(baselineQuestions.surveyId, survey.id), eq(baselineQuestions.code, input.code), isNull(baselineQuestions.retiredAt)))
      .for("update");
    const meaning = {
      kind: input.kind,
      labelEn: input.labelEn,
      labelUr: input.labelUr,
      required: input.required,
      options: input.options,
      unit: input.unit,
      min: input.min,
      max: input.max,
      showIfCode: input.showIfCode,
      showIfEquals: input.showIfEquals,
    };
    let questionId: string;
    let version: number;
    if (current) {
      const [answered] = await tx.select({ id: baselineAnswers.questionId }).from(baselineAnswers).where(eq(baselineAnswers.questionId, current.id)).limit(1);
      if (answered) {
        await tx.update(baselineQuestions).set({ retiredAt: c.clock.now() }).where(eq(baselineQuestions.id, current.id));
        version = current.version + 1;
        const [row] = await tx
          .insert(baselineQuestions)
          .values({ ...meaning, surveyId: survey.id, sectionId: section.id, code: input.code, version, sort: current.sort })
          .returning({ id: baselineQuestions.id });
        questionId = row!.id;
      } else {
        version = current.version;
        await tx.update(baselineQuestions).set({ ...meaning, sectionId: section.id }).where(eq(baselineQuestions.id, current.id));
        questionId = current.id;
      }
    } else {
      const [last] = await tx.select({ v: max(baselineQuestions.version) }).from(baselineQuestions).where(and(eq(baselineQuestions.surveyId, survey.id), eq(baselineQuestions.code, input.code)));
      const [top] = await tx.select({ s: max(baselineQuestions.sort) }).from(baselineQuestions).where(eq(baselineQuestions.sectionId, section.id));
      version = (last?.v ?? 0) + 1;
      const [row] = await tx
        .insert(baselineQuestions)
        .values({ ...meaning, surveyId: survey.id, sectionId: section.id, code: input.code, version, sort: (top?.s ?? -1) + 1 })
        .returning({ id: baselineQuestions.id });
      questionId = row!.id;
    }
    await recordAudit(tx, c, { action: "baseline.question_saved", entityType: "baseline_survey", entityId: survey.id, editionId: edition.id, organiserId: edition.organiserId, data: { code: input.code, version } });
    return { questionId, code: input.code, version };
  });
}

const RetireInput = z.object({ editionId: z.uuid(), code: z.string().max(80) });

/** Remove a question from the survey: its current version is retired (answers keep it). */
export async function retireQuestion(ctx: Ctx, raw: Input<typeof RetireInput>) {
  const input = parseInput(RetireInput, raw);
  return inTransaction(ctx, async (tx, c) => {
    const edition = await editionForChange(tx, c.actor, input.editionId, "baseline.manage");
    const survey = await surveyOfEdition(tx, edition.id);
    if (!survey) throw new DomainError("baseline_no_survey");
    const done = await tx
      .update(baselineQuestions)
      .set({ retiredAt: c.clock.now() })
      .where(and(eq(baselineQuestions.surveyId, survey.id), eq(baselineQuestions.code, input.code), isNull(baselineQuestions.retiredAt)))
      .returning({ id: baselineQuestions.id });
    if (!done.length) throw new DomainError("not_found", { params: { what: "question" } });
    await recordAudit(tx, c, { action: "baseline.question_retired", entityType: "baseline_survey", entityId: survey.id, editionId: edition.id, organiserId: edition.organiserId, data: { code: input.code } });
    return { code: input.code };
  });
}
