import { Form, Link } from "react-router";
import type { Route } from "./+types/staff-badges";
import { loadOr, runForm } from "../../../web/actions";
import { Field, FormError, Notice, SelectField, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { issueStaffBadge, ownStaffBadges } from "../operations/staff-badges";
import { optionalText, text } from "../../../web/form-fields";

// An exhibitor issues badges for its own stall staff, within the quota organisers set. The
// enterprise comes from the exhibitor's own grant, never from the form.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "checkin.staff.title");
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const edition = new URL(request.url).searchParams.get("edition");
  return loadOr(request, () => ownStaffBadges(context.ctx, edition));
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const result = await runForm(context.ctx.locale, form, async () => {
    // The edition shown when the form was loaded, again only among the exhibitor's own choices.
    const own = await ownStaffBadges(context.ctx, String(form.get("editionId") ?? ""));
    return issueStaffBadge(context.ctx, {
      editionId: own.editionId,
      enterpriseId: own.enterpriseId,
      name: text(form, "name"),
      nameUr: optionalText(form, "nameUr"),
      email: text(form, "email"),
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
      {d.editions.length > 1 ? (
        // Quotas on several editions (this year's show and next year's): the exhibitor picks one.
        <Form method="get" className="inline-form">
          <SelectField name="edition" label={t("checkin.staff.edition")} options={d.editions.map((e) => ({ value: e.id, label: pick(locale, e.nameEn, e.nameUr) }))} defaultValue={d.editionId} />
          <button type="submit">{t("checkin.staff.choose")}</button>
        </Form>
      ) : (
        <p className="muted">{pick(locale, d.editionEn, d.editionUr)}</p>
      )}
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
            <input type="hidden" name="editionId" value={d.editionId} />
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
