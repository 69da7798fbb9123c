import { Form } from "react-router";
import type { Route } from "./+types/editor";
import { Field, FormError, SelectField, failureOf, useFailure } from "../../../web/components/form";
import { pick, useLocale, useT } from "../../../web/i18n";
import { hhmm } from "../engine/warnings";

// The schedule editor's other forms: publish a release (and the list of releases), add a room, add
// a speaker, the venue's daily hours. Plain forms: they work without JavaScript.

type Data = Route.ComponentProps["loaderData"];

export function ReleaseForm({ d }: { d: Data }) {
  const t = useT();
  const failure = failureOf(useFailure(), "release");
  return (
    <>
      <Form method="post" className="card" data-testid="release-form">
        <h2>{t("programme.editor.release")}</h2>
        <p className="hint">{t("programme.editor.releaseHint")}</p>
        <FormError failure={failure} />
        <input type="hidden" name="intent" value="release" />
        <Field form="r" name="name" label={t("programme.field.releaseName")} failure={failure} required />
        <button type="submit" className="primary">
          {t("programme.editor.publish")}
        </button>
      </Form>
      {d.releases.length ? (
        <ul>
          {d.releases.map((r) => (
            <li key={r.id}>{t("programme.editor.releaseLine", { number: r.number, name: r.name, changes: r.changes.length })}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** The rooms and stages: each one's settings (and where it is on the floor map) in a form of its
 *  own, then a form to add one. */
export function RoomForm({ d }: { d: Data }) {
  const t = useT();
  const locale = useLocale();
  const last = useFailure();
  const areas = [
    { value: "", label: t("programme.field.floorAreaNone") },
    ...d.floorAreas.map((a) => ({ value: a.id, label: `${pick(locale, a.hall.nameEn, a.hall.nameUr)}: ${pick(locale, a.nameEn, a.nameUr)}` })),
  ];
  const fields = (form: string, failure: ReturnType<typeof failureOf>, r?: Data["rooms"][number]) => (
    <>
      <Field form={form} name="slug" label={t("programme.field.slug")} failure={failure} dir="ltr" defaultValue={r?.slug} required />
      <Field form={form} name="nameEn" label={t("programme.field.nameEn")} failure={failure} dir="ltr" defaultValue={r?.nameEn} required />
      <Field form={form} name="nameUr" label={t("programme.field.nameUr")} failure={failure} dir="rtl" defaultValue={r?.nameUr} required />
      <Field form={form} name="capacity" type="number" inputMode="numeric" label={t("programme.field.capacity")} failure={failure} defaultValue={r?.capacity} required />
      <SelectField form={form} name="floorAreaId" label={t("programme.field.floorArea")} hint={t("programme.field.floorAreaHint")} failure={failure} options={areas} defaultValue={r?.floorAreaId ?? ""} />
    </>
  );
  const added = failureOf(last, "room");
  return (
    <section className="card" data-testid="rooms">
      <h2>{t("programme.editor.rooms")}</h2>
      {d.rooms.map((r) => {
        const failure = last?.values.id === r.id ? failureOf(last, "roomEdit") : undefined;
        return (
          <details key={r.id} open={!!failure}>
            <summary>
              {pick(locale, r.nameEn, r.nameUr)} · {t("programme.editor.roomSeats", { seats: r.capacity })}
            </summary>
            <Form method="post">
              <FormError failure={failure} />
              <input type="hidden" name="intent" value="roomEdit" />
              <input type="hidden" name="id" value={r.id} />
              {fields(`room-${r.id}`, failure, r)}
              <button type="submit">{t("programme.editor.saveRoom")}</button>
            </Form>
          </details>
        );
      })}
      <Form method="post">
        <h3>{t("programme.editor.addRoom")}</h3>
        <FormError failure={added} />
        <input type="hidden" name="intent" value="room" />
        {fields("room", added)}
        <button type="submit">{t("programme.editor.saveRoom")}</button>
      </Form>
    </section>
  );
}

export function SpeakerForm() {
  const t = useT();
  const failure = failureOf(useFailure(), "speaker");
  return (
    <Form method="post" className="card">
      <h2>{t("programme.editor.addSpeaker")}</h2>
      <FormError failure={failure} />
      <input type="hidden" name="intent" value="speaker" />
      <Field form="sp" name="slug" label={t("programme.field.slug")} failure={failure} dir="ltr" required />
      <Field form="sp" name="name" label={t("programme.field.nameEn")} failure={failure} dir="ltr" required />
      <Field form="sp" name="nameUr" label={t("programme.field.nameUr")} failure={failure} dir="rtl" />
      <Field form="sp" name="organisation" label={t("programme.field.organisation")} failure={failure} />
      <Field form="sp" name="role" label={t("programme.field.speakerRole")} failure={failure} />
      <Field form="sp" name="bioEn" label={t("programme.field.bioEn")} failure={failure} dir="ltr" />
      <Field form="sp" name="bioUr" label={t("programme.field.bioUr")} failure={failure} dir="rtl" />
      <Field form="sp" name="email" type="email" label={t("programme.field.email")} failure={failure} dir="ltr" />
      <SelectField form="sp" name="locale" label={t("programme.field.locale")} failure={failure} defaultValue="en" options={(["en", "ur"] as const).map((l) => ({ value: l, label: t(`programme.language.${l}`) }))} />
      <button type="submit">{t("programme.editor.saveSpeaker")}</button>
    </Form>
  );
}

export function HoursForm({ d }: { d: Data }) {
  const t = useT();
  const failure = failureOf(useFailure(), "hours");
  return (
    <Form method="post" className="card">
      <h2>{t("programme.editor.hours")}</h2>
      <FormError failure={failure} />
      <input type="hidden" name="intent" value="hours" />
      <Field form="h" name="opensMinute" label={t("programme.field.opens")} failure={failure} defaultValue={hhmm(d.hours.opensMinute)} dir="ltr" required />
      <Field form="h" name="closesMinute" label={t("programme.field.closes")} failure={failure} defaultValue={hhmm(d.hours.closesMinute)} dir="ltr" required />
      <button type="submit">{t("programme.editor.saveHours")}</button>
    </Form>
  );
}
