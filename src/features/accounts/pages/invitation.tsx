import { Form, redirect } from "react-router";
import type { Route } from "./+types/invitation";
import { sessionCookie } from "../../../platform/http/cookies";
import { loadOr, runForm } from "../../../web/actions";
import { Field, FormError, useFailure } from "../../../web/components/form";
import { pageTitle, useT } from "../../../web/i18n";
import { acceptInvitation, getInvitation } from "../operations/invitations";
import { text } from "../../../web/form-fields";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "auth.invite.title");
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  return loadOr(request, () => getInvitation(context.ctx, params.token));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const form = await request.formData();
  const result = await runForm(context.ctx.locale, form, () =>
    acceptInvitation(context.ctx, {
      token: params.token,
      name: text(form, "name"),
      password: text(form, "password"),
      userAgent: context.userAgent,
    }),
  );
  if (!result.ok) return result.response;
  const { session } = result.value;
  return redirect("/account", {
    headers: { "Set-Cookie": sessionCookie(session.secret, context.ctx.config.secureCookies) },
  });
}

export default function Invitation({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const failure = useFailure();
  return (
    <section className="page narrow">
      <h1>{t("auth.invite.title")}</h1>
      <p>{t("auth.invite.intro", { role: t(`role.${loaderData.role}`) })}</p>
      <p dir="ltr" className="muted">
        {loaderData.email}
      </p>
      <FormError failure={failure} />
      <Form method="post" noValidate>
        <Field name="name" label={t("auth.name")} failure={failure} autoComplete="name" required />
        <Field
          name="password"
          type="password"
          label={t("auth.password")}
          hint={t("auth.signUp.passwordHint")}
          failure={failure}
          autoComplete="new-password"
          required
        />
        <button type="submit" className="primary">
          {t("auth.invite.submit")}
        </button>
      </Form>
    </section>
  );
}
