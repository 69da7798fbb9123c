import type { Route } from "./+types/home";
import { getPublicEdition } from "#features/editions";
import { loadOr } from "../../../web/actions";
import { pick, useT } from "../../../web/i18n";
import { EditionView } from "../components/edition-view";
import { pastEditions, standingOf } from "../standing.server";

export async function loader({ context, request }: Route.LoaderArgs) {
  const details = await loadOr(request, () => getPublicEdition(context.ctx));
  if (!details) return { details: null, standing: null, past: [], locale: context.ctx.locale };
  const standing = await standingOf(context.ctx, details.edition);
  const past = await pastEditions(context.ctx, details.edition);
  return { details, standing, past, locale: context.ctx.locale };
}

export function meta({ data }: Route.MetaArgs) {
  const e = data?.details?.edition;
  return [{ title: e ? pick(data.locale, e.nameEn, e.nameUr) : "Numaish" }];
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const t = useT();
  if (!loaderData.details || !loaderData.standing) {
    return (
      <section className="page narrow">
        <p>{t("home.noEdition")}</p>
      </section>
    );
  }
  return <EditionView details={loaderData.details} standing={loaderData.standing} past={loaderData.past} />;
}
