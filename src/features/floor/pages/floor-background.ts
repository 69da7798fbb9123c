import type { Route } from "./+types/floor-background";
import { loadOr } from "../../../web/actions";
import { uuidParam } from "../../../web/params";
import { floorBackgroundImage } from "../operations/plan-edit";

// /back-office/editions/:editionId/floor/:hallId/background — the hall's background drawing for
// the editor (the organiser's staff only). The type was read from the bytes at upload (PNG or
// JPEG only); nosniff keeps the browser to it.
export async function loader({ context, request, params }: Route.LoaderArgs) {
  uuidParam(params.editionId);
  const hallId = uuidParam(params.hallId);
  const b = await loadOr(request, () => floorBackgroundImage(context.ctx, { hallId }));
  return new Response(new Uint8Array(b.bytes), { headers: { "Content-Type": b.contentType, "X-Content-Type-Options": "nosniff", "Cache-Control": "private, max-age=3600" } });
}
