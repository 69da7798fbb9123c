import type { Route } from "./+types/link-data-json";
import { loadOr } from "../../../web/actions";
import { exportLinkData } from "../operations/export";

// /registration/:token/data.json: a manage link's registration data as a file.
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const data = await loadOr(request, () => exportLinkData(context.ctx, { token: params.token }));
  return new Response(JSON.stringify(data, null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Content-Disposition": 'attachment; filename="numaish-registration-data.json"', "Cache-Control": "no-store" },
  });
}
