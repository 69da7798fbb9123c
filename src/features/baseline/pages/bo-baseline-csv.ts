import type { Route } from "./+types/bo-baseline-csv";
import { loadOr } from "../../../web/actions";
import { uuidParam } from "../../../web/params";
import { breakdowns } from "../engine/breakdowns";
import { baselineFiguresCsv } from "../operations/dashboard";
import { oneOf } from "../../../web/form-fields";

// The dashboard's figures as CSV: the same suppressed aggregates as the page, nothing more.
export async function loader({ context, request, params }: Route.LoaderArgs) {
  uuidParam(params.editionId);
  const q = new URL(request.url).searchParams;
  const by = q.has("by") ? oneOf(q, "by", breakdowns) : undefined;
  const csv = await loadOr(request, () => baselineFiguresCsv(context.ctx, { editionId: params.editionId, by }));
  return new Response(csv, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="baseline-${by ?? "cluster"}.csv"` } });
}
