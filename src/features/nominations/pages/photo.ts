import type { Route } from "./+types/photo";
import { loadOr } from "../../../web/actions";
import { getPhoto } from "../operations/application";
import { uuidParam } from "../../../web/params";

// A photo of an application, only through its application link. The type was
// checked from the bytes at upload; nosniff keeps the browser to it.
export async function loader({ context, request, params }: Route.LoaderArgs) {
  uuidParam(params.photoId);
  const photo = await loadOr(request, () => getPhoto(context.ctx, { token: params.token, photoId: params.photoId }));
  return new Response(new Uint8Array(photo.bytes), {
    headers: { "Content-Type": photo.contentType, "X-Content-Type-Options": "nosniff", "Cache-Control": "private, max-age=3600" },
  });
}
