import { and, eq, inArray, sql } from "drizzle-orm";
import type { PersonalDataPart } from "#features/editions";
import { editions } from "#features/editions";
import { storeScores } from "./operations/stored-scores";
import { lockCounts } from "./operations/counts-lock";
import { baselineAnswers, baselineQuestions, baselineResponses, baselineSurveys } from "./tables";

/** The baseline's part of a person's data (editions/personal-data-port.ts; provided by
 *  src/wiring.ts): the answers of the enterprises they answer for as an exhibitor. Anonymising
 *  empties the typed (free-text) answers, which may name people, of the enterprises they are the
 *  only account of (decision 0012: another account's enterprise keeps what it wrote); every
 *  chosen, numeric and yes/no answer stays, so the dashboards' figures and the scores do not move. */
export const baselinePersonalDataPart: PersonalDataPart = {
  name: "baseline",
  async export(db, subject) {
    if (!subject.enterpriseIds.length) return [];
    const rows = await db
      .select({
        edition: editions.nameEn,
        enterpriseId: baselineResponses.enterpriseId,
        round: baselineResponses.round,
        status: baselineResponses.status,
        submittedAt: baselineResponses.submittedAt,
        code: baselineAnswers.code,
        question: baselineQuestions.labelEn,
        value: baselineAnswers.value,
      })
      .from(baselineResponses)
      .innerJoin(baselineSurveys, eq(baselineSurveys.id, baselineResponses.surveyId))
      .innerJoin(editions, eq(editions.id, baselineSurveys.editionId))
      .innerJoin(baselineAnswers, eq(baselineAnswers.responseId, baselineResponses.id))
      .innerJoin(baselineQuestions, eq(baselineQuestions.id, baselineAnswers.questionId))
      .where(inArray(baselineResponses.enterpriseId, [...subject.enterpriseIds]))
      .orderBy(editions.nameEn, baselineResponses.round, baselineAnswers.code);
    return rows;
  },
  async anonymise(tx, subject) {
    if (!subject.soleEnterpriseIds.length) return { textAnswers: 0 };
    const responseIds = tx.select({ id: baselineResponses.id }).from(baselineResponses).where(inArray(baselineResponses.enterpriseId, [...subject.soleEnterpriseIds]));
    // The counts of every round these responses are in: one writer at a time (operations/counts-lock.ts).
    await lockCounts(tx, await tx.selectDistinct({ surveyId: baselineResponses.surveyId, round: baselineResponses.round }).from(baselineResponses).where(inArray(baselineResponses.enterpriseId, [...subject.soleEnterpriseIds])));
    const textQuestions = tx.select({ id: baselineQuestions.id }).from(baselineQuestions).where(eq(baselineQuestions.kind, "text"));
    const done = await tx
      .update(baselineAnswers)
      .set({ value: sql`'""'::jsonb` })
      .where(and(inArray(baselineAnswers.responseId, responseIds), inArray(baselineAnswers.questionId, textQuestions), sql`${baselineAnswers.value} <> '""'::jsonb`))
      .returning({ responseId: baselineAnswers.responseId });
    // Their responses' stored scores are computed again (operations/stored-scores.ts): they do not move.
    await storeScores(tx, [...new Set(done.map((d) => d.responseId))]);
    return { textAnswers: done.length };
  },
};
