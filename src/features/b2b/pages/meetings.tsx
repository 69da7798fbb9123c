import { Form, useActionData } from "react-router";
import type { Route } from "./+types/meetings";
import { loadOr, runForm } from "../../../web/actions";
import { Field, FormError, Notice, failureOf, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { addStaff, assignStaff, calendarLink, cancelMeeting, myMeetings, removeStaff } from "../operations/meetings";
import { ParticipantNav } from "./participant-nav";
import { participantBase, refOf } from "./who";

// /b2b/:who/meetings — the participant's published meetings, day by day, in the edition's local
// time: partner (with contact details), place, interpreter, status; cancel one; an exhibitor gives
// meetings to its staff; the printable PDF, a meeting's .ics and the calendar subscription; once a
// meeting has started, a link to record what came of it (the meeting day's page). Every
// form is a plain POST (works without JavaScript), told apart by `intent`.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "b2b.meetings.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const ref = refOf(params.who);
  // A meeting that has started can have its outcome recorded (the meeting day's form, issue #14).
  return { who: params.who, now: context.ctx.clock.now().toISOString(), ...(await loadOr(request, () => myMeetings(context.ctx, ref))) };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const ref = refOf(params.who);
  const form = await request.formData();
  const text = (k: string) => String(form.get(k) ?? "").trim();
  const ctx = context.ctx;
  const intent = text("intent");
  const result = await runForm(ctx.locale, form, async () => {
    switch (intent) {
      case "cancel": {
        const r = await cancelMeeting(ctx, { ...ref, meetingId: text("meetingId") });
        return { intent, partner: text("partner"), ...r };
      }
      case "assign":
        return { intent, ...(await assignStaff(ctx, { ...ref, meetingId: text("meetingId"), staffId: text("staffId") || null })) };
      case "addStaff":
        return { intent, ...(await addStaff(ctx, { ...ref, name: text("name"), email: text("email") || undefined, phone: text("phone") || undefined })) };
      case "removeStaff":
        return { intent, ...(await removeStaff(ctx, { ...ref, staffId: text("staffId") })) };
      default:
        return { intent: "calendar", ...(await calendarLink(ctx, ref)) };
    }
  });
  if (!result.ok) return result.response;
  return result.value;
}

type Done = { intent: "cancel"; partner: string } | { intent: "calendar"; https: string; webcal: string } | { intent: string };

