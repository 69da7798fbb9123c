import type { Route } from "./+types/method";
import { pageTitle, useT } from "../../../web/i18n";
import { bandFloors, bands, methods } from "../engine/scoring";
import "./baseline.css";

// The public method page (issue #15, item 3): the dimensions, weights and indicator rules of each
// score and the bands, rendered from the engine's own tables (engine/scoring.ts), so the page and
// the computation cannot disagree. docs/baseline.md says the same in prose.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "baseline.method");
}

export default function Method() {
  const t = useT();
  return (
    <section className="page narrow">
      <h1>{t("baseline.method")}</h1>
      <p>{t("baseline.methodIntro")}</p>
      {(["export", "investment"] as const).map((kind) => (
        <div key={kind}>
          <h2>{t(`baseline.score.${kind}`)}</h2>
          <table className="baseline-table" data-testid={`method-${kind}`}>
            <thead>
              <tr>
                <th scope="col">{t("baseline.dimension")}</th>
                <th scope="col">{t("baseline.weight")}</th>
                <th scope="col">{t("baseline.indicators")}</th>
              </tr>
            </thead>
            <tbody>
              {methods[kind].map((d) => (
                <tr key={d.key}>
                  <th scope="row">{t(`baseline.dim.${d.key}` as "baseline.dim.markets")}</th>
                  <td>{d.weight}</td>
                  <td>
                    <ul>
                      {d.indicators.map((i) => (
                        <li key={i.code}>
                          {t(`baseline.ind.${i.code}` as "baseline.ind.obstacles")} <code dir="ltr">{i.code}</code>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <h2>{t("baseline.bands")}</h2>
      <ul>
        {bands.map((b, k) => (
          <li key={b}>
            {t(`baseline.band.${b}`)}: {bandFloors[b]}–{k + 1 < bands.length ? bandFloors[bands[k + 1]!] - 1 : 100}
          </li>
        ))}
      </ul>
    </section>
  );
}
