import { useEffect, useRef, useState } from "react";
import { useNavigation, useSubmit } from "react-router";
import { useEnhanced } from "../../../web/enhanced";
import { useT } from "../../../web/i18n";
import { boxOf, dragTo, handleBox, moveFields, nudge, startsDrag, type Box } from "../engine/drag";

// The plan editor's drag, resize and arrow keys (issue #12, item 2): a progressive enhancement of
// the server-drawn plan, on this page only (the back office hydrates; public pages ship no script).
// Drawn inside the plan's SVG: the chosen stall's resize handle and, while dragging, the stall's
// new outline. On drop it posts the existing "move" form (x, y, width, depth) to the page's action,
// which checks it on the server (inside the hall, off other stalls) and answers as for the form:
// saved, or refused with the reason. Without JavaScript none of this is drawn and the forms work.

export interface DragStall {
  id: string;
  number: string;
  x: number | null;
  y: number | null;
  w: number | null;
  h: number | null;
}
type Hall = { widthM: number; depthM: number };
interface Drag {
  stall: DragStall;
  start: Box;
  from: { x: number; y: number };
  mode: "move" | "resize";
  moved: boolean;
}

/** The grid select, shown only once the script runs. */
export function DragGrid({ grid, onGrid }: { grid: number; onGrid: (g: number) => void }) {
  const t = useT();
  if (!useEnhanced()) return null;
  return (
    <div className="field floor-drag-grid">
      <label htmlFor="drag-grid">{t("floor.editor.drag.grid")}</label>
      <p className="hint" id="drag-grid-hint">
        {t("floor.editor.drag.hint")}
      </p>
      <select id="drag-grid" value={String(grid)} onChange={(e) => onGrid(Number(e.target.value))} aria-describedby="drag-grid-hint" dir="ltr">
        <option value="0.5">0.5 m</option>
        <option value="1">1 m</option>
      </select>
    </div>
  );
}

