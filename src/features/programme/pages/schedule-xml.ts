import type { Route } from "./+types/schedule-xml";
import { loadOr } from "../../../web/actions";
import { agendaFrabXml } from "../operations/public";

// /editions/:slug/programme/schedule.xml — the released agenda in frab's XML (the format pretalx
// publishes; conference apps import it). Stable guids: a session's UUID. ?lang=ur for Urdu.
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const lang = new URL(request.url).searchParams.get("lang") === "ur" ? "ur" : context.ctx.locale;
  const text = await loadOr(request, () => agendaFrabXml(context.ctx, { slug: params.slug, locale: lang }));
  return new Response(text, { headers: { "content-type": "application/xml; charset=utf-8", "cache-control": "public, max-age=300" } });
}
