import { and, asc, eq, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { prepared } from "../../../platform/db/prepared";
import { DomainError, type FieldIssue } from "../../../platform/errors";
import { parseInput, type Input } from "../../../platform/validation";
import { editionForChange } from "#features/editions";
import { STAFF_CATEGORY } from "../categories";
import { editions, visitorCategories } from "#features/editions";
import { can } from "../../../platform/permissions/policy";
import { questionInput, type AnswerValue } from "../schemas";
import { registrationQuestions } from "../tables";
import { editionDayCount } from "#features/editions";

export type Question = typeof registrationQuestions.$inferSelect;

/** The questions a registrant of this category answers: the category's own and the all-category ones. */
const questionsQuery = (db: Executor, name: string) =>
  db
    .select()
    .from(registrationQuestions)
    .where(
      and(
        eq(registrationQuestions.editionId, sql.placeholder("editionId")),
        or(isNull(registrationQuestions.categoryId), eq(registrationQuestions.categoryId, sql.placeholder("categoryId"))),
      ),
    )
    .orderBy(asc(registrationQuestions.sort), asc(registrationQuestions.labelEn))
    .prepare(name);

export async function questionsFor(db: Executor, editionId: string, categoryId: string): Promise<Question[]> {
  return prepared(db, "registration_questions_for", questionsQuery).execute({ editionId, categoryId });
}

/** What checking an answer needs of its question. */
export type AnswerRule = Pick<Question, "id" | "kind" | "required" | "options">;

/** Answers keyed by question id: each of the right kind, a known option, required ones given. */
export function checkAnswers(questions: AnswerRule[], answers: Record<string, AnswerValue>, path = "answers"): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const key of Object.keys(answers)) if (!byId.has(key)) issues.push({ path: `${path}.${key}`, code: "unrecognized_key" });
  for (const q of questions) {
    const v = answers[q.id];
    const at = `${path}.${q.id}`;
    const empty = v === undefined || v === "" || (Array.isArray(v) && v.length === 0);
    if (empty) {
      if (q.required) issues.push({ path: at, code: "required" });
      continue;
    }
    const values = new Set(q.options.map((o) => o.value));
    const ok =
      q.kind === "text"
        ? typeof v === "string" && v.length <= 1000
        : q.kind === "yesno"
          ? typeof v === "boolean"
          : q.kind === "select"
            ? typeof v === "string" && values.has(v)
            : Array.isArray(v) && v.every((x) => values.has(x));
    if (!ok) issues.push({ path: at, code: q.kind === "text" ? "invalid_type" : "invalid_value" });
  }
  return issues;
}

async function checkCategory(db: Executor, editionId: string, categoryId: string | null) {
  if (!categoryId) return;
  const [c] = await db
    .select({ id: visitorCategories.id })
    .from(visitorCategories)
    .where(and(eq(visitorCategories.id, categoryId), eq(visitorCategories.editionId, editionId)));
  if (!c) throw new DomainError("validation_failed", { fields: [{ path: "categoryId", code: "invalid_value" }] });
}

export async function createQuestion(ctx: Ctx, raw: Input<typeof questionInput>): Promise<Question> {
  const input = parseInput(questionInput, raw);
  return inTransaction(ctx, async (tx) => {
    const edition = await editionForChange(tx, ctx.actor, input.editionId, "registration.configure");
    await checkCategory(tx, edition.id, input.categoryId);
    const [row] = await tx.insert(registrationQuestions).values(input).returning();
    await recordAudit(tx, ctx, {
      action: "registration.question_created",
      entityType: "registration_question",
      entityId: row!.id,
      organiserId: edition.organiserId,
      editionId: edition.id,
      data: { kind: input.kind, labelEn: input.labelEn, categoryId: input.categoryId, required: input.required },
    });
    return row!;
  });
}

const updateQuestionInput = z.object({ questionId: z.uuid() }).passthrough();

export async function updateQuestion(ctx: Ctx, raw: Input<typeof updateQuestionInput>): Promise<Question> {
  const { questionId, ...rest } = parseInput(updateQuestionInput, raw) as { questionId: string } & Record<string, unknown>;
  const input = parseInput(questionInput, rest);
  return inTransaction(ctx, async (tx) => {
    const edition = await editionForChange(tx, ctx.actor, input.editionId, "registration.configure");
    await checkCategory(tx, edition.id, input.categoryId);
    const [row] = await tx
      .update(registrationQuestions)
      .set(input)
      .where(and(eq(registrationQuestions.id, questionId), eq(registrationQuestions.editionId, edition.id)))
      .returning();
    if (!row) throw new DomainError("not_found", { params: { what: "question" } });
    await recordAudit(tx, ctx, {
      action: "registration.question_updated",
      entityType: "registration_question",
      entityId: row.id,
      organiserId: edition.organiserId,
      editionId: edition.id,
      data: { kind: input.kind, labelEn: input.labelEn, categoryId: input.categoryId, required: input.required },
    });
    return row;
  });
}

const deleteQuestionInput = z.strictObject({ editionId: z.uuid(), questionId: z.uuid() });

/** Answers already given stay on the registrations (exports show them under the question's id). */
export async function deleteQuestion(ctx: Ctx, raw: Input<typeof deleteQuestionInput>): Promise<void> {
  const { editionId, questionId } = parseInput(deleteQuestionInput, raw);
  await inTransaction(ctx, async (tx) => {
    const edition = await editionForChange(tx, ctx.actor, editionId, "registration.configure");
    const [row] = await tx
      .delete(registrationQuestions)
      .where(and(eq(registrationQuestions.id, questionId), eq(registrationQuestions.editionId, edition.id)))
      .returning();
    if (!row) throw new DomainError("not_found", { params: { what: "question" } });
    await recordAudit(tx, ctx, {
      action: "registration.question_deleted",
      entityType: "registration_question",
      entityId: questionId,
      organiserId: edition.organiserId,
      editionId: edition.id,
      data: { labelEn: row.labelEn },
    });
  });
}

const getRegistrationFormInput = z.object({ slug: z.string().max(60), category: z.string().max(40).optional() });

/** What the public form needs: the edition, its categories and, once one is chosen, its questions. */
export async function getRegistrationForm(ctx: Ctx, raw: Input<typeof getRegistrationFormInput>) {
  const { slug, category } = parseInput(getRegistrationFormInput, raw);
  const [edition] = await ctx.db.select().from(editions).where(eq(editions.slug, slug));
  if (!edition || (edition.status !== "published" && !can(ctx.actor, "registration.configure", { organiserId: edition.organiserId }))) {
    throw new DomainError("not_found", { params: { what: "edition" } });
  }
  const categories = await ctx.db
    .select()
    .from(visitorCategories)
    .where(eq(visitorCategories.editionId, edition.id))
    .orderBy(asc(visitorCategories.sort));
  // Exhibitor staff are badged by their exhibitor within a quota, never through this form.
  const offered = categories.filter((c) => c.code !== STAFF_CATEGORY);
  const chosen = category ? offered.find((c) => c.code === category) : undefined;
  const questions = chosen ? await questionsFor(ctx.db, edition.id, chosen.id) : [];
  const dayCount = editionDayCount(edition);
  return { edition, categories: offered, category: chosen ?? null, questions, dayCount };
}
