import { Form, Link } from "react-router";
import type { Route } from "./+types/staff-badges";
import { loadOr, runForm } from "../../../web/actions";
import { Field, FormError, Notice, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { issueStaffBadge, ownStaffBadges } from "../operations/staff-badges";

// An exhibitor issues badges for its own stall staff, within the quota organisers set. The
// enterprise comes from the exhibitor's own grant, never from the form.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "checkin.staff.title");
}

export async function loader({ context, request }: Route.LoaderArgs) {
  return loadOr(request, () => ownStaffBadges(context.ctx));
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const result = await runForm(context.ctx.locale, form, async () => {
    const own = await ownStaffBadges(context.ctx);
    return issueStaffBadge(context.ctx, {
      editionId: own.editionId,
      enterpriseId: own.enterpriseId,
      name: form.get("name"),
      nameUr: form.get("nameUr") || undefined,
      email: form.get("email"),
    });
  });
  if (!result.ok) return result.response;
  return { issued: result.value.number };
}

export default function StaffBadges({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const full = d.used >= d.quota;
  return (
    <section className="page narrow">
      <h1>{t("checkin.staff.title")}</h1>
      <p className="muted">{pick(locale, d.editionEn, d.editionUr)}</p>
      <p style={{ fontWeight: 600 }}>{t("checkin.staff.quota", { used: d.used, quota: d.quota })}</p>
      {actionData && "issued" in actionData ? <Notice>{t("checkin.badge.number", { number: actionData.issued })}</Notice> : null}
      {d.staff.length === 0 ? (
        <p>{t("checkin.staff.none")}</p>
      ) : (
        <ul>
          {d.staff.map((s) => (
            <li key={s.registrationId}>
              <Link to={`/badges/${s.registrationId}`}>{s.name}</Link> · <span dir="ltr">{s.email}</span> · {t("checkin.badge.number", { number: s.number })}
            </li>
          ))}
        </ul>
      )}
      {full ? (
        <p className="error">{t("checkin.error.quota_exceeded")}</p>
      ) : (
        <>
          <h2>{t("checkin.staff.add")}</h2>
          <FormError failure={failure} />
          <Form method="post" noValidate>
            <Field name="name" label={t("checkin.staff.name")} failure={failure} required autoComplete="off" />
            <Field name="nameUr" label={t("checkin.staff.nameUr")} failure={failure} dir="rtl" autoComplete="off" />
            <Field name="email" type="email" label={t("checkin.staff.email")} failure={failure} required dir="ltr" autoComplete="off" />
            <button type="submit" className="primary">
              {t("checkin.staff.add")}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}
