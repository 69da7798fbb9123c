import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { rowsOf } from "../../../platform/db/rows";
import type { Ctx } from "../../../platform/context";
import type { Executor } from "../../../platform/db/types";
import { enterprises } from "#features/editions";
import { clusters, sectors } from "#features/editions";
import { isVisible, type AnswerValue, type QuestionDef } from "../engine/questions";
import { bandOf, scoreOf, SMALL_GROUP, type Score, type ScoreKind } from "../engine/scoring";
import { baselineAnswers, baselineQuestions, baselineResponses, baselineSurveys, type Round } from "../tables";
import { exhibitorRespondent, type Respondent } from "./respondent";
import { surveyOfEdition } from "./structure";

// Scores from stored answers (issue #15, item 3): the pure engine (engine/scoring.ts) over each
// complete response of a survey. Only visible answers count, judged with the version each answer
// answered (a hidden question's old answer is kept but not scored). Every save stores the two
// scores with its response (stored-scores.ts): what needs only the numbers (the medians, the
// directory's and the awards' scores, the dashboards) reads those; what explains a firm's score
// (what drives it, what would raise it) scores that one firm's answers here.

export interface FirmScores {
  enterpriseId: string;
  clusterSlug: string | null;
  province: string | null;
  district: string | null;
  /** The code of the sector of the firm's cluster in the survey's edition. */
  sector: string | null;
  sizeClass: "micro" | "small" | "medium";
  womenLed: boolean;
  export: Score;
  investment: Score;
  /** The visible answers by indicator code (what the scores were computed from). */
  answers: ReadonlyMap<string, AnswerValue>;
}

/** Every submitted response's scores in a round (the baseline unless asked), with the firm's groups
 *  (cluster, sector, province, district, size, women-led); only one firm's when `enterpriseId` is given. */
export async function surveyScores(db: Executor, surveyId: string, year: number, round: Round = "baseline", enterpriseId?: string): Promise<FirmScores[]> {
  const responses = await db
    .select({
      id: baselineResponses.id,
      enterpriseId: baselineResponses.enterpriseId,
      clusterSlug: enterprises.clusterSlug,
      province: enterprises.province,
      district: enterprises.district,
      sector: sectors.code,
      sizeClass: enterprises.sizeClass,
      womenLed: enterprises.womenLed,
    })
    .from(baselineResponses)
    .innerJoin(enterprises, eq(enterprises.id, baselineResponses.enterpriseId))
    .innerJoin(baselineSurveys, eq(baselineSurveys.id, baselineResponses.surveyId))
    .leftJoin(clusters, and(eq(clusters.editionId, baselineSurveys.editionId), eq(clusters.slug, enterprises.clusterSlug)))
    .leftJoin(sectors, eq(sectors.id, clusters.sectorId))
    .where(
      and(
        eq(baselineResponses.surveyId, surveyId),
        eq(baselineResponses.status, "submitted"),
        eq(baselineResponses.round, round),
        enterpriseId ? eq(baselineResponses.enterpriseId, enterpriseId) : undefined,
      ),
    );
  if (!responses.length) return [];
  const rows = await db
    .select({ responseId: baselineAnswers.responseId, code: baselineAnswers.code, value: baselineAnswers.value, showIfCode: baselineQuestions.showIfCode, showIfEquals: baselineQuestions.showIfEquals })
    .from(baselineAnswers)
    .innerJoin(baselineQuestions, eq(baselineQuestions.id, baselineAnswers.questionId))
    .where(
      enterpriseId
        ? inArray(
            baselineAnswers.responseId,
            responses.map((r) => r.id),
          )
        : and(eq(baselineAnswers.surveyId, surveyId), sql`${baselineAnswers.responseId} IN (SELECT id FROM baseline_responses WHERE survey_id = ${surveyId} AND round = ${round})`),
    );
  const byResponse = new Map<string, typeof rows>();
  for (const r of rows) {
    // Appended in place: copying the list on every row made this quadratic in the questions.
    const list = byResponse.get(r.responseId);
    if (list) list.push(r);
    else byResponse.set(r.responseId, [r]);
  }
  return responses.map((r) => {
    const answers = visibleAnswers(byResponse.get(r.id) ?? []);
    return { ...r, export: scoreOf("export", answers, year), investment: scoreOf("investment", answers, year), answers };
  });
}

