import { Form } from "react-router";
import type { Route } from "./+types/editor";
import { FormError, useFailure } from "../../../web/components/form";
import { pick, useLocale, useT } from "../../../web/i18n";
import { hhmm } from "../engine/warnings";
import { Place } from "./editor-session-form";

// The schedule editor's sessions of the day, each with its counts (RSVPs, waiting, at the door),
// its links (edit, invitations, door), its move form (the one the grid's drag posts) and cancel or
// restore. Works without JavaScript.

type Data = Route.ComponentProps["loaderData"];

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

export function SessionList({ d }: { d: Data }) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const ofDay = d.sessions.filter((s) => s.day === d.day);
  return (
    <ul className="plain">
      {ofDay.map((s) => {
        const moveFailure = failure?.values.intent === "move" && failure.values.id === s.id ? failure : undefined;
        return (
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
          {/* Open after a refused move, so its reasons show. */}
          <details open={moveFailure ? true : undefined}>
            <summary>{t("programme.editor.move")}</summary>
            <Form method="post">
              <FormError failure={moveFailure} />
              <input type="hidden" name="intent" value="move" />
              <input type="hidden" name="id" value={s.id} />
              <Place d={d} s={s} form={`m-${s.id}`} failure={moveFailure} />
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
        );
      })}
    </ul>
  );
}