/** The SVG overlay: the handle of the chosen stall and the outline being dragged; the listeners. */
export function DragLayer({ stalls, hall, selectedId, grid }: { stalls: readonly DragStall[]; hall: Hall; selectedId: string | null; grid: number }) {
  const t = useT();
  const submit = useSubmit();
  const busy = useNavigation().state !== "idle";
  const layer = useRef<SVGGElement>(null);
  const drag = useRef<Drag | null>(null);
  // The outline being dragged, for the plan it was drawn on: a new plan from the server (saved or
  // refused) ends it.
  const [shown, setShown] = useState<{ box: Box; on: readonly DragStall[] } | null>(null);
  const ghost = shown && shown.on === stalls ? shown.box : null;
  const on = useEnhanced();
  const state = useRef({ stalls, hall, grid, busy });
  useEffect(() => {
    state.current = { stalls, hall, grid, busy };
  });

  useEffect(() => {
    const svg = layer.current?.ownerSVGElement;
    if (!svg) return;
    let suppressClick = false;
    let keyTimer: ReturnType<typeof setTimeout> | undefined;
    let pending: { stall: DragStall; box: Box } | null = null;
    const byNumber = (n: string | null) => (n ? state.current.stalls.find((s) => s.number === n && boxOf(s)) : undefined);
    const metres = (e: PointerEvent) => {
      const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(svg.getScreenCTM()!.inverse());
      return { x: p.x, y: p.y };
    };
    const setGhost = (box: Box) => setShown({ box, on: state.current.stalls });
    const save = (stall: DragStall, b: Box) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(moveFields(stall, b))) form.set(k, v);
      submit(form, { method: "post" });
    };
    const down = (e: PointerEvent) => {
      if (e.button !== 0 || state.current.busy) return;
      const target = e.target as Element;
      const handle = target.closest("[data-resize]");
      const stall = byNumber(handle ? handle.getAttribute("data-resize") : (target.closest("a.f-stall")?.getAttribute("data-stall") ?? null));
      if (!stall) return;
      drag.current = { stall, start: boxOf(stall)!, from: metres(e), mode: handle ? "resize" : "move", moved: false };
    };
    const move = (e: PointerEvent) => {
      const d = drag.current;
      if (!d) return;
      const p = metres(e);
      const [dx, dy] = [p.x - d.from.x, p.y - d.from.y];
      if (!d.moved && !startsDrag(dx, dy)) return;
      if (!d.moved) svg.setPointerCapture(e.pointerId); // only now: a plain click still reaches the stall's link
      d.moved = true;
      e.preventDefault();
      const { grid: g, hall: h } = state.current;
      setGhost(dragTo(d.mode, d.start, dx, dy, g, h));
    };
    const up = (e: PointerEvent) => {
      const d = drag.current;
      drag.current = null;
      if (svg.hasPointerCapture(e.pointerId)) svg.releasePointerCapture(e.pointerId);
      if (!d?.moved) return;
      suppressClick = true;
      const p = metres(e);
      const { grid: g, hall: h } = state.current;
      const b = dragTo(d.mode, d.start, p.x - d.from.x, p.y - d.from.y, g, h);
      setGhost(b);
      save(d.stall, b);
    };
    // The click that ends a drag is not a choice of the stall (its link).
    const click = (e: MouseEvent) => {
      if (!suppressClick) return;
      suppressClick = false;
      e.preventDefault();
    };
    const key = (e: KeyboardEvent) => {
      if (state.current.busy || e.altKey || e.ctrlKey || e.metaKey) return;
      const stall = pending?.stall ?? byNumber((e.target as Element).closest?.("a.f-stall")?.getAttribute("data-stall") ?? null);
      if (!stall) return;
      const b = nudge(pending?.box ?? boxOf(stall)!, e.key, state.current.grid, state.current.hall);
      if (!b) return;
      e.preventDefault();
      pending = { stall, box: b };
      setGhost(b);
      // Several presses in a row are one move.
      clearTimeout(keyTimer);
      keyTimer = setTimeout(() => {
        const p = pending!;
        pending = null;
        save(p.stall, p.box);
      }, 500);
    };
    svg.addEventListener("pointerdown", down);
    svg.addEventListener("pointermove", move);
    svg.addEventListener("pointerup", up);
    svg.addEventListener("pointercancel", up);
    svg.addEventListener("click", click, true);
    svg.addEventListener("keydown", key);
    svg.classList.add("f-draggable");
    return () => {
      clearTimeout(keyTimer);
      svg.removeEventListener("pointerdown", down);
      svg.removeEventListener("pointermove", move);
      svg.removeEventListener("pointerup", up);
      svg.removeEventListener("pointercancel", up);
      svg.removeEventListener("click", click, true);
      svg.removeEventListener("keydown", key);
      svg.classList.remove("f-draggable");
    };
  }, [submit]);

  // After a save the chosen stall has the keyboard again, for the next arrow.
  useEffect(() => {
    if (!selectedId) return;
    const s = stalls.find((x) => x.id === selectedId);
    const el = s ? layer.current?.ownerSVGElement?.querySelector<SVGAElement>(`a.f-stall[data-stall="${CSS.escape(s.number)}"]`) : null;
    if (el && new URL(window.location.href).searchParams.get("done") === "moved") el.focus();
  }, [selectedId, stalls]);

  const selected = stalls.find((s) => s.id === selectedId);
  const sb = selected ? boxOf(selected) : null;
  const hb = sb ? handleBox(sb, hall.widthM) : null;
  return (
    <g ref={layer} className="f-drag" aria-hidden="true">
      {ghost ? <rect className="f-ghost" x={ghost.x} y={ghost.y} width={ghost.w} height={ghost.h} /> : null}
      {on && hb && selected && !ghost ? (
        <rect className="f-handle" data-resize={selected.number} x={hb.x} y={hb.y} width={hb.w} height={hb.h}>
          <title>{t("floor.editor.drag.handle", { number: selected.number })}</title>
        </rect>
      ) : null}
    </g>
  );
}
