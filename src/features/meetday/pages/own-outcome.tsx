import { redirect } from "react-router";
import type { Route } from "./+types/own-outcome";
import { loadOr, runForm } from "../../../web/actions";
import { AnswerFrame } from "../../../web/components/answer-link";
import { useFailure } from "../../../web/components/form";
import { pageTitle, useT } from "../../../web/i18n";
import { uuidParam } from "../../../web/params";
import { participantBase, refOf } from "#features/b2b/client";
import { outcomeForm, recordOutcome } from "../operations/outcomes";
import { OutcomeForm, outcomeFields } from "./outcome-form";

// /b2b/:who/meetings/:meetingId/outcome — the outcome form reached from "my meetings" (issue #14,
// item 4): the participant (signed in as itself, or by its B2B link) answers for its own side of
// one of its meetings, as by the email's link; another's meeting is "not found". The same
// operation decides (too early, bad values: the form stays with what was typed).

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "meetday.outcome.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const meetingId = uuidParam(params.meetingId);
  const ref = refOf(params.who);
  const view = await loadOr(request, () => outcomeForm(context.ctx, { ...ref, meetingId }));
  return { ...view, who: params.who, done: new URL(request.url).searchParams.get("done") === "1" };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const meetingId = uuidParam(params.meetingId);
  const ref = refOf(params.who);
  const form = await request.formData();
  const result = await runForm(context.ctx.locale, form, () => recordOutcome(context.ctx, { ...ref, meetingId, ...outcomeFields(form) }));
  if (!result.ok) return result.response;
  return redirect(`${participantBase(params.who)}/meetings/${meetingId}/outcome?done=1`);
}

export default function OwnOutcomePage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const failure = useFailure();
  return (
    <AnswerFrame title={t("meetday.outcome.title")} done={d.done ? t("meetday.outcome.saved") : null} failure={failure}>
      <p>
        <a href={`${participantBase(d.who)}/meetings`}>{t("b2b.nav.meetings")}</a>
      </p>
      <OutcomeForm d={d} failure={failure} />
    </AnswerFrame>
  );
}
