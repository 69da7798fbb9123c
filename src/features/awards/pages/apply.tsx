import { Form } from "react-router";
import type { Route } from "./+types/apply";
import { loadOr, runForm } from "../../../web/actions";
import { Field, FormError, Notice, failureOf, useFailure } from "../../../web/components/form";
import { formatNumber } from "../../../platform/i18n/format";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { limitedForm } from "#features/nominations/client";
import { applyForAward } from "../operations/entries";
import { addEvidence, myAwardApplications, removeEvidence } from "../operations/evidence";
import { AWARD_EVIDENCE_MAX_BYTES } from "../tables";

// The exhibitor's awards page (issue #13, awards item 2): the application categories of its
// editions, whether it may apply (and why not), its statement, and its evidence files. Plain forms
// (the upload is a multipart form), no JavaScript; the enterprise is always the account's own.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "awards.apply.title");
}

export async function loader({ context, request }: Route.LoaderArgs) {
  return loadOr(request, () => myAwardApplications(context.ctx));
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await limitedForm(request, AWARD_EVIDENCE_MAX_BYTES + 64 * 1024);
  const intent = String(form.get("intent") ?? "");
  const text = (k: string) => (typeof form.get(k) === "string" ? String(form.get(k)) : undefined);
  const result = await runForm(context.ctx.locale, form, async () => {
    if (intent === "apply") {
      const mine = await myAwardApplications(context.ctx);
      return applyForAward(context.ctx, { categoryId: text("categoryId") ?? "", enterpriseId: mine.enterpriseId, statement: text("statement") ?? "" });
    }
    if (intent === "evidence") {
      const file = form.get("file");
      const bytes = file && typeof file !== "string" ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
      const fileName = file && typeof file !== "string" ? file.name : "";
      return addEvidence(context.ctx, { entryId: text("entryId") ?? "", fileName: fileName || "evidence", bytes });
    }
    if (intent === "evidence-remove") return removeEvidence(context.ctx, { evidenceId: text("evidenceId") ?? "" });
    return null;
  });
  if (!result.ok) return result.response;
  return { ok: true as const, intent };
}

export default function AwardsApply({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const mb = String(AWARD_EVIDENCE_MAX_BYTES / 1024 / 1024);
  return (
    <section className="page narrow">
      <h1>{t("awards.apply.title")}</h1>
      <p>{t("awards.apply.intro")}</p>
      {actionData && "intent" in actionData ? <Notice>{t("awards.apply.saved")}</Notice> : null}
      <FormError failure={failure} />
      {d.categories.length === 0 ? <p>{t("awards.apply.none")}</p> : null}
      {d.categories.map((c) => {
        const key = c.category.id;
        const mine = failure?.values.categoryId === key || failure?.values.entryId === c.entry?.id ? failure : undefined;
        return (
          <article key={key} className="card" aria-labelledby={`c-${key}`}>
            <h2 id={`c-${key}`}>{pick(locale, c.category.nameEn, c.category.nameUr)}</h2>
            <p className="muted">
              {pick(locale, c.edition.nameEn, c.edition.nameUr)} · {t(c.open ? "awards.apply.open" : "awards.apply.closed")}
              {c.entry ? ` · ${t("awards.apply.entered")}` : ""}
            </p>
            {pick(locale, c.category.descriptionEn, c.category.descriptionUr) ? <p dir="auto">{pick(locale, c.category.descriptionEn, c.category.descriptionUr)}</p> : null}
            {c.ineligible.length > 0 ? (
              <p>{t("awards.apply.ineligible", { reasons: c.ineligible.map((r) => t(`awards.apply.reason.${r}`)).join(locale === "ur" ? "، " : ", ") })}</p>
            ) : c.open ? (
              <Form method="post">
                <input type="hidden" name="intent" value="apply" />
                <input type="hidden" name="categoryId" value={key} />
                <Field name="statement" label={t("awards.apply.statement")} failure={failureOf(mine, "apply")} form={`s-${key}`}>
                  <textarea id={`s-${key}-statement`} name="statement" rows={5} dir="auto" required minLength={20} maxLength={2000} aria-invalid={failureOf(mine, "apply")?.fields.statement ? true : undefined} aria-describedby={failureOf(mine, "apply")?.fields.statement ? `s-${key}-statement-error` : undefined} defaultValue={failureOf(mine, "apply")?.values.statement ?? c.entry?.statement ?? ""} />
                </Field>
                <button type="submit">{t(c.entry ? "awards.apply.update" : "awards.apply.submit")}</button>
              </Form>
            ) : c.entry?.statement ? (
              <blockquote dir="auto">{c.entry.statement}</blockquote>
            ) : null}
            {c.entry ? (
              <>
                <h3>{t("awards.apply.evidence")}</h3>
                {c.entry.evidence.length === 0 ? <p className="muted">{t("awards.apply.evidenceNone")}</p> : null}
                <ul>
                  {c.entry.evidence.map((f) => (
                    <li key={f.id}>
                      <a href={`/awards/evidence/${f.id}`} dir="auto">
                        {f.fileName}
                      </a>{" "}
                      <span className="muted">({t("awards.apply.size", { kb: formatNumber(Math.ceil(f.size / 1024), locale) })})</span>
                      {c.open ? (
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="evidence-remove" />
                          <input type="hidden" name="evidenceId" value={f.id} />
                          <button type="submit" className="secondary">
                            {t("awards.apply.remove", { name: f.fileName })}
                          </button>
                        </Form>
                      ) : null}
                    </li>
                  ))}
                </ul>
                {c.open && c.entry.evidence.length < d.maxFiles ? (
                  <Form method="post" encType="multipart/form-data">
                    <input type="hidden" name="intent" value="evidence" />
                    <input type="hidden" name="entryId" value={c.entry.id} />
                    <Field name="file" type="file" label={t("awards.apply.file", { mb, max: String(d.maxFiles) })} failure={failureOf(mine, "evidence")} form={`e-${key}`} />
                    <button type="submit">{t("awards.apply.upload")}</button>
                  </Form>
                ) : null}
              </>
            ) : null}
          </article>
        );
      })}
    </section>
  );
}
