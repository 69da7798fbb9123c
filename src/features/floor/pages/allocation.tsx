import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/allocation";
import { loadOr, runForm } from "../../../web/actions";
import { FormError, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { uuidParam } from "../../../web/params";
import { listAllocationRuns, startAllocation } from "../operations/allocation";

// Organisers: the edition's stall allocation runs and the "Run the allocation" button (a plain POST
// form). A run is made at once (the engine takes well under a second) and opens as a draft.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "floor.alloc.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const editionId = uuidParam(params.editionId);
  return loadOr(request, () => listAllocationRuns(context.ctx, { editionId }));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const editionId = uuidParam(params.editionId);
  const form = await request.formData();
  const result = await runForm(context.ctx.locale, form, () => startAllocation(context.ctx, { editionId }));
  if (!result.ok) return result.response;
  return redirect(`/back-office/editions/${editionId}/floor/allocation/${result.value.run.id}`);
}

/** "2026-01-10 08:00 UTC": unambiguous in both languages. */
export const utcTime = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

export default function AllocationRunsPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  return (
    <section>
      <h1>{t("floor.alloc.title")}</h1>
      <p className="muted">{pick(locale, d.edition.nameEn, d.edition.nameUr)}</p>
      <p className="hint">{t("floor.alloc.hint")}</p>
      <FormError failure={failure} />
      <Form method="post" className="card">
        <button type="submit" className="primary">
          {t("floor.alloc.start")}
        </button>
      </Form>
      <h2>{t("floor.alloc.runs")}</h2>
      {d.runs.length === 0 ? (
        <p>{t("floor.alloc.none")}</p>
      ) : (
        <div className="table-scroll" role="region" aria-label={t("floor.alloc.runs")} tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("floor.alloc.started")}</th>
                <th scope="col">{t("floor.alloc.status")}</th>
                <th scope="col">{t("floor.alloc.placed")}</th>
              </tr>
            </thead>
            <tbody>
              {d.runs.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/back-office/editions/${d.edition.id}/floor/allocation/${r.id}`} aria-label={t("floor.alloc.open", { time: utcTime(r.createdAt) })} dir="ltr">
                      {utcTime(r.createdAt)}
                    </Link>
                  </td>
                  <td>{t(`floor.alloc.status.${r.status}`)}</td>
                  <td>
                    {r.summary.placed} / {r.summary.exhibitors}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <Link to={`/editions/${d.edition.slug}/floor/rule`}>{t("floor.alloc.rule")}</Link>
      </p>
    </section>
  );
}
