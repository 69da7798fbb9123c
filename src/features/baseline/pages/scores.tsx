import type { Route } from "./+types/scores";
import { loadOr } from "../../../web/actions";
import { pageTitle } from "../../../web/i18n";
import { ownScores } from "../operations/scores";
import { BaselineScores } from "./scores-view";

// The exhibitor's readiness scores (issue #15, item 3); the page is scores-view.tsx.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "baseline.scores");
}

export async function loader({ context, request }: Route.LoaderArgs) {
  return loadOr(request, () => ownScores(context.ctx, new URL(request.url).searchParams.get("edition")));
}

export default function Scores({ loaderData: d }: Route.ComponentProps) {
  return <BaselineScores d={d} answerHref="/account/exhibitor/baseline" />;
}
