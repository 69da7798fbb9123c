import type { ReactNode } from "react";
import { Form } from "react-router";
import { formatDay } from "../../../platform/i18n/format";
import type { FormFailure } from "../../../web/actions";
import { Field, FormError, Notice } from "../../../web/components/form";
import { pick, useLocale, useT } from "../../../web/i18n";
import { dayOptions } from "../pages/form-input";
import { DaysField, QuestionFields, type QuestionView } from "./person-fields";

export interface ManageData {
  registration: {
    id: string;
    number: number;
    name: string;
    nameUr: string | null;
    organisation: string | null;
    designation: string | null;
    phone: string | null;
    email: string;
    status: string;
    days: number[];
    answers: Record<string, unknown>;
    refusalReason: string | null;
  };
  edition: { nameEn: string; nameUr: string; startsOn: string };
  category: { nameEn: string; nameUr: string };
  questions: QuestionView[];
  dayCount: number;
}

/** Name and contact, as registered: the email is shown, not changed. */
function DetailsForm({ r, failure }: { r: ManageData["registration"]; failure?: FormFailure }) {
  const t = useT();
  return (
    <>
      <h2>{t("registration.manage.details")}</h2>
      <FormError failure={failure} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="details" />
        <p className="hint">
          {t("registration.manage.detailsHint")} <span dir="ltr">{r.email}</span>
        </p>
        <Field form="det" name="name" label={t("registration.form.name")} failure={failure} defaultValue={r.name} autoComplete="name" required />
        <Field form="det" name="nameUr" label={t("registration.form.nameUr")} hint={t("registration.form.nameUrHint")} failure={failure} defaultValue={r.nameUr} dir="rtl" />
        <Field form="det" name="phone" type="tel" label={t("registration.form.phone")} failure={failure} defaultValue={r.phone} autoComplete="tel" dir="ltr" />
        <Field form="det" name="organisation" label={t("registration.form.organisation")} failure={failure} defaultValue={r.organisation} autoComplete="organization" />
        <Field form="det" name="designation" label={t("registration.form.designation")} failure={failure} defaultValue={r.designation} autoComplete="organization-title" />
        <button type="submit" className="primary">
          {t("registration.manage.saveDetails")}
        </button>
      </Form>
    </>
  );
}

/** One registration as its owner sees it: status, then change details, days and answers, or cancel. */
export function ManageView({ data, failure, notice, children }: { data: ManageData; failure?: FormFailure; notice?: string | null; children?: ReactNode }) {
  const t = useT();
  const locale = useLocale();
  const r = data.registration;
  const days = dayOptions(data.edition.startsOn, data.dayCount, (iso) => formatDay(iso, locale, { weekday: "long", day: "numeric", month: "long" }));
  const open = r.status !== "cancelled" && r.status !== "refused";
  const editFailure = failure?.values.intent === "edit" ? failure : undefined;
  return (
    <section className="page narrow">
      <h1>{t("registration.manage.title")}</h1>
      {notice ? <Notice>{notice}</Notice> : null}
      <dl className="card">
        <dt>{t("registration.column.status")}</dt>
        <dd>
          <strong className="badge">{t(`registration.status.${r.status}`)}</strong>
        </dd>
        {r.refusalReason ? (
          <>
            <dt>{t("registration.manage.reason")}</dt>
            <dd>{r.refusalReason}</dd>
          </>
        ) : null}
        <dt>{t("registration.column.number")}</dt>
        {/* Aligned like the other values (right in Urdu); only the number itself runs left to right. */}
        <dd>
          <bdi dir="ltr">{r.number}</bdi>
        </dd>
        <dt>{t("registration.column.name")}</dt>
        <dd>{r.name}</dd>
        <dt>{t("registration.column.category")}</dt>
        <dd>{pick(locale, data.category.nameEn, data.category.nameUr)}</dd>
        <dt>{t("registration.manage.edition")}</dt>
        <dd>{pick(locale, data.edition.nameEn, data.edition.nameUr)}</dd>
        <dt>{t("registration.column.days")}</dt>
        <dd>{r.days.map((d) => days[d]?.label).join(locale === "ur" ? "، " : ", ")}</dd>
      </dl>
      {/* The badge, when the page has it (the manage link's page: approved and issued). */}
      {children}
      {open ? (
        <>
          <DetailsForm r={r} failure={failure?.values.intent === "details" ? failure : undefined} />
          <h2>{t("registration.manage.change")}</h2>
          <FormError failure={editFailure} />
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="edit" />
            <DaysField days={days} chosen={r.days} failure={editFailure} />
            <QuestionFields questions={data.questions} answers={r.answers} failure={editFailure} />
            <button type="submit" className="primary">
              {t("registration.manage.save")}
            </button>
          </Form>
          <h2>{t("registration.manage.cancelTitle")}</h2>
          <FormError failure={failure?.values.intent === "cancel" ? failure : undefined} />
          <Form method="post">
            <input type="hidden" name="intent" value="cancel" />
            <p>{t("registration.manage.cancelText")}</p>
            <button type="submit" className="danger">
              {t("registration.manage.cancel")}
            </button>
          </Form>
        </>
      ) : null}
    </section>
  );
}
