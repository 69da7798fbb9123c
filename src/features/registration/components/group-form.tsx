import { Form } from "react-router";
import type { FormFailure } from "../../../web/actions";
import { Field, FormError } from "../../../web/components/form";
import { useT } from "../../../web/i18n";
import { Check, ChoiceGroup, DaysField, QuestionFields, type QuestionView } from "./person-fields";

// The delegation form: what the delegation shares once, then one fieldset per member. Buttons
// post back (`intent`): add a row, remove a row, or register. Works the same without JavaScript.

const memberStyle = { border: "1px solid var(--line)", borderRadius: "var(--radius)", padding: "0.75rem", marginBlock: "0.75rem", minInlineSize: 0 } as const;

function MemberRow({ index, rows, failure }: { index: number; rows: number; failure?: FormFailure }) {
  const t = useT();
  const n = index + 1;
  const name = (f: string) => `m.${index}.${f}`;
  return (
    <fieldset style={memberStyle}>
      <legend>{t("registration.group.member", { n })}</legend>
      <Field form="grp" name={name("name")} label={t("registration.form.name")} failure={failure} autoComplete="off" />
      <Field form="grp" name={name("nameUr")} label={t("registration.form.nameUr")} failure={failure} dir="rtl" />
      <Field form="grp" name={name("email")} type="email" label={t("registration.form.email")} failure={failure} autoComplete="off" dir="ltr" />
      <Field form="grp" name={name("phone")} type="tel" label={t("registration.form.phone")} failure={failure} dir="ltr" />
      <Field form="grp" name={name("designation")} label={t("registration.form.designation")} failure={failure} />
      {rows > 1 ? (
        <button type="submit" name="intent" value={`remove:${index}`} formNoValidate>
          {t("registration.group.remove", { n })}
        </button>
      ) : null}
    </fieldset>
  );
}

export function GroupForm(props: {
  category: string;
  idempotencyKey: string;
  rows: number;
  days: { index: number; label: string }[];
  questions: QuestionView[];
  /** A refused submission (with messages), or only the values of a round trip (add/remove). */
  failure?: FormFailure;
  stamp: string;
}) {
  const t = useT();
  const { failure } = props;
  const fieldError = (path: string) => failure?.fields[path];
  return (
    // Keyed by the round trip: rows that moved up get their new values, not the old inputs' state.
    <Form method="post" noValidate key={props.stamp}>
      {/* Enter in a field registers (the first submit button is the default one). */}
      <button type="submit" name="intent" value="register" style={{ display: "none" }} tabIndex={-1}>
        {t("registration.group.submit")}
      </button>
      <input type="hidden" name="category" value={props.category} />
      <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
      <input type="hidden" name="rows" value={props.rows} />
      {failure?.code ? <FormError failure={failure} /> : null}
      <h2>{t("registration.group.shared")}</h2>
      <Field form="grp" name="organisation" label={t("registration.form.organisation")} failure={failure} autoComplete="organization" />
      <DaysField days={props.days} chosen={[]} failure={failure} />
      <QuestionFields questions={props.questions} answers={{}} failure={failure} />
      <ChoiceGroup id="grp-consentData" legend={t("registration.form.consentData")} error={fieldError("consentData")} required>
        <Check name="consentData" value="yes" label={t("registration.group.consentData")} checked={failure?.values.consentData === "yes"} />
      </ChoiceGroup>
      <ChoiceGroup id="grp-consentScan" legend={t("registration.form.consentScan")}>
        <Check name="consentScan" value="yes" label={t("registration.group.consentScan")} checked={failure?.values.consentScan === "yes"} />
      </ChoiceGroup>
      <h2>{t("registration.group.members")}</h2>
      <p className="hint">{t("registration.group.rowsHint")}</p>
      {fieldError("members") ? (
        <p className="error" role="alert">
          {fieldError("members")}
        </p>
      ) : null}
      {Array.from({ length: props.rows }, (_, i) => (
        <MemberRow key={i} index={i} rows={props.rows} failure={failure} />
      ))}
      <p>
        <button type="submit" name="intent" value="add" formNoValidate>
          {t("registration.group.add")}
        </button>
      </p>
      <button type="submit" name="intent" value="register" className="primary">
        {t("registration.group.submit")}
      </button>
    </Form>
  );
}
