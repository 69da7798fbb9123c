import type { Route } from "./+types/open-data";
import { loadOr } from "../../../web/actions";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { openFigureColumns, baselineOpenData } from "../operations/open-data";
import "./baseline.css";

// The public open data of an edition's baseline (issue #15, item 6): one table per breakdown,
// small cells withheld as in the selection's transparency report; the same as CSV and JSON.
// HTML only (no script), a table scrolls on its own on a 360 px phone.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "baseline.open.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  return loadOr(request, () => baselineOpenData(context.ctx, { slug: params.slug }));
}

const heads = { firms: "baseline.bo.firms", exportMedian: "baseline.bo.exportMedian", investmentMedian: "baseline.bo.investmentMedian", exportingShare: "baseline.bo.exportingShare", websiteShare: "baseline.bo.websiteShare" } as const;

export default function OpenData({ loaderData: d, params }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const num = (v: number | null, suppressed: boolean) => (suppressed ? <span className="muted">{t("baseline.open.withheld")}</span> : v === null ? "—" : v.toLocaleString(locale === "ur" ? "ur-PK" : "en-GB"));
  return (
    <section className="page">
      <p className="eyebrow">{pick(locale, d.edition.nameEn, d.edition.nameUr)}</p>
      <h1>{t("baseline.open.title")}</h1>
      <p>{t("baseline.open.intro")}</p>
      {d.total.firms !== null ? <p data-testid="open-total">{t("baseline.open.firms", { n: d.total.firms })}</p> : null}
      <p>
        <a href={`/editions/${params.slug}/baseline.csv`} download>
          {t("baseline.open.csv")}
        </a>{" "}
        ·{" "}
        <a href={`/editions/${params.slug}/baseline.json`}>{t("baseline.open.json")}</a> · <a href="/baseline/method">{t("baseline.open.method")}</a>
      </p>
      <p className="muted">{t("baseline.open.suppression", { max: d.threshold - 1 })}</p>
      {d.tables.map((table) => (
        <section key={table.by}>
          <h2 id={`by-${table.by}`}>{t("baseline.open.by", { by: t(`baseline.bo.by.${table.by}`) })}</h2>
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`by-${table.by}`}>
            <table className="baseline-table" data-testid={`open-${table.by}`}>
              <thead>
                <tr>
                  <th scope="col">{t("baseline.bo.group")}</th>
                  {openFigureColumns.map((c) => (
                    <th key={c} scope="col">
                      {t(heads[c])}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...table.rows, table.total].map((r) => (
                  <tr key={r.group} data-suppressed={r.suppressed}>
                    <th scope="row">{pick(locale, r.nameEn, r.nameUr)}</th>
                    {openFigureColumns.map((c) => (
                      <td key={c}>{num(r[c], r.suppressed)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </section>
  );
}
