import type { Route } from "./+types/bo-baseline-export";
import { loadOr } from "../../../web/actions";
import { uuidParam } from "../../../web/params";
import { breakdowns } from "../engine/breakdowns";
import { dashboardExport, exportTables } from "../operations/exports";
import { optionalOneOf } from "../../../web/form-fields";

// One table of the baseline dashboard as CSV or XLSX: the same operation (and permission) as the page.
export async function loader({ context, request, params }: Route.LoaderArgs) {
  uuidParam(params.editionId);
  const q = new URL(request.url).searchParams;
  const opt = (k: string) => q.get(k) || undefined;
  const file = await loadOr(request, () =>
    dashboardExport(context.ctx, { editionId: params.editionId, table: optionalOneOf(q, "table", exportTables), format: optionalOneOf(q, "format", ["csv", "xlsx"]), by: optionalOneOf(q, "by", breakdowns), compare: opt("compare"), indicator: opt("indicator") }),
  );
  return new Response(new Uint8Array(file.body), {
    headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.filename}"`, "cache-control": "no-store" },
  });
}
