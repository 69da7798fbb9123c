import { Form } from "react-router";
import type { Route } from "./+types/editor";
import { Field, FormError, SelectField, failureOf, useFailure } from "../../../web/components/form";
import { pick, useLocale, useT } from "../../../web/i18n";
import { editionDayDate } from "#features/editions/client";
import { hhmm } from "../engine/warnings";
import { sessionAccess, sessionKinds, speakerRoles, tracks } from "../tables";

// The schedule editor's session form (add or edit: kind, track, texts in both languages, place,
// language, access, speakers) and the place fields (day, start, end, room) it shares with each
// session's move form (editor-sessions.tsx). Times are typed as 09:30 and rounded to 5 minutes.

type Data = Route.ComponentProps["loaderData"];
type Session = Data["sessions"][number];

export function SessionForm({ d, s }: { d: Data; s: Session | null }) {
  const t = useT();
  const locale = useLocale();
  const failure = failureOf(useFailure(), "session");
  const roles = new Map(s?.speakers.map((p) => [p.speakerId, p.role]) ?? []);
  return (
    <Form method="post" className="card" id="session-form" data-testid="session-form">
      <h2>{s ? t("programme.editor.editSession") : t("programme.editor.addSession")}</h2>
      <FormError failure={failure} />
      <input type="hidden" name="intent" value="session" />
      {s ? <input type="hidden" name="id" value={s.id} /> : null}
      <SelectField form="s" name="kind" label={t("programme.field.kind")} failure={failure} defaultValue={s?.kind ?? "panel"} options={sessionKinds.map((k) => ({ value: k, label: t(`programme.kind.${k}`) }))} />
      <SelectField form="s" name="track" label={t("programme.field.track")} failure={failure} defaultValue={s?.track ?? "general"} options={tracks.map((k) => ({ value: k, label: t(`programme.track.${k}`) }))} />
      <Field form="s" name="titleEn" label={t("programme.field.titleEn")} failure={failure} defaultValue={s?.titleEn} dir="ltr" required />
      <Field form="s" name="titleUr" label={t("programme.field.titleUr")} failure={failure} defaultValue={s?.titleUr} dir="rtl" required />
      <Field form="s" name="descriptionEn" label={t("programme.field.descriptionEn")} failure={failure}>
        <textarea id="s-descriptionEn" name="descriptionEn" rows={3} dir="ltr" defaultValue={failure?.values.descriptionEn ?? s?.descriptionEn ?? ""} />
      </Field>
      <Field form="s" name="descriptionUr" label={t("programme.field.descriptionUr")} failure={failure}>
        <textarea id="s-descriptionUr" name="descriptionUr" rows={3} dir="rtl" defaultValue={failure?.values.descriptionUr ?? s?.descriptionUr ?? ""} />
      </Field>
      <Place d={d} s={s} form="s" failure={failure} />
      <SelectField form="s" name="language" label={t("programme.field.language")} failure={failure} defaultValue={s?.language ?? "ur"} options={(["ur", "en"] as const).map((l) => ({ value: l, label: t(`programme.language.${l}`) }))} />
      <div className="field">
        <label>
          <input type="checkbox" name="interpretation" defaultChecked={s?.interpretation ?? false} /> {t("programme.field.interpretation")}
        </label>
      </div>
      <div className="field">
        <label>
          <input type="checkbox" name="rsvpRequired" defaultChecked={s?.rsvpRequired ?? false} /> {t("programme.field.rsvpRequired")}
        </label>
      </div>
      <SelectField form="s" name="access" label={t("programme.field.access")} failure={failure} defaultValue={s?.access ?? "open"} options={sessionAccess.map((a) => ({ value: a, label: t(`programme.access.${a}`) }))} />
      <fieldset>
        <legend>{t("programme.field.categories")}</legend>
        {d.categories.map((c) => (
          <label key={c.id} className="check">
            <input type="checkbox" name="categoryIds" value={c.id} defaultChecked={s?.categoryIds.includes(c.id) ?? false} /> {pick(locale, c.nameEn, c.nameUr)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("programme.field.speakers")}</legend>
        {d.speakers.map((p) => (
          <div key={p.id} className="speaker-pick">
            <label>
              <input type="checkbox" name="speakerIds" value={p.id} defaultChecked={roles.has(p.id)} /> {pick(locale, p.name, p.nameUr || p.name)}
            </label>{" "}
            <select aria-label={`${t("programme.field.role")}: ${p.name}`} name={`role.${p.id}`} defaultValue={roles.get(p.id) ?? "speaker"}>
              {speakerRoles.map((r) => (
                <option key={r} value={r}>
                  {t(`programme.role.${r}`)}
                </option>
              ))}
            </select>
          </div>
        ))}
      </fieldset>
      <button type="submit" className="primary">
        {t("programme.editor.saveSession")}
      </button>
    </Form>
  );
}

/** Day, start, end and room: in the session's form and in each session's move form. */
export function Place({ d, s, form, failure }: { d: Data; s: Pick<Session, "day" | "startMinute" | "endMinute" | "roomId"> | null; form: string; failure: ReturnType<typeof useFailure> }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <SelectField
        form={form}
        name="day"
        label={t("programme.field.day")}
        failure={failure}
        defaultValue={String(s?.day ?? d.day)}
        options={Array.from({ length: d.edition.dayCount }, (_, i) => ({ value: String(i + 1), label: t("programme.day", { day: i + 1, date: editionDayDate(d.edition.startsOn, i) }) }))}
      />
      <Field form={form} name="startMinute" label={t("programme.field.start")} hint={t("programme.editor.timeHint")} failure={failure} defaultValue={s ? hhmm(s.startMinute) : ""} dir="ltr" required />
      <Field form={form} name="endMinute" label={t("programme.field.end")} failure={failure} defaultValue={s ? hhmm(s.endMinute) : ""} dir="ltr" required />
      <SelectField form={form} name="roomId" label={t("programme.field.room")} failure={failure} defaultValue={s?.roomId ?? d.rooms[0]?.id ?? ""} options={d.rooms.map((r) => ({ value: r.id, label: `${pick(locale, r.nameEn, r.nameUr)} (${r.capacity})` }))} />
    </>
  );
}
