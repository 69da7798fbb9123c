import { pick, useLocale, useT } from "../../../web/i18n";
import type { SessionSnapshot } from "../engine/changes";
import { hhmm } from "../engine/warnings";

// Small pieces the public agenda pages share (no server code: these reach the browser).

export const agendaPath = (slug: string) => `/editions/${slug}/programme`;

export function SessionLine({ slug, s }: { slug: string; s: SessionSnapshot }) {
  const t = useT();
  const locale = useLocale();
  const sep = locale === "ur" ? "، " : ", ";
  return (
    <li className="card" data-testid="agenda-session">
      <p className="muted">
        <span dir="ltr">
          {hhmm(s.startMinute)}–{hhmm(s.endMinute)}
        </span>{" "}
        · {pick(locale, s.roomEn, s.roomUr)} · {t(`programme.kind.${s.kind}`)}
        {s.track !== "general" ? <> · {t(`programme.track.${s.track}`)}</> : null}
      </p>
      <h3>{s.kind === "break" ? pick(locale, s.titleEn, s.titleUr) : <a href={`${agendaPath(slug)}/sessions/${s.id}`}>{pick(locale, s.titleEn, s.titleUr)}</a>}</h3>
      {s.speakers.length ? <p>{s.speakers.map((p) => pick(locale, p.name, p.nameUr || p.name)).join(sep)}</p> : null}
      {s.access !== "open" ? <p className="hint">{t(`programme.access.${s.access}`)}</p> : null}
    </li>
  );
}
