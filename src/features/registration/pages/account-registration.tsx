import type { Route } from "./+types/account-registration";
import { loadOr } from "../../../web/actions";
import { useFailure } from "../../../web/components/form";
import { pageTitle, useT } from "../../../web/i18n";
import { ManageView } from "../components/manage-view";
import { getOwnRegistration } from "../operations/own";
import { manageAction } from "./manage";
import { uuidParam } from "../../../web/params";


export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "registration.manage.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  uuidParam(params.id);
  return { data: await loadOr(request, () => getOwnRegistration(context.ctx, { registrationId: params.id })) };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  uuidParam(params.id);
  return manageAction(context.ctx, await request.formData(), { registrationId: params.id });
}

export default function AccountRegistrationPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const done = actionData && "done" in actionData ? actionData.done : null;
  return <ManageView data={loaderData.data} failure={useFailure()} notice={done ? t(`registration.manage.${done}`) : null} />;
}
