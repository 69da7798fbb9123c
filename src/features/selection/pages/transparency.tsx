import type { Route } from "./+types/transparency";
import { loadOr } from "../../../web/actions";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { hasMessage } from "../../../platform/i18n/translate";
import { dimensions, measures, NO_SCORE, type Cell } from "../engine/report";
import { groupText } from "../reasons";
import { getTransparencyReport } from "../operations/transparency";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "nominations.tr.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  return loadOr(request, () => getTransparencyReport(context.ctx, { slug: params.slug }));
}

export default function Transparency({ loaderData, params }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { edition, rule, criteria, report, clusterNames, totalStalls } = loaderData;
  const show = (c: Cell) => (c.suppressed ? <abbr title={t("nominations.tr.withheld")}>{t("nominations.tr.withheldShort")}</abbr> : c.value);
  const label = (dim: string, key: string) => {
    if (dim === "cluster") return clusterNames[key] ? pick(locale, clusterNames[key].nameEn, clusterNames[key].nameUr) : key;
    if (dim === "sizeClass") return t(`nominations.size.${key}`);
    if (dim === "womenLed") return t(key === "true" || key === "yes" ? "nominations.yes" : "nominations.no");
    // Provinces are stored in English (the clusters' data); the catalogue names them in Urdu.
    if (dim === "province") return hasMessage(`province.${key}`) ? t(`province.${key}`) : key === "unknown" ? t("nominations.tr.unknownProvince") : key;
    if (dim === "scoreBand" && key === NO_SCORE) return t("nominations.tr.noScore");
    return key;
  };
  const shares = Object.entries(rule.reservedShare).filter(([, v]) => v > 0);
  const groupKey = (k: string) => ({ womenLedMicro: "women_led_micro", womenLed: "women_led", micro: "micro" })[k] ?? k;
  return (
    <section className="page">
      <h1>{t("nominations.tr.title")}</h1>
      <p>{pick(locale, edition.nameEn, edition.nameUr)}</p>
      <p>
        <a href={`/editions/${params.slug}/transparency.csv`} download>
          {t("nominations.tr.csv")}
        </a>
      </p>
      <h2>{t("nominations.tr.rule")}</h2>
      <ul>
        <li>{t("nominations.tr.stalls", { stalls: totalStalls })}</li>
        {Object.entries(rule.bonus)
          .filter(([, v]) => v > 0)
          .map(([k, v]) => (
            <li key={k}>{t("nominations.tr.bonus", { points: v, group: groupText(locale, groupKey(k)) })}</li>
          ))}
        {shares.map(([k, v]) => (
          <li key={k}>{t("nominations.tr.share", { percent: Math.round(v * 100), group: groupText(locale, groupKey(k)) })}</li>
        ))}
        <li>{t("nominations.tr.criteria", { list: criteria.map((c) => `${pick(locale, c.nameEn, c.nameUr)} (${c.weight})`).join(locale === "ur" ? "، " : ", ") })}</li>
      </ul>
      <p className="hint">{t("nominations.tr.suppression", { max: report.threshold - 1 })}</p>
      {dimensions.map((dim) => (
        <section key={dim}>
          <h2>{t(`nominations.tr.by.${dim}`)}</h2>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t(`nominations.tr.by.${dim}`)}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t(`nominations.tr.by.${dim}`)}</th>
                  {measures.map((m) => (
                    <th key={m} scope="col">
                      {t(`nominations.tr.m.${m}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {report.tables[dim].rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">
                      {dim === "scoreBand" && r.key !== NO_SCORE ? <bdi dir="ltr">{label(dim, r.key)}</bdi> : label(dim, r.key)}
                    </th>
                    {measures.map((m) => (
                      <td key={m}>{show(r.cells[m])}</td>
                    ))}
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t("nominations.tr.total")}</th>
                  {measures.map((m) => (
                    <td key={m}>{show(report.tables[dim].total[m])}</td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
          {dim === "scoreBand" ? (
            <>
              <p className="hint">{t("nominations.tr.normalisedExplained")}</p>
              <p className="hint">{t("nominations.tr.noScoreNote")}</p>
            </>
          ) : null}
        </section>
      ))}
    </section>
  );
}
