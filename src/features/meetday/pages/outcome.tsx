import { Form } from "react-router";
import type { Route } from "./+types/outcome";
import { answerByLink, loadByLink } from "../../../web/answer-link";
import { AnswerFrame, AnswerLinkError } from "../../../web/components/answer-link";
import { Field, SelectField, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { currencies, followUpStates, outcomeKinds, timelines } from "../core/outcomes";
import { outcomeForm, recordOutcome } from "../operations/outcomes";

// The page behind the outcome email's link (issue #14, items 4–5): the token is the credential,
// no sign-in. One minute: did it happen, what came of it (or, at a follow-up, what happened since),
// value and currency, timeline, consent, note. Every answer is added to this side's history, shown
// below; the other side's answers are never shown. Works without JavaScript; an unknown or
// replaced link says so (410).

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "meetday.outcome.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  return loadByLink(request, ["1"], () => outcomeForm(context.ctx, { link: params.token }));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  return answerByLink(request, context.ctx.locale, {
    page: `/outcome/${encodeURIComponent(params.token)}`,
    answer: (form) => {
      const field = (k: string) => {
        const v = form.get(k);
        return typeof v === "string" ? v : undefined;
      };
      return recordOutcome(context.ctx, {
        link: params.token,
        happened: field("happened") ?? "",
        kind: field("kind"),
        valueAmount: field("valueAmount"),
        currency: field("currency"),
        timeline: field("timeline"),
        followUpConsent: field("followUpConsent") ?? "no",
        note: field("note") ?? "",
      });
    },
    done: () => "1",
  });
}

export default function OutcomePage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const followUp = d.stage !== "meeting";
  const choose = { value: "", label: t("meetday.choose") };
  const kinds = (followUp ? followUpStates : outcomeKinds).map((k) => ({ value: k, label: t(followUp ? `meetday.since.${k}` : `meetday.kind.${k}`) }));
  const label = (k: string | null) => (k ? t((followUpStates as readonly string[]).includes(k) ? `meetday.since.${k}` : `meetday.kind.${k}`) : t("meetday.outcome.notHeld"));
  return (
    <AnswerFrame title={t(followUp ? "meetday.outcome.followUpTitle" : "meetday.outcome.title")} done={d.done ? t("meetday.outcome.saved") : null} failure={failure}>
      <p>{t("meetday.outcome.with", { partner: pick(locale, d.partner.name, d.partner.nameUr), date: d.meeting.date, start: d.meeting.start })}</p>
      <p className="hint">{t("meetday.outcome.private")}</p>
      <Form method="post" className="card" data-testid="meetday-outcome">
        {followUp ? (
          <input type="hidden" name="happened" value="yes" />
        ) : (
          <fieldset>
            <legend>{t("meetday.outcome.happened")}</legend>
            <label>
              <input type="radio" name="happened" value="yes" defaultChecked={(failure?.values.happened ?? "yes") === "yes"} /> {t("meetday.outcome.yes")}
            </label>{" "}
            <label>
              <input type="radio" name="happened" value="no" defaultChecked={failure?.values.happened === "no"} /> {t("meetday.outcome.no")}
            </label>
          </fieldset>
        )}
        <SelectField name="kind" label={t(followUp ? "meetday.outcome.since" : "meetday.outcome.kind")} failure={failure} options={[choose, ...kinds]} />
        <Field name="valueAmount" label={t("meetday.outcome.value")} failure={failure} inputMode="numeric" dir="ltr" />
        <SelectField name="currency" label={t("meetday.outcome.currency")} failure={failure} options={[choose, ...currencies.map((c) => ({ value: c, label: c }))]} />
        {followUp ? null : (
          <SelectField name="timeline" label={t("meetday.outcome.timeline")} failure={failure} options={[choose, ...timelines.map((k) => ({ value: k, label: t(`meetday.timeline.${k}`) }))]} />
        )}
        <div className="field">
          <label>
            <input type="checkbox" name="followUpConsent" value="yes" defaultChecked={failure?.values.followUpConsent === "yes"} /> {t("meetday.outcome.consent")}
          </label>
        </div>
        <Field name="note" label={t("meetday.outcome.note")} failure={failure} dir="auto" />
        <button type="submit" className="primary">
          {t("meetday.outcome.save")}
        </button>
      </Form>
      {d.history.length ? (
        <>
          <h2>{t("meetday.outcome.history")}</h2>
          <ul>
            {d.history.map((h) => (
              <li key={h.id}>
                {t(`meetday.outcome.stage.${h.stage}`)}: {h.happened ? label(h.kind) : t("meetday.outcome.notHeld")}
                {h.valueAmount !== null ? ` — ${h.currency} ${h.valueAmount.toLocaleString("en")}` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </AnswerFrame>
  );
}

/** An unknown or replaced link (410), or a malformed one: say so plainly. */
export function ErrorBoundary() {
  return <AnswerLinkError titleKey="meetday.outcome.title" />;
}
