import { z } from "zod";
import type { Ctx } from "../../../platform/context";
import { parseInput, type Input } from "../../../platform/validation";
import { rectPoints } from "../engine/geometry";
import { renderPlanPdf } from "../export/plan-pdf";
import { mapStall } from "../map-stall";
import { planSvg } from "../export/plan-svg";
import type { PublicStall } from "./plan";
import { getFloorHall } from "./plan-edit";

// Export of a hall's plan (issue #12, item 2): SVG (the map's own drawing) or PDF, for the
// organiser's staff (the public map is the public's view of it).

const exportFloorPlanInput = z.object({ hallId: z.uuid(), format: z.enum(["svg", "pdf"]) });

/** The hall's plan as a file: its bytes, content type and file name. */
export async function exportFloorPlan(ctx: Ctx, raw: Input<typeof exportFloorPlanInput>): Promise<{ body: Uint8Array; contentType: string; filename: string }> {
  const { hallId, format } = parseInput(exportFloorPlanInput, raw);
  const v = await getFloorHall(ctx, { hallId });
  const filename = `${v.edition.slug}-${v.hall.code}.${format}`.replace(/[^A-Za-z0-9._-]/g, "_");
  const stalls: PublicStall[] = v.stalls.map((s) => mapStall(s));
  if (format === "svg") {
    const svg = planSvg({ hall: { ...v.hall, stallCount: stalls.length, exhibitorCount: 0 }, areas: v.areas.map((a) => ({ ...a, cluster: null })), stalls, locale: ctx.locale });
    return { body: new TextEncoder().encode(svg), contentType: "image/svg+xml; charset=utf-8", filename };
  }
  const pdf = await renderPlanPdf({
    titleEn: `${v.hall.nameEn} — ${v.edition.nameEn}`,
    titleUr: `${v.hall.nameUr} — ${v.edition.nameUr}`,
    subtitle: `${v.hall.widthM} m × ${v.hall.depthM} m · ${stalls.length} stalls`,
    widthM: v.hall.widthM,
    depthM: v.hall.depthM,
    areas: v.areas.map((a) => ({ nameEn: a.nameEn, polygon: a.polygon })),
    obstacles: v.hall.obstacles.map((o) => (o.shape.kind === "rect" ? rectPoints(o.shape) : o.shape.points)),
    stalls: stalls.map((s) => ({ number: s.number, points: s.rect ? rectPoints(s.rect) : (s.polygon ?? []) })),
  });
  return { body: new Uint8Array(pdf), contentType: "application/pdf", filename };
}
