import type { Route } from "./+types/speaker";
import { loadOr } from "../../../web/actions";
import { pick, useLocale, useT } from "../../../web/i18n";
import { editionDayDate } from "#features/editions/client";
import { publicSpeaker } from "../operations/public";
import { agendaPath, SessionLine } from "./parts";

// A speaker of the released agenda: name, organisation, role, bio, and their sessions.

export function meta({ data: d }: Route.MetaArgs) {
  return d ? [{ title: d.speaker.name }] : [];
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  return loadOr(request, () => publicSpeaker(context.ctx, { slug: params.slug, speaker: params.speaker }));
}

export default function SpeakerPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const p = d.speaker;
  return (
    <section className="page">
      <p className="eyebrow">
        <a href={agendaPath(d.edition.slug)}>{t("programme.agenda.title")}</a>
      </p>
      <h1>{pick(locale, p.name, p.nameUr || p.name)}</h1>
      {p.photoUrl ? <img src={p.photoUrl} alt="" width={120} height={120} loading="lazy" /> : null}
      <p>{[p.role, p.organisation].filter(Boolean).join(", ")}</p>
      {(locale === "ur" ? p.bioUr || p.bioEn : p.bioEn) ? <p>{pick(locale, p.bioEn, p.bioUr)}</p> : null}
      <h2>{t("programme.speaker.sessions")}</h2>
      <ul className="cards plain">
        {d.sessions.map((s) => (
          <li key={s.id} className="plain">
            <p className="muted">{t("programme.day", { day: s.day, date: editionDayDate(d.edition.startsOn, s.day - 1) })}</p>
            <ul className="plain">
              <SessionLine slug={d.edition.slug} s={s} />
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
