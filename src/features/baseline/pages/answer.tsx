import { Form, redirect } from "react-router";
import type { Route } from "./+types/answer";
import { loadOr, runForm } from "../../../web/actions";
import { FormError, Notice, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { ownBaseline, saveSection } from "../operations/answer";
import { QuestionField, type ShownQuestion } from "./question-field";
import "./baseline.css";

// The exhibitor's baseline (issue #15, item 2): one section at a time, a plain form (no
// JavaScript), saved on every "Save and continue" and then sent on to the next section (post,
// redirect, get: reloading never sends twice, and a resend is harmless anyway). A refused answer
// comes back with its translated error beside the field and what was typed.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "baseline.title");
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const round = url.searchParams.get("round") === "follow_up" ? "follow_up" : "baseline";
  const d = await loadOr(request, () => ownBaseline(context.ctx, url.searchParams.get("edition"), round));
  const asked = url.searchParams.get("section");
  const section = d.sections.find((s) => s.key === asked) ?? d.sections.find((s) => !s.done) ?? d.sections[0];
  return { ...d, current: section?.key ?? null, saved: url.searchParams.get("saved") === "1" };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const editionId = String(form.get("editionId") ?? "") || null;
  const section = String(form.get("section") ?? "");
  const round = form.get("round") === "follow_up" ? "follow_up" : "baseline";
  const answers: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    if (key === "editionId" || key === "section" || key === "round") continue;
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    answers[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  const multiple = String(form.get("multiple") ?? "")
    .split(" ")
    .filter(Boolean);
  for (const code of multiple) answers[code] = form.getAll(code).filter((v): v is string => typeof v === "string");
  delete answers.multiple;
  const result = await runForm(context.ctx.locale, form, () => saveSection(context.ctx, { editionId, section, round, answers }));
  if (!result.ok) return result.response;
  const next = result.value.next ?? section;
  const edition = `${editionId ? `edition=${encodeURIComponent(editionId)}&` : ""}${round === "follow_up" ? "round=follow_up&" : ""}`;
  return redirect(`/account/exhibitor/baseline?${edition}section=${encodeURIComponent(next)}&saved=1`);
}

export default function Answer({ loaderData: d }: Route.ComponentProps) {
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
  const edition = `${d.editions.length > 1 || followUp ? `edition=${d.edition.id}&` : ""}${followUp ? "round=follow_up&" : ""}`;
  return (
    <section className="page narrow">
      <h1>{t(followUp ? "baseline.followUp.title" : "baseline.title")}</h1>
      <p>
        {pick(locale, d.survey.titleEn, d.survey.titleUr)} · {pick(locale, d.edition.nameEn, d.edition.nameUr)}
      </p>
      <p className="muted">{t(followUp ? "baseline.followUp.intro" : "baseline.intro")}</p>
      {!followUp && d.survey.followUp === "open" ? (
        <p className="alert">
          <a href={`/account/exhibitor/baseline?edition=${d.edition.id}&round=follow_up`}>{t("baseline.followUp.link")}</a>
        </p>
      ) : null}
      {followUp ? (
        <p>
          <a href={`/account/exhibitor/baseline?edition=${d.edition.id}`}>{t("baseline.followUp.back")}</a>
        </p>
      ) : null}
      {d.saved ? <Notice>{d.submitted ? t("baseline.submitted") : t("baseline.saved")}</Notice> : null}
      {!d.survey.open ? <p className="alert">{t("baseline.closed")}</p> : null}
      <nav aria-label={t("baseline.sections")}>
        <ol className="baseline-steps">
          {d.sections.map((s) => (
            <li key={s.key}>
              <a href={`/account/exhibitor/baseline?${edition}section=${s.key}`} aria-current={s.key === d.current ? "step" : undefined} data-done={s.done}>
                {pick(locale, s.titleEn, s.titleUr)}
              </a>{" "}
              <span className="muted">({t(s.done ? "baseline.sectionDone" : "baseline.sectionTodo")})</span>
            </li>
          ))}
        </ol>
      </nav>
      <p>
        <a href="/account/exhibitor/record">{t("baseline.record.ownLink")}</a>
      </p>
      {d.submitted && !followUp ? (
        <p>
          <a href={`/account/exhibitor/baseline/scores${edition ? `?edition=${d.edition.id}` : ""}`}>{t("baseline.scoresLink")}</a>
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
