import { pick, useLocale, useT } from "../../../web/i18n";
import type { scoresOf } from "../operations/scores";
import "./baseline.css";

// A respondent's readiness scores (issue #15, item 3), whoever answers: the exhibitor (scores.tsx)
// or an applicant by its link (applicant-scores.tsx). Each score with its band, what adds most,
// what would raise it most, and the medians of its cluster and size class (hidden for a group of
// fewer than five firms). The method is public: /baseline/method.

const pts = (n: number) => (Math.round(n * 10) / 10).toString();

export function BaselineScores({ d, answerHref }: { d: Awaited<ReturnType<typeof scoresOf>>; answerHref: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="page narrow">
      <h1>{t("baseline.scores")}</h1>
      <p>{pick(locale, d.edition.nameEn, d.edition.nameUr)}</p>
      {!d.scores ? (
        <p>
          {t("baseline.notComplete")} <a href={answerHref}>{t("baseline.answerLink")}</a>
        </p>
      ) : (
        d.scores.map((s) => (
          <article key={s.kind} data-testid={`score-${s.kind}`}>
            <h2>{t(`baseline.score.${s.kind}`)}</h2>
            <p>
              <span className="baseline-score" data-score={s.score}>
                {t("baseline.scoreOf", { score: s.score })}
              </span>{" "}
              · <strong>{t(`baseline.band.${s.band}`)}</strong>
            </p>
            <div className="baseline-bar" aria-hidden="true">
              <span style={{ inlineSize: `${s.score}%` }} />
            </div>
            <h3>{t("baseline.drivers")}</h3>
            <ul>
              {s.drivers.map((c) => (
                <li key={c.code}>
                  {t(`baseline.ind.${c.code}` as "baseline.ind.obstacles")}: {t("baseline.points", { points: pts(c.points) })}
                </li>
              ))}
            </ul>
            <h3>{t("baseline.raise")}</h3>
            <ul data-testid={`raise-${s.kind}`}>
              {s.raise.map((c) => (
                <li key={c.code}>
                  {t(`baseline.ind.${c.code}` as "baseline.ind.obstacles")}: {t("baseline.gain", { points: pts(c.gain) })}
                </li>
              ))}
            </ul>
            <h3>{t("baseline.compare")}</h3>
            <table className="baseline-table">
              <tbody>
                <tr>
                  <th scope="row">{t("baseline.clusterMedian")}</th>
                  <td>{s.medians.cluster ?? t("baseline.suppressed")}</td>
                </tr>
                <tr>
                  <th scope="row">{t("baseline.sizeMedian")}</th>
                  <td>{s.medians.size ?? t("baseline.suppressed")}</td>
                </tr>
              </tbody>
            </table>
          </article>
        ))
      )}
      <p>
        <a href="/baseline/method">{t("baseline.method")}</a>
      </p>
    </section>
  );
}
