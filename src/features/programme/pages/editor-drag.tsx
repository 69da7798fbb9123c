import { useEffect, useRef, useState, type RefObject } from "react";
import { useNavigation, useSubmit } from "react-router";
import { useEnhanced } from "../../../web/enhanced";
import { useT } from "../../../web/i18n";
import { STEPS, dropPlace, samePlace, type Place } from "../engine/grid";
import { hhmm } from "../engine/warnings";

// The schedule grid's drag and drop (issue #13, agenda item 2): a progressive enhancement of the
// server-drawn grid, as the floor plan editor's (floor/pages/editor-drag.tsx): the back office
// hydrates, public pages ship no script. The organiser drags a session onto another room's or
// time's cell; it lands on the chosen step (engine/grid.ts) and, on drop, the script posts the
// session's "move" form, the one the page offers without JavaScript, so the server checks it and
// answers with the warnings as for the form. Escape cancels a drag. Without JavaScript nothing here
// is drawn and the forms work.

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
  from: { x: number; y: number };
  moved: boolean;
  place: Place | null;
  cell: HTMLElement | null;
}

/** The snap select, shown only once the script runs. */
export function StepSelect({ step, onStep }: { step: number; onStep: (s: number) => void }) {
  const t = useT();
  if (!useEnhanced()) return null;
  return (
    <div className="field programme-drag-step">
      <label htmlFor="drag-step">{t("programme.editor.drag.step")}</label>
      <p className="hint" id="drag-step-hint">
        {t("programme.editor.drag.hint")}
      </p>
      <select id="drag-step" value={String(step)} onChange={(e) => onStep(Number(e.target.value))} aria-describedby="drag-step-hint">
        {STEPS.map((s) => (
          <option key={s} value={s}>
            {t("programme.editor.drag.minutes", { n: s })}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Drag sessions (`[data-session]`) of the grid `table` onto its cells (`td[data-room][data-slot]`).
 * Returns what a screen reader hears while dragging: where the session would land.
 */
export function useGridDrag(table: RefObject<HTMLTableElement | null>, sessions: readonly DragSession[], day: number, step: number, roomName: (id: string) => string): string {
  const t = useT();
  const submit = useSubmit();
  const busy = useNavigation().state !== "idle";
  const [status, setStatus] = useState("");
  const state = useRef({ sessions, day, step, busy, roomName, t });
  useEffect(() => {
    state.current = { sessions, day, step, busy, roomName, t };
  });

  useEffect(() => {
    const grid = table.current;
    if (!grid) return;
    let drag: Drag | null = null;
    let suppressClick = false;
    const mark = (cell: HTMLElement | null) => {
      if (drag?.cell && drag.cell !== cell) drag.cell.classList.remove("drop-target");
      cell?.classList.add("drop-target");
    };
    const end = () => {
      mark(null);
      drag?.el.classList.remove("dragging");
      drag = null;
    };
    const placeAt = (d: Drag, e: PointerEvent) => {
      const cell = document.elementFromPoint(e.clientX, e.clientY)?.closest<HTMLElement>("td[data-room][data-slot]");
      if (!cell || !grid.contains(cell)) return null;
      const rect = cell.getBoundingClientRect();
      mark(cell);
      d.cell = cell;
      const place = dropPlace(d.session, { roomId: cell.dataset.room!, slotStart: Number(cell.dataset.slot), offsetPx: e.clientY - rect.top, heightPx: rect.height }, state.current.step);
      const { t: tr, roomName: name } = state.current;
      setStatus(tr("programme.editor.drag.to", { session: d.session.title, room: name(place.roomId), start: hhmm(place.startMinute), end: hhmm(place.endMinute) }));
      return place;
    };
    const down = (e: PointerEvent) => {
      if (e.button !== 0 || state.current.busy) return;
      const el = (e.target as Element).closest<HTMLElement>("[data-session]");
      const session = el ? state.current.sessions.find((s) => s.id === el.dataset.session) : undefined;
      if (!el || !session) return;
      drag = { session, el, from: { x: e.clientX, y: e.clientY }, moved: false, place: null, cell: null };
    };
    const move = (e: PointerEvent) => {
      const d = drag;
      if (!d) return;
      if (!d.moved && Math.hypot(e.clientX - d.from.x, e.clientY - d.from.y) < 6) return;
      if (!d.moved) {
        grid.setPointerCapture(e.pointerId); // only now: a plain click still reaches the session's link
        d.el.classList.add("dragging");
      }
      d.moved = true;
      e.preventDefault();
      d.place = placeAt(d, e) ?? d.place;
    };
    const up = (e: PointerEvent) => {
      const d = drag;
      if (grid.hasPointerCapture(e.pointerId)) grid.releasePointerCapture(e.pointerId);
      end();
      if (!d?.moved) return;
      suppressClick = true;
      const place = d.place;
      if (!place || samePlace(place, d.session) || e.type === "pointercancel") return;
      const form = new FormData();
      const { day: dayOf, step: stepOf } = state.current;
      for (const [k, v] of Object.entries({ intent: "move", id: d.session.id, day: dayOf, startMinute: hhmm(place.startMinute), endMinute: hhmm(place.endMinute), roomId: place.roomId, step: stepOf }))
        form.set(k, String(v));
      submit(form, { method: "post", preventScrollReset: true });
    };
    // The click that ends a drag is not a click on the session's link.
    const click = (e: MouseEvent) => {
      if (!suppressClick) return;
      suppressClick = false;
      e.preventDefault();
    };
    const key = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || !drag) return;
      if (drag.moved) suppressClick = true;
      end();
      setStatus(state.current.t("programme.editor.drag.cancelled"));
    };
    // A link's own drag (the browser's) would end ours.
    const native = (e: DragEvent) => {
      if ((e.target as Element).closest?.("[data-session]")) e.preventDefault();
    };
    grid.addEventListener("dragstart", native);
    grid.addEventListener("pointerdown", down);
    grid.addEventListener("pointermove", move);
    grid.addEventListener("pointerup", up);
    grid.addEventListener("pointercancel", up);
    grid.addEventListener("click", click, true);
    document.addEventListener("keydown", key);
    grid.classList.add("drag-on");
    return () => {
      grid.removeEventListener("dragstart", native);
      grid.removeEventListener("pointerdown", down);
      grid.removeEventListener("pointermove", move);
      grid.removeEventListener("pointerup", up);
      grid.removeEventListener("pointercancel", up);
      grid.removeEventListener("click", click, true);
      document.removeEventListener("keydown", key);
      grid.classList.remove("drag-on");
    };
  }, [submit, table]);
  return status;
}
