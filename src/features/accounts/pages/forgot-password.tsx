import { Form } from "react-router";
import type { Route } from "./+types/forgot-password";
import { runForm } from "../../../web/actions";
import { Field, FormError, Notice, useFailure } from "../../../web/components/form";
import { pageTitle, useT } from "../../../web/i18n";
import { requestPasswordReset } from "../operations/password-reset";
import { text } from "../../../web/form-fields";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "auth.forgot.title");
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const result = await runForm(context.ctx.locale, form, () =>
    requestPasswordReset(context.ctx, { email: text(form, "email") }),
  );
  if (!result.ok) return result.response;
  return { ok: true as const };
}

export default function ForgotPassword({ actionData }: Route.ComponentProps) {
  const t = useT();
  const failure = useFailure();
  return (
    <section className="page narrow">
      <h1>{t("auth.forgot.title")}</h1>
      {actionData?.ok ? (
        <Notice>{t("auth.forgot.sent")}</Notice>
      ) : (
        <>
          <p>{t("auth.forgot.intro")}</p>
          <FormError failure={failure} />
          <Form method="post" noValidate>
            <Field name="email" type="email" label={t("auth.email")} failure={failure} autoComplete="email" required dir="ltr" />
            <button type="submit" className="primary">
              {t("auth.forgot.submit")}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}
