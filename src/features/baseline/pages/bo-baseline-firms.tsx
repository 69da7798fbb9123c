import type { Route } from "./+types/bo-baseline-firms";
import { loadOr } from "../../../web/actions";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { uuidParam } from "../../../web/params";
import { baselineFirms } from "../operations/firms";
import "./baseline.css";

// The edition's exhibitors with the state of each baseline round, each linking to its record.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "baseline.bo.records");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  uuidParam(params.editionId);
  return loadOr(request, () => baselineFirms(context.ctx, { editionId: params.editionId }));
}

export default function BoBaselineFirms({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const state = (s: "draft" | "submitted" | null) => (s === "submitted" ? t("baseline.sectionDone") : s === "draft" ? t("baseline.record.draft") : "—");
  return (
    <section className="page">
      <p className="eyebrow">{pick(locale, d.edition.nameEn, d.edition.nameUr)}</p>
      <h1>{t("baseline.bo.records")}</h1>
      <p className="muted">{t("baseline.bo.recordsIntro")}</p>
      <p>
        <a href={`/back-office/editions/${d.edition.id}/baseline`}>{t("baseline.bo.title")}</a>
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t("baseline.bo.records")}>
        <table className="baseline-table" data-testid="baseline-firms">
          <thead>
            <tr>
              <th scope="col">{t("baseline.bo.group")}</th>
              <th scope="col">{t("baseline.round.baseline")}</th>
              <th scope="col">{t("baseline.round.follow_up")}</th>
              <th scope="col">{t("baseline.bo.recordOpen")}</th>
            </tr>
          </thead>
          <tbody>
            {d.firms.map((f) => (
              <tr key={f.id}>
                <th scope="row">{pick(locale, f.nameEn, f.nameUr ?? f.nameEn)}</th>
                <td>{state(f.baseline)}</td>
                <td>{state(f.followUp)}</td>
                <td>
                  <a href={`/back-office/enterprises/${f.id}/record`}>{t("baseline.bo.recordOpen")}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
