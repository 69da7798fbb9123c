import { Form, redirect } from "react-router";
import type { Route } from "./+types/session";
import { loadOr, runForm } from "../../../web/actions";
import { FormError, Notice, useFailure } from "../../../web/components/form";
import { pick, useLocale, useT } from "../../../web/i18n";
import { uuidParam } from "../../../web/params";
import { editionDayDate } from "#features/editions/client";
import { hhmm } from "../engine/warnings";
import { publicSession } from "../operations/public";
import { cancelRsvp, myAgenda, ownRegistrationFor, rsvpSession } from "../operations/rsvp";
import { agendaPath } from "./parts";

// A released session: when and where, its speakers, seats left, its .ics, and the RSVP form for a
// registered person (signed in with a registration of the edition, or holding its manage link,
// passed as ?link=…).

export function meta({ data: d }: Route.MetaArgs) {
  return d ? [{ title: d.session.titleEn }] : [];
}

const holderOf = (registrationId: string | null, link: string | null) => (link ? { token: link } : registrationId ? { registrationId } : null);

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const sessionId = uuidParam(params.sessionId);
  const url = new URL(request.url);
  const link = url.searchParams.get("link")?.slice(0, 100) || null;
  const r = await loadOr(request, () => publicSession(context.ctx, { slug: params.slug, sessionId }));
  const registrationId = await ownRegistrationFor(context.ctx, r.edition.id);
  const holder = holderOf(registrationId, link);
  let mine = false;
  let position: number | null = null;
  if (holder) {
    try {
      const agenda = await myAgenda(context.ctx, { holder });
      mine = agenda.sessions.some((s) => s.id === sessionId);
      position = agenda.waitlisted.find((s) => s.id === sessionId)?.position ?? null;
    } catch {
      // A stale link or a registration not approved: the page still shows, without the form.
    }
  }
  return { ...r, link, canRsvp: !!holder, mine, position, done: url.searchParams.get("done") };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const sessionId = uuidParam(params.sessionId);
  const form = await request.formData();
  const link = String(form.get("link") ?? "") || null;
  const intent = String(form.get("intent") ?? "");
  const result = await runForm(context.ctx.locale, form, async () => {
    const { edition } = await publicSession(context.ctx, { slug: params.slug, sessionId });
    const holder = holderOf(await ownRegistrationFor(context.ctx, edition.id), link) ?? { registrationId: "00000000-0000-0000-0000-000000000000" };
    return intent === "cancel" ? cancelRsvp(context.ctx, { sessionId, holder }) : rsvpSession(context.ctx, { sessionId, holder });
  });
  if (!result.ok) return result.response;
  const v = result.value as { status?: string; was?: string | null };
  const done = intent === "cancel" ? (v.was === "waitlisted" ? "left" : "cancelled") : v.status === "waitlisted" ? "waitlisted" : "reserved";
  const q = new URLSearchParams({ done, ...(link ? { link } : {}) });
  return redirect(`${agendaPath(params.slug)}/sessions/${sessionId}?${q}`);
}

export default function SessionPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const s = d.session;
  const base = agendaPath(d.edition.slug);
  const left = Math.max(0, d.seats.capacity - d.seats.taken);
  const full = left === 0 || d.seats.waiting > 0;
  const intent = d.mine || d.position !== null ? "cancel" : "rsvp";
  const label = d.mine ? t("programme.rsvp.cancel") : d.position !== null ? t("programme.seats.leave") : full ? t("programme.seats.waitlist") : t("programme.rsvp.reserve");
  return (
    <section className="page">
      <p className="eyebrow">
        <a href={base}>{t("programme.agenda.title")}</a>
      </p>
      <h1>{pick(locale, s.titleEn, s.titleUr)}</h1>
      {d.done ? <Notice>{doneText(t, d.done, d.position)}</Notice> : null}
      <FormError failure={failure} />
      <p>
        {t("programme.day", { day: s.day, date: editionDayDate(d.edition.startsOn, s.day - 1) })},{" "}
        <span dir="ltr">
          {hhmm(s.startMinute)}–{hhmm(s.endMinute)}
        </span>
      </p>
      <p>
        {t("programme.field.room")}: {pick(locale, s.roomEn, s.roomUr)}
      </p>
      {d.onFloor ? (
        <p>
          <a href={d.onFloor.href} data-testid="room-on-floor">
            {t("programme.session.onFloorMap", { room: pick(locale, s.roomEn, s.roomUr), hall: pick(locale, d.onFloor.hall.nameEn, d.onFloor.hall.nameUr) })}
          </a>
        </p>
      ) : null}
      <p>
        {t(`programme.kind.${s.kind}`)} · {t(`programme.track.${s.track}`)} · {t(`programme.language.${s.language as "en" | "ur"}`)}
        {s.interpretation ? <> · {t("programme.field.interpretation")}</> : null}
      </p>
      <p>{t(`programme.access.${s.access}`)}</p>
      {(locale === "ur" ? s.descriptionUr : s.descriptionEn) ? <p>{pick(locale, s.descriptionEn, s.descriptionUr)}</p> : null}
      {s.speakers.length ? (
        <>
          <h2>{t("programme.field.speakers")}</h2>
          <ul>
            {s.speakers.map((p) => (
              <li key={p.id}>
                <a href={`${base}/speakers/${p.slug}`}>{pick(locale, p.name, p.nameUr || p.name)}</a>
                {p.organisation ? <>, {p.organisation}</> : null} ({t(`programme.role.${p.role as "speaker" | "moderator"}`)})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p data-testid="seats">
        {t("programme.rsvp.seats", { left, capacity: d.seats.capacity })}
        {d.seats.waiting > 0 ? <> · {t("programme.seats.full", { waiting: d.seats.waiting })}</> : null}
      </p>
      {d.mine ? <p data-testid="my-seat">{t("programme.seats.seated")}</p> : null}
      {d.position !== null ? (
        <p data-testid="my-seat">
          <strong>{t("programme.seats.waitlisted", { position: d.position })}</strong>
        </p>
      ) : null}
      <p>
        <a href={`${base}/sessions/${s.id}/ics`}>{t("programme.agenda.ics")}</a>
      </p>
      {d.canRsvp ? (
        <Form method="post">
          <input type="hidden" name="intent" value={intent} />
          {d.link ? <input type="hidden" name="link" value={d.link} /> : null}
          <button type="submit" className={intent === "cancel" ? undefined : "primary"}>
            {label}
          </button>
        </Form>
      ) : s.kind !== "break" ? (
        <p className="hint">{t("programme.rsvp.how")}</p>
      ) : null}
    </section>
  );
}

function doneText(t: ReturnType<typeof useT>, done: string, position: number | null) {
  if (done === "waitlisted") return t("programme.seats.joined", { position: position ?? 1 });
  if (done === "left") return t("programme.seats.left");
  return t(done === "cancelled" ? "programme.rsvp.cancelled" : "programme.rsvp.reserved");
}
