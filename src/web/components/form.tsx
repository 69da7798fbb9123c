import type { ReactNode } from "react";
import { useActionData } from "react-router";
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

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert-ok" role="status">
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
  children?: ReactNode;
}

/** A labelled input with its hint and its error tied to it by aria-describedby. */
export function Field({ name, label, type = "text", failure, defaultValue, hint, required, autoComplete, dir, children }: FieldProps) {
  const id = `f-${name}`;
  const error = failure?.fields[name];
  const value = failure?.values[name] ?? defaultValue ?? "";
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
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

export function SelectField(
  props: Omit<FieldProps, "type" | "children"> & { options: { value: string; label: string }[] },
) {
  const { name, failure, defaultValue, options } = props;
  const error = failure?.fields[name];
  const value = failure?.values[name] ?? defaultValue ?? "";
  return (
    <Field {...props}>
      <select id={`f-${name}`} name={name} defaultValue={String(value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `f-${name}-error` : undefined}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
