import type { Route } from "./+types/hall-background";
import { loadOr } from "../../../web/actions";
import { publicFloorBackground } from "../operations/plan-background";

// /editions/:slug/floor/:hall/background — a hall's background drawing on the public map, only when
// the organiser ticked "show it on the public map" (else not found). PNG or JPEG, read from the
// bytes at upload; nosniff keeps the browser to it.
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const b = await loadOr(request, () => publicFloorBackground(context.ctx, { slug: params.slug, hall: params.hall }));
  return new Response(new Uint8Array(b.bytes), { headers: { "Content-Type": b.contentType, "X-Content-Type-Options": "nosniff", "Cache-Control": "public, max-age=300" } });
}
