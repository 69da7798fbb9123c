import type { Route } from "./+types/edition";
import { getPublicEdition } from "../../editions/operations/read-editions";
import { loadOr } from "../../../web/actions";
import { pick } from "../../../web/i18n";
import { EditionView } from "../components/edition-view";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const details = await loadOr(request, () => getPublicEdition(context.ctx, params.slug));
  return { details: details!, locale: context.ctx.locale };
}

export function meta({ data }: Route.MetaArgs) {
  const e = data?.details.edition;
  return [{ title: e ? pick(data.locale, e.nameEn, e.nameUr) : "Numaish" }];
}

export default function Edition({ loaderData }: Route.ComponentProps) {
  return <EditionView details={loaderData.details} />;
}
