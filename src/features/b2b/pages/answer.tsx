import { Form } from "react-router";
import type { Route } from "./+types/answer";
import { answerByLink, loadByLink } from "../../../web/answer-link";
import { AnswerFrame, AnswerLinkError } from "../../../web/components/answer-link";
import { Field, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { requestByAnswerToken, respondToRequest } from "../operations/requests";
import { PartySummary, RequestFacts } from "./request-parts";
import { oneOf } from "../../../web/form-fields";

// The page behind the link in a meeting request's email: the token is the credential, so the
// recipient accepts or declines (with an optional reason) without signing in. Works without
// JavaScript; an unknown or replaced link is a 410 that says so.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "b2b.answer.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  return loadByLink(request, ["accepted", "declined"], () => requestByAnswerToken(context.ctx, { answerToken: params.token }));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  return answerByLink(request, context.ctx.locale, {
    page: `/b2b/answer/${encodeURIComponent(params.token)}`,
    answer: (form) => respondToRequest(context.ctx, { answerToken: params.token, decision: oneOf(form, "intent", ["accept", "decline"]), reason: String(form.get("reason") ?? "") || undefined }),
    done: (r) => r.status,
  });
}

export default function AnswerPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const r = d.request;
  return (
    <AnswerFrame title={t("b2b.answer.title")} done={d.done ? t(`b2b.requests.done.${d.done}`) : null} failure={failure}>
      <p>{t("b2b.answer.from", { name: pick(locale, d.from.nameEn, d.from.nameUr), to: pick(locale, d.to.nameEn, d.to.nameUr) })}</p>
      <div className="card">
        <PartySummary who={d.from} as="h2" />
        <RequestFacts r={r} />
      </div>
      {r.status === "pending" ? (
        <Form method="post" className="card" data-testid="b2b-answer">
          <Field name="reason" label={t("b2b.requests.reason")} failure={failure} dir="auto" />
          <div style={{ display: "flex", flexWrap: "wrap", gap: "0.5rem" }}>
            <button type="submit" name="intent" value="accept" className="primary">
              {t("b2b.requests.accept")}
            </button>
            <button type="submit" name="intent" value="decline">
              {t("b2b.requests.decline")}
            </button>
          </div>
        </Form>
      ) : d.done ? null : (
        <p>{t("b2b.answer.notPending", { status: t(`b2b.requests.status.${r.status}`) })}</p>
      )}
    </AnswerFrame>
  );
}

/** An unknown or replaced link (410), or a malformed one (400): say so plainly. */
export function ErrorBoundary() {
  return <AnswerLinkError titleKey="b2b.answer.title" />;
}
