import type { ReactNode } from "react";
import type { FormFailure } from "../../../web/actions";
import { Field } from "../../../web/components/form";
import { pick, useLocale, useT } from "../../../web/i18n";

// The registration form's pieces, shared by the public page, the manage page and the desk.
// Plain inputs posted without JavaScript; answers travel as `q.<questionId>`.

export interface QuestionView {
  id: string;
  kind: "text" | "select" | "multi" | "yesno";
  labelEn: string;
  labelUr: string;
  required: boolean;
  options: { value: string; en: string; ur: string }[];
}

// app.css sizes inputs for text; a checkbox row needs its own, still 44 px tall to tap.
export const checkRow = { display: "flex", alignItems: "flex-start", gap: "0.5rem", minHeight: "44px", fontWeight: 400 } as const;
export const checkBox = { width: "1.25rem", minHeight: "1.25rem", margin: "0.2rem 0 0", flex: "none" } as const;

/** A fieldset of checkboxes or radios with its legend and error. */
export function ChoiceGroup(props: { id: string; legend: string; error?: string; children: ReactNode; required?: boolean }) {
  return (
    <fieldset
      className={props.error ? "field field-invalid" : "field"}
      aria-describedby={props.error ? `${props.id}-error` : undefined}
    >
      <legend>{props.legend}</legend>
      {props.children}
      {props.error ? (
        <p className="error" id={`${props.id}-error`}>
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function Check(props: { name: string; value: string; label: ReactNode; checked?: boolean; type?: "checkbox" | "radio" }) {
  return (
    <label style={checkRow}>
      <input type={props.type ?? "checkbox"} name={props.name} value={props.value} defaultChecked={props.checked} style={checkBox} />{" "}
      <span>{props.label}</span>
    </label>
  );
}

const fieldError = (failure: FormFailure | undefined, path: string) => failure?.fields[path];

/** The days of the edition as checkboxes. `chosen` are the days ticked when the page opens. */
export function DaysField({ days, chosen, failure }: { days: { index: number; label: string }[]; chosen: number[]; failure?: FormFailure }) {
  const t = useT();
  const submitted = failure ? Object.keys(failure.values).filter((k) => k.startsWith("day.")).map((k) => Number(k.slice(4))) : null;
  return (
    <ChoiceGroup id="reg-days" legend={t("registration.form.days")} error={fieldError(failure, "days")} required>
      {days.map((d) => (
        <Check key={d.index} name={`day.${d.index}`} value="1" label={d.label} checked={(submitted ?? chosen).includes(d.index)} />
      ))}
    </ChoiceGroup>
  );
}

export function QuestionFields({ questions, answers, failure }: { questions: QuestionView[]; answers: Record<string, unknown>; failure?: FormFailure }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      {questions.map((q) => {
        const name = `q.${q.id}`;
        const label = `${pick(locale, q.labelEn, q.labelUr)}${q.required ? "" : ` (${t("registration.form.optional")})`}`;
        const error = fieldError(failure, `answers.${q.id}`);
        const given = failure ? failure.values[name] : answers[q.id];
        if (q.kind === "text") {
          return (
            <Field key={q.id} form="reg" name={name} label={label} failure={failure ? { ...failure, fields: { ...failure.fields, [name]: error ?? "" } } : undefined} defaultValue={typeof given === "string" ? given : ""} required={q.required} />
          );
        }
        if (q.kind === "yesno") {
          const v = given === true || given === "yes" ? "yes" : given === false || given === "no" ? "no" : "";
          return (
            <ChoiceGroup key={q.id} id={`reg-${q.id}`} legend={label} error={error} required={q.required}>
              <Check type="radio" name={name} value="yes" label={t("registration.form.yes")} checked={v === "yes"} />
              <Check type="radio" name={name} value="no" label={t("registration.form.no")} checked={v === "no"} />
            </ChoiceGroup>
          );
        }
        const chosen = Array.isArray(given) ? given : typeof given === "string" ? [given] : [];
        return (
          <ChoiceGroup key={q.id} id={`reg-${q.id}`} legend={label} error={error} required={q.required}>
            {q.options.map((o) => (
              <Check key={o.value} type={q.kind === "select" ? "radio" : "checkbox"} name={name} value={o.value} label={pick(locale, o.en, o.ur)} checked={chosen.includes(o.value)} />
            ))}
          </ChoiceGroup>
        );
      })}
    </>
  );
}

/** Name and contact; `defaults` fill them when the page opens (a signed-in person's own). */
export function PersonFields({ failure, defaults }: { failure?: FormFailure; defaults?: { name?: string; email?: string } }) {
  const t = useT();
  return (
    <>
      <Field form="reg" name="name" label={t("registration.form.name")} failure={failure} defaultValue={defaults?.name} autoComplete="name" required />
      <Field form="reg" name="nameUr" label={t("registration.form.nameUr")} hint={t("registration.form.nameUrHint")} failure={failure} dir="rtl" />
      <Field form="reg" name="email" type="email" label={t("registration.form.email")} failure={failure} defaultValue={defaults?.email} autoComplete="email" required dir="ltr" />
      <Field form="reg" name="phone" type="tel" label={t("registration.form.phone")} failure={failure} autoComplete="tel" dir="ltr" />
      <Field form="reg" name="organisation" label={t("registration.form.organisation")} failure={failure} autoComplete="organization" />
      <Field form="reg" name="designation" label={t("registration.form.designation")} failure={failure} autoComplete="organization-title" />
    </>
  );
}

/** Consent to the use of the data (required) and, separately, to badge scanning by exhibitors. */
export function Consents({ failure }: { failure?: FormFailure }) {
  const t = useT();
  return (
    <>
      <ChoiceGroup id="reg-consentData" legend={t("registration.form.consentData")} error={fieldError(failure, "consentData")} required>
        <Check name="consentData" value="yes" label={t("registration.form.consentDataText")} checked={failure?.values.consentData === "yes"} />
      </ChoiceGroup>
      <ChoiceGroup id="reg-consentScan" legend={t("registration.form.consentScan")}>
        <Check name="consentScan" value="yes" label={t("registration.form.consentScanText")} checked={failure?.values.consentScan === "yes"} />
      </ChoiceGroup>
    </>
  );
}
