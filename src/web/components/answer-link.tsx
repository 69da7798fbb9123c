import type { ReactNode } from "react";
import { isRouteErrorResponse, useRouteError } from "react-router";
import type { FormFailure } from "../actions";
import { useT } from "../i18n";
import { FormError, Notice } from "./form";

// The frame and the error page of a page that answers by an emailed link (src/web/answer-link.ts).

/** The page: its title, the notice of the answer just given (`done`, already translated), a refused
 *  form's summary, then the page's own content. */
export function AnswerFrame({ title, done, failure, children }: { title: string; done: string | null; failure: FormFailure | undefined; children: ReactNode }) {
  return (
    <section className="page narrow">
      <h1>{title}</h1>
      {done ? <Notice>{done}</Notice> : null}
      <FormError failure={failure} />
      {children}
    </section>
  );
}

/** The error page: an unknown or replaced link (410), or a malformed one (400), says so plainly;
 *  anything else is the generic error text. (A registrant's own links use GoneLinkError, which
 *  offers a new link by email.) */
export function AnswerLinkError({ titleKey }: { titleKey: string }) {
  const t = useT();
  const error = useRouteError();
  const gone = isRouteErrorResponse(error) && (error.status === 410 || error.status === 400);
  return (
    <section className="page narrow">
      <h1>{t(titleKey)}</h1>
      <p>{gone ? t("error.token_invalid") : t("errorPage.body")}</p>
    </section>
  );
}
