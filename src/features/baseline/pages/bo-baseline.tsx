import { Form } from "react-router";
import type { Route } from "./+types/bo-baseline";
import { loadOr, runForm } from "../../../web/actions";
import { Field, FormError, Notice, SelectField, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { uuidParam } from "../../../web/params";
import { breakdowns } from "../engine/breakdowns";
import { questionKinds } from "../engine/questions";
import { retireQuestion, saveQuestion, setSurveyStatus, startSurvey, surveyForOrganiser } from "../operations/builder";
import { baselineDashboard, remindBaseline } from "../operations/dashboard";
import { surveyStatuses } from "../tables";
import { setFollowUp } from "../operations/follow-up";
import { inviteApplicants, setAskApplicants } from "../operations/applicants";
import { BaselineFigures } from "./bo-baseline-figures";
import { FollowUpPanel } from "./bo-baseline-follow-up";
import "./baseline.css";
import { oneOf, optionalOneOf, text } from "../../../web/form-fields";

// The organiser's baseline (issue #15, items 1 and 4): start the survey from the template, open or
// close it, the response progress and reminders, the figures by cluster, sector, province,
// district, size, women-led or micro as charts with their tables, the comparison with another edition (small cells
// suppressed; CSV and XLSX of each table), and the builder: every current question
// with its version and answer count, a form that adds or changes a question (a new version once
// answered) and removes one; the 6-month follow-up round (bo-baseline-follow-up.tsx). Plain forms.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "baseline.bo.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  uuidParam(params.editionId);
  const q = new URL(request.url).searchParams;
  const opt = (k: string) => q.get(k) || undefined;
  const builder = await loadOr(request, () => surveyForOrganiser(context.ctx, params.editionId));
  const dashboard = builder.survey ? await loadOr(request, () => baselineDashboard(context.ctx, { editionId: params.editionId, by: optionalOneOf(q, "by", breakdowns), compare: opt("compare"), indicator: opt("indicator") })) : null;
  return {
    edition: { id: builder.edition.id, nameEn: builder.edition.nameEn, nameUr: builder.edition.nameUr },
    survey: builder.survey ? { status: builder.survey.status, askApplicants: builder.survey.askApplicants } : null,
    sections: builder.sections.map((s) => ({ key: s.key, titleEn: s.titleEn, titleUr: s.titleUr, questions: s.questions.map((q) => ({ code: q.code, version: q.version, kind: q.kind, labelEn: q.labelEn, labelUr: q.labelUr, required: q.required, answers: q.answers, showIfCode: q.showIfCode })) })),
    dashboard,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  uuidParam(params.editionId);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const s = (k: string) => (typeof form.get(k) === "string" ? String(form.get(k)) : undefined);
  const editionId = params.editionId;
  const result = await runForm(context.ctx.locale, form, async () => {
    if (intent === "start") return { intent, n: (await startSurvey(context.ctx, { editionId })).questions };
    if (intent === "status") return { intent, n: 0, ...(await setSurveyStatus(context.ctx, { editionId, status: oneOf(form, "status", surveyStatuses) })) };
    if (intent === "remind") return { intent, n: (await remindBaseline(context.ctx, { editionId })).reminded };
    if (intent === "askApplicants") return { intent, n: 0, ...(await setAskApplicants(context.ctx, { editionId, ask: form.get("askApplicants") === "on" })) };
    if (intent === "inviteApplicants") return { intent, n: (await inviteApplicants(context.ctx, { editionId })).sent };
    if (intent === "remindFollowUp") return { intent: "remind", n: (await remindBaseline(context.ctx, { editionId, round: "follow_up" })).reminded };
    if (intent === "followUp") return { intent, n: (await setFollowUp(context.ctx, { editionId, status: oneOf(form, "status", ["open", "closed"]) })).invited };
    if (intent === "retire") return { intent, n: 0, ...(await retireQuestion(context.ctx, { editionId, code: text(form, "code") })) };
    const question = { section: text(form, "section"), code: text(form, "code"), kind: oneOf(form, "kind", questionKinds), labelEn: text(form, "labelEn"), labelUr: text(form, "labelUr"), required: optionalOneOf(form, "required", ["on"]) };
    return { intent: "question", n: 0, ...(await saveQuestion(context.ctx, { editionId, ...question, options: s("options"), unit: s("unit"), min: s("min"), max: s("max"), showIfCode: s("showIfCode"), showIfEquals: s("showIfEquals") })) };
  });
  if (!result.ok) return result.response;
  return { ok: true as const, intent: result.value.intent, n: result.value.n };
}

export default function BoBaseline({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const done = actionData && "intent" in actionData ? actionData : null;
  const dash = d.dashboard;
  return (
    <section className="page">
      <p className="eyebrow">{pick(locale, d.edition.nameEn, d.edition.nameUr)}</p>
      <h1>{t("baseline.bo.title")}</h1>
      {done ? <Notice>{done.intent === "remind" ? t("baseline.bo.reminded", { n: done.n }) : done.intent === "inviteApplicants" ? t("baseline.bo.applicantsInvited", { n: done.n }) : done.intent === "followUp" ? t("baseline.bo.followUp.opened", { n: done.n }) : t("baseline.bo.saved")}</Notice> : null}
      <FormError failure={failure} />
      {!d.survey ? (
        <Form method="post">
          <p>{t("baseline.bo.none")}</p>
          <input type="hidden" name="intent" value="start" />
          <button type="submit" className="primary">
            {t("baseline.bo.start")}
          </button>
        </Form>
      ) : (
        <>
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="status" />
            <SelectField name="status" label={t("baseline.bo.status")} defaultValue={d.survey.status} options={surveyStatuses.map((s) => ({ value: s, label: t(`baseline.bo.status.${s}`) }))} />
            <button type="submit">{t("baseline.bo.setStatus")}</button>
          </Form>
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="askApplicants" />
            <label>
              <input type="checkbox" name="askApplicants" defaultChecked={d.survey.askApplicants} /> {t("baseline.bo.askApplicants")}
            </label>
            <button type="submit">{t("baseline.bo.askApplicantsSave")}</button>
          </Form>
          {dash ? (
            <>
              <h2>{t("baseline.bo.progress")}</h2>
              <p data-testid="baseline-progress">{t("baseline.bo.progressLine", dash.progress)}</p>
              {dash.applicants ? <p data-testid="baseline-applicants">{t("baseline.bo.applicantsLine", dash.applicants)}</p> : null}
              {d.survey.status === "open" ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="remind" />
                  <button type="submit">{t("baseline.bo.remind")}</button>
                </Form>
              ) : null}
              {d.survey.status === "open" && d.survey.askApplicants ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="inviteApplicants" />
                  <button type="submit">{t("baseline.bo.inviteApplicants")}</button>
                </Form>
              ) : null}
              <BaselineFigures dash={dash} editionId={d.edition.id} />
              <FollowUpPanel f={dash.followUp} surveyOpenOrClosed={d.survey.status !== "draft"} editionId={d.edition.id} />
            </>
          ) : null}
          <h2>{t("baseline.bo.questions")}</h2>
          {d.sections.map((s) => (
            <div key={s.key}>
              <h3>{pick(locale, s.titleEn, s.titleUr)}</h3>
              <ul>
                {s.questions.map((q) => (
                  <li key={q.code} data-code={q.code}>
                    <code dir="ltr">{q.code}</code> v{q.version} · {q.kind} · {pick(locale, q.labelEn, q.labelUr)}
                    {q.showIfCode ? ` ← ${q.showIfCode}` : ""} · {t("baseline.bo.answers")}: {q.answers}{" "}
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="retire" />
                      <input type="hidden" name="code" value={q.code} />
                      <button type="submit" aria-label={`${t("baseline.bo.retire")} ${q.code}`}>
                        {t("baseline.bo.retire")}
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <h2>{t("baseline.bo.edit")}</h2>
          <p className="muted">{t("baseline.bo.editHint")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="question" />
            <SelectField name="section" label={t("baseline.bo.section")} failure={failure} options={d.sections.map((s) => ({ value: s.key, label: pick(locale, s.titleEn, s.titleUr) }))} />
            <Field name="code" label={t("baseline.bo.code")} failure={failure} dir="ltr" required />
            <SelectField name="kind" label={t("baseline.bo.kind")} failure={failure} options={questionKinds.map((k) => ({ value: k, label: k }))} />
            <Field name="labelEn" label={t("baseline.bo.labelEn")} failure={failure} required />
            <Field name="labelUr" label={t("baseline.bo.labelUr")} failure={failure} dir="rtl" required />
            <Field name="options" label={t("baseline.bo.options")} failure={failure}>
              <textarea id="f-options" name="options" rows={4} defaultValue={failure?.values.options ?? ""} />
            </Field>
            <Field name="unit" label={t("baseline.bo.unit")} failure={failure} />
            <Field name="min" label={t("baseline.bo.min")} failure={failure} inputMode="numeric" />
            <Field name="max" label={t("baseline.bo.max")} failure={failure} inputMode="numeric" />
            <Field name="showIfCode" label={t("baseline.bo.showIfCode")} failure={failure} dir="ltr" />
            <Field name="showIfEquals" label={t("baseline.bo.showIfEquals")} failure={failure} dir="ltr" />
            <label>
              <input type="checkbox" name="required" /> {t("baseline.bo.required")}
            </label>
            <button type="submit" className="primary">
              {t("baseline.bo.save")}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}
