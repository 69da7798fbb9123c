import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { users } from "../../../platform/auth/tables";
import { recordAudit } from "../../../platform/audit/record";
import { inTransaction, type Ctx } from "../../../platform/context";
import { toCsv } from "../../../platform/csv";
import { DomainError } from "../../../platform/errors";
import { translate } from "../../../platform/i18n/translate";
import { queueEmails, type EmailMessage } from "../../../platform/mail/outbox";
import { parseInput } from "../../../platform/validation";
import { roleGrants } from "../../accounts/tables";
import { enterprises } from "../../editions/enterprise-tables";
import { editionFor, editionForChange } from "../../editions/for-change";
import { exhibitorProfiles } from "../../exhibitors/tables";
import { editionExhibitorIds } from "../../exhibitors/operations/exhibitors-of";
import { barChartSvg } from "../charts";
import { groupFigures, type GroupRow } from "../engine/figures";
import { baselineResponses } from "../tables";
import { surveyOfEdition } from "./structure";
import { baselineComparison } from "./compare";
import { breakdowns, clusterNames, groupName, groupOf } from "./labels";
import { surveyScores, type FirmScores } from "./scores";

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

export async function baselineDashboard(ctx: Ctx, raw: unknown) {
  const input = parseInput(DashboardInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, input.editionId, "baseline.manage");
  const survey = await surveyOfEdition(ctx.db, edition.id);
  if (!survey) throw new DomainError("baseline_no_survey");
  const exhibitors = await editionExhibitorIds(ctx.db, edition.id);
  const responses = await ctx.db.select({ enterpriseId: baselineResponses.enterpriseId, status: baselineResponses.status }).from(baselineResponses).where(eq(baselineResponses.surveyId, survey.id));
  const submitted = responses.filter((r) => r.status === "submitted").length;
  const scores = await surveyScores(ctx.db, survey.id, Number(edition.startsOn.slice(0, 4)));
  const said = (s: FirmScores, code: string) => s.answers.get(code) === true;
  const names = await clusterNames(ctx.db, edition.id);
  const figures = groupFigures(
    scores.map((s) => ({ group: groupOf(input.by, s), exportScore: s.export.score, investmentScore: s.investment.score, exports: said(s, "markets.exports"), website: said(s, "connect.website") })),
  );
  const rows = figures.rows.map((r) => ({ ...r, name: groupName(ctx.locale, input.by, r.group, names) }));
  const t = (key: string) => translate(ctx.locale, key);
  const chart = (a: "exportMedian" | "exportingShare", b: "investmentMedian" | "websiteShare", labels: [string, string]) =>
    barChartSvg({ categories: rows.map((r) => r.name), series: [{ name: t(labels[0]), values: rows.map((r) => r[a]) }, { name: t(labels[1]), values: rows.map((r) => r[b]) }], max: 100, rtl: ctx.locale === "ur" });
  return {
    edition: { id: edition.id, nameEn: edition.nameEn, nameUr: edition.nameUr, slug: edition.slug, startsOn: edition.startsOn },
    survey: { id: survey.id, status: survey.status },
    by: input.by,
    progress: { exhibitors: exhibitors.length, submitted, drafts: responses.length - submitted, notStarted: Math.max(0, exhibitors.length - responses.length) },
    total: { ...figures.total, name: t("baseline.bo.total") },
    rows,
    charts: {
      scores: chart("exportMedian", "investmentMedian", ["baseline.bo.exportMedian", "baseline.bo.investmentMedian"]),
      shares: chart("exportingShare", "websiteShare", ["baseline.bo.exportingShare", "baseline.bo.websiteShare"]),
    },
    comparison: await baselineComparison(ctx, { edition, survey, firms: scores, by: input.by, names, compare: input.compare, indicator: input.indicator }),
  };
}

export const figureColumns = ["group", "firms", "exportMedian", "investmentMedian", "exportingShare", "websiteShare"] as const;

/** The figures as CSV (suppressed cells empty, marked in the last column). */
export async function baselineFiguresCsv(ctx: Ctx, raw: unknown): Promise<string> {
  const d = await baselineDashboard(ctx, raw);
  const line = (r: GroupRow, group: string) => [group, r.firms, r.exportMedian, r.investmentMedian, r.exportingShare, r.websiteShare, r.suppressed ? "suppressed" : ""];
  return toCsv([[...figureColumns, "note"], ...d.rows.map((r) => line(r, r.name)), line(d.total, "total")]);
}

/** Emails every exhibitor that has not finished the survey, once per call, in its account's language. */
export async function remindBaseline(ctx: Ctx, raw: unknown) {
  const input = parseInput(z.object({ editionId: z.uuid() }), raw);
  return inTransaction(ctx, async (tx, c) => {
    const edition = await editionForChange(tx, c.actor, input.editionId, "baseline.manage");
    const survey = await surveyOfEdition(tx, edition.id);
    if (!survey) throw new DomainError("baseline_no_survey");
    if (survey.status !== "open") throw new DomainError("baseline_not_open");
    const done = new Set(
      (await tx.select({ id: baselineResponses.enterpriseId }).from(baselineResponses).where(and(eq(baselineResponses.surveyId, survey.id), eq(baselineResponses.status, "submitted")))).map((r) => r.id),
    );
    const pending = (await editionExhibitorIds(tx, edition.id)).filter((id) => !done.has(id));
    if (!pending.length) return { reminded: 0, unreachable: 0 };
    const accounts = await tx
      .select({ enterpriseId: roleGrants.enterpriseId, email: users.email, locale: users.locale })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(and(eq(roleGrants.role, "exhibitor"), inArray(roleGrants.enterpriseId, pending), isNull(users.disabledAt)))
      .orderBy(asc(users.email));
    const profiles = await tx.select({ enterpriseId: exhibitorProfiles.enterpriseId, email: exhibitorProfiles.email }).from(exhibitorProfiles).where(eq(exhibitorProfiles.editionId, edition.id));
    const firms = await tx.select({ id: enterprises.id, nameEn: enterprises.nameEn, nameUr: enterprises.nameUr }).from(enterprises).where(inArray(enterprises.id, pending));
    const mails: EmailMessage[] = [];
    let unreachable = 0;
    for (const id of pending) {
      const account = accounts.find((a) => a.enterpriseId === id);
      const to = account?.email ?? profiles.find((p) => p.enterpriseId === id)?.email ?? null;
      if (!to) {
        unreachable++;
        continue;
      }
      const locale = account?.locale ?? "en";
      const firm = firms.find((f) => f.id === id);
      const params = { edition: locale === "ur" ? edition.nameUr : edition.nameEn, name: locale === "ur" ? (firm?.nameUr ?? firm?.nameEn ?? "") : (firm?.nameEn ?? "") };
      mails.push({
        kind: "baseline.reminder",
        to,
        subject: translate(locale, "baseline.remind.subject", params),
        text: `${translate(locale, "baseline.remind.body", params)}\n\n${c.config.publicUrl}/account/exhibitor/baseline?edition=${edition.id}`,
      });
    }
    await queueEmails(tx, c.clock, mails);
    await recordAudit(tx, c, { action: "baseline.reminded", entityType: "baseline_survey", entityId: survey.id, editionId: edition.id, organiserId: edition.organiserId, data: { reminded: mails.length, unreachable } });
    return { reminded: mails.length, unreachable };
  });
}
