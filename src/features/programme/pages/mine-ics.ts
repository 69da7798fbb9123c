import type { Route } from "./+types/mine-ics";
import { loadOr } from "../../../web/actions";
import { myAgenda, ownRegistrationFor } from "../operations/rsvp";
import { visibleEdition } from "../operations/public";

// /editions/:slug/programme/mine/calendar — "my agenda" as an .ics file (signed in, or ?link=…).
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const link = new URL(request.url).searchParams.get("link")?.slice(0, 100) || null;
  const { ics } = await loadOr(request, async () => {
    const edition = await visibleEdition(context.ctx, params.slug);
    const registrationId = link ? null : await ownRegistrationFor(context.ctx, edition.id);
    const holder = link ? { token: link } : { registrationId: registrationId ?? "00000000-0000-0000-0000-000000000000" };
    return myAgenda(context.ctx, { holder, locale: context.ctx.locale });
  });
  return new Response(ics, {
    headers: { "content-type": "text/calendar; charset=utf-8", "content-disposition": `attachment; filename="my-agenda.ics"`, "cache-control": "private, no-store" },
  });
}
