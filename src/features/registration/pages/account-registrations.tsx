import { Link } from "react-router";
import type { Route } from "./+types/account-registrations";
import { loadOr } from "../../../web/actions";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { listOwnRegistrations } from "../operations/own";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "registration.account.title");
}

export async function loader({ context, request }: Route.LoaderArgs) {
  return { items: await loadOr(request, () => listOwnRegistrations(context.ctx)) };
}

export default function AccountRegistrationsPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="page narrow">
      <h1>{t("registration.account.title")}</h1>
      {loaderData.items.length === 0 ? <p>{t("registration.account.none")}</p> : null}
      <ul className="cards">
        {loaderData.items.map((r) => (
          <li key={r.id} className="card">
            <h2>{pick(locale, r.editionNameEn, r.editionNameUr)}</h2>
            <p>
              {pick(locale, r.categoryNameEn, r.categoryNameUr)} · <span dir="ltr">#{r.number}</span> ·{" "}
              <strong>{t(`registration.status.${r.status}`)}</strong>
            </p>
            <Link to={`/account/registrations/${r.id}`}>{t("registration.account.manage")}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
