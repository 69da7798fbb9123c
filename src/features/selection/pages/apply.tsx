import { Form, isRouteErrorResponse, redirect, useRouteError } from "react-router";
import type { Route } from "./+types/apply";
import { DomainError } from "../../../platform/errors";
import { localeCookie } from "../../../platform/http/cookies";
import { formatDateTime } from "../../../platform/i18n/format";
import { isLocale } from "../../../platform/i18n/locales";
import { loadOr, runForm } from "../../../web/actions";
import { limitedForm } from "#features/nominations/client";
import { Field, FormError, Notice, SelectField, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { fileAppeal } from "../operations/appeals";
import { publishedDecision, withdrawByApplicant } from "../operations/selection";
import { decisionSummary } from "../reasons";
import { addPhoto, getApplication, saveApplication } from "#features/nominations";
import { MAX_PRODUCTS } from "#features/nominations/client";
import { text } from "../../../web/form-fields";

// The nominee's application, opened by the link from the invitation: no
// account, works without JavaScript, small enough for a slow phone connection.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "nominations.apply.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  // The link carries the language it was sent in (?lang=ur): remember it as the
  // reader's language and open the clean address, so the page, and every later
  // visit, is in that language (the header still switches).
  const lang = new URL(request.url).searchParams.get("lang");
  if (lang !== null) {
    const to = `/apply/${encodeURIComponent(params.token)}`;
    return isLocale(lang) ? redirect(to, { headers: { "Set-Cookie": localeCookie(lang, context.ctx.config.secureCookies) } }) : redirect(to);
  }
  return loadOr(request, async () => {
    const app = await getApplication(context.ctx, { token: params.token });
    const decision = await publishedDecision(context.ctx.db, app.nomination.editionId, app.nomination.id);
    return { ...app, decision };
  });
}

