import { z } from "zod";
import type { Ctx } from "../../../platform/context";
import { translate } from "../../../platform/i18n/translate";
import { parseInput, type Input } from "../../../platform/validation";
import { SMALL_CELL } from "../engine/figures";
import { publishedTables } from "./public-figures";
import type { Executor } from "../../../platform/db/types";
import type { Locale } from "../../../platform/i18n/locales";
import { renderBaselineReportPdf, type ReportTable } from "../report-pdf";
import { baselineDashboard } from "./dashboard";
import { clusterNames, groupName } from "./labels";

// The printable report of an edition's baseline for the ministry (issue #15, item 6), in English
// or Urdu whatever the organiser's own language: key figures, a table with bars for each
// breakdown (small cells suppressed as everywhere else) and the method notes. The same permission
// as the dashboard (its operation is called first).

const ReportInput = z.object({ editionId: z.uuid(), lang: z.enum(["en", "ur"]).optional() });

export async function baselineReport(ctx: Ctx, raw: Input<typeof ReportInput>) {
  const input = parseInput(ReportInput, raw);
  const locale = input.lang ?? ctx.locale;
  const d = await baselineDashboard({ ...ctx, locale }, { editionId: input.editionId });
  const t = (k: string, p?: Record<string, string | number>) => translate(locale, k, p);
  const tables = await reportTables(ctx.db, d.edition.id, d.survey.id, locale);
  const num = (v: number | null) => (v === null ? t("baseline.fig.suppressed") : String(v));
  const { pdf } = await renderBaselineReportPdf({
    locale,
    title: t("baseline.pdf.title"),
    edition: locale === "ur" ? d.edition.nameUr : d.edition.nameEn,
    keyFiguresTitle: t("baseline.pdf.keyFigures"),
    keyFigures: [
      { label: t("baseline.pdf.responses"), value: `${d.progress.submitted} / ${d.progress.exhibitors}` },
      { label: t("baseline.bo.exportMedian"), value: num(d.total.exportMedian) },
      { label: t("baseline.bo.investmentMedian"), value: num(d.total.investmentMedian) },
      { label: t("baseline.bo.exportingShare"), value: num(d.total.exportingShare) },
      { label: t("baseline.bo.websiteShare"), value: num(d.total.websiteShare) },
    ],
    tables,
    withheld: t("baseline.pdf.withheld", { max: SMALL_CELL - 1 }),
    methodTitle: t("baseline.pdf.method"),
    method: [t("baseline.pdf.methodText", { threshold: SMALL_CELL })],
    footer: t("baseline.pdf.generated", { date: ctx.clock.now().toISOString().slice(0, 10) }),
  });
  return { filename: `baseline-report-${d.edition.slug}-${locale}.pdf`, body: pdf };
}

/** The report's tables: the published ones (operations/public-figures.ts), named in `locale`. */
export async function reportTables(db: Executor, editionId: string, surveyId: string, locale: Locale): Promise<ReportTable[]> {
  const names = await clusterNames(db, editionId);
  const t = (k: string, p?: Record<string, string | number>) => translate(locale, k, p);
  const heads = ["baseline.bo.firms", "baseline.bo.exportMedian", "baseline.bo.investmentMedian", "baseline.bo.exportingShare", "baseline.bo.websiteShare"].map((k) => t(k));
  return (await publishedTables(db, surveyId)).map(({ by, ...f }) => ({
    title: t("baseline.open.by", { by: t(`baseline.bo.by.${by}`) }),
    head: [t("baseline.bo.group"), ...heads],
    rows: [...f.rows, f.total].map((r) => ({ name: groupName(locale, by, r.group, names), values: [r.firms, r.exportMedian, r.investmentMedian, r.exportingShare, r.websiteShare] })),
    bar: 1,
  }));
}
