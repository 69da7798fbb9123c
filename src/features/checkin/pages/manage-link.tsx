// The registrant's page through the manage link: their registration (registration's manage view
// and actions) with their badge. Here, above both features, because it shows the badge.
import { GoneLinkError } from "../../../web/components/gone-link";
import type { Route } from "./+types/manage-link";
import { loadOr } from "../../../web/actions";
import { useFailure } from "../../../web/components/form";
import { pageTitle, useT } from "../../../web/i18n";
import { badgeForManageLink } from "../operations/manage-badges";
import { badgeQrSvg } from "./badge-qr";
import { HolderBadge } from "./holder-badge";
import { ManageView } from "#features/registration/client";
import { getOwnRegistration } from "#features/registration";
import { manageAction } from "#features/registration";
import { TRADE_CATEGORIES } from "#features/registration/client";

// The page behind the link in the confirmation email: the token is the credential.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "registration.manage.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const data = await loadOr(request, () => getOwnRegistration(context.ctx, { token: params.token }));
  // Approved: the badge too, reachable with this link alone (no account needed).
  const found = data.registration.status === "approved" ? await loadOr(request, () => badgeForManageLink(context.ctx, { token: params.token })) : null;
  const badge = found ? { registrationId: found.registrationId, number: found.number, shortCode: found.shortCode, name: found.name, key: found.key, svg: await badgeQrSvg(found.code) } : null;
  return { data, badge, isNew: new URL(request.url).searchParams.get("new") === "1", token: params.token };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  return manageAction(context.ctx, await request.formData(), { token: params.token });
}

export default function ManageLinkPage({ loaderData, actionData, params }: Route.ComponentProps) {
  const t = useT();
  const done = actionData && "done" in actionData ? actionData.done : null;
  const notice = done ? t(`registration.manage.${done}`) : loaderData.isNew ? t("registration.manage.thanks") : null;
  return (
    <ManageView data={loaderData.data} failure={useFailure()} notice={notice}>
      {loaderData.badge ? <HolderBadge badge={loaderData.badge} /> : null}
      <p>
        <a href={`/registration/${encodeURIComponent(loaderData.token)}/data`}>{t("privacy.mine.title")}</a>
        <a href={`/registration/${params.token}/leads`}>{t("leads.visitor.link")}</a>
        {TRADE_CATEGORIES.includes(loaderData.data.category.code) ? <a href={`/registration/${params.token}/b2b`}>{t("b2b.join.link")}</a> : null}
      </p>
    </ManageView>
  );
}

/** An unknown or replaced link (410): say so, and offer a new one by email. */
export function ErrorBoundary() {
  return <GoneLinkError titleKey="registration.manage.title" goneKey="error.token_invalid" />;
}
