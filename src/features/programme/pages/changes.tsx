import type { Route } from "./+types/changes";
import { loadOr } from "../../../web/actions";
import { formatDateTime } from "../../../platform/i18n/format";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { editionDayDate } from "#features/editions/client";
import { hhmm } from "../engine/warnings";
import { publicChanges } from "../operations/public";
import { agendaPath } from "./parts";

// The public change log (pretalx's model): every release, newest first, with what it added,
// moved, changed and cancelled since the one before.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "programme.changes.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  return loadOr(request, () => publicChanges(context.ctx, { slug: params.slug }));
}

export default function Changes({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const when = (day: number, minute: number) => `${editionDayDate(d.edition.startsOn, day - 1)} ${hhmm(minute)}`;
  return (
    <section className="page">
      <p className="eyebrow">
        <a href={agendaPath(d.edition.slug)}>{t("programme.agenda.title")}</a>
      </p>
      <h1>{t("programme.changes.title")}</h1>
      {d.releases.length === 0 ? <p>{t("programme.agenda.none")}</p> : null}
      {d.releases.map((r) => (
        <section key={r.number} aria-labelledby={`rel-${r.number}`} data-testid="release">
          <h2 id={`rel-${r.number}`}>
            {t("programme.changes.release", { number: r.number, name: r.name })}
          </h2>
          <p className="muted">{formatDateTime(r.releasedAt, locale, d.edition.timezone)}</p>
          {r.changes.length === 0 ? <p>{r.number === 1 ? t("programme.changes.first") : t("programme.changes.none")}</p> : null}
          <ul>
            {r.changes.map((c, i) => (
              <li key={i}>
                {c.type === "added"
                  ? t("programme.changes.added", { title: pick(locale, c.titleEn, c.titleUr), when: when(c.day, c.startMinute), room: pick(locale, c.roomEn, c.roomUr) })
                  : c.type === "moved"
                    ? t("programme.changes.moved", {
                        title: pick(locale, c.titleEn, c.titleUr),
                        from: `${when(c.from.day, c.from.startMinute)}, ${pick(locale, c.from.roomEn, c.from.roomUr)}`,
                        to: `${when(c.to.day, c.to.startMinute)}, ${pick(locale, c.to.roomEn, c.to.roomUr)}`,
                      })
                    : c.type === "changed"
                      ? t("programme.changes.changed", { title: pick(locale, c.titleEn, c.titleUr) })
                      : t("programme.changes.cancelled", { title: pick(locale, c.titleEn, c.titleUr), when: when(c.day, c.startMinute) })}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
