import { data } from "react-router";
import type { Route } from "./+types/account-registration";
import { loadOr } from "../../../web/actions";
import { useFailure } from "../../../web/components/form";
import { pageTitle, useT } from "../../../web/i18n";
import { ManageView } from "../components/manage-view";
import { getOwnRegistration } from "../operations/own";
import { manageAction } from "./manage";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "registration.manage.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  if (!UUID.test(params.id)) throw data({ code: "not_found" }, { status: 404 });
  return { data: await loadOr(request, () => getOwnRegistration(context.ctx, { registrationId: params.id })) };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  if (!UUID.test(params.id)) throw data({ code: "not_found" }, { status: 404 });
  return manageAction(context.ctx, await request.formData(), { registrationId: params.id });
}

export default function AccountRegistrationPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const done = actionData && "done" in actionData ? actionData.done : null;
  return <ManageView data={loaderData.data} failure={useFailure()} notice={done ? t(`registration.manage.${done}`) : null} />;
}
