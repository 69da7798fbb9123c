import { useEffect, useRef, useState } from "react";
import { useNavigation, useSubmit } from "react-router";
import { formOf, SnapSelect, usePointerDrag } from "../../../web/drag";
import { useEnhanced } from "../../../web/enhanced";
import { useT } from "../../../web/i18n";
import { boxOf, dragTo, handleBox, moveFields, nudge, startsDrag, type Box } from "../engine/drag";

// The plan editor's drag, resize and arrow keys (issue #12, item 2): a progressive enhancement of
// the server-drawn plan on the back office's drag kit (src/web/drag.tsx, shared with the schedule
// grid), on this page only (the back office hydrates; public pages ship no script).
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
  /** The press, in the plan's metres. */
  from: { x: number; y: number };
  mode: "move" | "resize";
}

/** The grid select, shown only once the script runs. */
export function DragGrid({ grid, onGrid }: { grid: number; onGrid: (g: number) => void }) {
  const t = useT();
  const options = [
    { value: 0.5, label: "0.5 m" },
    { value: 1, label: "1 m" },
  ];
  return <SnapSelect id="drag-grid" className="floor-drag-grid" label={t("floor.editor.drag.grid")} hint={t("floor.editor.drag.hint")} value={grid} options={options} onChange={onGrid} dir="ltr" />;
}

/** The SVG overlay: the handle of the chosen stall and the outline being dragged; the listeners. */
export function DragLayer({ stalls, hall, selectedId, grid }: { stalls: readonly DragStall[]; hall: Hall; selectedId: string | null; grid: number }) {
  const t = useT();
  const submit = useSubmit();
  const busy = useNavigation().state !== "idle";
  const layer = useRef<SVGGElement>(null);
  // The outline being dragged, for the plan it was drawn on: a new plan from the server (saved or
  // refused) ends it.
  const [shown, setShown] = useState<{ box: Box; on: readonly DragStall[] } | null>(null);
  const ghost = shown && shown.on === stalls ? shown.box : null;
  const on = useEnhanced();
  const state = useRef({ stalls, hall, grid, busy });
  useEffect(() => {
    state.current = { stalls, hall, grid, busy };
  });
  const svgOf = () => layer.current?.ownerSVGElement ?? null;
  const byNumber = (n: string | null) => (n ? stalls.find((s) => s.number === n && boxOf(s)) : undefined);
  const metres = (e: PointerEvent) => {
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(svgOf()!.getScreenCTM()!.inverse());
    return { x: p.x, y: p.y };
  };
  const save = (stall: DragStall, b: Box) => submit(formOf(moveFields(stall, b)), { method: "post" });
  const boxAt = (d: Drag, e: PointerEvent) => {
    const p = metres(e);
    return dragTo(d.mode, d.start, p.x - d.from.x, p.y - d.from.y, grid, hall);
  };

  usePointerDrag<Drag>(
    svgOf,
    {
      begin(e) {
        if (busy) return null;
        const target = e.target as Element;
        const handle = target.closest("[data-resize]");
        const stall = byNumber(handle ? handle.getAttribute("data-resize") : (target.closest("a.f-stall")?.getAttribute("data-stall") ?? null));
        return stall ? { stall, start: boxOf(stall)!, from: metres(e), mode: handle ? "resize" : "move" } : null;
      },
      // The plan's own measure: a drag starts once the pointer has gone far enough in metres.
      started: (d, e) => {
        const p = metres(e);
        return startsDrag(p.x - d.from.x, p.y - d.from.y);
      },
      moved: (d, e) => setShown({ box: boxAt(d, e), on: stalls }),
      dropped(d, e) {
        const b = boxAt(d, e);
        setShown({ box: b, on: stalls });
        save(d.stall, b);
      },
      cancelled: () => setShown(null),
    },
    "f-draggable",
  );

  // The arrow keys move the stall that has the keyboard; several presses in a row are one move.
  useEffect(() => {
    const svg = svgOf();
    if (!svg) return;
    let keyTimer: ReturnType<typeof setTimeout> | undefined;
    let pending: { stall: DragStall; box: Box } | null = null;
    const key = (e: KeyboardEvent) => {
      const { stalls: all, grid: g, hall: h, busy: b } = state.current;
      if (b || e.altKey || e.ctrlKey || e.metaKey) return;
      const n = (e.target as Element).closest?.("a.f-stall")?.getAttribute("data-stall");
      const stall = pending?.stall ?? all.find((s) => s.number === n && boxOf(s));
      if (!stall) return;
      const box = nudge(pending?.box ?? boxOf(stall)!, e.key, g, h);
      if (!box) return;
      e.preventDefault();
      pending = { stall, box };
      setShown({ box, on: all });
      clearTimeout(keyTimer);
      keyTimer = setTimeout(() => {
        const p = pending!;
        pending = null;
        submit(formOf(moveFields(p.stall, p.box)), { method: "post" });
      }, 500);
    };
    svg.addEventListener("keydown", key);
    return () => {
      clearTimeout(keyTimer);
      svg.removeEventListener("keydown", key);
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
