import type { ReactNode } from "react";
import type { FormFailure } from "../../../web/actions";

// The back office puts several forms on one page that share field names
// (nameEn in the settings, the sector and the cluster forms). These fields take
// a per-form id prefix so every label points at its own input, and each form
// only receives the failure of its own submission, so typed values never leak
// into a neighbouring form.

interface Props {
  form: string;
  name: string;
  label: string;
  failure?: FormFailure;
  defaultValue?: string | number | null;
  hint?: string;
  type?: string;
  required?: boolean;
  dir?: "ltr" | "rtl" | "auto";
  inputMode?: "numeric" | "text" | "email";
}

function ids(form: string, name: string, failure: FormFailure | undefined, hint?: string) {
  const id = `${form}-${name}`;
  // Array fields report per item ("hsCodes.0"); the first such issue belongs to the field.
  const error = failure?.fields[name] ?? Object.entries(failure?.fields ?? {}).find(([k]) => k.startsWith(`${name}.`))?.[1];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return { id, error, describedBy };
}

function Shell({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className={`field${error ? " field-invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p className="error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function BoField({ form, name, label, failure, defaultValue, hint, type = "text", required, dir, inputMode }: Props) {
  const { id, error, describedBy } = ids(form, name, failure, hint);
  const value = failure?.values[name] ?? defaultValue ?? "";
  return (
    <Shell id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={String(value)}
        required={required}
        dir={dir}
        inputMode={inputMode}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
    </Shell>
  );
}

export function BoSelect(props: Props & { options: { value: string; label: string }[] }) {
  const { form, name, label, failure, defaultValue, hint, options, required } = props;
  const { id, error, describedBy } = ids(form, name, failure, hint);
  const value = failure?.values[name] ?? defaultValue ?? "";
  return (
    <Shell id={id} label={label} hint={hint} error={error}>
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
    </Shell>
  );
}

/** The failure of the last submission if it came from this form (same intent, same row). */
export function failureOf(failure: FormFailure | undefined, intent: string, rowId?: string): FormFailure | undefined {
  if (!failure || failure.values.intent !== intent) return undefined;
  if (rowId && failure.values.clusterId !== rowId) return undefined;
  return failure;
}
