import { Form } from "react-router";
import type { Route } from "./+types/lost-link";
import { runForm } from "../../../web/actions";
import { Field, FormError, Notice, SelectField, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { manageLinkEditions, requestManageLink } from "../operations/manage-link";

// "Lost your link?": the answer never says whether the email is registered.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "registration.lost.title");
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const editions = await manageLinkEditions(context.ctx);
  const asked = new URL(request.url).searchParams.get("edition");
  return { editions, chosen: editions.find((e) => e.slug === asked)?.slug ?? editions[0]?.slug ?? "" };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const result = await runForm(context.ctx.locale, form, () =>
    requestManageLink(context.ctx, { edition: String(form.get("edition") ?? ""), email: String(form.get("email") ?? ""), ip: context.ip }),
  );
  if (!result.ok) return result.response;
  return { ok: true as const };
}

export default function LostLinkPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  return (
    <section className="page narrow">
      <h1>{t("registration.lost.title")}</h1>
      {actionData?.ok ? (
        <Notice>{t("registration.lost.sent")}</Notice>
      ) : (
        <>
          <p>{t("registration.lost.intro")}</p>
          <FormError failure={failure} />
          <Form method="post" noValidate>
            <SelectField
              name="edition"
              label={t("registration.lost.edition")}
              failure={failure}
              defaultValue={loaderData.chosen}
              options={loaderData.editions.map((e) => ({ value: e.slug, label: pick(locale, e.nameEn, e.nameUr) }))}
              required
            />
            <Field name="email" type="email" label={t("registration.form.email")} failure={failure} autoComplete="email" required dir="ltr" />
            <button type="submit" className="primary">
              {t("registration.lost.submit")}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}
