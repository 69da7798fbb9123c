import { Form, isRouteErrorResponse, useRouteError } from "react-router";
import { FormError, Notice, useFailure } from "../../../web/components/form";
import { pick, useLocale, useT } from "../../../web/i18n";
import type { baselineView } from "../operations/answer";
import { QuestionField, type ShownQuestion } from "./question-field";
import "./baseline.css";

// The baseline's answering page, whoever answers (issue #15, item 2): the exhibitor signed in
// (answer.tsx) or an applicant by its link (applicant-answer.tsx). One section at a time, a plain
// form (no JavaScript), saved on every "Save and continue" and then sent on to the next section
// (post, redirect, get: reloading never sends twice, and a resend is harmless anyway). A refused
// answer comes back with its translated error beside the field and what was typed.

export type BaselinePage = Awaited<ReturnType<typeof baselineView>> & { current: string | null; saved: boolean };

/** The section to show: the one asked for, else the first not saved, else the first. */
export function pageOf<D extends Awaited<ReturnType<typeof baselineView>>>(d: D, url: URL): D & { current: string | null; saved: boolean } {
  const asked = url.searchParams.get("section");
  const section = d.sections.find((s) => s.key === asked) ?? d.sections.find((s) => !s.done) ?? d.sections[0];
  return { ...d, current: section?.key ?? null, saved: url.searchParams.get("saved") === "1" };
}

/** A section's form as sent: its key, round and edition, and each question's answer by code (a
 *  list for several choices and countries, named in the form's `multiple` field). */
export function sectionOfForm(form: FormData) {
  const editionId = String(form.get("editionId") ?? "") || null;
  const section = String(form.get("section") ?? "");
  const round = form.get("round") === "follow_up" ? ("follow_up" as const) : ("baseline" as const);
  const answers: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    if (key === "editionId" || key === "section" || key === "round" || key === "multiple") continue;
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    answers[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  const multiple = String(form.get("multiple") ?? "")
    .split(" ")
    .filter(Boolean);
  for (const code of multiple) answers[code] = form.getAll(code).filter((v): v is string => typeof v === "string");
  return { editionId, section, round, answers };
}

/** The page. `base` is its address (`?section=` is added); `exhibitor` adds the exhibitor's own
 *  links (other editions, the follow-up, its record). */
export function BaselineAnswer({ d, base, exhibitor }: { d: BaselinePage; base: string; exhibitor: boolean }) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const index = d.sections.findIndex((s) => s.key === d.current);
  const section = d.sections[index];
  const all = new Map(d.sections.flatMap((s) => s.questions.map((q) => [q.code, q] as const)));
  const answerText = (code: string, equals: string) => {
    const parent = all.get(code);
    if (parent?.kind === "yes_no") return t(equals === "yes" ? "baseline.yes" : "baseline.no");
    const o = parent?.options.find((x) => x.value === equals);
    return o ? pick(locale, o.en, o.ur) : equals;
  };
  const shown: ShownQuestion[] = (section?.questions ?? [])
    .filter((q) => q.visible || (q.showIf && section!.questions.some((p) => p.code === q.showIf!.code)))
    .map((q) => ({
      ...q,
      onlyIf: q.showIf && section!.questions.some((p) => p.code === q.showIf!.code) ? { label: pick(locale, all.get(q.showIf.code)!.labelEn, all.get(q.showIf.code)!.labelUr), answer: answerText(q.showIf.code, q.showIf.equals) } : null,
    }));
  const followUp = d.round === "follow_up";
  const edition = exhibitor ? `${d.editions.length > 1 || followUp ? `edition=${d.edition.id}&` : ""}${followUp ? "round=follow_up&" : ""}` : "";
  return (
    <section className="page narrow">
      <h1>{t(followUp ? "baseline.followUp.title" : "baseline.title")}</h1>
      <p>
        {pick(locale, d.survey.titleEn, d.survey.titleUr)} · {pick(locale, d.edition.nameEn, d.edition.nameUr)}
      </p>
      <p className="muted">{t(followUp ? "baseline.followUp.intro" : "baseline.intro")}</p>
      {exhibitor ? null : <p className="muted">{t("baseline.applicant.intro")}</p>}
      {exhibitor && !followUp && d.survey.followUp === "open" ? (
        <p className="alert">
          <a href={`${base}?edition=${d.edition.id}&round=follow_up`}>{t("baseline.followUp.link")}</a>
        </p>
      ) : null}
      {followUp ? (
        <p>
          <a href={`${base}?edition=${d.edition.id}`}>{t("baseline.followUp.back")}</a>
        </p>
      ) : null}
      {d.saved ? <Notice>{d.submitted ? t("baseline.submitted") : t("baseline.saved")}</Notice> : null}
      {!d.survey.open ? <p className="alert">{t("baseline.closed")}</p> : null}
      <nav aria-label={t("baseline.sections")}>
        <ol className="baseline-steps">
          {d.sections.map((s) => (
            <li key={s.key}>
              <a href={`${base}?${edition}section=${s.key}`} aria-current={s.key === d.current ? "step" : undefined} data-done={s.done}>
                {pick(locale, s.titleEn, s.titleUr)}
              </a>{" "}
              <span className="muted">({t(s.done ? "baseline.sectionDone" : "baseline.sectionTodo")})</span>
            </li>
          ))}
        </ol>
      </nav>
      {exhibitor ? (
        <p>
          <a href="/account/exhibitor/record">{t("baseline.record.ownLink")}</a>
        </p>
      ) : null}
      {d.submitted && !followUp ? (
        <p>
          <a href={`${base}/scores${edition ? `?edition=${d.edition.id}` : ""}`}>{t("baseline.scoresLink")}</a>
        </p>
      ) : null}
      {section ? (
        <Form method="post" data-testid="baseline-section" data-section={section.key}>
          <h2>
            {pick(locale, section.titleEn, section.titleUr)} <span className="muted">{t("baseline.progress", { n: index + 1, total: d.sections.length })}</span>
          </h2>
          <FormError failure={failure} />
          <input type="hidden" name="editionId" value={d.edition.id} />
          <input type="hidden" name="section" value={section.key} />
          <input type="hidden" name="round" value={d.round} />
          <input type="hidden" name="multiple" value={shown.filter((q) => q.kind === "multiple" || q.kind === "countries").map((q) => q.code).join(" ")} />
          {shown.map((q, k) => (
            <QuestionField key={q.code} q={q} failure={failure} index={k} />
          ))}
          {d.survey.open ? (
            <button type="submit" className="primary">
              {t(index === d.sections.length - 1 ? "baseline.saveLast" : "baseline.saveNext")}
            </button>
          ) : null}
        </Form>
      ) : null}
    </section>
  );
}

/** The address of an applicant's baseline page (its link). */
export const applicantBase = (token: string) => `/baseline/applicant/${encodeURIComponent(token)}`;

/** The error page of an applicant's pages: a link that opens nothing says so, the same for every
 *  reason (respondent.ts). */
export function ApplicantLinkError() {
  const t = useT();
  const error = useRouteError();
  const unknown = isRouteErrorResponse(error) && error.status === 404;
  return (
    <section className="page narrow">
      <h1>{t("baseline.title")}</h1>
      <p>{unknown ? t("error.baseline_link_unknown") : t("errorPage.body")}</p>
    </section>
  );
}
