import type { Route } from "./+types/bo-export";
import { loadOr } from "../../../web/actions";
import { exportRegistrations } from "../operations/export";
import { uuidParam } from "../../../web/params";

// The back office's download: the same operation as the API route, so the same permission rules.
// Bad columns or a forbidden personal column come back as 4xx through loadOr.

export async function loader({ context, request, params }: Route.LoaderArgs) {
  uuidParam(params.editionId);
  const url = new URL(request.url);
  const opt = (k: string) => url.searchParams.get(k) || undefined;
  const file = await loadOr(request, () =>
    exportRegistrations(context.ctx, {
      editionId: params.editionId,
      format: url.searchParams.get("format") ?? "xlsx",
      columns: url.searchParams.getAll("columns"),
      categoryId: opt("categoryId"),
      status: opt("status"),
    }),
  );
  return new Response(new Uint8Array(file.body), {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "no-store",
    },
  });
}
