import { Form, Link, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/sign-in";
import { sessionCookie } from "../../../platform/http/cookies";
import { runForm, safeNext, withNext } from "../../../web/actions";
import { Field, FormError, useFailure } from "../../../web/components/form";
import { pageTitle, useT } from "../../../web/i18n";
import { actorForUser } from "../grants";
import { signIn } from "../operations/sign-in";
import { landingPath } from "./role-links";
import { text } from "../../../web/form-fields";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "auth.signIn.title");
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const result = await runForm(context.ctx.locale, form, () =>
    signIn(context.ctx, {
      email: text(form, "email"),
      password: text(form, "password"),
      ip: context.ip,
      userAgent: context.userAgent,
    }),
  );
  if (!result.ok) return result.response;
  const { session, user } = result.value;
  const next = safeNext(String(form.get("next") ?? ""), "") || landingPath(await actorForUser(context.ctx.db, user));
  return redirect(next, {
    headers: { "Set-Cookie": sessionCookie(session.secret, context.ctx.config.secureCookies) },
  });
}

export default function SignIn() {
  const t = useT();
  const failure = useFailure();
  const [params] = useSearchParams();
  return (
    <section className="page narrow">
      <h1>{t("auth.signIn.title")}</h1>
      {params.get("reset") ? <p className="alert alert-ok">{t("auth.reset.done")}</p> : null}
      {/* Sent here from a badge page: most registrants have no account, and need none. */}
      {params.get("next")?.startsWith("/badges/") ? (
        <p className="alert" data-testid="badge-sign-in-hint">
          {t("checkin.badge.signInHint")} <Link to="/registration/lost-link">{t("registration.lost.title")}</Link>
        </p>
      ) : null}
      <FormError failure={failure} />
      <Form method="post" noValidate>
        <input type="hidden" name="next" value={params.get("next") ?? ""} />
        <Field name="email" type="email" label={t("auth.email")} failure={failure} autoComplete="email" required dir="ltr" />
        <Field name="password" type="password" label={t("auth.password")} failure={failure} autoComplete="current-password" required />
        <button type="submit" className="primary">
          {t("auth.signIn.submit")}
        </button>
      </Form>
      <p>
        <Link to="/forgot-password">{t("auth.signIn.forgot")}</Link>
      </p>
      <p>
        {t("auth.signIn.noAccount")} <Link to={withNext("/sign-up", params.get("next"))}>{t("nav.signUp")}</Link>
      </p>
    </section>
  );
}
