import { Form, Link } from "react-router";
import type { Route } from "./+types/nominees";
import { loadOr } from "../../../web/actions";
import { SelectField } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { nominationStatuses } from "../tables";
import { listAllNominees } from "../operations/overview";
import { uuidParam } from "../../../web/params";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "nominations.all.title", "bo.title");
}


export async function loader({ context, request, params }: Route.LoaderArgs) {
  uuidParam(params.editionId);
  const q = new URL(request.url).searchParams;
  // Filters travel in the query string (a GET form), so they work without JavaScript and can be bookmarked.
  return loadOr(request, () =>
    listAllNominees(context.ctx, {
      editionId: params.editionId,
      tradeBodyId: q.get("tradeBody") ?? "",
      clusterId: q.get("cluster") ?? "",
      status: q.get("status") ?? "",
    }),
  );
}

export default function NomineesPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { edition, filters, nominees, tradeBodies, clusters } = loaderData;
  const bodyName = new Map(tradeBodies.map((b) => [b.id, pick(locale, b.nameEn, b.nameUr)]));
  const clusterName = new Map(clusters.map((c) => [c.id, pick(locale, c.nameEn, c.nameUr)]));
  const all = { value: "", label: t("nominations.all.any") };
  return (
    <section>
      <p>
        <Link to={`/back-office/editions/${edition.id}/selection`}>{t("nominations.sel.title")}</Link>
      </p>
      <h1>{t("nominations.all.title")}</h1>

      <h2>{t("nominations.all.quotas")}</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t("nominations.all.quotas")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("nominations.aff.body")}</th>
              <th scope="col">{t("nominations.all.used")}</th>
              {nominationStatuses.map((s) => (
                <th scope="col" key={s}>
                  {t(`nominations.status.${s}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {tradeBodies.map((b) => (
              <tr key={b.id}>
                <th scope="row" dir="auto">
                  {bodyName.get(b.id)}
                </th>
                <td>
                  {t("nominations.all.ofQuota", { used: b.used, quota: b.quota })}
                  {b.used > b.quota ? <span className="badge"> {t("nominations.all.over")}</span> : null}
                </td>
                {nominationStatuses.map((s) => (
                  <td key={s}>{b.byStatus[s]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t("nominations.all.nominees")}</h2>
      <Form method="get" className="card">
        <SelectField name="tradeBody" label={t("nominations.aff.body")} defaultValue={filters.tradeBodyId ?? ""} options={[all, ...tradeBodies.map((b) => ({ value: b.id, label: bodyName.get(b.id) ?? "" }))]} />
        <SelectField name="cluster" label={t("nominations.list.cluster")} defaultValue={filters.clusterId ?? ""} options={[all, ...clusters.map((c) => ({ value: c.id, label: clusterName.get(c.id) ?? "" }))]} />
        <SelectField name="status" label={t("nominations.list.status")} defaultValue={filters.status ?? ""} options={[all, ...nominationStatuses.map((s) => ({ value: s, label: t(`nominations.status.${s}`) }))]} />
        <button type="submit">{t("nominations.all.filter")}</button>
      </Form>
      <p role="status">{t("nominations.all.count", { count: nominees.length })}</p>
      {nominees.length ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t("nominations.all.nominees")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("nominations.list.enterprise")}</th>
                <th scope="col">{t("nominations.aff.body")}</th>
                <th scope="col">{t("nominations.list.cluster")}</th>
                <th scope="col">{t("nominations.list.status")}</th>
              </tr>
            </thead>
            <tbody>
              {nominees.map((n) => (
                <tr key={n.id}>
                  <td dir="auto">{n.enterpriseName}</td>
                  <td dir="auto">{bodyName.get(n.tradeBodyId)}</td>
                  <td dir="auto">{clusterName.get(n.clusterId)}</td>
                  <td>{t(`nominations.status.${n.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
