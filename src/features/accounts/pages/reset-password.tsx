import { Form, redirect } from "react-router";
import type { Route } from "./+types/reset-password";
import { runForm } from "../../../web/actions";
import { Field, FormError, useFailure } from "../../../web/components/form";
import { pageTitle, useT } from "../../../web/i18n";
import { resetPassword } from "../operations/password-reset";
import { text } from "../../../web/form-fields";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "auth.reset.title");
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const form = await request.formData();
  const result = await runForm(context.ctx.locale, form, () =>
    resetPassword(context.ctx, { token: params.token, password: text(form, "password") }),
  );
  if (!result.ok) return result.response;
  return redirect("/sign-in?reset=1");
}

export default function ResetPassword() {
  const t = useT();
  const failure = useFailure();
  return (
    <section className="page narrow">
      <h1>{t("auth.reset.title")}</h1>
      <FormError failure={failure} />
      <Form method="post" noValidate>
        <Field
          name="password"
          type="password"
          label={t("auth.newPassword")}
          hint={t("auth.signUp.passwordHint")}
          failure={failure}
          autoComplete="new-password"
          required
        />
        <button type="submit" className="primary">
          {t("auth.reset.submit")}
        </button>
      </Form>
    </section>
  );
}
