import { data } from "react-router";
import type { Route } from "./+types/calendar-feed";
import { isDomainError } from "../../../platform/errors";
import { calendarFeed } from "../operations/meetings";

// /b2b/calendar/:calendarToken — the participant's calendar subscription (text/calendar), read by
// calendar apps by its secret address; an unknown or replaced secret is a plain 404.
export async function loader({ context, params }: Route.LoaderArgs) {
  try {
    const text = await calendarFeed(context.ctx, { calendarToken: params.calendarToken });
    return new Response(text, { headers: { "content-type": "text/calendar; charset=utf-8", "cache-control": "private, no-store" } });
  } catch (e) {
    if (isDomainError(e)) throw data({ code: "not_found" }, { status: 404 });
    throw e;
  }
}
