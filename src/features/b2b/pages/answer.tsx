import { Form, isRouteErrorResponse, redirect, useRouteError } from "react-router";
import type { Route } from "./+types/answer";
import { loadOr, runForm } from "../../../web/actions";
import { Field, FormError, Notice, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { requestByAnswerToken, respondToRequest } from "../operations/requests";
import { PartySummary, RequestFacts } from "./request-parts";

// The page behind the link in a meeting request's email: the token is the credential, so the
// recipient accepts or declines (with an optional reason) without signing in. Works without
// JavaScript; an unknown or replaced link is a 410 that says so.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "b2b.answer.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const view = await loadOr(request, () => requestByAnswerToken(context.ctx, { answerToken: params.token }));
  const done = new URL(request.url).searchParams.get("done");
  return { ...view, done: done === "accepted" || done === "declined" ? done : null };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const form = await request.formData();
  const decision = String(form.get("intent") ?? "");
  const result = await runForm(context.ctx.locale, form, () =>
    respondToRequest(context.ctx, { answerToken: params.token, decision, reason: String(form.get("reason") ?? "") || undefined }),
  );
  if (!result.ok) return result.response;
  return redirect(`/b2b/answer/${encodeURIComponent(params.token)}?done=${result.value.status}`);
}

export default function AnswerPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const r = d.request;
  return (
    <section className="page narrow">
      <h1>{t("b2b.answer.title")}</h1>
      {d.done ? <Notice>{t(`b2b.requests.done.${d.done}`)}</Notice> : null}
      <FormError failure={failure} />
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
    </section>
  );
}

/** An unknown or replaced link (410), or a malformed one (400): say so plainly. */
export function ErrorBoundary() {
  const t = useT();
  const error = useRouteError();
  const gone = isRouteErrorResponse(error) && (error.status === 410 || error.status === 400);
  return (
    <section className="page narrow">
      <h1>{t("b2b.answer.title")}</h1>
      <p>{gone ? t("error.token_invalid") : t("errorPage.body")}</p>
    </section>
  );
}
