import type { Route } from "./+types/link-data";
import { loadOr } from "../../../web/actions";
import { GoneLinkError } from "../../../web/components/gone-link";
import { pageTitle, useLocale, useT } from "../../../web/i18n";
import { PersonalDataView } from "../components/data-view";
import { exportLinkData } from "../operations/export";

// /registration/:token/data: what Numaish holds about the registration of a manage link (the link
// is the credential), readable, and as a JSON file (/registration/:token/data.json).

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "privacy.mine.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const data = await loadOr(request, () => exportLinkData(context.ctx, { token: params.token }));
  return { data, token: params.token };
}

export default function LinkDataPage({ loaderData: { data, token } }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const at = new Date(data.generatedAt).toLocaleString(locale === "ur" ? "ur-PK" : "en-GB", { timeZone: "Asia/Karachi" });
  return (
    <section className="page narrow">
      <h1>{t("privacy.mine.title")}</h1>
      <p>{t("privacy.mine.introLink", { at })}</p>
      <p>
        <a href={`/registration/${encodeURIComponent(token)}/data.json`} download>
          {t("privacy.mine.download")}
        </a>
      </p>
      <p className="muted">{t("privacy.mine.erase")}</p>
      <PersonalDataView parts={data.parts} />
    </section>
  );
}

/** An unknown or replaced link (410): say so, and offer a new one by email. */
export function ErrorBoundary() {
  return <GoneLinkError titleKey="privacy.mine.title" goneKey="error.token_invalid" />;
}
