import { Form, Link } from "react-router";
import type { Route } from "./+types/bo-settings";
import { formatDay } from "../../../platform/i18n/format";
import { loadOr, runForm } from "../../../web/actions";
import { Field, FormError, Notice, SelectField, failureOf, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { Check } from "../components/person-fields";
import { createQuestion, deleteQuestion } from "../operations/questions";
import { getRegistrationSettings, setCapacity } from "../operations/settings";
import { questionKinds } from "../tables";
import { dayOptions } from "./form-input";
import { uuidParam } from "../../../web/params";
import { oneOf, text } from "../../../web/form-fields";

// Organiser settings for registration: capacity per category, day, or category on a day; and
// the questions asked on the form, in both languages.


export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "registration.settings.title", "bo.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  uuidParam(params.editionId);
  return loadOr(request, () => getRegistrationSettings(context.ctx, { editionId: params.editionId }));
}

/** "value | English | اردو" per line → options. */
function parseOptions(text: string) {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [value = "", en = "", ur = ""] = l.split("|").map((p) => p.trim());
      return { value, en, ur };
    });
}

const orNull = (v: FormDataEntryValue | null) => (typeof v === "string" && v !== "" ? v : null);
const intOrNull = (v: FormDataEntryValue | null) => (typeof v === "string" && v.trim() !== "" ? Number(v) : null);

export async function action({ request, context, params }: Route.ActionArgs) {
  uuidParam(params.editionId);
  const form = await request.formData();
  const intent = form.get("intent");
  const editionId = params.editionId;
  const ctx = context.ctx;
  if (intent === "capacity" || intent === "capacity-remove") {
    const result = await runForm(ctx.locale, form, () =>
      setCapacity(ctx, {
        editionId,
        categoryId: orNull(form.get("categoryId")),
        day: intOrNull(form.get("day")),
        capacity: intent === "capacity-remove" ? null : intOrNull(form.get("capacity")) ?? -1,
      }),
    );
    return result.ok ? { ok: true as const, notice: "registration.settings.capacitySaved" } : result.response;
  }
  if (intent === "question-delete") {
    const result = await runForm(ctx.locale, form, () => deleteQuestion(ctx, { editionId, questionId: text(form, "questionId") }));
    return result.ok ? { ok: true as const, notice: "registration.settings.questionDeleted" } : result.response;
  }
  const result = await runForm(ctx.locale, form, () =>
    createQuestion(ctx, {
      editionId,
      categoryId: orNull(form.get("categoryId")),
      kind: oneOf(form, "kind", questionKinds),
      labelEn: text(form, "labelEn"),
      labelUr: text(form, "labelUr"),
      options: parseOptions(String(form.get("options") ?? "")),
      required: form.get("required") === "yes",
      sort: intOrNull(form.get("sort")) ?? 0,
    }),
  );
  return result.ok ? { ok: true as const, notice: "registration.settings.questionAdded" } : result.response;
}

