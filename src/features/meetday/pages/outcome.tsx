import type { Route } from "./+types/outcome";
import { answerByLink, loadByLink } from "../../../web/answer-link";
import { AnswerFrame, AnswerLinkError } from "../../../web/components/answer-link";
import { useFailure } from "../../../web/components/form";
import { pageTitle, useT } from "../../../web/i18n";
import { outcomeForm, recordOutcome } from "../operations/outcomes";
import { OutcomeForm, outcomeFields } from "./outcome-form";

// The page behind the outcome email's link (issue #14, items 4–5): the token is the credential,
// no sign-in. The one-minute form (outcome-form.tsx); every answer is added to this side's
// history, shown below; the other side's answers are never shown. Works without JavaScript; an
// unknown or replaced link says so (410). The same form is reached from "my meetings"
// (own-outcome.tsx).

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "meetday.outcome.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  return loadByLink(request, ["1"], () => outcomeForm(context.ctx, { link: params.token }));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  return answerByLink(request, context.ctx.locale, {
    page: `/outcome/${encodeURIComponent(params.token)}`,
    answer: (form) => recordOutcome(context.ctx, { link: params.token, ...outcomeFields(form) }),
    done: () => "1",
  });
}

export default function OutcomePage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const failure = useFailure();
  return (
    <AnswerFrame title={t(d.stage !== "meeting" ? "meetday.outcome.followUpTitle" : "meetday.outcome.title")} done={d.done ? t("meetday.outcome.saved") : null} failure={failure}>
      <OutcomeForm d={d} failure={failure} />
    </AnswerFrame>
  );
}

/** An unknown or replaced link (410), or a malformed one: say so plainly. */
export function ErrorBoundary() {
  return <AnswerLinkError titleKey="meetday.outcome.title" />;
}
