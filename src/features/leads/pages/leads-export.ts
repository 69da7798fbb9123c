import type { Route } from "./+types/leads-export";
import { loadOr } from "../../../web/actions";
import { exportOwnLeads } from "../operations/own-leads";
import { oneOf } from "../../../web/form-fields";

// The exhibitor's download (CSV or XLSX): the same operation as the API's, so details only where
// the visitor shares them at the moment of download.
export async function loader({ context, request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const file = await loadOr(request, () => exportOwnLeads(context.ctx, { editionId: url.searchParams.get("edition") || null, format: url.searchParams.has("format") ? oneOf(url.searchParams, "format", ["csv", "xlsx"]) : "csv" }));
  return new Response(new Uint8Array(file.body), {
    headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.filename}"`, "cache-control": "no-store" },
  });
}
