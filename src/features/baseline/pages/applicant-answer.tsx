import { redirect } from "react-router";
import type { Route } from "./+types/applicant-answer";
import { loadOr, runForm } from "../../../web/actions";
import { pageTitle } from "../../../web/i18n";
import { applicantBaseline, saveApplicantSection } from "../operations/applicant";
import { ApplicantLinkError, BaselineAnswer, applicantBase, pageOf, sectionOfForm } from "./answer-view";

// An applicant's baseline by its link (issue #15; decision 0018): no account, the link's token the
// only credential (respondent.ts), the exhibitor's page otherwise (answer-view.tsx). The emailed
// link goes through /lang/<locale> first, so the page opens in the nomination's language.

export function meta({ matches }: Route.MetaArgs) {
  return [...pageTitle(matches, "baseline.title"), { name: "robots", content: "noindex" }];
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  return pageOf(await loadOr(request, () => applicantBaseline(context.ctx, { token: params.token })), new URL(request.url));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const form = await request.formData();
  const sent = sectionOfForm(form);
  const result = await runForm(context.ctx.locale, form, () => saveApplicantSection(context.ctx, { token: params.token, section: sent.section, answers: sent.answers }));
  if (!result.ok) return result.response;
  return redirect(`${applicantBase(params.token)}?section=${encodeURIComponent(result.value.next ?? sent.section)}&saved=1`);
}

export default function ApplicantAnswer({ loaderData: d, params }: Route.ComponentProps) {
  return <BaselineAnswer d={d} base={applicantBase(params.token)} exhibitor={false} />;
}

export const ErrorBoundary = ApplicantLinkError;
