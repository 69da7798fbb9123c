import type { Route } from "./+types/floor-export";
import { loadOr } from "../../../web/actions";
import { uuidParam } from "../../../web/params";
import { exportFloorPlan } from "../operations/plan-export";

// /back-office/editions/:editionId/floor/:hallId/plan.svg and plan.pdf — the hall's plan as a file.
export async function loader({ context, request, params }: Route.LoaderArgs) {
  uuidParam(params.editionId);
  const hallId = uuidParam(params.hallId);
  const format = new URL(request.url).pathname.endsWith(".pdf") ? "pdf" : "svg";
  const file = await loadOr(request, () => exportFloorPlan(context.ctx, { hallId, format }));
  return new Response(file.body as Uint8Array<ArrayBuffer>, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `${format === "svg" ? "attachment" : "inline"}; filename="${file.filename}"`,
      "cache-control": "private, no-store",
    },
  });
}
