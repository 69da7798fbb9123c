import { pick, useLocale, useT } from "../../../web/i18n";
import type { SessionAttendance } from "../session-attendance-port";

// The footfall dashboard's agenda part (issue #13, agenda item 5): each session of the agenda with
// the people admitted at its door against its room's seats (figures from the agenda, through
// check-in's session attendance port).

export function SessionAttendanceTable({ sessions }: { sessions: readonly SessionAttendance[] }) {
  const t = useT();
  const locale = useLocale();
  const n = (v: number) => v.toLocaleString(locale === "ur" ? "ur-PK" : "en-GB");
  return (
    <>
      <h2 id="footfall-sessions-h">{t("checkin.footfall.bySession")}</h2>
      {sessions.length === 0 ? (
        <p>{t("checkin.footfall.noSessions")}</p>
      ) : (
        /* Focusable so keyboard users can scroll a wide table at 360 px. */
        <div className="table-scroll" role="region" aria-labelledby="footfall-sessions-h" tabIndex={0} data-testid="footfall-sessions">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("checkin.badge.days")}</th>
                <th scope="col">{t("checkin.footfall.session")}</th>
                <th scope="col">{t("checkin.footfall.room")}</th>
                <th scope="col">{t("checkin.footfall.admitted")}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.sessionId}>
                  <td>
                    {t("checkin.footfall.day", { n: s.day })} <span dir="ltr">{s.start}</span>
                  </td>
                  <th scope="row">{pick(locale, s.titleEn, s.titleUr)}</th>
                  <td>
                    {pick(locale, s.roomEn, s.roomUr)} ({n(s.capacity)})
                  </td>
                  <td>{n(s.admitted)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
