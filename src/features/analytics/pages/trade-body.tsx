import { Form } from "react-router";
import type { Route } from "./+types/trade-body";
import { loadOr } from "../../../web/actions";
import { SelectField } from "../../../web/components/form";
import { optionalOneOf } from "../../../web/form-fields";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { breakdownNames } from "../client";
import { tradeBodyFigures } from "../operations/trade-body";
import { Chart, FunnelTable } from "./parts";
import "./analytics.css";

// A trade body's members in figures (issue #15: "a trade body sees only aggregates of its members
// above the small-cell threshold"; docs/analytics.md): its nominated firms from nomination to the
// floor and their meetings, by a breakdown, small groups hidden. GET forms, no script needed.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "analytics.tb.title");
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const q = new URL(request.url).searchParams;
  return loadOr(request, () => tradeBodyFigures(context.ctx, { editionId: q.get("edition") || undefined, by: optionalOneOf(q, "by", breakdownNames) }));
}

export default function TradeBodyFigures({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t("analytics.tb.title")}</h1>
      {d.tradeBody ? <p>{pick(locale, d.tradeBody.nameEn, d.tradeBody.nameUr)}</p> : null}
      <p className="muted">{t("analytics.tb.intro", { n: d.threshold })}</p>
      {!d.edition ? (
        <p>{t("analytics.tb.none")}</p>
      ) : (
        <>
          <Form method="get" className="inline-form">
            <SelectField name="edition" label={t("analytics.tb.edition")} defaultValue={d.edition.id} options={d.editions.map((e) => ({ value: e.id, label: pick(locale, e.nameEn, e.nameUr) }))} />
            <SelectField name="by" label={t("baseline.bo.by")} defaultValue={d.by} options={breakdownNames.map((b) => ({ value: b, label: t(`baseline.bo.by.${b}`) }))} />
            <button type="submit">{t("baseline.bo.show")}</button>
          </Form>
          <p data-testid="tb-members">{t("analytics.tb.members", { n: d.members })}</p>
          {d.total === null ? (
            <p>{t("analytics.tb.tooFew", { n: d.threshold })}</p>
          ) : (
            <Chart svg={d.chart} caption={t("analytics.funnel.chart", { by: t(`baseline.bo.by.${d.by}`) })}>
              <FunnelTable testId="tb-funnel" rows={d.rows} total={d.total} />
            </Chart>
          )}
          <p className="muted">{t("analytics.tb.hiddenNote", { n: d.threshold })}</p>
          {d.readiness ? (
            <p data-testid="tb-readiness">
              {d.readiness.exportMedian === null
                ? t("analytics.tb.readinessTooFew", { firms: d.readiness.firms, n: d.threshold })
                : t("analytics.tb.readiness", { firms: d.readiness.firms, export: d.readiness.exportMedian, investment: d.readiness.investmentMedian ?? "—" })}
            </p>
          ) : null}
          <p>
            <a href="/nominations">{t("analytics.tb.back")}</a>
          </p>
        </>
      )}
    </>
  );
}
