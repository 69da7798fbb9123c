import { useRef, useState, type RefObject } from "react";
import { useNavigation, useSubmit } from "react-router";
import { formOf, SnapSelect, usePointerDrag } from "../../../web/drag";
import { useT } from "../../../web/i18n";
import { STEPS, dropPlace, samePlace, type Place } from "../engine/grid";
import { hhmm } from "../engine/warnings";

// The schedule grid's drag and drop (issue #13, agenda item 2): a progressive enhancement of the
// server-drawn grid on the back office's kit (src/web/drag.tsx, shared with the floor plan
// editor): public pages ship no script. The organiser drags a session onto another room's or
// time's cell, where it lands on the chosen step (engine/grid.ts), or onto another day's tab, where
// it keeps its room and times; on drop the script posts the session's "move" form, the one the
// page offers without JavaScript, so the server checks it and answers with the warnings as for the
// form. Escape cancels a drag. Without JavaScript nothing here is drawn and the forms work.

export interface DragSession {
  id: string;
  title: string;
  roomId: string;
  startMinute: number;
  endMinute: number;
}

interface Drag {
  session: DragSession;
  el: HTMLElement;
  /** Where it would land: a cell of this day's grid, or another day (same room and times). */
  place: (Place & { day: number }) | null;
}

/** The snap select, shown only once the script runs. */
export function StepSelect({ step, onStep }: { step: number; onStep: (s: number) => void }) {
  const t = useT();
  return (
    <SnapSelect
      id="drag-step"
      className="programme-drag-step"
      label={t("programme.editor.drag.step")}
      hint={t("programme.editor.drag.hint")}
      value={step}
      options={STEPS.map((s) => ({ value: s, label: t("programme.editor.drag.minutes", { n: s }) }))}
      onChange={onStep}
    />
  );
}

/**
 * Drag sessions (`[data-session]`) of the grid `table` onto its cells (`td[data-room][data-slot]`)
 * or onto a day's tab (`[data-drop-day]`, anywhere on the page). Returns what a screen reader
 * hears while dragging: where the session would land.
 */
export function useGridDrag(table: RefObject<HTMLTableElement | null>, sessions: readonly DragSession[], day: number, step: number, roomName: (id: string) => string): string {
  const t = useT();
  const submit = useSubmit();
  const busy = useNavigation().state !== "idle";
  const [status, setStatus] = useState("");
  const shown = useRef<HTMLElement | null>(null);
  const mark = (el: HTMLElement | null) => {
    if (shown.current && shown.current !== el) shown.current.classList.remove("drop-target");
    el?.classList.add("drop-target");
    shown.current = el;
  };
  const end = (d: Drag) => {
    mark(null);
    d.el.classList.remove("dragging");
  };
  // The grid holds the pointer while dragging, so its events come to the grid wherever the pointer
  // is: what lies under the pointer says where the session would land.
  const placeAt = (d: Drag, e: PointerEvent): Drag["place"] => {
    const under = document.elementFromPoint(e.clientX, e.clientY);
    const tab = under?.closest<HTMLElement>("[data-drop-day]");
    if (tab) {
      mark(tab);
      const to = Number(tab.dataset.dropDay);
      setStatus(t("programme.editor.drag.toDay", { session: d.session.title, day: to, start: hhmm(d.session.startMinute), end: hhmm(d.session.endMinute) }));
      return { day: to, roomId: d.session.roomId, startMinute: d.session.startMinute, endMinute: d.session.endMinute };
    }
    const cell = under?.closest<HTMLElement>("td[data-room][data-slot]");
    if (!cell || !table.current?.contains(cell)) return null;
    const rect = cell.getBoundingClientRect();
    mark(cell);
    const place = dropPlace(d.session, { roomId: cell.dataset.room!, slotStart: Number(cell.dataset.slot), offsetPx: e.clientY - rect.top, heightPx: rect.height }, step);
    setStatus(t("programme.editor.drag.to", { session: d.session.title, room: roomName(place.roomId), start: hhmm(place.startMinute), end: hhmm(place.endMinute) }));
    return { ...place, day };
  };

  usePointerDrag<Drag>(
    () => table.current,
    {
      begin(e) {
        if (busy) return null;
        const el = (e.target as Element).closest<HTMLElement>("[data-session]");
        const session = el ? sessions.find((s) => s.id === el.dataset.session) : undefined;
        return el && session ? { session, el, place: null } : null;
      },
      moved(d, e, first) {
        if (first) d.el.classList.add("dragging");
        d.place = placeAt(d, e) ?? d.place;
      },
      dropped(d) {
        end(d);
        const place = d.place;
        if (!place || (place.day === day && samePlace(place, d.session))) return;
        const fields = { intent: "move", id: d.session.id, day: place.day, startMinute: hhmm(place.startMinute), endMinute: hhmm(place.endMinute), roomId: place.roomId, step };
        submit(formOf(fields), { method: "post", preventScrollReset: true });
      },
      cancelled(d) {
        end(d);
        setStatus(t("programme.editor.drag.cancelled"));
      },
    },
    "drag-on",
  );
  return status;
}