function dataFromForm(form: FormData) {
  // Every product row keeps its position, so an error lands on the row it is about.
  const products = [];
  for (let i = 0; i < MAX_PRODUCTS; i++) products.push({ name: String(form.get(`products.${i}.name`) ?? ""), hsCode: String(form.get(`products.${i}.hsCode`) ?? "") });
  while (products.length > 0 && !products.at(-1)!.name.trim() && !products.at(-1)!.hsCode.trim()) products.pop();
  const s = (k: string) => String(form.get(k) ?? "");
  return {
    enterpriseName: s("enterpriseName"),
    address: s("address"),
    district: s("district"),
    womenLed: s("womenLed"),
    womenOwnershipPercent: s("womenOwnershipPercent"),
    employees: s("employees"),
    turnoverBand: s("turnoverBand"),
    products,
    certifications: s("certifications"),
    exportMarkets: s("exportMarkets"),
    goals: s("goals"),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const form = await limitedForm(request, 3 * 1024 * 1024);
  const ctx = context.ctx;
  const token = params.token;
  const intent = String(form.get("intent") ?? "");
  const result = await runForm(ctx.locale, form, async () => {
    if (intent === "save" || intent === "submit") {
      const r = await saveApplication(ctx, { token, submit: intent === "submit", data: dataFromForm(form) });
      return { intent: r.updated ? "update" : r.status === "submitted" ? "submit" : "save", emailedTo: r.emailedTo };
    }
    if (intent === "photo") {
      const file = form.get("photo");
      return addPhoto(ctx, { token, bytes: file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array() });
    }
    if (intent === "withdraw") return withdrawByApplicant(ctx, { token });
    if (intent === "appeal") return fileAppeal(ctx, { token, grounds: text(form, "grounds") });
    throw new DomainError("bad_request");
  });
  if (!result.ok) return result.response;
  const saved = result.value as { intent?: string; emailedTo?: string | null } | undefined;
  return { ok: true as const, intent: saved?.intent ?? intent, emailedTo: saved?.emailedTo ?? null };
}

export default function Apply({ loaderData, actionData, params }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const { nomination, edition, cluster, tradeBody, data: a, photos, open, decision, closesAt } = loaderData;
  const done = actionData && "ok" in actionData && actionData.ok ? actionData : undefined;
  const submitted = nomination.status === "submitted";
  const when = (d: Date | string | null) => (d ? formatDateTime(d, locale, edition.timezone) : "");
  const bodyName = pick(locale, tradeBody.nameEn, tradeBody.nameUr);
  const photoError = failure?.fields.photo ? t("nominations.apply.photoError") : null;
  const products = [...a.products, ...Array.from({ length: Math.max(0, 3 - a.products.length) }, () => ({ name: "", hsCode: "" }))].slice(0, MAX_PRODUCTS);
  return (
    <section className="page narrow">
      <h1>{t("nominations.apply.title")}</h1>
      <p>{t("nominations.apply.intro", { tradeBody: pick(locale, tradeBody.nameEn, tradeBody.nameUr), edition: pick(locale, edition.nameEn, edition.nameUr), cluster: pick(locale, cluster.nameEn, cluster.nameUr) })}</p>
      <p>
        <span className="badge">{t(`nominations.status.${nomination.status}`)}</span>
      </p>
      {done ? (
        <Notice>
          <span>{t(`nominations.apply.done.${done.intent}`)}</span>
          {done.emailedTo ? <span> {t("nominations.apply.emailSent", { email: done.emailedTo })}</span> : null}
        </Notice>
      ) : null}
      {submitted && !decision?.decision ? (
        <div className="card" aria-labelledby="submitted-title">
          <h2 id="submitted-title">{t("nominations.apply.submittedOn", { date: when(nomination.submittedAt) })}</h2>
          <p>{open ? t("nominations.apply.canUpdate", { closes: when(closesAt) }) : t("nominations.apply.locked", { tradeBody: bodyName })}</p>
          <p>{t("nominations.apply.next", { tradeBody: bodyName })}</p>
        </div>
      ) : null}
      {decision?.decision ? (
        <div className="card">
          <h2>{t("nominations.apply.decision")}</h2>
          <p style={{ whiteSpace: "pre-line" }}>{decisionSummary(locale, decision.decision, pick(locale, cluster.nameEn, cluster.nameUr))}</p>
          {decision.decision.status === "not_selected" || decision.decision.status === "waitlisted" ? (
            <Form method="post">
              <input type="hidden" name="intent" value="appeal" />
              <Field name="grounds" label={t("nominations.apply.appeal")} failure={failure} hint={t("nominations.apply.appealHint")}>
                <textarea id="f-grounds" name="grounds" rows={4} defaultValue={failure?.values.grounds ?? ""} />
              </Field>
              <button type="submit">{t("nominations.apply.appealSend")}</button>
            </Form>
          ) : null}
          {decision.decision.status === "selected" ? (
            <Form method="post">
              <input type="hidden" name="intent" value="withdraw" />
              <button type="submit" className="danger">
                {t("nominations.apply.withdraw")}
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}
      <FormError failure={failure} />
      {open ? (
        <>
          <Form method="post" noValidate>
            <Field name="enterpriseName" label={t("nominations.col.enterpriseName")} failure={failure} defaultValue={a.enterpriseName} required />
            <Field name="address" label={t("nominations.apply.address")} failure={failure} defaultValue={a.address} />
            <Field name="district" label={t("nominations.col.district")} failure={failure} defaultValue={a.district} required />
            <SelectField name="womenLed" label={t("nominations.col.womenLed")} failure={failure} defaultValue={a.womenLed} options={[{ value: "", label: "—" }, { value: "yes", label: t("nominations.yes") }, { value: "no", label: t("nominations.no") }]} />
            <Field name="womenOwnershipPercent" label={t("nominations.apply.ownership")} hint={t("nominations.apply.ownershipHint")} failure={failure} defaultValue={a.womenOwnershipPercent} inputMode="numeric" dir="ltr" />
            <Field name="employees" label={t("nominations.col.employees")} hint={t("nominations.apply.employeesHint")} failure={failure} defaultValue={a.employees} inputMode="numeric" dir="ltr" required />
            <SelectField name="turnoverBand" label={t("nominations.apply.turnoverBand")} failure={failure} defaultValue={a.turnoverBand} options={[{ value: "", label: "—" }, ...["micro", "small", "medium"].map((s) => ({ value: s, label: t(`nominations.band.${s}`) }))]} />
            <fieldset>
              <legend>{t("nominations.apply.products")}</legend>
              <p className="hint" id="hs-explain">
                {t("nominations.apply.hsExplain")}
              </p>
              {products.map((p, i) => (
                <div key={i} className="inline-form">
                  <Field name={`products.${i}.name`} label={t("nominations.apply.productName", { n: i + 1 })} failure={failure} defaultValue={p.name} />
                  <Field name={`products.${i}.hsCode`} label={t("nominations.apply.hsCode")} hint={t("nominations.apply.hsHint")} failure={failure} defaultValue={p.hsCode} dir="ltr" />
                </div>
              ))}
            </fieldset>
            <Field name="certifications" label={t("nominations.apply.certifications")} hint={t("nominations.apply.listHint")} failure={failure} defaultValue={a.certifications.join(", ")} />
            <Field name="exportMarkets" label={t("nominations.apply.exportMarkets")} hint={t("nominations.apply.listHint")} failure={failure} defaultValue={a.exportMarkets.join(", ")} />
            <Field name="goals" label={t("nominations.apply.goals")} failure={failure} required>
              <textarea id="f-goals" name="goals" rows={4} defaultValue={failure?.values.goals ?? a.goals} />
            </Field>
            {/* Once submitted there is no draft any more: one button updates the submitted application, checked as a whole. */}
            <div className="chips">
              {submitted ? null : (
                <button type="submit" name="intent" value="save">
                  {t("nominations.apply.save")}
                </button>
              )}
              <button type="submit" name="intent" value="submit" className="primary">
                {t(submitted ? "nominations.apply.update" : "nominations.apply.submit")}
              </button>
            </div>
          </Form>
          <Form method="post" encType="multipart/form-data" className="card">
            <input type="hidden" name="intent" value="photo" />
            <Field name="photo" type="file" label={t("nominations.apply.photo")} hint={t("nominations.apply.photoHint")} />
            {photoError ? <p className="error">{photoError}</p> : null}
            <button type="submit">{t("nominations.apply.photoAdd")}</button>
          </Form>
        </>
      ) : (
        <p>{t("nominations.closed")}</p>
      )}
      {photos.length ? (
        <div className="chips">
          {photos.map((p) => (
            <img key={p.id} src={`/apply/${params.token}/photos/${p.id}`} alt={t("nominations.apply.photoAlt")} width={96} height={96} loading="lazy" style={{ objectFit: "cover" }} />
          ))}
        </div>
      ) : null}
    </section>
  );
}

/** An unknown, replaced or expired link: say so plainly and who can help. */
export function ErrorBoundary() {
  const t = useT();
  const error = useRouteError();
  const gone = isRouteErrorResponse(error) && (error.status === 410 || error.status === 404);
  const tooLarge = isRouteErrorResponse(error) && error.status === 413;
  return (
    <section className="page narrow">
      <h1>{t("nominations.apply.title")}</h1>
      <p>{t(gone ? "nominations.apply.linkGone" : tooLarge ? "nominations.apply.photoError" : "error.generic")}</p>
      {tooLarge ? <p>{t("nominations.apply.goBack")}</p> : null}
    </section>
  );
}
