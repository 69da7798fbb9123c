import { redirect } from "react-router";
import type { Route } from "./+types/switch-language";
import { isLocale } from "../../../platform/i18n/locales";
import { localeCookie } from "../../../platform/http/cookies";
import { safeNext } from "../../../web/actions";

// A plain link, so switching works without JavaScript; the choice persists in a cookie.
export async function loader({ params, request, context }: Route.LoaderArgs) {
  const next = safeNext(new URL(request.url).searchParams.get("next"));
  if (!isLocale(params.locale)) return redirect(next);
  return redirect(next, { headers: { "Set-Cookie": localeCookie(params.locale, context.ctx.config.secureCookies) } });
}
