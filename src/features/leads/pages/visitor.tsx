import { Form } from "react-router";
import type { Route } from "./+types/visitor";
import { loadOr, runForm } from "../../../web/actions";
import { FormError, Notice, useFailure } from "../../../web/components/form";
import { GoneLinkError } from "../../../web/components/gone-link";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { agreeToKeep, answerStayInTouch, setScanConsent, visitorLeads, withdrawFromExhibitor } from "../operations/visitor";

// The visitor's section of their registration (issue #14, item 7), behind the manage link (the
// token is the credential): the consent to badge scanning, the exhibitors who hold their details
// with a button to withdraw them from each, and the exhibitors asking to stay in touch (accept or
// decline). Plain forms, no JavaScript.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "leads.visitor.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  return loadOr(request, () => visitorLeads(context.ctx, { token: params.token }));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const token = params.token;
  const leadId = String(form.get("leadId") ?? "");
  const result = await runForm(context.ctx.locale, form, async () => {
    if (intent === "consent") return setScanConsent(context.ctx, { token, consent: form.get("consent") === "yes" ? "yes" : "no" });
    if (intent === "withdraw") return withdrawFromExhibitor(context.ctx, { token, leadId });
    if (intent === "keep") return agreeToKeep(context.ctx, { token, leadId });
    if (intent === "accept" || intent === "decline") return answerStayInTouch(context.ctx, { token, leadId, accept: intent === "accept" ? "yes" : "no" });
    return null;
  });
  if (!result.ok) return result.response;
  const done = intent === "withdraw" ? "withdrawn" : intent === "keep" ? "kept" : intent === "accept" ? "accepted" : intent === "decline" ? "declined" : "consent";
  return { done };
}

export default function VisitorLeadsPage({ loaderData: d, actionData, params }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const done = actionData && "done" in actionData ? actionData.done : null;
  const name = (e: { en: string; ur: string | null }) => pick(locale, e.en, e.ur);
  return (
    <section className="page narrow">
      <h1>{t("leads.visitor.title")}</h1>
      <p>
        {d.registration.name} · {pick(locale, d.edition.nameEn, d.edition.nameUr)}
      </p>
      <p>{t("leads.visitor.intro", { days: d.retentionDays })}</p>
      {done ? <Notice>{t(`leads.visitor.done.${done}`)}</Notice> : null}
      <FormError failure={failure} />
      <Form method="post" data-testid="consent-form">
        <input type="hidden" name="intent" value="consent" />
        <p data-testid="consent-state">{t(d.registration.consentScan ? "leads.visitor.consentOn" : "leads.visitor.consentOff")}</p>
        <div className="field">
          <input id="lead-consent" type="checkbox" name="consent" value="yes" defaultChecked={d.registration.consentScan} />{" "}
          <label htmlFor="lead-consent">{t("leads.visitor.consent")}</label>
        </div>
        <button type="submit">{t("leads.visitor.consentSave")}</button>
      </Form>
      <h2>{t("leads.visitor.holding")}</h2>
      {d.visited ? <p>{t("leads.visitor.visited", { count: d.visited })}</p> : null}
      {d.holding.length === 0 ? <p>{t("leads.visitor.none")}</p> : null}
      <ul data-testid="holding">
        {d.holding.map((l) => (
          <li key={l.leadId}>
            <strong>{name(l.exhibitor)}</strong>
            {l.kept ? ` — ${t("leads.visitor.kept", { days: d.retentionDays })}` : ""}
            <Form method="post">
              <input type="hidden" name="leadId" value={l.leadId} />
              <button type="submit" name="intent" value="withdraw">
                {t("leads.visitor.withdraw", { exhibitor: name(l.exhibitor) })}
              </button>{" "}
              {l.kept ? null : (
                <button type="submit" name="intent" value="keep">
                  {t("leads.visitor.keep", { exhibitor: name(l.exhibitor), days: d.retentionDays })}
                </button>
              )}
            </Form>
          </li>
        ))}
      </ul>
      <h2>{t("leads.visitor.pending")}</h2>
      {d.pending.length === 0 ? <p>{t("leads.visitor.pendingNone")}</p> : null}
      <ul data-testid="pending">
        {d.pending.map((l) => (
          <li key={l.leadId}>
            <strong>{name(l.exhibitor)}</strong>
            <Form method="post">
              <input type="hidden" name="leadId" value={l.leadId} />
              <button type="submit" name="intent" value="accept">
                {t("leads.visitor.accept", { exhibitor: name(l.exhibitor) })}
              </button>{" "}
              <button type="submit" name="intent" value="decline">
                {t("leads.visitor.decline")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <p>
        <a href={`/registration/${params.token}`}>{t("leads.visitor.back")}</a>
      </p>
    </section>
  );
}

/** An unknown or replaced link (410): say so, and offer a new one by email. */
export function ErrorBoundary() {
  return <GoneLinkError titleKey="leads.visitor.title" goneKey="error.token_invalid" />;
}
