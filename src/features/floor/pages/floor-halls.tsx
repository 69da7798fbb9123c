import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/floor-halls";
import { loadOr, runForm } from "../../../web/actions";
import { Field, FormError, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { uuidParam } from "../../../web/params";
import { createFloorHall, listFloorHalls } from "../operations/plan-edit";

// Organisers: the halls of an edition's floor, and a new hall (issue #12, item 2). Each hall opens
// in the plan editor (floor-editor.tsx). A plain form: works without JavaScript.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "floor.editor.halls.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const editionId = uuidParam(params.editionId);
  return loadOr(request, () => listFloorHalls(context.ctx, { editionId }));
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const editionId = uuidParam(params.editionId);
  const form = await request.formData();
  const text = (k: string) => String(form.get(k) ?? "");
  const result = await runForm(context.ctx.locale, form, () =>
    createFloorHall(context.ctx, { editionId, code: text("code"), nameEn: text("nameEn"), nameUr: text("nameUr"), widthM: text("widthM"), depthM: text("depthM") }),
  );
  if (!result.ok) return result.response;
  return redirect(`/back-office/editions/${editionId}/floor/${result.value.id}?done=hall`);
}

export default function FloorHalls({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  return (
    <section>
      <h1>{t("floor.editor.halls.title")}</h1>
      <p className="muted">{pick(locale, d.edition.nameEn, d.edition.nameUr)}</p>
      <p className="hint">{t("floor.editor.halls.hint")}</p>
      {d.halls.length ? (
        <ul className="floor-halls" data-testid="floor-halls">
          {d.halls.map((h) => (
            <li key={h.id}>
              <Link to={`/back-office/editions/${d.edition.id}/floor/${h.id}`}>{pick(locale, h.nameEn, h.nameUr)}</Link>{" "}
              <span className="muted" dir="ltr">
                ({h.code})
              </span>{" "}
              — {t("floor.editor.halls.size", { w: h.widthM, d: h.depthM, stalls: h.stallCount })}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("floor.editor.halls.none")}</p>
      )}
      <p>
        <a href={`/editions/${d.edition.slug}/floor`}>{t("floor.editor.publicMap")}</a>
      </p>
      <h2 id="add-hall">{t("floor.editor.halls.add")}</h2>
      <FormError failure={failure} />
      <Form method="post" className="card" aria-labelledby="add-hall" data-testid="add-hall">
        <Field form="hall" name="code" label={t("floor.editor.field.hallCode")} hint={t("floor.editor.field.hallCodeHint")} failure={failure} dir="ltr" required />
        <Field form="hall" name="nameEn" label={t("field.nameEn")} failure={failure} dir="ltr" required />
        <Field form="hall" name="nameUr" label={t("field.nameUr")} failure={failure} dir="rtl" required />
        <Field form="hall" name="widthM" label={t("floor.editor.field.widthM")} failure={failure} dir="ltr" required />
        <Field form="hall" name="depthM" label={t("floor.editor.field.depthM")} failure={failure} dir="ltr" required />
        <button type="submit" className="primary">
          {t("floor.editor.halls.addButton")}
        </button>
      </Form>
    </section>
  );
}
