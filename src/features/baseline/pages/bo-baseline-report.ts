import type { Route } from "./+types/bo-baseline-report";
import { loadOr } from "../../../web/actions";
import { uuidParam } from "../../../web/params";
import { baselineReport } from "../operations/report";
import { optionalOneOf } from "../../../web/form-fields";

// The edition's baseline report for the ministry as PDF (`?lang=en|ur`): the dashboard's permission and figures.
export async function loader({ context, request, params }: Route.LoaderArgs) {
  uuidParam(params.editionId);
  const lang = optionalOneOf(new URL(request.url).searchParams, "lang", ["en", "ur"]);
  const file = await loadOr(request, () => baselineReport(context.ctx, { editionId: params.editionId, lang }));
  return new Response(new Uint8Array(file.body), {
    headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="${file.filename}"`, "cache-control": "no-store" },
  });
}
