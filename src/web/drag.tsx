import { useEffect, useRef } from "react";
import { useEnhanced } from "./enhanced";

// The back office's drag and drop kit: the floor plan editor's stalls (floor/pages/editor-drag.tsx)
// and the schedule grid's sessions (programme/pages/editor-drag.tsx). A progressive enhancement of
// a server-drawn page (docs/code-style.md, "Pages"): what a drop does is post the page's own form,
// the one it offers without JavaScript, so the server checks it. This kit owns what both share:
// the snap select shown once the script runs, and the pointer listeners (a press that moves far
// enough is a drag, else it stays a click on the link under it; the click that ends a drag is
// swallowed; Escape or a cancelled pointer ends a drag without a drop; the browser's own drag of a
// link is kept from ending ours).

/** Pixels the pointer must travel from the press before a press becomes a drag. */
export const DRAG_START_PX = 6;

/** The snap choice above a draggable area, shown only once the script runs. */
export function SnapSelect({
  id,
  label,
  hint,
  value,
  options,
  onChange,
  className,
  dir,
}: {
  id: string;
  label: string;
  hint: string;
  value: number;
  options: readonly { value: number; label: string }[];
  onChange: (v: number) => void;
  className?: string;
  dir?: "ltr";
}) {
  if (!useEnhanced()) return null;
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={id}>{label}</label>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <select id={id} value={String(value)} onChange={(e) => onChange(Number(e.target.value))} aria-describedby={`${id}-hint`} dir={dir}>
        {options.map((o) => (
          <option key={o.value} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** What a page does with the pointer: the kit calls these with the page's latest state. */
export interface PointerDrag<D> {
  /** The drag a primary-button press would start (null: the press is left alone). */
  begin(e: PointerEvent): D | null;
  /** True once the pointer is far enough from the press (default: DRAG_START_PX screen pixels). */
  started?(d: D, e: PointerEvent, from: { x: number; y: number }): boolean;
  /** Every move of a started drag; `first` on the move that started it. */
  moved(d: D, e: PointerEvent, first: boolean): void;
  /** The pointer released after a started drag. */
  dropped(d: D, e: PointerEvent): void;
  /** A started drag ended without a drop (Escape, the pointer cancelled by the browser). */
  cancelled?(d: D): void;
}

/** Posts `fields` as a form (a drop's form, the same fields as the page's form without script). */
export function formOf(fields: Record<string, string | number>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, String(v));
  return form;
}

/**
 * Listens on the element `target` returns (found once, after the first render) for drags, while
 * the page runs; `className` marks the element meanwhile (its cursor, `touch-action: none`).
 */
export function usePointerDrag<D>(target: () => Element | null, handlers: PointerDrag<D>, className: string): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  const find = useRef(target);

  useEffect(() => {
    const el = find.current();
    if (!el) return;
    let drag: { d: D; from: { x: number; y: number }; moved: boolean } | null = null;
    let suppressClick = false;
    const release = (e: PointerEvent) => {
      if (el.hasPointerCapture(e.pointerId)) el.releasePointerCapture(e.pointerId);
    };
    const down = (e: PointerEvent) => {
      if (e.button !== 0) return;
      const d = latest.current.begin(e);
      drag = d === null ? null : { d, from: { x: e.clientX, y: e.clientY }, moved: false };
    };
    const move = (e: PointerEvent) => {
      if (!drag) return;
      const h = latest.current;
      const first = !drag.moved;
      if (first && !(h.started ? h.started(drag.d, e, drag.from) : Math.hypot(e.clientX - drag.from.x, e.clientY - drag.from.y) >= DRAG_START_PX)) return;
      if (first) el.setPointerCapture(e.pointerId); // only now: a plain click still reaches the link
      drag.moved = true;
      e.preventDefault();
      h.moved(drag.d, e, first);
    };
    const up = (e: PointerEvent) => {
      const d = drag;
      drag = null;
      release(e);
      if (!d?.moved) return;
      suppressClick = true;
      if (e.type === "pointercancel") latest.current.cancelled?.(d.d);
      else latest.current.dropped(d.d, e);
    };
    // The click that ends a drag is not a click on the link it started on.
    const click = (e: MouseEvent) => {
      if (!suppressClick) return;
      suppressClick = false;
      e.preventDefault();
    };
    const key = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || !drag) return;
      const d = drag;
      drag = null;
      if (!d.moved) return;
      suppressClick = true;
      latest.current.cancelled?.(d.d);
    };
    // A link's own drag (the browser's) would end ours.
    const native = (e: Event) => {
      if (drag) e.preventDefault();
    };
    const listeners: [string, (e: never) => void][] = [
      ["dragstart", native],
      ["pointerdown", down],
      ["pointermove", move],
      ["pointerup", up],
      ["pointercancel", up],
    ];
    for (const [type, fn] of listeners) el.addEventListener(type, fn as EventListener);
    el.addEventListener("click", click as EventListener, true);
    document.addEventListener("keydown", key);
    el.classList.add(className);
    return () => {
      for (const [type, fn] of listeners) el.removeEventListener(type, fn as EventListener);
      el.removeEventListener("click", click as EventListener, true);
      document.removeEventListener("keydown", key);
      el.classList.remove(className);
    };
  }, [className]);
}
