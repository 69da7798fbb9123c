import { Link } from "react-router";
import type { Route } from "./+types/overview";
import { formatDateRange, formatNumber } from "../../../platform/i18n/format";
import { loadOr } from "../../../web/actions";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { listEditions } from "#features/editions";
import { overviewCounts } from "../operations/lookups";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "bo.title");
}

export async function loader({ context, request }: Route.LoaderArgs) {
  return loadOr(request, async () => ({ editions: await listEditions(context.ctx), counts: await overviewCounts(context.ctx) }));
}

export default function Overview({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  return (
    <section>
      <h1>{t("bo.title")}</h1>
      <p>{t("bo.dashboard.intro")}</p>
      {loaderData.counts ? (
        <p className="stats">
          <span>{t(loaderData.counts.editions === 1 ? "bo.dashboard.editionsOne" : "bo.dashboard.editions", { count: formatNumber(loaderData.counts.editions, locale) })}</span>
          <span>{t(loaderData.counts.clusters === 1 ? "bo.dashboard.clustersOne" : "bo.dashboard.clusters", { count: formatNumber(loaderData.counts.clusters, locale) })}</span>
          <span>{t(loaderData.counts.users === 1 ? "bo.dashboard.peopleOne" : "bo.dashboard.people", { count: formatNumber(loaderData.counts.users, locale) })}</span>
        </p>
      ) : null}
      <h2>{t("bo.editions.title")}</h2>
      <ul className="cards">
        {loaderData.editions.map((e) => (
          <li key={e.id} className="card">
            <Link to={`/back-office/editions/${e.id}`}>
              <strong>{pick(locale, e.nameEn, e.nameUr)}</strong>
            </Link>
            <span className="muted">{formatDateRange(e.startsOn, e.endsOn, locale)}</span>
            <span className="badge">{t(`bo.edition.status.${e.status}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
