import type { Route } from "./+types/editor";
import { pick, useLocale, useT } from "../../../web/i18n";
import { hhmm, type ScheduleWarning } from "../engine/warnings";

// The schedule editor's warnings (issue #13, agenda item 2): a speaker in two places, two sessions
// in one room, a room too small for its RSVPs, a session outside the venue's hours. They never
// block the draft; the page lists all of them, and after a move (form or drag) the moved session's.

type Data = Route.ComponentProps["loaderData"];

function WarningList({ d, warnings, testId }: { d: Data; warnings: readonly ScheduleWarning[]; testId: string }) {
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
  const text = (w: ScheduleWarning) => {
    switch (w.code) {
      case "speaker_clash":
        return t("programme.warning.speaker_clash", { speaker: speaker(w.speakerId), a: title(w.sessionIds[0]), b: title(w.sessionIds[1]) });
      case "room_clash":
        return t("programme.warning.room_clash", { room: room(w.roomId), a: title(w.sessionIds[0]), b: title(w.sessionIds[1]) });
      case "room_too_small":
        return t("programme.warning.room_too_small", { session: title(w.sessionId), rsvps: w.rsvps, capacity: w.capacity });
      case "outside_hours":
        return t("programme.warning.outside_hours", { session: title(w.sessionId), opens: hhmm(d.hours.opensMinute), closes: hhmm(d.hours.closesMinute) });
    }
  };
  return (
    <ul data-testid={testId}>
      {warnings.map((w, i) => (
        <li key={i}>{text(w)}</li>
      ))}
    </ul>
  );
}

/** Every warning of the draft. */
export function Warnings({ d }: { d: Data }) {
  const t = useT();
  if (d.warnings.length === 0) return <p data-testid="programme-no-warnings">{t("programme.editor.noWarnings")}</p>;
  return <WarningList d={d} warnings={d.warnings} testId="programme-warnings" />;
}

/** What the page says after a move: "Moved.", or the moved session's warnings. */
export function MovedNotice({ d }: { d: Data }) {
  const t = useT();
  if (!d.moved) return null;
  return (
    <div className={d.moved.warnings.length ? "alert alert-warn" : "alert alert-ok"} role="status" data-testid="programme-moved">
      <p>{d.moved.warnings.length ? t("programme.editor.movedWarnings") : t("programme.editor.moved")}</p>
      {d.moved.warnings.length ? <WarningList d={d} warnings={d.moved.warnings} testId="programme-moved-warnings" /> : null}
    </div>
  );
}
