import { redirect } from "react-router";
import type { Route } from "./+types/sign-out";
import { clearSessionCookie } from "../../../platform/http/cookies";
import { signOut } from "../operations/sign-in";

export async function action({ context }: Route.ActionArgs) {
  await signOut(context.ctx, context.sessionSecret);
  return redirect("/", { headers: { "Set-Cookie": clearSessionCookie(context.ctx.config.secureCookies) } });
}

export function loader() {
  return redirect("/");
}
