import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/runs";
import { loadOr, runForm } from "../../../web/actions";
import { Field, FormError, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { uuidParam } from "../../../web/params";
import { BUDGET_SECONDS, listRuns, startRun } from "../operations/runs";

// Organisers: the edition's scheduling runs and the "Schedule meetings" button (a plain POST form).
// A run is queued and picked up by the runner of an app process; its page shows the progress.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "b2b.runs.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const editionId = uuidParam(params.editionId);
  return loadOr(request, () => listRuns(context.ctx, { editionId }));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const editionId = uuidParam(params.editionId);
  const form = await request.formData();
  const text = (k: string) => String(form.get(k) ?? "").trim();
  const mode = text("mode") === "best" ? "best" : "fast";
  const result = await runForm(context.ctx.locale, form, () => startRun(context.ctx, { editionId, mode, budgetSeconds: mode === "best" ? text("budgetSeconds") : undefined }));
  if (!result.ok) return result.response;
  return redirect(`/back-office/editions/${editionId}/b2b/runs/${result.value.run.id}`);
}

/** "2026-01-10 08:00 UTC": unambiguous in both languages. */
export const utcTime = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

export default function B2bRunsPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  return (
    <section>
      <h1>{t("b2b.runs.title")}</h1>
      <p className="muted">{pick(locale, d.edition.nameEn, d.edition.nameUr)}</p>
      <p className="hint">{t("b2b.runs.hint")}</p>
      <FormError failure={failure} />
      <Form method="post" className="card">
        <fieldset>
          <legend>{t("b2b.runs.mode")}</legend>
          <label>
            <input type="radio" name="mode" value="fast" defaultChecked /> {t("b2b.runs.mode.fast")}
          </label>
          <label>
            <input type="radio" name="mode" value="best" /> {t("b2b.runs.mode.best")}
          </label>
        </fieldset>
        <Field name="budgetSeconds" label={t("b2b.runs.budget")} hint={t("b2b.runs.budgetHint", { min: BUDGET_SECONDS.min, max: BUDGET_SECONDS.max })} type="number" inputMode="numeric" defaultValue={String(BUDGET_SECONDS.default)} dir="ltr" failure={failure} />
        <button type="submit" className="primary">
          {t("b2b.runs.start")}
        </button>
      </Form>
      {d.runs.length === 0 ? (
        <p>{t("b2b.runs.none")}</p>
      ) : (
        <div className="table-scroll" role="region" aria-label={t("b2b.runs.title")} tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("b2b.runs.started")}</th>
                <th scope="col">{t("b2b.runs.status")}</th>
                <th scope="col">{t("b2b.runs.placed")}</th>
                <th scope="col">{t("b2b.runs.ratio")}</th>
              </tr>
            </thead>
            <tbody>
              {d.runs.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/back-office/editions/${d.edition.id}/b2b/runs/${r.id}`} aria-label={t("b2b.runs.open", { time: utcTime(r.createdAt) })} dir="ltr">
                      {utcTime(r.createdAt)}
                    </Link>
                  </td>
                  <td>{r.publishedAt ? t("b2b.runs.status.published") : t(`b2b.runs.status.${r.status}`)}</td>
                  <td>{r.summary ? `${r.summary.placed} / ${r.summary.requests}` : "–"}</td>
                  <td>{r.summary?.ratio != null ? `${r.summary.ratio} %` : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <Link to={`/back-office/editions/${d.edition.id}/b2b`}>{t("b2b.programme.title")}</Link>
      </p>
    </section>
  );
}
