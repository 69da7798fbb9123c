import type { Route } from "./+types/transparency";
import { loadOr } from "../../../web/actions";
import { pick, useLocale, useT } from "../../../web/i18n";
import { awardsTransparency } from "../operations/results";

// /editions/:slug/awards/transparency — how the awards were judged, in plain words: the rounds,
// criteria and weights, the normalisation and the recusal rule, and aggregate figures per category
// with small cells withheld (the selection's rule). Only categories whose results are published.

export function meta({ data: d }: Route.MetaArgs) {
  return d ? [{ title: `${d.edition.nameEn}: how the awards were judged` }] : [];
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  return loadOr(request, () => awardsTransparency(context.ctx, { slug: params.slug }));
}

type CellT = { value: number | null; suppressed: boolean };

export default function AwardsTransparencyPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const cell = (c: CellT) => (c.suppressed ? <span className="muted">{t("awards.transparency.withheld")}</span> : c.value);
  const measures = ["entries", "shortlisted", "judges", "reviews"] as const;
  return (
    <section className="page">
      <p className="eyebrow">
        <a href={`/editions/${d.edition.slug}/awards`}>{t("awards.winners.title")}</a>
      </p>
      <h1>{t("awards.transparency.title")}</h1>
      <p>{t("awards.transparency.rounds")}</p>
      <p>{t("awards.transparency.scores")}</p>
      <p>{t("awards.transparency.normalisation")}</p>
      <p>{t("awards.transparency.recusal")}</p>
      <p>{t("awards.transparency.disagreement")}</p>
      {d.categories.length === 0 ? (
        <p>{t("awards.transparency.none")}</p>
      ) : (
        <>
          <h2>{t("awards.transparency.figures")}</h2>
          <p className="muted">{t("awards.transparency.suppressed", { threshold: d.report.threshold })}</p>
          <div className="table-scroll" role="region" tabIndex={0} aria-label={t("awards.transparency.figures")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("awards.category")}</th>
                  {measures.map((m) => (
                    <th key={m} scope="col">
                      {t(`awards.measure.${m}`)}
                    </th>
                  ))}
                  <th scope="col">{t("awards.measure.meanSpread")}</th>
                </tr>
              </thead>
              <tbody>
                {d.categories.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{pick(locale, c.nameEn, c.nameUr)}</th>
                    {measures.map((m) => (
                      <td key={m}>{cell(c.figures[m])}</td>
                    ))}
                    <td>{c.figures.meanSpread ?? "–"}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t("awards.total")}</th>
                  {measures.map((m) => (
                    <td key={m}>{cell(d.report.total[m])}</td>
                  ))}
                  <td />
                </tr>
              </tbody>
            </table>
          </div>
          {d.categories.map((c) => (
            <section key={c.id}>
              <h2>{pick(locale, c.nameEn, c.nameUr)}</h2>
              {pick(locale, c.descriptionEn, c.descriptionUr) ? <p>{pick(locale, c.descriptionEn, c.descriptionUr)}</p> : null}
              {c.rounds.map((r) => (
                <div key={r.kind}>
                  <h3>{t(`awards.transparency.round.${r.kind}`)}</h3>
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{t("awards.transparency.criterion")}</th>
                        <th scope="col">{t("awards.transparency.weight")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {r.criteria.map((k) => (
                        <tr key={k.id}>
                          <th scope="row">
                            {pick(locale, k.nameEn, k.nameUr)}
                            {pick(locale, k.guidanceEn, k.guidanceUr) ? <span className="muted"> — {pick(locale, k.guidanceEn, k.guidanceUr)}</span> : null}
                          </th>
                          <td>{k.weight}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ))}
            </section>
          ))}
        </>
      )}
    </section>
  );
}
