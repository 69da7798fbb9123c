import { useRef, useState } from "react";
import type { Route } from "./+types/editor";
import { failureOf, useFailure } from "../../../web/components/form";
import { useEnhanced } from "../../../web/enhanced";
import { pick, useLocale, useT } from "../../../web/i18n";
import { editionDayDate } from "#features/editions/client";
import { gridSlots, slotOf } from "../engine/grid";
import { hhmm, sessionsOf } from "../engine/warnings";
import { StepSelect, useGridDrag } from "./editor-drag";

// The schedule editor's day × room grid (issue #13, agenda item 2): a row every half hour of the
// venue's day, a column per room, each session in the cell of its start. Drawn by the server and
// complete without JavaScript (a session's link opens its form; each session has its move form
// below); in the browser its sessions can be dragged to another cell (editor-drag.tsx).

type Data = Route.ComponentProps["loaderData"];

export function Grid({ d }: { d: Data }) {
  const t = useT();
  const locale = useLocale();
  const table = useRef<HTMLTableElement>(null);
  const [step, setStep] = useState<number>(d.step);
  const enhanced = useEnhanced();
  const moveFailure = failureOf(useFailure(), "move");
  const live = d.sessions.filter((s) => s.day === d.day && !s.cancelled);
  const slots = gridSlots(d.hours, live);
  const flagged = new Set(d.warnings.flatMap(sessionsOf));
  const roomName = (id: string) => {
    const r = d.rooms.find((x) => x.id === id);
    return r ? pick(locale, r.nameEn, r.nameUr) : id;
  };
  const status = useGridDrag(
    table,
    live.map((s) => ({ id: s.id, title: pick(locale, s.titleEn, s.titleUr), roomId: s.roomId, startMinute: s.startMinute, endMinute: s.endMinute })),
    d.day,
    step,
    roomName,
  );
  return (
    <>
      {/* A refused drag (the move form's refusal, also shown in that form) is said here, by the grid. */}
      {enhanced && moveFailure ? (
        <p className="alert alert-error" role="alert" data-testid="programme-drag-refused">
          {moveFailure.message}
        </p>
      ) : null}
      <StepSelect step={step} onStep={setStep} />
      <p className="hint programme-drag-status" aria-live="polite" data-testid="programme-drag-status">
        {status}
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="grid-h">
        <table className="programme-grid" data-testid="programme-grid" ref={table}>
          <caption id="grid-h">{t("programme.editor.gridCaption", { day: d.day, date: editionDayDate(d.edition.startsOn, d.day - 1) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("programme.field.start")}</th>
              {d.rooms.map((r) => (
                <th scope="col" key={r.id}>
                  {pick(locale, r.nameEn, r.nameUr)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {slots.map((m) => (
              <tr key={m}>
                <th scope="row" dir="ltr">
                  {hhmm(m)}
                </th>
                {d.rooms.map((r) => (
                  <td key={r.id} data-room={r.id} data-slot={m}>
                    {live
                      .filter((s) => slotOf(s.startMinute) === m && s.roomId === r.id)
                      .map((s) => (
                        <p key={s.id} data-session={s.id} className={flagged.has(s.id) ? "warn" : undefined} data-testid="grid-session">
                          <a href={`?day=${d.day}&edit=${s.id}#session-form`}>{pick(locale, s.titleEn, s.titleUr)}</a>{" "}
                          <span dir="ltr">
                            {hhmm(s.startMinute)}–{hhmm(s.endMinute)}
                          </span>
                          {flagged.has(s.id) ? <strong> ⚠ {t("programme.editor.flagged")}</strong> : null}
                        </p>
                      ))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
