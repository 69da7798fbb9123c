import { and, count, eq, sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import { translate } from "../../../platform/i18n/translate";
import { barChartSvg } from "../charts";
import { totalCell, type CompareCell } from "../engine/compare";
import { baselineResponses, type Round } from "../tables";
import { indicatorsOf } from "./compare";
import { indicatorTotals } from "./aggregates";
import type { SurveyRow } from "./structure";
import { followUpDue } from "./follow-up";

// Baseline against the 6-month follow-up on the organiser's dashboard (issue #15, items 2 and 5):
// the follow-up's progress and every comparable indicator, measured in each round over the firms
// that submitted it (the baseline round is never changed by the follow-up), with the same
// small-cell suppression per column as the edition-to-edition comparison.


export async function roundsComparison(ctx: Ctx, args: { edition: { id: string; endsOn: string; startsOn: string }; survey: SurveyRow; exhibitors: number }) {
  const { survey } = args;
  const [counted] = await ctx.db
    .select({ started: count(), submitted: sql<number>`count(*) FILTER (WHERE ${baselineResponses.status} = 'submitted')`.mapWith(Number) })
    .from(baselineResponses)
    .where(and(eq(baselineResponses.surveyId, survey.id), eq(baselineResponses.round, "follow_up")));
  const submitted = counted?.submitted ?? 0;
  const started = counted?.started ?? 0;
  const head = {
    status: survey.followUpStatus,
    openedAt: survey.followUpOpenedAt?.toISOString() ?? null,
    due: followUpDue(args.edition.endsOn).toISOString().slice(0, 10),
    progress: { exhibitors: args.exhibitors, submitted, drafts: started - submitted, notStarted: Math.max(0, args.exhibitors - started) },
  };
  if (survey.followUpStatus === "none") return { ...head, columns: [], summary: [], chart: null };
  const columns: { round: Round; key: string }[] = [
    { round: "baseline", key: translate(ctx.locale, "baseline.round.baseline") },
    { round: "follow_up", key: translate(ctx.locale, "baseline.round.follow_up") },
  ];
  const indicators = await indicatorsOf(ctx, survey.id);
  // Counted by the database (aggregates.ts) from the stored scores and visible answers of each round.
  const totals = await Promise.all(columns.map((c) => indicatorTotals(ctx.db, survey.id, c.round, indicators.map((i) => i.code))));
  const summary = indicators.map((i) => ({
    code: i.code,
    label: i.label,
    measure: i.measure,
    cells: columns.map((c, k) => totalCell(i.measure, c.key, totals[k]!.get(i.code)!)) as CompareCell[],
  }));
  const scores = summary.slice(0, 2);
  const chart = barChartSvg({
    categories: scores.map((s) => s.label),
    series: columns.map((c, k) => ({ name: c.key, values: scores.map((s) => s.cells[k]!.value) })),
    max: 100,
    rtl: ctx.locale === "ur",
  });
  return { ...head, columns: columns.map((c) => ({ round: c.round, key: c.key })), summary, chart };
}
