import type { Route } from "./+types/catalogue-file";
import { loadOr } from "../../../web/actions";
import { uuidParam } from "../../../web/params";
import { getFile } from "../operations/profile";

// A logo or photo of an exhibitor. Public once its profile is published; its own exhibitor sees it
// before. The type was read from the bytes at upload; nosniff keeps the browser to it.
export async function loader({ context, request, params }: Route.LoaderArgs) {
  uuidParam(params.fileId);
  const f = await loadOr(request, () => getFile(context.ctx, { fileId: params.fileId }));
  return new Response(new Uint8Array(f.bytes), {
    headers: { "Content-Type": f.contentType, "X-Content-Type-Options": "nosniff", "Cache-Control": f.public ? "public, max-age=3600" : "private, max-age=60" },
  });
}
