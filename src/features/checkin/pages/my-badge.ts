import { redirect } from "react-router";
import type { Route } from "./+types/my-badge";
import { loadOr } from "../../../web/actions";
import { myBadgeRegistration } from "../operations/manage-badges";

// /account/badge: the signed-in person's newest approved registration's badge page.
export async function loader({ context, request }: Route.LoaderArgs) {
  const id = await loadOr(request, () => myBadgeRegistration(context.ctx));
  throw redirect(id ? `/badges/${id}` : "/account/registrations");
}
