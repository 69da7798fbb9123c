import { Form } from "react-router";
import { formatDay } from "../../../platform/i18n/format";
import type { FormFailure } from "../../../web/actions";
import { FormError, SelectField } from "../../../web/components/form";
import { pick, useLocale, useT } from "../../../web/i18n";
import { dayOptions } from "../pages/form-input";
import { Consents, DaysField, PersonFields } from "./person-fields";

/** The desk's form: category, person, days, language of their emails, consents. */
export function WalkInForm(props: {
  categories: { id: string; nameEn: string; nameUr: string }[];
  startsOn: string;
  dayCount: number;
  idempotencyKey: string;
  failure?: FormFailure;
}) {
  const t = useT();
  const locale = useLocale();
  const days = dayOptions(props.startsOn, props.dayCount, (iso) => formatDay(iso, locale, { weekday: "short", day: "numeric" }));
  return (
    <>
      <FormError failure={props.failure} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="walk-in" />
        <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
        <SelectField
          form="wi"
          name="categoryId"
          label={t("registration.column.category")}
          options={props.categories.map((c) => ({ value: c.id, label: pick(locale, c.nameEn, c.nameUr) }))}
          failure={props.failure}
        />
        <PersonFields failure={props.failure} />
        <DaysField days={days} chosen={[]} failure={props.failure} />
        <SelectField
          form="wi"
          name="locale"
          label={t("registration.bo.emailLanguage")}
          options={[
            { value: "ur", label: "اردو" },
            { value: "en", label: "English" },
          ]}
          defaultValue={locale}
        />
        <Consents failure={props.failure} />
        <button type="submit" className="primary">
          {t("registration.bo.walkInSubmit")}
        </button>
      </Form>
    </>
  );
}
