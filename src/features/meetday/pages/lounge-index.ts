import { redirect } from "react-router";
import type { Route } from "./+types/lounge-index";
import { loadOr } from "../../../web/actions";
import { loungeEditionId } from "../operations/board";

// `/lounge`: the lounge staff's way in (their header link). Opens the board of the edition a
// scanner would open on (the one running today, else the next, among those the person may run the
// lounge for); anyone else is refused as the board refuses them.

export async function loader({ context, request }: Route.LoaderArgs) {
  const editionId = await loadOr(request, () => loungeEditionId(context.ctx));
  return redirect(`/lounge/${editionId}`);
}