export default function RegistrationSettingsPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const { edition, categories, capacity, questions, dayCount } = loaderData;
  const days = dayOptions(edition.startsOn, dayCount, (iso) => formatDay(iso, locale, { weekday: "short", day: "numeric", month: "short" }));
  const catByCode = new Map(categories.map((c) => [c.code, pick(locale, c.nameEn, c.nameUr)]));
  const catById = new Map(categories.map((c) => [c.id, pick(locale, c.nameEn, c.nameUr)]));
  const idByCode = new Map(categories.map((c) => [c.code, c.id]));
  const describe = (bucket: string) => {
    const m = /^(?:cat:([^@]+))?(?:@(\d+))?$|^day:(\d+)$/.exec(bucket);
    const code = m?.[1];
    const day = m?.[2] ?? m?.[3];
    return {
      label: [code ? (catByCode.get(code) ?? code) : t("registration.settings.allCategories"), day !== undefined ? days[Number(day)]?.label : t("registration.settings.allDays")].join(" · "),
      categoryId: code ? (idByCode.get(code) ?? "") : "",
      day: day ?? "",
    };
  };
  const capFailure = failureOf(failure, "capacity");
  const qFailure = failureOf(failure, "question");
  const catOptions = [{ value: "", label: t("registration.settings.allCategories") }, ...categories.map((c) => ({ value: c.id, label: pick(locale, c.nameEn, c.nameUr) }))];
  const notice = actionData && "notice" in actionData ? actionData.notice : null;
  return (
    <section>
      <h1>{t("registration.settings.title")}</h1>
      <p>
        {pick(locale, edition.nameEn, edition.nameUr)} · <Link to={`/back-office/editions/${edition.id}/registrations`}>{t("registration.bo.title")}</Link>
      </p>
      {notice ? <Notice>{t(notice)}</Notice> : null}

      <h2>{t("registration.settings.capacity")}</h2>
      <p className="hint">{t("registration.settings.capacityHint")}</p>
      <div className="table-scroll" role="region" tabIndex={0} aria-label={t("registration.settings.capacity")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("registration.settings.bucket")}</th>
              <th scope="col">{t("registration.settings.limit")}</th>
              <th scope="col">{t("registration.settings.used")}</th>
              <th scope="col">
                {t("registration.settings.actions")}
              </th>
            </tr>
          </thead>
          <tbody>
            {capacity.map((c) => {
              const d = describe(c.bucket);
              return (
                <tr key={c.bucket}>
                  <td>{d.label}</td>
                  <td>{c.capacity}</td>
                  <td>{c.used}</td>
                  <td>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="capacity-remove" />
                      <input type="hidden" name="categoryId" value={d.categoryId} />
                      <input type="hidden" name="day" value={d.day} />
                      <button type="submit" className="danger">
                        {t("registration.settings.remove")}
                      </button>
                    </Form>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <FormError failure={capFailure} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="capacity" />
        <SelectField form="cap" name="categoryId" label={t("registration.column.category")} options={catOptions} failure={capFailure} />
        <SelectField
          form="cap"
          name="day"
          label={t("registration.settings.day")}
          options={[{ value: "", label: t("registration.settings.allDays") }, ...days.map((d) => ({ value: String(d.index), label: d.label }))]}
          failure={capFailure}
        />
        <Field form="cap" name="capacity" type="number" inputMode="numeric" label={t("registration.settings.limit")} failure={capFailure} required />
        <button type="submit" className="primary">
          {t("registration.settings.setLimit")}
        </button>
      </Form>

      <h2>{t("registration.settings.questions")}</h2>
      <ul className="cards">
        {questions.map((q) => (
          <li key={q.id} className="card">
            <p>
              <strong>{q.labelEn}</strong> · <span lang="ur" dir="rtl">{q.labelUr}</span>
            </p>
            <p className="hint">
              {t(`registration.settings.kind.${q.kind}`)} · {q.categoryId ? catById.get(q.categoryId) : t("registration.settings.allCategories")}
              {q.required ? ` · ${t("registration.settings.required")}` : ""}
            </p>
            {q.options.length ? <p className="hint">{q.options.map((o) => pick(locale, o.en, o.ur)).join(", ")}</p> : null}
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="question-delete" />
              <input type="hidden" name="questionId" value={q.id} />
              <button type="submit" className="danger">
                {t("registration.settings.remove")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <h3>{t("registration.settings.addQuestion")}</h3>
      <FormError failure={qFailure} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="question" />
        <SelectField form="q" name="categoryId" label={t("registration.column.category")} options={catOptions} failure={qFailure} />
        <SelectField
          form="q"
          name="kind"
          label={t("registration.settings.kind")}
          options={questionKinds.map((k) => ({ value: k, label: t(`registration.settings.kind.${k}`) }))}
          failure={qFailure}
        />
        <Field form="q" name="labelEn" label={t("registration.settings.labelEn")} failure={qFailure} required dir="ltr" />
        <Field form="q" name="labelUr" label={t("registration.settings.labelUr")} failure={qFailure} required dir="rtl" />
        <Field form="q" name="options" label={t("registration.settings.options")} hint={t("registration.settings.optionsHint")} failure={qFailure}>
          <textarea id="q-options" name="options" rows={4} defaultValue={qFailure?.values.options ?? ""} aria-describedby="q-options-hint" dir="auto" />
        </Field>
        <Field form="q" name="sort" type="number" inputMode="numeric" label={t("registration.settings.sort")} failure={qFailure} defaultValue="0" />
        <Check name="required" value="yes" label={t("registration.settings.required")} checked={qFailure?.values.required === "yes"} />
        <button type="submit" className="primary">
          {t("registration.settings.addQuestion")}
        </button>
      </Form>
    </section>
  );
}
