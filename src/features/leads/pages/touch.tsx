import { Form } from "react-router";
import type { Route } from "./+types/touch";
import { loadOr, runForm } from "../../../web/actions";
import { FormError, Notice, useFailure } from "../../../web/components/form";
import { GoneLinkError } from "../../../web/components/gone-link";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { answerTouchByLink, touchRequestByLink } from "../operations/touch-link";

// One exhibitor's "stay in touch" request, opened from the email sent for it (issue #14, item 7):
// who asks and at which edition, what accepting shares, and two buttons. The link answers this
// request alone; the visitor's registration page (its own link) lists every exhibitor. Plain
// forms, no JavaScript.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "leads.touch.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  return loadOr(request, () => touchRequestByLink(context.ctx, { token: params.token }));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const form = await request.formData();
  const accept = form.get("intent") === "accept";
  const result = await runForm(context.ctx.locale, form, () => answerTouchByLink(context.ctx, { token: params.token, accept }));
  if (!result.ok) return result.response;
  return { done: result.value.touch };
}

export default function TouchRequestPage({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const exhibitor = pick(locale, d.exhibitor.en, d.exhibitor.ur);
  const edition = pick(locale, d.edition.nameEn, d.edition.nameUr);
  const done = actionData && "done" in actionData ? actionData.done : null;
  const answered = d.state === "pending" ? null : d.state;
  return (
    <section className="page narrow">
      <h1>{t("leads.touch.title")}</h1>
      <p data-testid="touch-ask">{t("leads.touch.ask", { name: d.firstName, exhibitor, edition })}</p>
      {done ? <Notice>{t(`leads.visitor.done.${done}`)}</Notice> : null}
      <FormError failure={failure} />
      {!done && answered ? <p data-testid="touch-state">{t(`leads.touch.state.${answered}`)}</p> : null}
      {!done && !answered ? (
        <Form method="post" data-testid="touch-form">
          <p>{t("leads.touch.what")}</p>
          <button type="submit" name="intent" value="accept" className="primary">
            {t("leads.visitor.accept", { exhibitor })}
          </button>{" "}
          <button type="submit" name="intent" value="decline">
            {t("leads.visitor.decline")}
          </button>
        </Form>
      ) : null}
      <p className="hint">{t("leads.touch.more")}</p>
    </section>
  );
}

/** An unknown link, or one whose request is gone (410): say so, and offer the registration's link by email. */
export function ErrorBoundary() {
  return <GoneLinkError titleKey="leads.touch.title" goneKey="leads.touch.gone" />;
}
