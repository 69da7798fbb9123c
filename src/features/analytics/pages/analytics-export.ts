import type { Route } from "./+types/analytics-export";
import { loadOr } from "../../../web/actions";
import { optionalOneOf } from "../../../web/form-fields";
import { uuidParam } from "../../../web/params";
import { breakdownNames, funnelMeasureNames } from "../client";
import { analyticsExport, analyticsTables } from "../operations/exports";

// One table of the analytics area as CSV or XLSX: the same operation (and permission) as the page.
export async function loader({ context, request, params }: Route.LoaderArgs) {
  uuidParam(params.editionId);
  const q = new URL(request.url).searchParams;
  const file = await loadOr(request, () =>
    analyticsExport(context.ctx, {
      editionId: params.editionId,
      table: optionalOneOf(q, "table", analyticsTables),
      format: optionalOneOf(q, "format", ["csv", "xlsx"]),
      by: optionalOneOf(q, "by", breakdownNames),
      compare: q.get("compare") || undefined,
      measure: optionalOneOf(q, "measure", funnelMeasureNames),
    }),
  );
  return new Response(new Uint8Array(file.body), {
    headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.filename}"`, "cache-control": "no-store" },
  });
}
