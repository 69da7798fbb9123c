import type { Route } from "./+types/meeting-ics";
import { loadOr } from "../../../web/actions";
import { uuidParam } from "../../../web/params";
import { meetingIcs } from "../operations/meetings";
import { refOf } from "./who";

// /b2b/:who/meetings/:meetingId/ics — one meeting as an iCalendar file (its stable UID; a
// cancelled meeting comes as METHOD:CANCEL). React Router segments are whole, so not ":id.ics".
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const ref = refOf(params.who);
  const meetingId = uuidParam(params.meetingId);
  const { text, filename } = await loadOr(request, () => meetingIcs(context.ctx, { ...ref, meetingId }));
  return new Response(text, {
    headers: { "content-type": "text/calendar; charset=utf-8", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "private, no-store" },
  });
}
