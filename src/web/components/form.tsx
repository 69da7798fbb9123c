import { useEffect, useRef, type ReactNode } from "react";
import { useActionData, useLocation } from "react-router";
import type { FormFailure } from "../actions";
import { useT } from "../i18n";

export function useFailure(): FormFailure | undefined {
  const d = useActionData() as FormFailure | { ok: true } | undefined;
  return d && d.ok === false ? d : undefined;
}

/** The summary at the top of a refused form; focus lands here for screen readers. */
export function FormError({ failure }: { failure?: FormFailure }) {
  const t = useT();
  if (!failure) return null;
  return (
    <div className="alert alert-error" role="alert" id="form-error">
      <p>{failure.message}</p>
      {Object.keys(failure.fields).length > 0 && failure.code === "validation_failed" ? <p>{t("common.formErrors")}</p> : null}
    </div>
  );
}

/**
 * The outcome of an action ("Saved.", "1 registration approved"). Notices sit at the top of
 * the page while the button pressed may be far below: when one appears (after each post, or
 * on the page a post redirected to) it takes the focus, which brings it into view and has
 * screen readers read it. Without JavaScript the new page opens at its top anyway.
 */
export function Notice({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const action = useActionData();
  const { key } = useLocation();
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: "nearest" });
  }, [action, key]);
  return (
    <div className="alert alert-ok" role="status" tabIndex={-1} ref={ref}>
      {children}
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  type?: string;
  failure?: FormFailure;
  defaultValue?: string | number | null;
  hint?: string;
  required?: boolean;
  autoComplete?: string;
  dir?: "ltr" | "rtl" | "auto";
  inputMode?: "numeric" | "text" | "email";
  /**
   * Id prefix for pages with several forms sharing field names (the back
   * office's edition page): every label must point at its own input.
   */
  form?: string;
  children?: ReactNode;
}

function fieldIds({ form, name, failure, hint }: Pick<FieldProps, "form" | "name" | "failure" | "hint">) {
  const id = `${form ?? "f"}-${name}`;
  // Array fields report per item ("hsCodes.0"); the first such issue belongs to the field.
  const error =
    failure?.fields[name] ?? Object.entries(failure?.fields ?? {}).find(([k]) => k.startsWith(`${name}.`))?.[1];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return { id, error, describedBy };
}

/** A labelled input with its hint and its error tied to it by aria-describedby. */
export function Field(props: FieldProps) {
  const { name, label, type = "text", failure, defaultValue, hint, required, autoComplete, dir, inputMode, children } = props;
  const { id, error, describedBy } = fieldIds(props);
  const value = failure?.values[name] ?? defaultValue ?? "";
  return (
    <div className={`field${error ? " field-invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children ?? (
        <input
          id={id}
          name={name}
          type={type}
          defaultValue={type === "password" ? undefined : String(value)}
          required={required}
          autoComplete={autoComplete}
          inputMode={inputMode}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          dir={dir}
        />
      )}
      {error ? (
        <p className="error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function SelectField(props: Omit<FieldProps, "type" | "children"> & { options: { value: string; label: string }[] }) {
  const { name, failure, defaultValue, options, required } = props;
  const { id, error, describedBy } = fieldIds(props);
  const value = failure?.values[name] ?? defaultValue ?? "";
  return (
    <Field {...props}>
      <select
        id={id}
        name={name}
        defaultValue={String(value)}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** The failure of the last submission if it came from this form (same intent, same row). */
export function failureOf(failure: FormFailure | undefined, intent: string, rowId?: string): FormFailure | undefined {
  if (!failure || failure.values.intent !== intent) return undefined;
  if (rowId && failure.values.clusterId !== rowId) return undefined;
  return failure;
}
