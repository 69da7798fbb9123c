import { and, asc, eq, ne } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import { DomainError } from "../../../platform/errors";
import { translate } from "../../../platform/i18n/translate";
import { editions } from "../../editions/tables";
import { barChartSvg } from "../charts";
import { compareIndicator, measureOf, SCORE_INDICATORS, type CompareCell, type Measure } from "../engine/compare";
import type { AnswerValue } from "../engine/questions";
import { baselineSurveys } from "../tables";
import { groupName, groupOf, type Breakdown, type ClusterNames } from "./labels";
import { surveyScores, type FirmScores } from "./scores";
import { structureOf, type SurveyRow } from "./structure";

// Edition-to-edition comparison on the organiser's dashboard (issue #15, item 5): the same
// indicator codes in this edition and another of the same organiser (the one before it, else the
// one after), by the chosen breakdown, as a grouped bar chart and its table; and every indicator
// both surveys share, as totals side by side.

type Edition = typeof editions.$inferSelect;
export interface Indicator {
  code: string;
  label: string;
  measure: Measure;
}
const valueOf = (s: FirmScores, code: string): AnswerValue | undefined => (code === "score.export" ? s.export.score : code === "score.investment" ? s.investment.score : s.answers.get(code));
const yearOf = (e: Edition) => Number(e.startsOn.slice(0, 4));

/** The comparable indicators of a survey: the two scores, then every current question whose kind can be measured. */
export async function indicatorsOf(ctx: Ctx, surveyId: string): Promise<Indicator[]> {
  const scores = SCORE_INDICATORS.map((code) => ({ code, label: translate(ctx.locale, `baseline.fig.indicator.${code}`), measure: "median" as Measure }));
  const questions = (await structureOf(ctx.db, surveyId)).flatMap((s) => s.questions);
  const measured = questions.flatMap((q) => {
    const measure = measureOf(q.kind);
    return measure ? [{ code: q.code, label: ctx.locale === "ur" ? q.labelUr : q.labelEn, measure }] : [];
  });
  return [...scores, ...measured];
}

export async function baselineComparison(
  ctx: Ctx,
  args: { edition: Edition; survey: SurveyRow; firms: readonly FirmScores[]; by: Breakdown; names: ClusterNames; compare?: string; indicator?: string },
) {
  const others = await ctx.db
    .select({ edition: editions, survey: baselineSurveys })
    .from(editions)
    .innerJoin(baselineSurveys, eq(baselineSurveys.editionId, editions.id))
    .where(and(eq(editions.organiserId, args.edition.organiserId), ne(editions.id, args.edition.id)))
    .orderBy(asc(editions.startsOn));
  const choices = others.map((o) => ({ id: o.edition.id, nameEn: o.edition.nameEn, nameUr: o.edition.nameUr }));
  if (args.compare && !others.some((o) => o.edition.id === args.compare)) throw new DomainError("not_found", { params: { what: "edition" } });
  const other =
    others.find((o) => o.edition.id === args.compare) ?? [...others].reverse().find((o) => o.edition.startsOn < args.edition.startsOn) ?? others.find((o) => o.edition.startsOn > args.edition.startsOn);
  if (!other) return { choices, other: null };
  const otherFirms = await surveyScores(ctx.db, other.survey.id, yearOf(other.edition));
  const mine = await indicatorsOf(ctx, args.survey.id);
  const theirs = new Map((await indicatorsOf(ctx, other.survey.id)).map((i) => [i.code, i]));
  const indicators = mine.filter((i) => theirs.get(i.code)?.measure === i.measure);
  const indicator = indicators.find((i) => i.code === args.indicator) ?? indicators[0]!;
  // Columns in time order: the earlier edition first.
  const pair = [
    { edition: args.edition, firms: args.firms },
    { edition: other.edition, firms: otherFirms },
  ].sort((a, b) => a.edition.startsOn.localeCompare(b.edition.startsOn));
  const key = (e: Edition) => String(yearOf(e));
  const facts = (code: string) => pair.map((p) => ({ key: key(p.edition), firms: p.firms.map((s) => ({ group: groupOf(args.by, s), value: valueOf(s, code) })) }));
  const figures = compareIndicator(indicator.measure, facts(indicator.code));
  const name = (g: string) => groupName(ctx.locale, args.by, g, args.names);
  const rows = figures.rows.map((r) => ({ ...r, name: name(r.group) }));
  const chart = barChartSvg({
    categories: rows.map((r) => r.name),
    series: pair.map((p, i) => ({ name: key(p.edition), values: rows.map((r) => r.cells[i]!.value) })),
    max: indicator.measure === "share" ? 100 : undefined,
    rtl: ctx.locale === "ur",
  });
  const summary = indicators.map((i) => ({ ...i, cells: compareIndicator(i.measure, facts(i.code)).total.cells as CompareCell[] }));
  return {
    choices,
    other: { id: other.edition.id, nameEn: other.edition.nameEn, nameUr: other.edition.nameUr },
    columns: pair.map((p) => ({ id: p.edition.id, key: key(p.edition), nameEn: p.edition.nameEn, nameUr: p.edition.nameUr })),
    indicators: indicators.map(({ code, label, measure }) => ({ code, label, measure })),
    indicator,
    rows,
    total: { ...figures.total, name: name(figures.total.group) },
    chart,
    summary,
  };
}
