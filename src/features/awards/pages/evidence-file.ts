import type { Route } from "./+types/evidence-file";
import { loadOr } from "../../../web/actions";
import { uuidParam } from "../../../web/params";
import { evidenceFile } from "../operations/evidence";

// An evidence file of an award entry: for its exhibitor, the organiser's staff and the judges the
// entry is assigned to (operations/evidence.ts). Sent as a download; the type was read from the
// bytes at upload and nosniff keeps the browser to it.
export async function loader({ context, request, params }: Route.LoaderArgs) {
  uuidParam(params.evidenceId);
  const f = await loadOr(request, () => evidenceFile(context.ctx, { evidenceId: params.evidenceId }));
  const ascii = f.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Uint8Array(f.bytes), {
    headers: {
      "Content-Type": f.contentType,
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
