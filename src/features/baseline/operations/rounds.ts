import { and, eq } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import { translate } from "../../../platform/i18n/translate";
import { barChartSvg } from "../charts";
import { compareIndicator, type CompareCell } from "../engine/compare";
import type { AnswerValue } from "../engine/questions";
import { baselineResponses, type Round } from "../tables";
import { indicatorsOf } from "./compare";
import { surveyScores, type FirmScores } from "./scores";
import type { SurveyRow } from "./structure";
import { followUpDue } from "./follow-up";

// Baseline against the 6-month follow-up on the organiser's dashboard (issue #15, items 2 and 5):
// the follow-up's progress and every comparable indicator, measured in each round over the firms
// that submitted it (the baseline round is never changed by the follow-up), with the same
// small-cell suppression per column as the edition-to-edition comparison.

const valueOf = (s: FirmScores, code: string): AnswerValue | undefined => (code === "score.export" ? s.export.score : code === "score.investment" ? s.investment.score : s.answers.get(code));

export async function roundsComparison(ctx: Ctx, args: { edition: { id: string; endsOn: string; startsOn: string }; survey: SurveyRow; baseline: readonly FirmScores[]; exhibitors: number }) {
  const { survey } = args;
  const responses = await ctx.db
    .select({ status: baselineResponses.status })
    .from(baselineResponses)
    .where(and(eq(baselineResponses.surveyId, survey.id), eq(baselineResponses.round, "follow_up")));
  const submitted = responses.filter((r) => r.status === "submitted").length;
  const head = {
    status: survey.followUpStatus,
    openedAt: survey.followUpOpenedAt?.toISOString() ?? null,
    due: followUpDue(args.edition.endsOn).toISOString().slice(0, 10),
    progress: { exhibitors: args.exhibitors, submitted, drafts: responses.length - submitted, notStarted: Math.max(0, args.exhibitors - responses.length) },
  };
  if (survey.followUpStatus === "none") return { ...head, columns: [], summary: [], chart: null };
  const later = await surveyScores(ctx.db, survey.id, Number(args.edition.startsOn.slice(0, 4)), "follow_up");
  const columns: { round: Round; key: string; firms: readonly FirmScores[] }[] = [
    { round: "baseline", key: translate(ctx.locale, "baseline.round.baseline"), firms: args.baseline },
    { round: "follow_up", key: translate(ctx.locale, "baseline.round.follow_up"), firms: later },
  ];
  const indicators = await indicatorsOf(ctx, survey.id);
  const summary = indicators.map((i) => ({
    code: i.code,
    label: i.label,
    measure: i.measure,
    cells: compareIndicator(
      i.measure,
      columns.map((c) => ({ key: c.key, firms: c.firms.map((s) => ({ group: "all", value: valueOf(s, i.code) })) })),
    ).total.cells as CompareCell[],
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
