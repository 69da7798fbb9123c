import { Form, Link, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/sign-up-confirm";
import { isDomainError } from "../../../platform/errors";
import { sessionCookie } from "../../../platform/http/cookies";
import { runForm, safeNext, withNext } from "../../../web/actions";
import { Field, FormError, useFailure } from "../../../web/components/form";
import { pageTitle, useT } from "../../../web/i18n";
import { confirmSignUp, getSignUp } from "../operations/sign-up";
import { text } from "../../../web/form-fields";

// The emailed sign-up link: choose a password, which makes the account and signs in.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "accounts.signUp.confirmTitle");
}

export async function loader({ context, params }: Route.LoaderArgs) {
  try {
    return { valid: true as const, ...(await getSignUp(context.ctx, params.token)) };
  } catch (e) {
    // A used or expired link is an ordinary case, said on the page (with a way to start again).
    if (isDomainError(e) && e.code === "token_invalid") return { valid: false as const, email: "", name: "" };
    throw e;
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const form = await request.formData();
  const result = await runForm(context.ctx.locale, form, () =>
    confirmSignUp(context.ctx, { token: params.token, password: text(form, "password"), userAgent: context.userAgent }),
  );
  if (!result.ok) return result.response;
  const { session } = result.value;
  return redirect(safeNext(String(form.get("next") ?? ""), "/account"), {
    headers: { "Set-Cookie": sessionCookie(session.secret, context.ctx.config.secureCookies) },
  });
}

export default function SignUpConfirm({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const failure = useFailure();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"), "");
  return (
    <section className="page narrow">
      <h1>{t("accounts.signUp.confirmTitle")}</h1>
      {!loaderData.valid || failure?.code === "token_invalid" ? (
        <>
          <p className="alert" data-testid="sign-up-invalid">
            {t("accounts.signUp.invalid")}
          </p>
          <p>
            <Link to={withNext("/sign-up", next)}>{t("accounts.signUp.again")}</Link>
          </p>
        </>
      ) : (
        <>
          <p>{t("accounts.signUp.confirmIntro")}</p>
          <p dir="ltr" className="muted">
            {loaderData.email}
          </p>
          <FormError failure={failure} />
          <Form method="post" noValidate>
            <input type="hidden" name="next" value={next} />
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
        </>
      )}
    </section>
  );
}
