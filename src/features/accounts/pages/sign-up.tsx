import { Form, Link, useSearchParams } from "react-router";
import type { Route } from "./+types/sign-up";
import { runForm, safeNext, withNext } from "../../../web/actions";
import { Field, FormError, Notice, useFailure } from "../../../web/components/form";
import { pageTitle, useT } from "../../../web/i18n";
import { signUp } from "../operations/sign-up";
import { text } from "../../../web/form-fields";

// The first step of sign-up: a name and an email, then always "check your email" (the email, to
// the address's owner only, says whether it makes an account or the address has one already).

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "auth.signUp.title");
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const result = await runForm(context.ctx.locale, form, () =>
    signUp(context.ctx, {
      email: text(form, "email"),
      name: text(form, "name"),
      locale: context.ctx.locale,
      // Sent here from the sign-in page on the way somewhere (a badge, a registration): the link carries on there.
      next: safeNext(String(form.get("next") ?? ""), "") || undefined,
      ip: context.ip,
    }),
  );
  if (!result.ok) return result.response;
  return { ok: true as const, email: String(form.get("email") ?? "").trim() };
}

export default function SignUp({ actionData }: Route.ComponentProps) {
  const t = useT();
  const failure = useFailure();
  const [params] = useSearchParams();
  const next = params.get("next");
  const sent = actionData && "ok" in actionData && actionData.ok ? actionData : null;
  return (
    <section className="page narrow">
      <h1>{t("auth.signUp.title")}</h1>
      {sent ? (
        <Notice>
          <p data-testid="sign-up-sent">{t("accounts.signUp.sent", { email: sent.email })}</p>
        </Notice>
      ) : (
        <>
          <p>{t("accounts.signUp.intro")}</p>
          <FormError failure={failure} />
          <Form method="post" noValidate>
            <input type="hidden" name="next" value={safeNext(next, "")} />
            <Field name="name" label={t("auth.name")} failure={failure} autoComplete="name" required />
            <Field name="email" type="email" label={t("auth.email")} failure={failure} autoComplete="email" required dir="ltr" />
            <button type="submit" className="primary">
              {t("accounts.signUp.send")}
            </button>
          </Form>
        </>
      )}
      <p>
        {t("auth.signUp.haveAccount")} <Link to={withNext("/sign-in", next)}>{t("nav.signIn")}</Link>
      </p>
    </section>
  );
}
