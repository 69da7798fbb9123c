import type { Route } from "./+types/open-data-file";
import { loadOr } from "../../../web/actions";
import { baselineOpenData, openDataCsv } from "../operations/open-data";

// The open data of an edition's baseline as CSV or JSON (the route's id says which): the same
// aggregates as the page, nothing more.
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const data = await loadOr(request, () => baselineOpenData(context.ctx, { slug: params.slug }));
  const name = `baseline-${data.edition.slug}`;
  if (new URL(request.url).pathname.endsWith(".json")) return Response.json(data, { headers: { "Content-Disposition": `inline; filename="${name}.json"` } });
  return new Response(openDataCsv(data), { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}.csv"` } });
}
