import type { Route } from "./+types/meetings-pdf";
import { loadOr } from "../../../web/actions";
import { meetingsPdf } from "../operations/meetings";
import { refOf } from "./who";

// /b2b/:who/meetings.pdf — the participant's printable schedule, English and Urdu.
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const ref = refOf(params.who);
  const { pdf, filename } = await loadOr(request, () => meetingsPdf(context.ctx, ref));
  return new Response(new Uint8Array(pdf), {
    headers: { "content-type": "application/pdf", "content-disposition": `inline; filename="${filename}"`, "cache-control": "private, no-store" },
  });
}
