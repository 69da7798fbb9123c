import { Form } from "react-router";
import type { Route } from "./+types/invite";
import { roles } from "../../../platform/permissions/actor";
import { loadOr, runForm } from "../../../web/actions";
import { Field, FormError, Notice, SelectField, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { invitePerson } from "#features/accounts";
import { invitationChoices } from "../operations/lookups";
import { oneOf, optionalOneOf, optionalText, text } from "../../../web/form-fields";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "bo.nav.invite", "bo.title");
}

// Staff cannot hand out platform administration; the operation refuses it too.
const invitable = roles.filter((r) => r !== "platform_admin");

export async function loader({ context, request }: Route.LoaderArgs) {
  return loadOr(request, () => invitationChoices(context.ctx));
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const role = oneOf(form, "role", ["exhibitor", "visitor", "organiser_staff", "trade_body_rep", "reviewer", "gate_staff", "lounge_staff"]);
  // Only the binding that belongs to the chosen role is sent, so a stale select does not confuse the check.
  const result = await runForm(context.ctx.locale, form, () =>
    invitePerson(context.ctx, {
      email: text(form, "email"),
      role,
      locale: optionalOneOf(form, "locale", ["en", "ur"]),
      tradeBodyId: role === "trade_body_rep" ? (optionalText(form, "tradeBodyId") ?? null) : null,
      enterpriseId: role === "exhibitor" ? (optionalText(form, "enterpriseId") ?? null) : null,
    }),
  );
  if (!result.ok) return result.response;
  return { ok: true as const, email: String(form.get("email") ?? "").trim() };
}

export default function InvitePage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const done = actionData && "ok" in actionData && actionData.ok ? actionData : undefined;
  return (
    <section className="page narrow">
      <h1>{t("bo.invite.title")}</h1>
      <p>{t("bo.invite.intro")}</p>
      {done ? <Notice>{t("bo.invite.sent", { email: done.email })}</Notice> : null}
      <FormError failure={failure} />
      <Form method="post" noValidate key={done?.email ?? "invite"}>
        <Field form="in" name="email" type="email" label={t("auth.email")} failure={failure} required dir="ltr" />
        <SelectField
          form="in"
          name="role"
          label={t("bo.invite.role")}
          failure={failure}
          defaultValue="organiser_staff"
          options={invitable.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        />
        <SelectField
          form="in"
          name="tradeBodyId"
          label={t("bo.invite.tradeBody")}
          failure={failure}
          options={[{ value: "", label: t("field.none") }, ...loaderData.tradeBodies.map((b) => ({ value: b.id, label: pick(locale, b.nameEn, b.nameUr) }))]}
        />
        <SelectField
          form="in"
          name="enterpriseId"
          label={t("bo.invite.enterprise")}
          failure={failure}
          options={[{ value: "", label: t("field.none") }, ...loaderData.enterprises.map((e) => ({ value: e.id, label: pick(locale, e.nameEn, e.nameUr) }))]}
        />
        <SelectField
          form="in"
          name="locale"
          label={t("bo.invite.language")}
          failure={failure}
          defaultValue={locale}
          options={[
            { value: "en", label: "English" },
            { value: "ur", label: "اردو" },
          ]}
        />
        <button type="submit" className="primary">
          {t("bo.invite.submit")}
        </button>
      </Form>
    </section>
  );
}
