import { Form, redirect } from "react-router";
import type { Route } from "./+types/editor";
import { DomainError, type FieldIssue } from "../../../platform/errors";
import { loadOr, runForm } from "../../../web/actions";
import { Field, FormError, Notice, SelectField, failureOf, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { uuidParam } from "../../../web/params";
import { editionDayDate } from "../../editions/days";
import { hhmm, minuteOf, snap } from "../engine/warnings";
import { cancelSession, getDraft, moveSession, saveRoom, saveSession, saveSpeaker, setHours } from "../operations/draft";
import { publishRelease } from "../operations/release";
import { sessionAccess, sessionKinds, speakerRoles, tracks } from "../tables";

// The organiser's schedule editor (issue #13, agenda item 2): the private draft, edited through
// plain forms (no JavaScript needed): a day × room grid, the warnings, a session's form (add, edit,
// move: day, start, end, room; times snap to 5 minutes), rooms, speakers, the venue's hours, and
// "publish a release". The page only turns form text into the operations' input.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "programme.editor.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const editionId = uuidParam(params.editionId);
  const url = new URL(request.url);
  const draft = await loadOr(request, () => getDraft(context.ctx, { editionId }));
  const day = Math.min(Math.max(1, Number(url.searchParams.get("day")) || 1), draft.edition.dayCount);
  const editId = url.searchParams.get("edit");
  const editing = draft.sessions.find((s) => s.id === editId) ?? null;
  return { ...draft, day, editing, done: url.searchParams.get("done") };
}

/** "09:03" → 905 snapped to 5 minutes; a field issue when not a time. */
function timeField(text: string, path: string, issues: FieldIssue[]): number {
  const m = minuteOf(text);
  if (m === undefined) {
    issues.push({ path, code: "programme_time_format" });
    return 0;
  }
  return snap(m);
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const editionId = uuidParam(params.editionId);
  const form = await request.formData();
  const text = (k: string) => String(form.get(k) ?? "").trim();
  const intent = text("intent");
  const ctx = context.ctx;
  let done = intent;
  const result = await runForm(ctx.locale, form, async () => {
    const issues: FieldIssue[] = [];
    const fail = () => {
      if (issues.length) throw new DomainError("validation_failed", { fields: issues });
    };
    switch (intent) {
      case "session": {
        const startMinute = timeField(text("startMinute"), "startMinute", issues);
        const endMinute = timeField(text("endMinute"), "endMinute", issues);
        fail();
        const speakers = form
          .getAll("speakerIds")
          .map(String)
          .map((speakerId) => ({ speakerId, role: text(`role.${speakerId}`) || "speaker" }));
        return saveSession(ctx, {
          editionId,
          ...(text("id") ? { id: text("id") } : {}),
          kind: text("kind"),
          track: text("track"),
          titleEn: text("titleEn"),
          titleUr: text("titleUr"),
          descriptionEn: text("descriptionEn"),
          descriptionUr: text("descriptionUr"),
          day: Number(text("day")),
          startMinute,
          endMinute,
          roomId: text("roomId"),
          language: text("language"),
          interpretation: form.has("interpretation"),
          rsvpRequired: form.has("rsvpRequired"),
          access: text("access"),
          categoryIds: text("access") === "by_category" ? form.getAll("categoryIds").map(String) : [],
          speakers,
        });
      }
      case "move": {
        const startMinute = timeField(text("startMinute"), "startMinute", issues);
        const endMinute = timeField(text("endMinute"), "endMinute", issues);
        fail();
        return moveSession(ctx, { editionId, id: text("id"), day: Number(text("day")), startMinute, endMinute, roomId: text("roomId") });
      }
      case "cancel":
      case "restore":
        return cancelSession(ctx, { editionId, id: text("id") }, intent === "cancel");
      case "room":
        return saveRoom(ctx, { editionId, slug: text("slug"), nameEn: text("nameEn"), nameUr: text("nameUr"), capacity: Number(text("capacity")) });
      case "speaker":
        return saveSpeaker(ctx, {
          editionId,
          slug: text("slug"),
          name: text("name"),
          nameUr: text("nameUr"),
          organisation: text("organisation"),
          role: text("role"),
          bioEn: text("bioEn"),
          bioUr: text("bioUr"),
          email: text("email") || null,
          locale: text("locale") || "en",
        });
      case "hours": {
        const opensMinute = timeField(text("opensMinute"), "opensMinute", issues);
        const closesMinute = timeField(text("closesMinute"), "closesMinute", issues);
        fail();
        return setHours(ctx, { editionId, opensMinute, closesMinute });
      }
      case "release": {
        const r = await publishRelease(ctx, { editionId, name: text("name") });
        done = `release-${r.release.number}`;
        return r;
      }
      default:
        throw new DomainError("bad_request");
    }
  });
  if (!result.ok) return result.response;
  const day = text("day") ? `&day=${encodeURIComponent(text("day"))}` : "";
  return redirect(`/back-office/editions/${editionId}/programme?done=${encodeURIComponent(done)}${day}`);
}

