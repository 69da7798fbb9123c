import type { Route } from "./+types/desk";
import { newSecret } from "../../../platform/random";
import { loadOr } from "../../../web/actions";
import { Notice, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { WalkInForm } from "../components/walk-in-form";
import { getDeskForm } from "../operations/settings";
import { walkInAction } from "./walk-in-action";
import { uuidParam } from "../../../web/params";

// The registration desk at the venue: gate staff cannot enter the back office, so the walk-in
// form has its own page for them (organiser staff may use it too).


export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "registration.bo.walkIn");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  uuidParam(params.editionId);
  const desk = await loadOr(request, () => getDeskForm(context.ctx, { editionId: params.editionId }));
  return { ...desk, idempotencyKey: newSecret(12) };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  uuidParam(params.editionId);
  return walkInAction(context.ctx, await request.formData(), params.editionId);
}

export default function DeskPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const done = actionData && "walkIn" in actionData ? actionData.walkIn : null;
  return (
    <section className="page narrow">
      <h1>{t("registration.bo.walkIn")}</h1>
      <p>{pick(locale, loaderData.edition.nameEn, loaderData.edition.nameUr)}</p>
      {done ? <Notice>{t("registration.bo.walkInDone", { ...done, status: t(`registration.status.${done.status}`) })}</Notice> : null}
      <WalkInForm
        key={loaderData.idempotencyKey}
        categories={loaderData.categories}
        startsOn={loaderData.edition.startsOn}
        dayCount={loaderData.dayCount}
        idempotencyKey={loaderData.idempotencyKey}
        failure={failure}
      />
    </section>
  );
}
