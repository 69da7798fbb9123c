import { Form, redirect } from "react-router";
import type { Route } from "./+types/badges-admin";
import { loadOr, runForm } from "../../../web/actions";
import { Field, FormError, Notice, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { badgeAdmin, reprintBadge, revokeBadge, rotateBadgeKey } from "../operations/manage-badges";
import { uuidParam } from "../../../web/params";
import { text } from "../../../web/form-fields";

// Organisers: find a badge by registration number, revoke it (with a reason) or reprint it, and
// rotate the edition's signing key. Plain forms; every change is audited by its operation.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "checkin.admin.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  uuidParam(params.editionId);
  const url = new URL(request.url);
  const view = await loadOr(request, () => badgeAdmin(context.ctx, { editionId: params.editionId, number: url.searchParams.get("number") ?? undefined }));
  return { ...view, done: url.searchParams.has("done") };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  uuidParam(params.editionId);
  const form = await request.formData();
  const intent = form.get("intent");
  const registrationId = text(form, "registrationId");
  const result = await runForm(context.ctx.locale, form, async () => {
    if (intent === "rotate") return rotateBadgeKey(context.ctx, { editionId: params.editionId });
    if (intent === "reprint") return reprintBadge(context.ctx, { registrationId });
    return revokeBadge(context.ctx, { registrationId, reason: text(form, "reason") });
  });
  if (!result.ok) return result.response;
  const number = form.get("number");
  return redirect(`/back-office/editions/${params.editionId}/badges?done=1${number ? `&number=${encodeURIComponent(String(number))}` : ""}`);
}

export default function BadgesAdmin({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const fmt = (iso: string) => new Date(iso).toLocaleString(locale === "ur" ? "ur-PK" : "en-GB");
  const current = d.found?.badges[0];
  // Revocations by cancellation or refusal store a code (issue-badge.ts); organisers' own reasons are free text.
  const reasonText = (r: string | null) =>
    r === "registration_cancelled" || r === "registration_refused" ? t(`checkin.admin.reason.${r}`) : (r ?? "");
  return (
    <section>
      <h1>{t("checkin.admin.title")}</h1>
      <p className="muted">{pick(locale, d.edition.nameEn, d.edition.nameUr)}</p>
      {d.done ? <Notice>{t("checkin.admin.done")}</Notice> : null}
      <FormError failure={failure} />
      <Form method="get" className="inline-form">
        <Field name="number" label={t("checkin.admin.find")} defaultValue={d.number ? String(d.number) : ""} inputMode="numeric" dir="ltr" />
        <button type="submit">{t("checkin.admin.search")}</button>
      </Form>
      {d.number && !d.found ? <p>{t("checkin.admin.notFound")}</p> : null}
      {d.found ? (
        <div className="card" data-testid="badge-admin-found">
          <p style={{ margin: 0, fontWeight: 700 }} dir="auto">
            {d.found.name} · {t("checkin.badge.number", { number: d.found.number })}
          </p>
          <ul>
            {d.found.badges.map((b, i) => (
              <li key={b.serial}>
                {t("checkin.admin.serial", { serial: b.serial, keyId: b.keyId })} · {fmt(b.issuedAt)} ·{" "}
                {b.revoked ? t("checkin.admin.revoked", { reason: reasonText(b.reason) }) : b.replaced ? t("checkin.admin.replaced") : i === 0 ? t("checkin.admin.current") : ""}
              </li>
            ))}
          </ul>
          {current && !current.revoked ? (
            <Form method="post">
              <input type="hidden" name="registrationId" value={d.found.id} />
              <input type="hidden" name="number" value={d.found.number} />
              <Field name="reason" label={t("checkin.admin.reason")} failure={failure} required />
              <button type="submit" name="intent" value="revoke" className="danger">
                {t("checkin.admin.revoke")}
              </button>{" "}
              <button type="submit" name="intent" value="reprint" formNoValidate>
                {t("checkin.admin.reprint")}
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}
      <h2>{t("checkin.admin.keys")}</h2>
      {d.keys.length === 0 ? (
        <p>{t("checkin.admin.noKeys")}</p>
      ) : (
        <ul>
          {d.keys.map((k) => (
            <li key={k.keyId}>{t("checkin.admin.key", { keyId: k.keyId, at: fmt(k.createdAt) })}</li>
          ))}
        </ul>
      )}
      <Form method="post">
        <p className="hint">{t("checkin.admin.rotateHint")}</p>
        <button type="submit" name="intent" value="rotate">
          {t("checkin.admin.rotate")}
        </button>
      </Form>
    </section>
  );
}

