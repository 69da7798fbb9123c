import { Form, Link, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/sign-up";
import { sessionCookie } from "../../../platform/http/cookies";
import { runForm, safeNext, withNext } from "../../../web/actions";
import { Field, FormError, useFailure } from "../../../web/components/form";
import { pageTitle, useT } from "../../../web/i18n";
import { signUp } from "../operations/sign-up";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "auth.signUp.title");
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const result = await runForm(context.ctx.locale, form, () =>
    signUp(context.ctx, {
      email: form.get("email"),
      password: form.get("password"),
      name: form.get("name"),
      locale: context.ctx.locale,
      userAgent: context.userAgent,
    }),
  );
  if (!result.ok) return result.response;
  const { session } = result.value;
  // Sent here from the sign-in page on the way somewhere (a badge, a registration): carry on there.
  return redirect(safeNext(String(form.get("next") ?? ""), "/account"), {
    headers: { "Set-Cookie": sessionCookie(session.secret, context.ctx.config.secureCookies) },
  });
}

export default function SignUp() {
  const t = useT();
  const failure = useFailure();
  const [params] = useSearchParams();
  const next = params.get("next");
  return (
    <section className="page narrow">
      <h1>{t("auth.signUp.title")}</h1>
      <FormError failure={failure} />
      <Form method="post" noValidate>
        <input type="hidden" name="next" value={safeNext(next, "")} />
        <Field name="name" label={t("auth.name")} failure={failure} autoComplete="name" required />
        <Field name="email" type="email" label={t("auth.email")} failure={failure} autoComplete="email" required dir="ltr" />
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
          {t("auth.signUp.submit")}
        </button>
      </Form>
      <p>
        {t("auth.signUp.haveAccount")} <Link to={withNext("/sign-in", next)}>{t("nav.signIn")}</Link>
      </p>
    </section>
  );
}
