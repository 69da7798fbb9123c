import { Form } from "react-router";
import type { FormFailure } from "../../../web/actions";
import { Field, SelectField } from "../../../web/components/form";
import { pick, useLocale, useT } from "../../../web/i18n";
import { currencies, followUpStates, outcomeKinds, timelines } from "../core/outcomes";

// The one-minute outcome form (issue #14, items 4–5) and this side's history, shared by the page
// behind the email's link (outcome.tsx) and the page reached from "my meetings"
// (own-outcome.tsx): did it happen, what came of it (or, at a follow-up, what happened since), value
// and currency, timeline, consent, note. The other side's answers are never shown.

/** The posted form's fields, as recordOutcome reads them (text; it parses and refuses). */
export function outcomeFields(form: FormData) {
  const field = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : undefined;
  };
  return {
    happened: field("happened") ?? "",
    kind: field("kind"),
    valueAmount: field("valueAmount"),
    currency: field("currency"),
    timeline: field("timeline"),
    followUpConsent: field("followUpConsent") ?? "no",
    note: field("note") ?? "",
  };
}

interface OutcomeView {
  stage: "meeting" | "d30" | "m6";
  meeting: { date: string; start: string };
  partner: { name: string; nameUr: string | null };
  history: { id: string; stage: string; happened: boolean; kind: string | null; valueAmount: number | null; currency: string | null }[];
}

export function OutcomeForm({ d, failure }: { d: OutcomeView; failure: FormFailure | undefined }) {
  const t = useT();
  const locale = useLocale();
  const followUp = d.stage !== "meeting";
  const choose = { value: "", label: t("meetday.choose") };
  const kinds = (followUp ? followUpStates : outcomeKinds).map((k) => ({ value: k, label: t(followUp ? `meetday.since.${k}` : `meetday.kind.${k}`) }));
  const label = (k: string | null) => (k ? t((followUpStates as readonly string[]).includes(k) ? `meetday.since.${k}` : `meetday.kind.${k}`) : t("meetday.outcome.notHeld"));
  return (
    <>
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
                {t(`meetday.outcome.stage.${h.stage}` as "meetday.outcome.stage.meeting")}: {h.happened ? label(h.kind) : t("meetday.outcome.notHeld")}
                {h.valueAmount !== null ? ` — ${h.currency} ${h.valueAmount.toLocaleString("en")}` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
