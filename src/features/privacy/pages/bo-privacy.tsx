import { Form, redirect } from "react-router";
import type { Route } from "./+types/bo-privacy";
import { loadOr, runForm } from "../../../web/actions";
import { Field, FormError, Notice, failureOf, useFailure } from "../../../web/components/form";
import { pageTitle, useT } from "../../../web/i18n";
import { uuidParam } from "../../../web/params";
import { anonymisePerson } from "../operations/anonymise";
import { getRetention, setRetention } from "../operations/retention";

// Organisers: /back-office/editions/:editionId/privacy — how long the edition keeps badge scans and
// stall leads, and erasing a person on request (docs/privacy.md).

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "privacy.bo.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const editionId = uuidParam(params.editionId);
  const q = new URL(request.url).searchParams;
  return loadOr(request, async () => ({ retention: await getRetention(context.ctx, { editionId }), saved: q.has("saved"), erased: q.get("erased") }));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const editionId = uuidParam(params.editionId);
  const form = await request.formData();
  const get = (k: string) => String(form.get(k) ?? "");
  if (get("intent") === "erase") {
    const result = await runForm(context.ctx.locale, form, () =>
      anonymisePerson(context.ctx, { editionId, email: get("email"), registrationId: get("registrationId"), withAccount: get("withAccount"), confirm: get("confirm") }),
    );
    if (!result.ok) return result.response;
    return redirect(`/back-office/editions/${editionId}/privacy?erased=${result.value.registrations}`);
  }
  const result = await runForm(context.ctx.locale, form, () => setRetention(context.ctx, { editionId, scanDays: get("scanDays"), leadDays: get("leadDays") }));
  if (!result.ok) return result.response;
  return redirect(`/back-office/editions/${editionId}/privacy?saved=1`);
}

export default function PrivacyAdminPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const failure = useFailure();
  const r = d.retention;
  const keep = failureOf(failure, "retention");
  const erase = failureOf(failure, "erase");
  return (
    <section>
      <h1>{t("privacy.bo.title")}</h1>
      {d.saved ? <Notice>{t("privacy.bo.saved")}</Notice> : null}
      {d.erased !== null ? <Notice>{t("privacy.bo.erased", { registrations: Number(d.erased) })}</Notice> : null}
      <h2>{t("privacy.bo.retention")}</h2>
      <FormError failure={keep} />
      <Form method="post" className="card" noValidate>
        <input type="hidden" name="intent" value="retention" />
        <p className="hint">{t("privacy.bo.retentionIntro", { endsOn: r.endsOn })}</p>
        <Field name="scanDays" label={t("privacy.bo.scanDays")} inputMode="numeric" failure={keep} defaultValue={r.scanDays ?? ""} />
        <Field name="leadDays" label={t("privacy.bo.leadDays")} inputMode="numeric" failure={keep} defaultValue={r.leadDays ?? ""} />
        {r.sweptAt ? <p className="muted">{t("privacy.bo.swept", { at: r.sweptAt.slice(0, 16).replace("T", " ") })}</p> : null}
        <button type="submit">{t("privacy.bo.save")}</button>
      </Form>
      <h2>{t("privacy.bo.erase")}</h2>
      <FormError failure={erase} />
      <Form method="post" className="card" noValidate>
        <input type="hidden" name="intent" value="erase" />
        <p className="hint">{t("privacy.bo.eraseIntro")}</p>
        <Field name="email" type="email" label={t("privacy.bo.email")} dir="ltr" failure={erase} autoComplete="off" />
        <Field name="registrationId" label={t("privacy.bo.registrationId")} dir="ltr" failure={erase} autoComplete="off" />
        <div className="field">
          <label>
            <input type="checkbox" name="withAccount" /> {t("privacy.bo.withAccount")}
          </label>
        </div>
        <div className={`field${erase?.fields.confirm ? " field-invalid" : ""}`}>
          <label>
            <input type="checkbox" name="confirm" aria-describedby={erase?.fields.confirm ? "confirm-error" : undefined} /> {t("privacy.bo.confirm")}
          </label>
          {erase?.fields.confirm ? (
            <p className="error" id="confirm-error">
              {erase.fields.confirm}
            </p>
          ) : null}
        </div>
        <button type="submit" className="danger">
          {t("privacy.bo.eraseSubmit")}
        </button>
      </Form>
    </section>
  );
}
