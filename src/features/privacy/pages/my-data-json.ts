import type { Route } from "./+types/my-data-json";
import { loadOr } from "../../../web/actions";
import { exportOwnData } from "../operations/export";

// /account/my-data.json: the signed-in person's data as a file (the API's GET /me/personal-data).
export async function loader({ context, request }: Route.LoaderArgs) {
  const data = await loadOr(request, () => exportOwnData(context.ctx));
  return new Response(JSON.stringify(data, null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Content-Disposition": 'attachment; filename="numaish-my-data.json"', "Cache-Control": "no-store" },
  });
}