type Data = Route.ComponentProps["loaderData"];
type Session = Data["sessions"][number];

function Grid({ d }: { d: Data }) {
  const t = useT();
  const locale = useLocale();
  const live = d.sessions.filter((s) => s.day === d.day && !s.cancelled);
  const starts = [...new Set(live.map((s) => s.startMinute))].sort((a, b) => a - b);
  const flagged = new Set(d.warnings.flatMap((w) => ("sessionIds" in w ? w.sessionIds : [w.sessionId])));
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="grid-h">
      <table className="programme-grid" data-testid="programme-grid">
        <caption id="grid-h">{t("programme.editor.gridCaption", { day: d.day, date: editionDayDate(d.edition.startsOn, d.day - 1) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("programme.field.start")}</th>
            {d.rooms.map((r) => (
              <th scope="col" key={r.id}>
                {pick(locale, r.nameEn, r.nameUr)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {starts.map((m) => (
            <tr key={m}>
              <th scope="row" dir="ltr">
                {hhmm(m)}
              </th>
              {d.rooms.map((r) => (
                <td key={r.id}>
                  {live
                    .filter((s) => s.startMinute === m && s.roomId === r.id)
                    .map((s) => (
                      <p key={s.id} className={flagged.has(s.id) ? "warn" : undefined}>
                        <a href={`?day=${d.day}&edit=${s.id}#session-form`}>{pick(locale, s.titleEn, s.titleUr)}</a>{" "}
                        <span dir="ltr">
                          {hhmm(s.startMinute)}–{hhmm(s.endMinute)}
                        </span>
                        {flagged.has(s.id) ? <strong> ⚠ {t("programme.editor.flagged")}</strong> : null}
                      </p>
                    ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Warnings({ d }: { d: Data }) {
  const t = useT();
  const locale = useLocale();
  const title = (id: string) => {
    const s = d.sessions.find((x) => x.id === id);
    return s ? pick(locale, s.titleEn, s.titleUr) : id;
  };
  const room = (id: string) => {
    const r = d.rooms.find((x) => x.id === id);
    return r ? pick(locale, r.nameEn, r.nameUr) : id;
  };
  const speaker = (id: string) => {
    const p = d.speakers.find((x) => x.id === id);
    return p ? pick(locale, p.name, p.nameUr || p.name) : id;
  };
  if (d.warnings.length === 0) return <p data-testid="programme-no-warnings">{t("programme.editor.noWarnings")}</p>;
  return (
    <ul data-testid="programme-warnings">
      {d.warnings.map((w, i) => (
        <li key={i}>
          {w.code === "speaker_clash"
            ? t("programme.warning.speaker_clash", { speaker: speaker(w.speakerId), a: title(w.sessionIds[0]), b: title(w.sessionIds[1]) })
            : w.code === "room_clash"
              ? t("programme.warning.room_clash", { room: room(w.roomId), a: title(w.sessionIds[0]), b: title(w.sessionIds[1]) })
              : w.code === "room_too_small"
                ? t("programme.warning.room_too_small", { session: title(w.sessionId), rsvps: w.rsvps, capacity: w.capacity })
                : t("programme.warning.outside_hours", { session: title(w.sessionId), opens: hhmm(d.hours.opensMinute), closes: hhmm(d.hours.closesMinute) })}
        </li>
      ))}
    </ul>
  );
}

function SessionForm({ d, s }: { d: Data; s: Session | null }) {
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
function Place({ d, s, form, failure }: { d: Data; s: Pick<Session, "day" | "startMinute" | "endMinute" | "roomId"> | null; form: string; failure: ReturnType<typeof useFailure> }) {
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

/** Waitlist and door counts of a session, with its invitation and door pages. */
function SeatsLine({ d, s }: { d: Data; s: Data["sessions"][number] }) {
  const t = useT();
  return (
    <p className="muted" data-testid="session-seats">
      {t("programme.editor.waiting", { n: s.waiting })} · {t("programme.editor.attended", { n: s.attended })} ·{" "}
      <a href={`/back-office/editions/${d.edition.id}/programme/sessions/${s.id}/invitations`}>{t("programme.invite.link")}</a> · <a href={`/door/${d.edition.id}/${s.id}`}>{t("programme.door.link")}</a>
    </p>
  );
}

function SessionList({ d }: { d: Data }) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const ofDay = d.sessions.filter((s) => s.day === d.day);
  return (
    <ul className="plain">
      {ofDay.map((s) => (
        <li key={s.id} className="card" data-testid="draft-session">
          <h3>
            {pick(locale, s.titleEn, s.titleUr)} {s.cancelled ? <em>({t("programme.editor.cancelled")})</em> : null}
          </h3>
          <p>
            <span dir="ltr">
              {hhmm(s.startMinute)}–{hhmm(s.endMinute)}
            </span>{" "}
            · {t(`programme.kind.${s.kind}`)} · {t("programme.editor.rsvps", { n: s.rsvps })} · <a href={`?day=${d.day}&edit=${s.id}#session-form`}>{t("programme.editor.edit")}</a>
          </p>
          <SeatsLine d={d} s={s} />
          <details>
            <summary>{t("programme.editor.move")}</summary>
            <Form method="post">
              <input type="hidden" name="intent" value="move" />
              <input type="hidden" name="id" value={s.id} />
              <Place d={d} s={s} form={`m-${s.id}`} failure={failure?.values.intent === "move" && failure.values.id === s.id ? failure : undefined} />
              <button type="submit">{t("programme.editor.moveSubmit")}</button>
            </Form>
          </details>
          <Form method="post">
            <input type="hidden" name="intent" value={s.cancelled ? "restore" : "cancel"} />
            <input type="hidden" name="id" value={s.id} />
            <input type="hidden" name="day" value={d.day} />
            <button type="submit">{s.cancelled ? t("programme.editor.restore") : t("programme.editor.cancel")}</button>
          </Form>
        </li>
      ))}
    </ul>
  );
}

export default function ProgrammeEditor({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const roomFailure = failureOf(failure, "room");
  const speakerFailure = failureOf(failure, "speaker");
  const hoursFailure = failureOf(failure, "hours");
  const releaseFailure = failureOf(failure, "release");
  return (
    <section>
      <h1>{t("programme.editor.title")}</h1>
      <p className="muted">{pick(locale, d.edition.nameEn, d.edition.nameUr)}</p>
      {d.done ? <Notice>{d.done.startsWith("release-") ? t("programme.editor.released", { number: d.done.slice(8) }) : t("programme.editor.saved")}</Notice> : null}
      <p className="hint">{t("programme.editor.hint")}</p>
      <p>
        <a href={`/editions/${d.edition.slug}/programme`}>{t("programme.editor.public")}</a> · <a href={`/editions/${d.edition.slug}/programme/changes`}>{t("programme.changes.title")}</a>
      </p>
      <nav aria-label={t("programme.field.day")}>
        {Array.from({ length: d.edition.dayCount }, (_, i) => (
          <a key={i} href={`?day=${i + 1}`} aria-current={d.day === i + 1 ? "page" : undefined} className="chip">
            {t("programme.day", { day: i + 1, date: editionDayDate(d.edition.startsOn, i) })}
          </a>
        ))}
      </nav>
      <h2>{t("programme.editor.warnings")}</h2>
      <Warnings d={d} />
      <Grid d={d} />

      <Form method="post" className="card" data-testid="release-form">
        <h2>{t("programme.editor.release")}</h2>
        <p className="hint">{t("programme.editor.releaseHint")}</p>
        <FormError failure={releaseFailure} />
        <input type="hidden" name="intent" value="release" />
        <Field form="r" name="name" label={t("programme.field.releaseName")} failure={releaseFailure} required />
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

      <SessionForm key={d.editing?.id ?? "new"} d={d} s={d.editing} />
      <h2>{t("programme.editor.sessions")}</h2>
      <SessionList d={d} />

      <Form method="post" className="card">
        <h2>{t("programme.editor.addRoom")}</h2>
        <FormError failure={roomFailure} />
        <input type="hidden" name="intent" value="room" />
        <Field form="room" name="slug" label={t("programme.field.slug")} failure={roomFailure} dir="ltr" required />
        <Field form="room" name="nameEn" label={t("programme.field.nameEn")} failure={roomFailure} dir="ltr" required />
        <Field form="room" name="nameUr" label={t("programme.field.nameUr")} failure={roomFailure} dir="rtl" required />
        <Field form="room" name="capacity" type="number" inputMode="numeric" label={t("programme.field.capacity")} failure={roomFailure} required />
        <button type="submit">{t("programme.editor.saveRoom")}</button>
      </Form>

      <Form method="post" className="card">
        <h2>{t("programme.editor.addSpeaker")}</h2>
        <FormError failure={speakerFailure} />
        <input type="hidden" name="intent" value="speaker" />
        <Field form="sp" name="slug" label={t("programme.field.slug")} failure={speakerFailure} dir="ltr" required />
        <Field form="sp" name="name" label={t("programme.field.nameEn")} failure={speakerFailure} dir="ltr" required />
        <Field form="sp" name="nameUr" label={t("programme.field.nameUr")} failure={speakerFailure} dir="rtl" />
        <Field form="sp" name="organisation" label={t("programme.field.organisation")} failure={speakerFailure} />
        <Field form="sp" name="role" label={t("programme.field.speakerRole")} failure={speakerFailure} />
        <Field form="sp" name="bioEn" label={t("programme.field.bioEn")} failure={speakerFailure} dir="ltr" />
        <Field form="sp" name="bioUr" label={t("programme.field.bioUr")} failure={speakerFailure} dir="rtl" />
        <Field form="sp" name="email" type="email" label={t("programme.field.email")} failure={speakerFailure} dir="ltr" />
        <SelectField form="sp" name="locale" label={t("programme.field.locale")} failure={speakerFailure} defaultValue="en" options={(["en", "ur"] as const).map((l) => ({ value: l, label: t(`programme.language.${l}`) }))} />
        <button type="submit">{t("programme.editor.saveSpeaker")}</button>
      </Form>

      <Form method="post" className="card">
        <h2>{t("programme.editor.hours")}</h2>
        <FormError failure={hoursFailure} />
        <input type="hidden" name="intent" value="hours" />
        <Field form="h" name="opensMinute" label={t("programme.field.opens")} failure={hoursFailure} defaultValue={hhmm(d.hours.opensMinute)} dir="ltr" required />
        <Field form="h" name="closesMinute" label={t("programme.field.closes")} failure={hoursFailure} defaultValue={hhmm(d.hours.closesMinute)} dir="ltr" required />
        <button type="submit">{t("programme.editor.saveHours")}</button>
      </Form>
    </section>
  );
}
