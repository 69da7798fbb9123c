import type { Route } from "./+types/transparency-csv";
import { loadOr } from "../../../web/actions";
import { getTransparencyReport, transparencyCsv } from "../operations/transparency";

// The transparency report as CSV: the same aggregates as the page, nothing more.
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const r = await loadOr(request, () => getTransparencyReport(context.ctx, { slug: params.slug }));
  return new Response(transparencyCsv(r.report, r.clusterNames), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="transparency-${params.slug}.csv"` },
  });
}
