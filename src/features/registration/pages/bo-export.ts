import type { Route } from "./+types/bo-export";
import { loadOr } from "../../../web/actions";
import { exportRegistrations } from "../operations/export";
import { exportColumns } from "../schemas";
import { registrationStatuses } from "../tables";
import { uuidParam } from "../../../web/params";
import { oneOf, optionalOneOf, someOf } from "../../../web/form-fields";

// The back office's download: the same operation as the API route, so the same permission rules.
// Bad columns or a forbidden personal column come back as 4xx through loadOr.

export async function loader({ context, request, params }: Route.LoaderArgs) {
  uuidParam(params.editionId);
  const url = new URL(request.url);
  const opt = (k: string) => url.searchParams.get(k) || undefined;
  const file = await loadOr(request, () =>
    exportRegistrations(context.ctx, {
      editionId: params.editionId,
      format: url.searchParams.has("format") ? oneOf(url.searchParams, "format", ["csv", "xlsx"]) : "xlsx",
      columns: someOf(url.searchParams, "columns", exportColumns),
      categoryId: opt("categoryId"),
      status: optionalOneOf(url.searchParams, "status", registrationStatuses),
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
