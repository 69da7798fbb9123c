import { Form } from "react-router";
import type { Route } from "./+types/mine";
import { loadOr } from "../../../web/actions";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { editionDayDate } from "#features/editions/client";
import { visibleEdition } from "../operations/public";
import { myAgenda, ownRegistrationFor } from "../operations/rsvp";
import { agendaPath, SessionLine } from "./parts";

// "My agenda": the sessions the person holds a seat in (signed in with a registration of the
// edition, or through the registration's manage link as ?link=…), with its calendar file.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "programme.mine.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const link = new URL(request.url).searchParams.get("link")?.slice(0, 100) || null;
  return loadOr(request, async () => {
    const edition = await visibleEdition(context.ctx, params.slug);
    const registrationId = link ? null : await ownRegistrationFor(context.ctx, edition.id);
    const holder = link ? { token: link } : { registrationId: registrationId ?? "00000000-0000-0000-0000-000000000000" };
    const { ics: _ics, ...mine } = await myAgenda(context.ctx, { holder, locale: context.ctx.locale });
    return { ...mine, link };
  });
}

export default function Mine({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const base = agendaPath(d.edition.slug);
  const q = d.link ? `?link=${encodeURIComponent(d.link)}` : "";
  return (
    <section className="page">
      <p className="eyebrow">
        <a href={base}>{t("programme.agenda.title")}</a> · {pick(locale, d.edition.nameEn, d.edition.nameUr)}
      </p>
      <h1>{t("programme.mine.title")}</h1>
      {d.sessions.length === 0 && d.waitlisted.length === 0 ? <p>{t("programme.mine.none")}</p> : <p><a href={`${base}/mine/calendar${q}`}>{t("programme.mine.ics")}</a></p>}
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
      {d.waitlisted.length ? (
        <>
          <h2>{t("programme.seats.mineWaitlisted")}</h2>
          <ul className="cards plain" data-testid="mine-waitlisted">
            {d.waitlisted.map((s) => (
              <li key={s.id} className="plain">
                <p className="muted">{t("programme.day", { day: s.day, date: editionDayDate(d.edition.startsOn, s.day - 1) })}</p>
                <ul className="plain">
                  <SessionLine slug={d.edition.slug} s={s} />
                </ul>
                <p>
                  <strong>{t("programme.seats.waitlisted", { position: s.position })}</strong>
                </p>
                <Form method="post" action={`${base}/sessions/${s.id}`}>
                  <input type="hidden" name="intent" value="cancel" />
                  {d.link ? <input type="hidden" name="link" value={d.link} /> : null}
                  <button type="submit">{t("programme.seats.leave")}</button>
                </Form>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
