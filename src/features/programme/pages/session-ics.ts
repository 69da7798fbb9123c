import type { Route } from "./+types/session-ics";
import { loadOr } from "../../../web/actions";
import { uuidParam } from "../../../web/params";
import { agendaCalendar } from "../operations/public";

// /editions/:slug/programme/sessions/:sessionId/ics — one released session as an .ics file.
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const sessionId = uuidParam(params.sessionId);
  const text = await loadOr(request, () => agendaCalendar(context.ctx, { slug: params.slug, sessionId, locale: context.ctx.locale }));
  return new Response(text, {
    headers: { "content-type": "text/calendar; charset=utf-8", "content-disposition": `attachment; filename="session-${sessionId.slice(0, 8)}.ics"`, "cache-control": "public, max-age=300" },
  });
}
