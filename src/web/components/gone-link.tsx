import { isRouteErrorResponse, Link, useRouteError } from "react-router";
import { useT } from "../i18n";

/** The error page of a page opened by a secret link: a wrong or outdated link (410) says so and
 *  offers a new one by email ("lost your link?"); anything else is the generic error text. */
export function GoneLinkError({ titleKey, goneKey }: { titleKey: string; goneKey: string }) {
  const t = useT();
  const error = useRouteError();
  const gone = isRouteErrorResponse(error) && error.status === 410;
  return (
    <section className="page narrow">
      <h1>{t(titleKey)}</h1>
      <p>{gone ? t(goneKey) : t("errorPage.body")}</p>
      <p>
        <Link to="/registration/lost-link">{t("registration.lost.title")}</Link>
      </p>
    </section>
  );
}
