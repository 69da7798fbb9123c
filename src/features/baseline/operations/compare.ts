import { and, asc, eq, ne } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import { DomainError } from "../../../platform/errors";
import { translate } from "../../../platform/i18n/translate";
import { editions } from "#features/editions";
import { barChartSvg } from "../charts";
import { compareCounts, measureOf, SCORE_INDICATORS, totalCell, type CompareCell, type Measure } from "../engine/compare";
import { baselineSurveys } from "../tables";
import { indicatorByGroup, indicatorTotals } from "./aggregates";
import { groupName, type Breakdown, type ClusterNames } from "./labels";
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
  args: { edition: Edition; survey: SurveyRow; by: Breakdown; names: ClusterNames; compare?: string; indicator?: string },
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
  const mine = await indicatorsOf(ctx, args.survey.id);
  const theirs = new Map((await indicatorsOf(ctx, other.survey.id)).map((i) => [i.code, i]));
  const indicators = mine.filter((i) => theirs.get(i.code)?.measure === i.measure);
  const indicator = indicators.find((i) => i.code === args.indicator) ?? indicators[0]!;
  // Columns in time order: the earlier edition first.
  const pair = [
    { edition: args.edition, surveyId: args.survey.id },
    { edition: other.edition, surveyId: other.survey.id },
  ].sort((a, b) => a.edition.startsOn.localeCompare(b.edition.startsOn));
  const key = (e: Edition) => String(yearOf(e));
  // Counted by the database (aggregates.ts): the chosen indicator by group, every other in total.
  const byGroup = await Promise.all(pair.map(async (p) => ({ key: key(p.edition), ...(await indicatorByGroup(ctx.db, p.surveyId, "baseline", indicator.code, args.by)) })));
  const figures = compareCounts(indicator.measure, byGroup);
  const name = (g: string) => groupName(ctx.locale, args.by, g, args.names);
  const rows = figures.rows.map((r) => ({ ...r, name: name(r.group) }));
  const chart = barChartSvg({
    categories: rows.map((r) => r.name),
    series: pair.map((p, i) => ({ name: key(p.edition), values: rows.map((r) => r.cells[i]!.value) })),
    max: indicator.measure === "share" ? 100 : undefined,
    rtl: ctx.locale === "ur",
  });
  const totals = await Promise.all(pair.map((p) => indicatorTotals(ctx.db, p.surveyId, "baseline", indicators.map((i) => i.code))));
  const summary = indicators.map((i) => ({ ...i, cells: pair.map((p, k) => totalCell(i.measure, key(p.edition), totals[k]!.get(i.code)!)) as CompareCell[] }));
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
