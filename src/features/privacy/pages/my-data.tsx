import type { Route } from "./+types/my-data";
import { loadOr } from "../../../web/actions";
import { pageTitle, useLocale, useT } from "../../../web/i18n";
import { PersonalDataView } from "../components/data-view";
import { exportOwnData } from "../operations/export";

// /account/my-data: everything Numaish holds about the signed-in person, readable, with the same
// as a JSON file (/account/my-data.json). No JavaScript needed.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "privacy.mine.title");
}

export async function loader({ context, request }: Route.LoaderArgs) {
  return loadOr(request, () => exportOwnData(context.ctx));
}

export default function MyDataPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const at = new Date(d.generatedAt).toLocaleString(locale === "ur" ? "ur-PK" : "en-GB", { timeZone: "Asia/Karachi" });
  return (
    <section className="page narrow">
      <h1>{t("privacy.mine.title")}</h1>
      <p>{t("privacy.mine.intro", { at })}</p>
      <p>
        <a href="/account/my-data.json" download>
          {t("privacy.mine.download")}
        </a>
      </p>
      <p className="muted">{t("privacy.mine.erase")}</p>
      <PersonalDataView parts={d.parts} />
    </section>
  );
}
