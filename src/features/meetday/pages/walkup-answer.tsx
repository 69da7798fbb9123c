import { Form } from "react-router";
import type { Route } from "./+types/walkup-answer";
import { answerByLink, loadByLink } from "../../../web/answer-link";
import { AnswerFrame, AnswerLinkError } from "../../../web/components/answer-link";
import { useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { answerWalkUp, walkUpByLink } from "../operations/walkups";

// /walk-up/:token — the page behind the link in a walk-up proposal's email (issue #14, item 3):
// the token is the credential, so the participant it was proposed to confirms or declines without
// signing in. Works without JavaScript; an unknown link is a 410 that says so.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "meetday.walkup.answerTitle");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  return loadByLink(request, ["confirmed", "declined"], () => walkUpByLink(context.ctx, { link: params.token }));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  return answerByLink(request, context.ctx.locale, {
    page: `/walk-up/${encodeURIComponent(params.token)}`,
    answer: (form) => answerWalkUp(context.ctx, { link: params.token, decision: String(form.get("intent") ?? "") === "confirm" ? "confirm" : "decline" }),
    done: (w) => w.status,
  });
}

export default function WalkUpAnswerPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const w = d.walkUp;
  return (
    <AnswerFrame title={t("meetday.walkup.answerTitle")} done={d.done ? t(`meetday.walkup.done.${d.done}`) : null} failure={failure}>
      <p>{t("meetday.walkup.from", { from: pick(locale, d.from.nameEn, d.from.nameUr), to: pick(locale, d.to.nameEn, d.to.nameUr) })}</p>
      <dl className="card">
        <dt>{t("b2b.meetings.title")}</dt>
        <dd>
          <time dateTime={w.startsAt}>{t("meetday.walkup.when", { day: w.day, date: w.date, start: w.start, end: w.end })}</time>
        </dd>
        <dt>{t("meetday.walkup.place")}</dt>
        <dd>{w.place === "table" ? t("b2b.meetings.place.table", { table: w.tableNo ?? "" }) : t("b2b.meetings.place.stall")}</dd>
        {w.message ? (
          <>
            <dt>{t("meetday.walkup.note")}</dt>
            <dd dir="auto">{w.message}</dd>
          </>
        ) : null}
        <dt>{t("meetday.walkup.status")}</dt>
        <dd>
          <strong>{t(`meetday.walkup.status.${w.status}`)}</strong>
        </dd>
      </dl>
      {w.status === "proposed" ? (
        <Form method="post" className="card" data-testid="walkup-answer" style={{ display: "flex", flexWrap: "wrap", gap: "0.5rem" }}>
          <button type="submit" name="intent" value="confirm" className="primary">
            {t("meetday.walkup.confirm")}
          </button>
          <button type="submit" name="intent" value="decline">
            {t("meetday.walkup.decline")}
          </button>
        </Form>
      ) : null}
    </AnswerFrame>
  );
}

/** An unknown link (410), or a malformed one (400): say so plainly. */
export function ErrorBoundary() {
  return <AnswerLinkError titleKey="meetday.walkup.answerTitle" />;
}
