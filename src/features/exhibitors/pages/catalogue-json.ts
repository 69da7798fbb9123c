import type { Route } from "./+types/catalogue-json";
import { loadOr } from "../../../web/actions";
import { catalogueOpenData } from "../operations/catalogue";

// The catalogue's open data as JSON (issue #12, item 6): every published exhibitor with its products, public fields only.
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const data = await loadOr(request, () => catalogueOpenData(context.ctx, { slug: params.slug }));
  return Response.json(data, { headers: { "Content-Disposition": `inline; filename="catalogue-${data.edition.slug}.json"` } });
}
