import type { Route } from "./+types/applicant-scores";
import { loadOr } from "../../../web/actions";
import { pageTitle } from "../../../web/i18n";
import { applicantScores } from "../operations/applicant";
import { ApplicantLinkError, applicantBase } from "./answer-view";
import { BaselineScores } from "./scores-view";

// An applicant's readiness scores by its link (issue #15; decision 0018), as an exhibitor sees its own.

export function meta({ matches }: Route.MetaArgs) {
  return [...pageTitle(matches, "baseline.scores"), { name: "robots", content: "noindex" }];
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  return loadOr(request, () => applicantScores(context.ctx, { token: params.token }));
}

export default function ApplicantScores({ loaderData: d, params }: Route.ComponentProps) {
  return <BaselineScores d={d} answerHref={applicantBase(params.token)} />;
}

export const ErrorBoundary = ApplicantLinkError;
