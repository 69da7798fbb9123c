import { Form } from "react-router";
import { SelectField } from "../../../web/components/form";
import { pick, useLocale, useT } from "../../../web/i18n";
import type { baselineDashboard } from "../operations/dashboard";
import { breakdowns } from "../engine/breakdowns";

// The dashboard's figures (issue #15, item 5): each chart is an `aria-hidden` SVG drawn on the
// server, inside a figure with its data table (what a screen reader reads) and the table's CSV and
// XLSX downloads. No script: the breakdown and the comparison are GET forms.

type Dashboard = Awaited<ReturnType<typeof baselineDashboard>>;
const cell = (v: number | null) => (v === null ? "—" : String(v));

function Chart({ svg, caption, children, downloads }: { svg: string; caption: string; children: React.ReactNode; downloads: string }) {
  const t = useT();
  return (
    <figure className="baseline-figure">
      <figcaption>{caption}</figcaption>
      <div className="baseline-chart" dangerouslySetInnerHTML={{ __html: svg }} />
      <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
        {children}
      </div>
      <p>
        {t("baseline.fig.download")} <a href={`${downloads}&format=csv`}>CSV</a> · <a href={`${downloads}&format=xlsx`}>XLSX</a>
      </p>
    </figure>
  );
}

export function BaselineFigures({ dash, editionId }: { dash: Dashboard; editionId: string }) {
  const t = useT();
  const locale = useLocale();
  const c = dash.comparison;
  const query = (table: string) =>
    `/back-office/editions/${editionId}/baseline/export?table=${table}&by=${dash.by}${c.other ? `&compare=${c.other.id}&indicator=${encodeURIComponent(c.indicator.code)}` : ""}`;
  const rows = [...dash.rows, dash.total];
  return (
    <>
      <Form method="get" className="inline-form">
        <SelectField name="by" label={t("baseline.bo.by")} defaultValue={dash.by} options={breakdowns.map((b) => ({ value: b, label: t(`baseline.bo.by.${b}`) }))} />
        {c.other ? <input type="hidden" name="compare" value={c.other.id} /> : null}
        <button type="submit">{t("baseline.bo.show")}</button>
      </Form>
      <Chart svg={dash.charts.scores} caption={t("baseline.fig.scoresChart", { by: t(`baseline.bo.by.${dash.by}`) })} downloads={query("figures")}>
        <table className="baseline-table" data-testid="baseline-figures">
          <thead>
            <tr>
              <th scope="col">{t("baseline.bo.group")}</th>
              <th scope="col">{t("baseline.bo.firms")}</th>
              <th scope="col">{t("baseline.bo.exportMedian")}</th>
              <th scope="col">{t("baseline.bo.investmentMedian")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.group} data-suppressed={r.suppressed}>
                <th scope="row">{r.name}</th>
                <td>{cell(r.firms)}</td>
                <td>{cell(r.exportMedian)}</td>
                <td>{cell(r.investmentMedian)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Chart>
      <Chart svg={dash.charts.shares} caption={t("baseline.fig.sharesChart", { by: t(`baseline.bo.by.${dash.by}`) })} downloads={query("figures")}>
        <table className="baseline-table">
          <thead>
            <tr>
              <th scope="col">{t("baseline.bo.group")}</th>
              <th scope="col">{t("baseline.bo.exportingShare")}</th>
              <th scope="col">{t("baseline.bo.websiteShare")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.group}>
                <th scope="row">{r.name}</th>
                <td>{cell(r.exportingShare)}</td>
                <td>{cell(r.websiteShare)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Chart>
      <p className="muted">{t("baseline.bo.suppressedNote")}</p>
      <p>
        <a href={`/back-office/editions/${editionId}/baseline/report.pdf?lang=en`}>{t("baseline.pdf.en")}</a> · <a href={`/back-office/editions/${editionId}/baseline/report.pdf?lang=ur`}>{t("baseline.pdf.ur")}</a>
      </p>

      <h2>{t("baseline.fig.compare")}</h2>
      {!c.other ? (
        <p>{t("baseline.fig.noOther")}</p>
      ) : (
        <>
          <Form method="get" className="inline-form">
            <input type="hidden" name="by" value={dash.by} />
            <SelectField name="compare" label={t("baseline.fig.compareWith")} defaultValue={c.other.id} options={c.choices.map((e) => ({ value: e.id, label: pick(locale, e.nameEn, e.nameUr) }))} />
            <SelectField name="indicator" label={t("baseline.fig.indicator")} defaultValue={c.indicator.code} options={c.indicators.map((i) => ({ value: i.code, label: `${i.label} (${i.code})` }))} />
            <button type="submit">{t("baseline.bo.show")}</button>
          </Form>
          <Chart
            svg={c.chart}
            caption={t("baseline.fig.compareChart", { indicator: c.indicator.label, measure: t(`baseline.fig.measure.${c.indicator.measure}`), by: t(`baseline.bo.by.${dash.by}`) })}
            downloads={query("compare")}
          >
            <table className="baseline-table" data-testid="baseline-compare">
              <thead>
                <tr>
                  <th scope="col">{t("baseline.bo.group")}</th>
                  {c.columns.map((e) => (
                    <th key={e.id} scope="col">
                      {e.key}
                    </th>
                  ))}
                  {c.columns.map((e) => (
                    <th key={e.id} scope="col">
                      {t("baseline.fig.answered", { edition: e.key })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...c.rows, c.total].map((r) => (
                  <tr key={r.group}>
                    <th scope="row">{r.name}</th>
                    {r.cells.map((x) => (
                      <td key={x.edition}>{cell(x.value)}</td>
                    ))}
                    {r.cells.map((x) => (
                      <td key={x.edition}>{cell(x.firms)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </Chart>
          <h3>{t("baseline.fig.summary")}</h3>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t("baseline.fig.summary")}>
            <table className="baseline-table" data-testid="baseline-summary">
              <thead>
                <tr>
                  <th scope="col">{t("baseline.fig.indicator")}</th>
                  <th scope="col">{t("baseline.fig.measure")}</th>
                  {c.columns.map((e) => (
                    <th key={e.id} scope="col">
                      {e.key}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {c.summary.map((i) => (
                  <tr key={i.code}>
                    <th scope="row">
                      {i.label} <code dir="ltr">{i.code}</code>
                    </th>
                    <td>{t(`baseline.fig.measure.${i.measure}`)}</td>
                    {i.cells.map((x) => (
                      <td key={x.edition}>{cell(x.value)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            {t("baseline.fig.download")} <a href={`${query("summary")}&format=csv`}>CSV</a> · <a href={`${query("summary")}&format=xlsx`}>XLSX</a>
          </p>
        </>
      )}
    </>
  );
}
