import type { FormFailure } from "../../../web/actions";
import { pick, useLocale, useT } from "../../../web/i18n";
import { formValue, type AnswerValue, type Option, type QuestionDef } from "../engine/questions";

// One baseline question as a plain form control (no JavaScript): radios for a choice, yes/no and a
// scale; checkboxes for several choices and countries; a text input (numeric keypad) for numbers,
// amounts, percentages and years, so Urdu digits typed on a phone are accepted; text otherwise.

export interface ShownQuestion extends QuestionDef {
  labelEn: string;
  labelUr: string;
  value: AnswerValue | null;
  suggested: boolean;
  /** The question and answer that show it, when that question is in the same section. */
  onlyIf: { label: string; answer: string } | null;
}

const numeric = new Set(["number", "currency", "percentage", "year"]);

export function QuestionField({ q, failure, index }: { q: ShownQuestion; failure?: FormFailure; index: number }) {
  const t = useT();
  const locale = useLocale();
  const id = `q${index}`;
  const error = failure?.fields[q.code];
  const label = pick(locale, q.labelEn, q.labelUr);
  const sent = failure?.values[q.code];
  const current = sent !== undefined ? sent : formValue(q.value ?? undefined);
  const hints = [
    q.onlyIf ? t("baseline.onlyIf", { question: q.onlyIf.label, answer: q.onlyIf.answer }) : null,
    q.suggested ? t("baseline.suggested") : null,
    q.kind === "hs_codes" ? t("baseline.hsHint") : null,
    q.unit && numeric.has(q.kind) ? q.unit : null,
  ].filter(Boolean);
  const describedBy = [hints.length ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const optional = q.required ? "" : ` ${t("baseline.optional")}`;
  const hintEl = hints.length ? (
    <p className="hint" id={`${id}-hint`}>
      {hints.join(" · ")}
    </p>
  ) : null;
  const errorEl = error ? (
    <p className="error" id={`${id}-error`}>
      {error}
    </p>
  ) : null;
  const choices = (options: Option[], multiple: boolean) => {
    const chosen = Array.isArray(current) ? current : [current];
    return (
      <fieldset className={`field baseline-choices${error ? " field-invalid" : ""}`} aria-describedby={describedBy} data-code={q.code}>
        <legend>
          {label}
          {optional}
        </legend>
        {hintEl}
        {options.map((o, k) => (
          <label key={o.value} className="baseline-choice">
            <input type={multiple ? "checkbox" : "radio"} name={q.code} value={o.value} defaultChecked={chosen.includes(o.value)} id={k === 0 ? id : undefined} />{" "}
            {pick(locale, o.en, o.ur)}
          </label>
        ))}
        {errorEl}
      </fieldset>
    );
  };
  if (q.kind === "single") return choices(q.options, false);
  if (q.kind === "multiple" || q.kind === "countries") return choices(q.options, true);
  if (q.kind === "yes_no") return choices([{ value: "yes", en: t("baseline.yes"), ur: t("baseline.yes") }, { value: "no", en: t("baseline.no"), ur: t("baseline.no") }], false);
  if (q.kind === "scale") {
    const [lo, hi] = [q.min ?? 1, q.max ?? 5];
    return choices(Array.from({ length: hi - lo + 1 }, (_, k) => ({ value: String(lo + k), en: String(lo + k), ur: String(lo + k) })), false);
  }
  return (
    <div className={`field${error ? " field-invalid" : ""}`} data-code={q.code}>
      <label htmlFor={id}>
        {label}
        {optional}
      </label>
      {hintEl}
      <input
        id={id}
        name={q.code}
        type="text"
        defaultValue={Array.isArray(current) ? current.join(", ") : current}
        inputMode={numeric.has(q.kind) ? "decimal" : undefined}
        dir={numeric.has(q.kind) || q.kind === "hs_codes" ? "ltr" : "auto"}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        maxLength={q.kind === "text" ? 300 : 200}
      />
      {errorEl}
    </div>
  );
}