export default function MeetingsPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const done = useActionData() as Done | undefined;
  const base = participantBase(d.who);
  const sme = d.participant.side === "sme";
  const link = done && "https" in done ? done : undefined;
  return (
    <section>
      <h1>{t("b2b.meetings.title")}</h1>
      <p className="muted">{pick(locale, d.edition.nameEn, d.edition.nameUr)}</p>
      <ParticipantNav who={d.who} />
      {done && "partner" in done ? <Notice>{t("b2b.meetings.cancelled", { partner: done.partner })}</Notice> : null}
      <FormError failure={failure} />
      <p>
        <a className="button" href={`${base}/meetings.pdf`} download>
          {t("b2b.meetings.pdf")}
        </a>
      </p>
      {d.days.length === 0 ? <p>{t("b2b.meetings.none")}</p> : null}
      {d.days.map((day) => (
        <section key={day.day} aria-labelledby={`day-${day.day}`}>
          <h2 id={`day-${day.day}`}>{t("b2b.meetings.day", { day: day.day, date: day.date })}</h2>
          <ul className="list" style={{ listStyle: "none", padding: 0 }}>
            {day.meetings.map((m) => {
              const partner = pick(locale, m.partner.name, m.partner.nameUr);
              return (
                <li key={m.id} className="card" data-testid="b2b-meeting" data-status={m.status} style={{ marginBlock: "0.5rem" }}>
                  <h3 style={{ marginBlock: 0 }}>
                    <time dateTime={m.startsAt}>
                      {m.start}–{m.end}
                    </time>{" "}
                    · <a href={`${base}/participants/${m.partner.id}`}>{partner}</a>
                  </h3>
                  <dl>
                    {m.partner.organisation ? <dd>{m.partner.organisation}</dd> : null}
                    <dt>{t("b2b.meetings.contact")}</dt>
                    {/* An address is one long word: it wraps anywhere rather than widen a 360 px phone. */}
                    <dd style={{ overflowWrap: "anywhere" }}>
                      {[m.partner.contactName !== m.partner.name ? m.partner.contactName : null, m.partner.email, m.partner.phone].filter(Boolean).join(" · ") || "—"}
                    </dd>
                    <dt>{t("b2b.meetings.place")}</dt>
                    <dd>
                      {m.place === "table"
                        ? t("b2b.meetings.place.table", { table: m.tableNo ?? "" })
                        : m.stall
                          ? <a href={m.stall.path}>{t("b2b.meetings.place.stallAt", { stall: m.stall.number, hall: (locale === "ur" && m.stall.hallUr) || m.stall.hallEn })}</a>
                          : t("b2b.meetings.place.stall")}
                    </dd>
                    {m.interpreterLanguage ? (
                      <>
                        <dt>{t("b2b.meetings.interpreter")}</dt>
                        <dd>{m.interpreterLanguage}</dd>
                      </>
                    ) : null}
                    <dt>{t("b2b.meetings.status")}</dt>
                    <dd>
                      <strong>{t(`b2b.meetings.status.${m.status}`)}</strong>
                    </dd>
                    {!sme && m.staff ? (
                      <>
                        <dt>{t("b2b.meetings.staff")}</dt>
                        <dd>{m.staff.name}</dd>
                      </>
                    ) : null}
                  </dl>
                  {sme && m.status === "scheduled" ? (
                    <Form method="post" style={{ display: "flex", flexWrap: "wrap", gap: "0.5rem", alignItems: "end" }}>
                      <input type="hidden" name="intent" value="assign" />
                      <input type="hidden" name="meetingId" value={m.id} />
                      <div className="field">
                        <label htmlFor={`staff-${m.id}`}>{t("b2b.meetings.staff")}</label>
                        <select id={`staff-${m.id}`} name="staffId" defaultValue={m.staff?.id ?? ""}>
                          <option value="">{t("b2b.meetings.staff.none")}</option>
                          {d.staff.map((s) => (
                            <option key={s.id} value={s.id}>
                              {s.name}
                            </option>
                          ))}
                        </select>
                      </div>
                      <button type="submit">{t("b2b.meetings.staff.assign")}</button>
                    </Form>
                  ) : null}
                  <p style={{ display: "flex", flexWrap: "wrap", gap: "0.5rem" }}>
                    <a href={`${base}/meetings/${m.id}/ics`} download>
                      {t("b2b.meetings.ics")}
                    </a>
                    {m.status === "scheduled" && Date.parse(m.startsAt) <= Date.parse(d.now) ? <a href={`${base}/meetings/${m.id}/outcome`}>{t("b2b.meetings.outcome")}</a> : null}
                  </p>
                  {m.status === "scheduled" ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="cancel" />
                      <input type="hidden" name="meetingId" value={m.id} />
                      <input type="hidden" name="partner" value={partner} />
                      <button type="submit" className="danger">
                        {t("b2b.meetings.cancel")}
                      </button>
                    </Form>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
      ))}

      <section aria-labelledby="calendar" className="card">
        <h2 id="calendar">{t("b2b.meetings.calendar.title")}</h2>
        <p className="hint">{t("b2b.meetings.calendar.hint")}</p>
        {link ? (
          <>
            <p>
              <a className="button primary" href={link.webcal}>
                {t("b2b.meetings.calendar.subscribe")}
              </a>
            </p>
            <div className="field">
              <label htmlFor="calendar-url">{t("b2b.meetings.calendar.url")}</label>
              <input id="calendar-url" readOnly value={link.https} dir="ltr" />
            </div>
          </>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value="calendar" />
            <button type="submit">{t("b2b.meetings.calendar.get")}</button>
          </Form>
        )}
      </section>

      {sme ? (
        <section aria-labelledby="staff" className="card">
          <h2 id="staff">{t("b2b.meetings.staff.title")}</h2>
          <ul>
            {d.staff.map((s) => (
              <li key={s.id}>
                {s.name} {s.email ? `· ${s.email}` : ""} {s.phone ? `· ${s.phone}` : ""}
                <Form method="post" style={{ display: "inline" }}>
                  <input type="hidden" name="intent" value="removeStaff" />
                  <input type="hidden" name="staffId" value={s.id} />
                  <button type="submit" className="link">
                    {t("b2b.meetings.staff.remove")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
          <Form method="post">
            <input type="hidden" name="intent" value="addStaff" />
            <Field name="name" label={t("b2b.meetings.staff.name")} required failure={failureOf(failure, "addStaff")} />
            <Field name="email" type="email" label={t("b2b.meetings.staff.email")} failure={failureOf(failure, "addStaff")} dir="ltr" />
            <Field name="phone" label={t("b2b.meetings.staff.phone")} failure={failureOf(failure, "addStaff")} dir="ltr" />
            <button type="submit">{t("b2b.meetings.staff.add")}</button>
          </Form>
        </section>
      ) : null}
    </section>
  );
}
