import { Form, Link } from "react-router";
import type { Route } from "./+types/account";
import { localeCookie } from "../../../platform/http/cookies";
import { loadOr, runForm } from "../../../web/actions";
import { Field, FormError, Notice, SelectField, useFailure } from "../../../web/components/form";
import { pageTitle, useT } from "../../../web/i18n";
import { getOwnAccount, updateOwnAccount } from "../operations/own-account";
import { deskEditionId } from "./desk-edition.server";
import { accountRoleLinks } from "./role-links";
import { oneOf, text } from "../../../web/form-fields";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "account.title");
}

export async function loader({ context, request }: Route.LoaderArgs) {
  return loadOr(request, async () => {
    const account = await getOwnAccount(context.ctx);
    // The pages this person's roles open, each shown only when its page lets them in.
    return { ...account, roleLinks: accountRoleLinks(context.ctx.actor, await deskEditionId(context.ctx)) };
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const result = await runForm(context.ctx.locale, form, () =>
    updateOwnAccount(context.ctx, { name: text(form, "name"), locale: oneOf(form, "locale", ["en", "ur"]) }),
  );
  if (!result.ok) return result.response;
  // The preferred language also becomes this browser's choice.
  return Response.json(
    { ok: true },
    { headers: { "Set-Cookie": localeCookie(result.value.locale, context.ctx.config.secureCookies) } },
  );
}

export default function Account({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const failure = useFailure();
  const a = loaderData;
  const roles = a.grants.filter((g) => g.role !== "visitor");
  return (
    <section className="page narrow">
      <h1>{t("account.title")}</h1>
      <p dir="ltr">{a.email}</p>
      <h2>{t("account.roles")}</h2>
      <ul>
        {roles.length === 0 ? <li>{t("account.noRoles")}</li> : roles.map((g, i) => <li key={i}>{t(`role.${g.role}`)}</li>)}
      </ul>
      {a.roleLinks.length > 0 ? (
        <nav aria-labelledby="role-pages-h">
          <h2 id="role-pages-h">{t("account.rolePages")}</h2>
          <ul>
            {a.roleLinks.map((l) => (
              <li key={l.to}>
                <Link to={l.to}>{t(l.label)}</Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <h2>{t("account.ownPages")}</h2>
      <ul>
        <li>
          <Link to="/account/registrations">{t("registration.account.title")}</Link>
        </li>
        <li>
          <Link to="/account/badge">{t("checkin.badge.title")}</Link>
        </li>
        <li>
          <Link to="/account/my-data">{t("privacy.mine.title")}</Link>
        </li>
      </ul>
      {actionData && "ok" in actionData && actionData.ok ? <Notice>{t("account.saved")}</Notice> : null}
      <FormError failure={failure} />
      <Form method="post" noValidate>
        <Field name="name" label={t("auth.name")} failure={failure} defaultValue={a.name} autoComplete="name" required />
        <SelectField
          name="locale"
          label={t("account.language")}
          failure={failure}
          defaultValue={a.locale}
          options={[
            { value: "en", label: "English" },
            { value: "ur", label: "اردو" },
          ]}
        />
        <button type="submit" className="primary">
          {t("account.save")}
        </button>
      </Form>
    </section>
  );
}