/** The answers whose question (as answered) is shown given the others. */
export function visibleAnswers(rows: { code: string; value: AnswerValue; showIfCode: string | null; showIfEquals: string | null }[]): Map<string, AnswerValue> {
  const all = new Map(rows.map((r) => [r.code, r.value]));
  const defs = new Map<string, QuestionDef>(
    rows.map((r) => [
      r.code,
      { code: r.code, kind: "text", required: false, options: [], unit: null, min: null, max: null, showIf: r.showIfCode && r.showIfEquals ? { code: r.showIfCode, equals: r.showIfEquals } : null },
    ]),
  );
  return new Map([...all].filter(([code]) => isVisible(defs.get(code)!, all, defs)));
}

const roundMedian = (m: number | null) => (m === null ? null : Math.round(m));

/** The exhibitor's own scores for an edition, with the medians of its cluster and of its size
 *  class (null when the group is a small cell). `null` scores until the response is complete. */
export async function ownScores(ctx: Ctx, editionId?: string | null) {
  return scoresOf(ctx, await exhibitorRespondent(ctx, ctx.db, editionId));
}

/** A respondent's own scores (an exhibitor's or an applicant's), as ownScores. */
export async function scoresOf(ctx: Ctx, r: Respondent) {
  const { edition, survey, choices, enterpriseId } = r;
  const year = Number(edition.startsOn.slice(0, 4));
  const [mine] = enterpriseId ? await surveyScores(ctx.db, survey.id, year, "baseline", enterpriseId) : [];
  // The medians of its cluster and its size class, from the stored scores of every submitted response.
  const [m] = mine
    ? rowsOf<{ cn: number; sn: number; ce: number | null; ci: number | null; se: number | null; si: number | null }>(
        await ctx.db.execute(sql`WITH f AS (
            SELECT r.export_score AS xs, r.investment_score AS iv, e.cluster_slug IS NOT DISTINCT FROM ${mine.clusterSlug} AS c, e.size_class = ${mine.sizeClass} AS s
            FROM baseline_responses r JOIN enterprises e ON e.id = r.enterprise_id
            WHERE r.survey_id = ${survey.id} AND r.round = 'baseline' AND r.status = 'submitted')
          SELECT count(*) FILTER (WHERE c)::int AS cn, count(*) FILTER (WHERE s)::int AS sn,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY xs) FILTER (WHERE c) AS ce, percentile_cont(0.5) WITHIN GROUP (ORDER BY iv) FILTER (WHERE c) AS ci,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY xs) FILTER (WHERE s) AS se, percentile_cont(0.5) WITHIN GROUP (ORDER BY iv) FILTER (WHERE s) AS si
          FROM f`),
      )
    : [];
  const median = (n: number | undefined, value: number | null | undefined) => (Number(n ?? 0) < SMALL_GROUP || value === null || value === undefined ? null : roundMedian(Number(value)));
  const compare = (kind: ScoreKind) =>
    mine && {
      cluster: median(m?.cn, kind === "export" ? m?.ce : m?.ci),
      size: median(m?.sn, kind === "export" ? m?.se : m?.si),
    };
  return {
    edition: { id: edition.id, slug: edition.slug, nameEn: edition.nameEn, nameUr: edition.nameUr },
    editions: choices.map((c) => ({ id: c.edition.id, nameEn: c.edition.nameEn, nameUr: c.edition.nameUr })),
    scores: mine
      ? (["export", "investment"] as const).map((kind) => ({ ...mine[kind], medians: compare(kind)! }))
      : null,
  };
}

/** The baseline round's responses per survey (for the organiser's progress). */
export async function responseCounts(db: Executor, surveyIds: string[]) {
  if (!surveyIds.length) return [];
  return db
    .select({ surveyId: baselineResponses.surveyId, status: baselineResponses.status, enterpriseId: baselineResponses.enterpriseId })
    .from(baselineResponses)
    .where(and(inArray(baselineResponses.surveyId, surveyIds), eq(baselineResponses.round, "baseline")));
}

/** The export-readiness score and band of each exhibitor that submitted the edition's baseline,
 *  by enterprise id (empty without a survey): what the B2B directory and the awards' eligibility read. */
export async function exportScoresOf(db: Executor, editionId: string): Promise<Map<string, { score: number; band: Score["band"] }>> {
  const survey = await surveyOfEdition(db, editionId);
  if (!survey) return new Map();
  const rows = await db
    .select({ enterpriseId: baselineResponses.enterpriseId, score: baselineResponses.exportScore })
    .from(baselineResponses)
    .where(and(eq(baselineResponses.surveyId, survey.id), eq(baselineResponses.round, "baseline"), eq(baselineResponses.status, "submitted"), isNotNull(baselineResponses.exportScore)));
  return new Map(rows.map((r) => [r.enterpriseId, { score: r.score!, band: bandOf(r.score!) }]));
}
