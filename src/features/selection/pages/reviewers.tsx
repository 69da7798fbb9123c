import { Form, Link } from "react-router";
import type { Route } from "./+types/reviewers";
import { text } from "../../../web/form-fields";
import { DomainError } from "../../../platform/errors";
import { loadOr, runForm } from "../../../web/actions";
import { FormError, Notice, SelectField, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { addReviewerAffiliation, listReviewerAffiliations, removeReviewerAffiliation } from "../operations/affiliations";
import { uuidParam } from "../../../web/params";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "nominations.aff.title", "bo.title");
}


export async function loader({ context, request, params }: Route.LoaderArgs) {
  uuidParam(params.editionId);
  return loadOr(request, () => listReviewerAffiliations(context.ctx, { editionId: params.editionId }));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  uuidParam(params.editionId);
  const form = await request.formData();
  const ctx = context.ctx;
  const input = { editionId: params.editionId, reviewerId: text(form, "reviewerId"), tradeBodyId: text(form, "tradeBodyId") };
  const intent = form.get("intent");
  const op: () => Promise<unknown> =
    intent === "add"
      ? () => addReviewerAffiliation(ctx, input)
      : intent === "remove"
        ? () => removeReviewerAffiliation(ctx, input)
        : () => Promise.reject(new DomainError("bad_request"));
  const result = await runForm(ctx.locale, form, op);
  if (!result.ok) return result.response;
  return { ok: true as const };
}

export default function ReviewersPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const { edition, reviewers, tradeBodies } = loaderData;
  const bodyName = new Map(tradeBodies.map((b) => [b.id, pick(locale, b.nameEn, b.nameUr)]));
  return (
    <section>
      <p>
        <Link to={`/back-office/editions/${edition.id}/selection`}>{t("nominations.sel.title")}</Link>
      </p>
      <h1>{t("nominations.aff.title")}</h1>
      <p>{t("nominations.aff.intro")}</p>
      {actionData && "ok" in actionData ? <Notice>{t("nominations.aff.saved")}</Notice> : null}
      <FormError failure={failure} />
      {reviewers.length === 0 ? <p>{t("nominations.aff.none")}</p> : null}
      {reviewers.map((r) => {
        const others = tradeBodies.filter((b) => !r.tradeBodyIds.includes(b.id));
        return (
          <div key={r.id} className="card">
            <h2 dir="auto">{r.name || r.email}</h2>
            <p dir="ltr">{r.email}</p>
            {r.tradeBodyIds.length === 0 ? <p>{t("nominations.aff.noBodies")}</p> : null}
            <ul>
              {r.tradeBodyIds.map((id) => (
                <li key={id}>
                  <Form method="post" className="inline-form">
                    <span dir="auto">{bodyName.get(id)}</span>{" "}
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="reviewerId" value={r.id} />
                    <input type="hidden" name="tradeBodyId" value={id} />
                    <button type="submit" className="danger" aria-label={t("nominations.aff.removeNamed", { body: bodyName.get(id) ?? "" })}>
                      {t("nominations.aff.remove")}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
            {others.length ? (
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="add" />
                <input type="hidden" name="reviewerId" value={r.id} />
                <SelectField name="tradeBodyId" form={`r-${r.id}`} label={t("nominations.aff.body")} options={others.map((b) => ({ value: b.id, label: pick(locale, b.nameEn, b.nameUr) }))} />
                <button type="submit">{t("nominations.aff.add")}</button>
              </Form>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}
