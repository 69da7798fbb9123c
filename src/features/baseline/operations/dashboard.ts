import { and, count, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import { toCsv } from "../../../platform/csv";
import { DomainError } from "../../../platform/errors";
import { translate } from "../../../platform/i18n/translate";
import { parseInput, type Input } from "../../../platform/validation";
import { editionFor, editionForChange } from "#features/editions";
import { editionExhibitorIds } from "#features/exhibitors";
import { barChartSvg } from "../charts";
import { figuresOf, type GroupRow } from "../engine/figures";
import { groupAggregates } from "./aggregates";
import { baselineResponses, rounds } from "../tables";
import { roundOpen } from "./answer";
import { emailPending } from "./mail";
import { applicantProgress, emailApplicants } from "./applicants";
import { roundsComparison } from "./rounds";
import { surveyOfEdition } from "./structure";
import { baselineComparison } from "./compare";
import { breakdowns, clusterNames, groupName } from "./labels";

// The organiser's view of an edition's baseline (issue #15, items 4 and 5): response progress,
// reminders by email to exhibitors who have not finished (outbox, each in its account's language),
// and the figures by cluster, province, size class, women-led or micro with small cells suppressed,
// drawn as server-side SVG charts (charts.ts) beside their tables, with the comparison with another
// edition (compare.ts); the tables as CSV or XLSX (exports.ts).

export { breakdowns, type Breakdown } from "./labels";

const DashboardInput = z.object({
  editionId: z.uuid(),
  by: z.enum(breakdowns).default("cluster"),
  compare: z.uuid().optional(),
  indicator: z.string().max(80).optional(),
});

/** What the dashboard, its CSV and its exports are asked: the edition, a breakdown, a comparison. */
export type DashboardQuery = Input<typeof DashboardInput>;

export async function baselineDashboard(ctx: Ctx, raw: DashboardQuery) {
  const input = parseInput(DashboardInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, input.editionId, "baseline.manage");
  const survey = await surveyOfEdition(ctx.db, edition.id);
  if (!survey) throw new DomainError("baseline_no_survey");
  const exhibitors = await editionExhibitorIds(ctx.db, edition.id);
  // The exhibitors' progress counts the exhibitors' responses; the applicants' is apart (applicants.ts).
  const [progress] = exhibitors.length
    ? await ctx.db
        .select({ started: count(), submitted: sql<number>`count(*) FILTER (WHERE ${baselineResponses.status} = 'submitted')`.mapWith(Number) })
        .from(baselineResponses)
        .where(and(eq(baselineResponses.surveyId, survey.id), eq(baselineResponses.round, "baseline"), inArray(baselineResponses.enterpriseId, exhibitors)))
    : [];
  const submitted = progress?.submitted ?? 0;
  const started = progress?.started ?? 0;
  // Counted by the database from the scores stored with each response (stored-scores.ts).
  const counted = await groupAggregates(ctx.db, survey.id, input.by);
  const names = await clusterNames(ctx.db, edition.id);
  const figures = figuresOf(counted.groups, counted.total);
  const rows = figures.rows.map((r) => ({ ...r, name: groupName(ctx.locale, input.by, r.group, names) }));
  const t = (key: string) => translate(ctx.locale, key);
  const chart = (a: "exportMedian" | "exportingShare", b: "investmentMedian" | "websiteShare", labels: [string, string]) =>
    barChartSvg({ categories: rows.map((r) => r.name), series: [{ name: t(labels[0]), values: rows.map((r) => r[a]) }, { name: t(labels[1]), values: rows.map((r) => r[b]) }], max: 100, rtl: ctx.locale === "ur" });
  return {
    edition: { id: edition.id, nameEn: edition.nameEn, nameUr: edition.nameUr, slug: edition.slug, startsOn: edition.startsOn },
    survey: { id: survey.id, status: survey.status, askApplicants: survey.askApplicants },
    by: input.by,
    progress: { exhibitors: exhibitors.length, submitted, drafts: started - submitted, notStarted: Math.max(0, exhibitors.length - started) },
    applicants: survey.askApplicants ? await applicantProgress(ctx.db, edition, survey) : null,
    total: { ...figures.total, name: t("baseline.bo.total") },
    rows,
    charts: {
      scores: chart("exportMedian", "investmentMedian", ["baseline.bo.exportMedian", "baseline.bo.investmentMedian"]),
      shares: chart("exportingShare", "websiteShare", ["baseline.bo.exportingShare", "baseline.bo.websiteShare"]),
    },
    followUp: await roundsComparison(ctx, { edition, survey, exhibitors: exhibitors.length }),
    comparison: await baselineComparison(ctx, { edition, survey, by: input.by, names, compare: input.compare, indicator: input.indicator }),
  };
}

export const figureColumns = ["group", "firms", "exportMedian", "investmentMedian", "exportingShare", "websiteShare"] as const;

/** The figures as CSV (suppressed cells empty, marked in the last column). */
export async function baselineFiguresCsv(ctx: Ctx, raw: DashboardQuery): Promise<string> {
  const d = await baselineDashboard(ctx, raw);
  const line = (r: GroupRow, group: string) => [group, r.firms, r.exportMedian, r.investmentMedian, r.exportingShare, r.websiteShare, r.suppressed ? "suppressed" : ""];
  return toCsv([[...figureColumns, "note"], ...d.rows.map((r) => line(r, r.name)), line(d.total, "total")]);
}

const remindBaselineInput = z.object({ editionId: z.uuid(), round: z.enum(rounds).default("baseline") });

/** Emails every exhibitor that has not finished the round (the baseline unless asked), once per
 *  call, in its account's language, and, when the survey asks applicants, every applicant that has
 *  not finished the baseline (a fresh link, in its nomination's language). The follow-up's reminder
 *  needs the follow-up open. */
export async function remindBaseline(ctx: Ctx, raw: Input<typeof remindBaselineInput>) {
  const input = parseInput(remindBaselineInput, raw);
  return inTransaction(ctx, async (tx, c) => {
    const edition = await editionForChange(tx, c.actor, input.editionId, "baseline.manage");
    const survey = await surveyOfEdition(tx, edition.id);
    if (!survey) throw new DomainError("baseline_no_survey");
    if (!roundOpen(survey, input.round)) throw new DomainError("baseline_not_open");
    const sent = await emailPending(tx, c, edition, survey.id, input.round, input.round === "baseline" ? "baseline.remind" : "baseline.followUp.remind");
    const applicants = input.round === "baseline" && survey.askApplicants ? await emailApplicants(tx, c, edition, survey, "reminder") : { sent: 0, unreachable: 0 };
    const total = { reminded: sent.reminded + applicants.sent, unreachable: sent.unreachable + applicants.unreachable, applicants: applicants.sent };
    await recordAudit(tx, c, { action: "baseline.reminded", entityType: "baseline_survey", entityId: survey.id, editionId: edition.id, organiserId: edition.organiserId, data: { ...total, round: input.round } });
    return total;
  });
}
