import type { Route } from "./+types/agenda";
import { loadOr } from "../../../web/actions";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { editionDayDate } from "#features/editions/client";
import { publicAgenda } from "../operations/public";
import { agendaPath, SessionLine } from "./parts";

// The public agenda (issue #13, agenda item 3): the last release, by day, filtered by track, kind
// or room through a plain GET form (no JavaScript).

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "programme.agenda.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const a = await loadOr(request, () => publicAgenda(context.ctx, { slug: params.slug }));
  const f = { track: url.searchParams.get("track") ?? "", kind: url.searchParams.get("kind") ?? "", room: url.searchParams.get("room") ?? "", day: url.searchParams.get("day") ?? "" };
  const sessions = a.sessions.filter(
    (s) => (!f.track || s.track === f.track) && (!f.kind || s.kind === f.kind) && (!f.room || s.roomId === f.room) && (!f.day || String(s.day) === f.day),
  );
  return { ...a, sessions, filters: f };
}

export default function Agenda({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const days = [...new Set(d.sessions.map((s) => s.day))];
  const base = agendaPath(d.edition.slug);
  return (
    <section className="page">
      <p className="eyebrow">
        <a href={`/editions/${d.edition.slug}`}>{pick(locale, d.edition.nameEn, d.edition.nameUr)}</a>
      </p>
      <h1>{t("programme.agenda.title")}</h1>
      {d.release ? (
        <p className="muted">
          {t("programme.agenda.release", { name: d.release.name, number: d.release.number })} · <a href={`${base}/changes`}>{t("programme.changes.title")}</a> ·{" "}
          <a href={`${base}/calendar`}>{t("programme.agenda.calendar")}</a> · <a href={`${base}/mine`}>{t("programme.mine.title")}</a>
        </p>
      ) : (
        <p data-testid="agenda-empty">{t("programme.agenda.none")}</p>
      )}
      {d.release ? (
        <form method="get" className="filters" aria-label={t("programme.agenda.filter")}>
          <label>
            {t("programme.field.day")}{" "}
            <select name="day" defaultValue={d.filters.day}>
              <option value="">{t("programme.agenda.all")}</option>
              {Array.from({ length: d.edition.dayCount }, (_, i) => (
                <option key={i} value={i + 1}>
                  {t("programme.day", { day: i + 1, date: editionDayDate(d.edition.startsOn, i) })}
                </option>
              ))}
            </select>
          </label>{" "}
          <label>
            {t("programme.field.track")}{" "}
            <select name="track" defaultValue={d.filters.track}>
              <option value="">{t("programme.agenda.all")}</option>
              {d.tracks.map((k) => (
                <option key={k} value={k}>
                  {t(`programme.track.${k}`)}
                </option>
              ))}
            </select>
          </label>{" "}
          <label>
            {t("programme.field.kind")}{" "}
            <select name="kind" defaultValue={d.filters.kind}>
              <option value="">{t("programme.agenda.all")}</option>
              {d.kinds.map((k) => (
                <option key={k} value={k}>
                  {t(`programme.kind.${k}`)}
                </option>
              ))}
            </select>
          </label>{" "}
          <label>
            {t("programme.field.room")}{" "}
            <select name="room" defaultValue={d.filters.room}>
              <option value="">{t("programme.agenda.all")}</option>
              {d.rooms.map((r) => (
                <option key={r.id} value={r.id}>
                  {pick(locale, r.nameEn, r.nameUr)}
                </option>
              ))}
            </select>
          </label>{" "}
          <button type="submit">{t("programme.agenda.show")}</button>
        </form>
      ) : null}
      {days.map((day) => (
        <section key={day} aria-labelledby={`day-${day}`}>
          <h2 id={`day-${day}`}>{t("programme.day", { day, date: editionDayDate(d.edition.startsOn, day - 1) })}</h2>
          <ul className="cards plain">
            {d.sessions
              .filter((s) => s.day === day)
              .map((s) => (
                <SessionLine key={s.id} slug={d.edition.slug} s={s} />
              ))}
          </ul>
        </section>
      ))}
      {d.release && d.sessions.length === 0 ? <p>{t("programme.agenda.noMatch")}</p> : null}
    </section>
  );
}
