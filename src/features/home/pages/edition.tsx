import type { Route } from "./+types/edition";
import { getPublicEdition } from "#features/editions";
import { loadOr } from "../../../web/actions";
import { pick } from "../../../web/i18n";
import { EditionView } from "../components/edition-view";
import { standingOf } from "../standing.server";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const details = (await loadOr(request, () => getPublicEdition(context.ctx, params.slug)))!;
  // A past edition says it took place and links to its results instead of offering registration.
  const standing = await standingOf(context.ctx, details.edition);
  return { details, standing, locale: context.ctx.locale };
}

export function meta({ data }: Route.MetaArgs) {
  const e = data?.details.edition;
  return [{ title: e ? pick(data.locale, e.nameEn, e.nameUr) : "Numaish" }];
}

export default function Edition({ loaderData }: Route.ComponentProps) {
  return <EditionView details={loaderData.details} standing={loaderData.standing} />;
}
