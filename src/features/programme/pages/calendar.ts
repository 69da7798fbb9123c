import type { Route } from "./+types/calendar";
import { loadOr } from "../../../web/actions";
import { agendaCalendar } from "../operations/public";

// /editions/:slug/programme/calendar — the whole released agenda as an iCalendar feed (subscribe
// to it: stable UIDs, SEQUENCE grows with each release that changes a session). ?lang=ur for Urdu.
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const lang = new URL(request.url).searchParams.get("lang") === "ur" ? "ur" : context.ctx.locale;
  const text = await loadOr(request, () => agendaCalendar(context.ctx, { slug: params.slug, locale: lang }));
  return new Response(text, {
    headers: { "content-type": "text/calendar; charset=utf-8", "content-disposition": `inline; filename="${params.slug}-agenda.ics"`, "cache-control": "public, max-age=300" },
  });
}
