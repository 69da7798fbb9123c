import type { ReactNode } from "react";
import { Form } from "react-router";
import type { FormFailure } from "../../../web/actions";
import { Field, FormError, SelectField, failureOf } from "../../../web/components/form";
import { useT } from "../../../web/i18n";

interface EditionLike {
  id: string;
  year: number;
  nameEn: string;
  nameUr: string;
  taglineEn: string | null;
  taglineUr: string | null;
  startsOn: string;
  endsOn: string;
  timezone: string;
  status: "draft" | "published" | "archived";
}

export function SettingsForm({ edition: e, failure, notice }: { edition: EditionLike; failure?: FormFailure; notice: ReactNode }) {
  const t = useT();
  const f = failureOf(failure, "settings");
  return (
    <section>
      <h2 id="settings-h">{t("bo.edition.settings")}</h2>
      {notice}
      <FormError failure={f} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="settings" />
        <Field form="ed" name="nameEn" label={t("bo.edition.nameEn")} failure={f} defaultValue={e.nameEn} required dir="ltr" />
        <Field form="ed" name="nameUr" label={t("bo.edition.nameUr")} failure={f} defaultValue={e.nameUr} required dir="rtl" />
        <Field form="ed" name="taglineEn" label={t("bo.edition.taglineEn")} failure={f} defaultValue={e.taglineEn} dir="ltr" />
        <Field form="ed" name="taglineUr" label={t("bo.edition.taglineUr")} failure={f} defaultValue={e.taglineUr} dir="rtl" />
        <div className="inline-form">
          <Field form="ed" name="startsOn" type="date" label={t("bo.edition.startsOn")} failure={f} defaultValue={e.startsOn} required />
          <Field form="ed" name="endsOn" type="date" label={t("bo.edition.endsOn")} failure={f} defaultValue={e.endsOn} required />
        </div>
        <Field form="ed" name="timezone" label={t("bo.edition.timezone")} failure={f} defaultValue={e.timezone} required dir="ltr" />
        <SelectField
          form="ed"
          name="status"
          label={t("bo.edition.status")}
          failure={f}
          defaultValue={e.status}
          options={(["draft", "published", "archived"] as const).map((s) => ({ value: s, label: t(`bo.edition.status.${s}`) }))}
        />
        <button type="submit" className="primary">
          {t("common.save")}
        </button>
      </Form>
    </section>
  );
}

/** Next year's edition: a new slug, the year and the first day; the rest is copied. */
export function CopyForm({ edition: e, failure }: { edition: EditionLike; failure?: FormFailure }) {
  const t = useT();
  const f = failureOf(failure, "copy");
  const next = e.year + 1;
  return (
    <section>
      <h2 id="copy-h">{t("bo.editions.copyTitle")}</h2>
      <p className="muted">{t("bo.editions.copyIntro")}</p>
      <FormError failure={f} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="copy" />
        <Field form="cp" name="slug" label={t("bo.editions.newSlug")} failure={f} defaultValue={`showcase-${next}`} required dir="ltr" />
        <div className="inline-form">
          <Field form="cp" name="year" type="number" inputMode="numeric" label={t("bo.editions.newYear")} failure={f} defaultValue={next} required />
          <Field form="cp" name="startsOn" type="date" label={t("bo.editions.newStartsOn")} failure={f} defaultValue={`${next}${e.startsOn.slice(4)}`} required />
        </div>
        <button type="submit">{t("bo.editions.copy")}</button>
      </Form>
    </section>
  );
}
