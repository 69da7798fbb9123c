import type { Route } from "./+types/catalogue-csv";
import { toCsv } from "../../../platform/csv";
import { loadOr } from "../../../web/actions";
import { catalogueOpenData, openDataColumns, openDataRows } from "../operations/catalogue";

// The catalogue's open data as CSV (issue #12, item 6): one row per product, public fields only.
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const data = await loadOr(request, () => catalogueOpenData(context.ctx, { slug: params.slug }));
  return new Response(toCsv([[...openDataColumns], ...openDataRows(data)], { bom: true }), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="catalogue-${data.edition.slug}.csv"` },
  });
}
