import { Form } from "react-router";
import type { Route } from "./+types/analytics";
import { loadOr } from "../../../web/actions";
import { SelectField } from "../../../web/components/form";
import { optionalOneOf } from "../../../web/form-fields";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { uuidParam } from "../../../web/params";
import { breakdownNames, funnelMeasureNames } from "../client";
import { editionAnalytics } from "../operations/analytics";
import { Chart, ComparedTable, FunnelTable } from "./parts";
import "./analytics.css";

// The edition's analytics area (issue #15, item 5; docs/analytics.md): the SMEs from nomination to
// the floor and their meetings by a breakdown, the visitors by category, and another edition side
// by side. Each chart is an `aria-hidden` SVG drawn on the server with its table (what a screen
// reader reads); the choices are GET forms, so it works without JavaScript.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "analytics.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  uuidParam(params.editionId);
  const q = new URL(request.url).searchParams;
  return loadOr(request, () =>
    editionAnalytics(context.ctx, {
      editionId: params.editionId,
      by: optionalOneOf(q, "by", breakdownNames),
      compare: q.get("compare") || undefined,
      measure: optionalOneOf(q, "measure", funnelMeasureNames),
    }),
  );
}

export default function Analytics({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const c = d.comparison;
  const byName = t(`baseline.bo.by.${d.by}`);
  const base = `/back-office/editions/${d.edition.id}`;
  const download = (table: string) => `${base}/analytics/export?table=${table}&by=${d.by}${c ? `&compare=${c.other.id}&measure=${c.measure}` : ""}`;
  return (
    <>
      <h1>{t("analytics.title")}</h1>
      <p>{pick(locale, d.edition.nameEn, d.edition.nameUr)}</p>
      <p className="muted">{t("analytics.intro")}</p>
      <Form method="get" className="inline-form">
        <SelectField name="by" label={t("baseline.bo.by")} defaultValue={d.by} options={breakdownNames.map((b) => ({ value: b, label: t(`baseline.bo.by.${b}`) }))} />
        {c ? <input type="hidden" name="compare" value={c.other.id} /> : null}
        {c ? <input type="hidden" name="measure" value={c.measure} /> : null}
        <button type="submit">{t("baseline.bo.show")}</button>
      </Form>

      <h2>{t("analytics.funnel")}</h2>
      {d.funnel.length === 0 ? (
        <p>{t("analytics.funnel.none")}</p>
      ) : (
        <Chart svg={d.charts.funnel} caption={t("analytics.funnel.chart", { by: byName })} downloads={download("funnel")}>
          <FunnelTable testId="analytics-funnel" rows={d.funnel.map((r) => ({ group: r.group, label: r.label, values: r }))} total={d.funnelTotal} />
        </Chart>
      )}
      <p className="muted">{t("analytics.funnel.note")}</p>
      <p>
        <a href={`${base}/outcomes`}>{t("analytics.link.outcomes")}</a> · <a href={`${base}/baseline`}>{t("analytics.link.baseline")}</a> ·{" "}
        <a href={`${base}/selection`}>{t("analytics.link.selection")}</a>
      </p>

      <h2>{t("analytics.visitors")}</h2>
      {d.visitors.length === 0 ? (
        <p>{t("analytics.visitors.none")}</p>
      ) : (
        <Chart svg={d.charts.visitors} caption={t("analytics.visitors.chart")} downloads={download("visitors")}>
          <table className="analytics-table" data-testid="analytics-visitors">
            <thead>
              <tr>
                <th scope="col">{t("analytics.visitors.category")}</th>
                <th scope="col">{t("analytics.visitors.registered")}</th>
                <th scope="col">{t("analytics.visitors.approved")}</th>
                <th scope="col">{t("analytics.visitors.attended")}</th>
              </tr>
            </thead>
            <tbody>
              {d.visitors.map((v) => (
                <tr key={v.code}>
                  <th scope="row">{pick(locale, v.nameEn, v.nameUr)}</th>
                  <td>{v.registered}</td>
                  <td>{v.approved}</td>
                  <td>{v.attended}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("baseline.bo.total")}</th>
                <td>{d.visitorsTotal.registered}</td>
                <td>{d.visitorsTotal.approved}</td>
                <td>{d.visitorsTotal.attended}</td>
              </tr>
            </tfoot>
          </table>
        </Chart>
      )}
      <p>
        <a href={`${base}/footfall`}>{t("analytics.link.footfall")}</a>
      </p>

      <h2>{t("analytics.compare")}</h2>
      {!c ? (
        <p>{t("analytics.compare.none")}</p>
      ) : (
        <>
          <Form method="get" className="inline-form">
            <input type="hidden" name="by" value={d.by} />
            <SelectField name="compare" label={t("analytics.compare.with")} defaultValue={c.other.id} options={d.editions.map((e) => ({ value: e.id, label: pick(locale, e.nameEn, e.nameUr) }))} />
            <SelectField name="measure" label={t("analytics.compare.measure")} defaultValue={c.measure} options={funnelMeasureNames.map((m) => ({ value: m, label: t(`analytics.measure.${m}`) }))} />
            <button type="submit">{t("baseline.bo.show")}</button>
          </Form>
          <Chart svg={c.chart} caption={t("analytics.compare.chart", { measure: t(`analytics.measure.${c.measure}`), by: byName })} downloads={download("compare")}>
            <ComparedTable testId="analytics-compare" head={t("baseline.bo.group")} columns={c.columns.map((e) => pick(locale, e.nameEn, e.nameUr))} rows={c.funnel} total={c.funnelTotal} />
          </Chart>
          <Chart svg={c.visitorsChart} caption={t("analytics.compare.visitorsChart")} downloads={download("compare_visitors")}>
            <ComparedTable testId="analytics-compare-visitors" head={t("analytics.visitors.category")} columns={c.columns.map((e) => pick(locale, e.nameEn, e.nameUr))} rows={c.visitors} />
          </Chart>
        </>
      )}
    </>
  );
}
