import { Form } from "react-router";
import type { Route } from "./+types/judging";
import { DomainError } from "../../../platform/errors";
import { loadOr, runForm } from "../../../web/actions";
import { FormError, Notice, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { oneOf } from "../../../web/form-fields";
import { declareConflict, myJudging, reassignEntry, scoreEntry } from "../operations/judging";
import { AWARD_SCORE_MAX, AWARD_SCORE_MIN, awardRoundKinds } from "../tables";
import { RoundModeration } from "./judging-moderation";

// /awards/judging — a judge's rounds: the entries assigned to them (never one they are recused
// from), each with a scoring form (every criterion 1–5 with a comment) and a conflict declaration.
// Only the judge's own scores are shown. The round's lead judge also moderates an open round
// (judging-moderation.tsx): who has which entry, and moving one. Plain forms: no JavaScript needed.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "awards.judging.title");
}

export async function loader({ context, request }: Route.LoaderArgs) {
  return loadOr(request, () => myJudging(context.ctx));
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const ctx = context.ctx;
  const intent = String(form.get("intent") ?? "");
  const entryId = String(form.get("entryId") ?? "");
  const result = await runForm(ctx.locale, form, async () => {
    if (intent === "conflict")
      return declareConflict(ctx, {
        entryId,
        reason: String(form.get("reason") ?? ""),
      });
    if (intent === "reassign")
      return reassignEntry(ctx, {
        categoryId: String(form.get("categoryId") ?? ""),
        round: oneOf(form, "round", awardRoundKinds),
        entryId: String(form.get("entryId") ?? ""),
        fromUserId: String(form.get("fromUserId") ?? ""),
        toUserId: String(form.get("toUserId") ?? ""),
      });
    if (intent !== "score") throw new DomainError("bad_request");
    const scores = [];
    for (const [k, v] of form.entries()) {
      if (k.startsWith("score.") && v !== "") {
        const criterionId = k.slice(6);
        scores.push({
          criterionId,
          score: Number(v),
          comment: String(form.get(`comment.${criterionId}`) ?? ""),
        });
      }
    }
    return scoreEntry(ctx, {
      roundId: String(form.get("roundId") ?? ""),
      entryId,
      scores,
    });
  });
  if (!result.ok) return result.response;
  return { ok: true as const, intent };
}

export default function JudgingPage({
  loaderData: rounds,
  actionData,
}: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const done =
    actionData && "ok" in actionData && actionData.ok ? actionData : undefined;
  const range = Array.from(
    { length: AWARD_SCORE_MAX - AWARD_SCORE_MIN + 1 },
    (_, i) => AWARD_SCORE_MIN + i,
  );
  return (
    <section className="page">
      <h1>{t("awards.judging.title")}</h1>
      <p>{t("awards.judging.intro")}</p>
      {done ? (
        <Notice>
          {t(
            done.intent === "conflict"
              ? "awards.judging.conflictDone"
              : done.intent === "reassign"
                ? "awards.judging.reassigned"
                : "awards.judging.saved",
          )}
        </Notice>
      ) : null}
      <FormError failure={failure} />
      {rounds.length === 0 ? <p>{t("awards.judging.none")}</p> : null}
      {rounds.map((r) => (
        <section key={r.round.id} aria-labelledby={`round-${r.round.id}`}>
          <h2 id={`round-${r.round.id}`}>
            {pick(locale, r.category.nameEn, r.category.nameUr)} ·{" "}
            {t(`awards.transparency.round.${r.round.kind}`)}
          </h2>
          <p className="muted">
            {pick(locale, r.edition.nameEn, r.edition.nameUr)} ·{" "}
            {t(`awards.round.status.${r.round.status}`)} ·{" "}
            {t("awards.judging.progress", {
              done: r.entries.filter((e) => e.complete).length,
              total: r.entries.length,
            })}
          </p>
          {pick(locale, r.category.guidanceEn, r.category.guidanceUr) ? (
            <p>{pick(locale, r.category.guidanceEn, r.category.guidanceUr)}</p>
          ) : null}
          {r.moderation ? <RoundModeration m={r.moderation} categoryId={r.category.id} round={r.round.kind} /> : null}
          {r.entries.map((e) => {
            const open = r.round.status === "open";
            return (
              <article key={e.id} className="card">
                <h3 lang={locale === "ur" && e.nameUr ? "ur" : undefined}>
                  {pick(locale, e.nameEn, e.nameUr)}
                </h3>
                <p className="muted">
                  {t(`awards.size.${e.sizeClass}`)}
                  {e.womenLed ? ` · ${t("awards.womenLed")}` : ""}
                  {e.district ? ` · ${e.district}` : ""}
                  {e.complete ? (
                    <span className="badge">{t("awards.judging.scored")}</span>
                  ) : null}
                </p>
                {pick(locale, e.descriptionEn, e.descriptionUr) ? (
                  <p dir="auto">
                    {pick(locale, e.descriptionEn, e.descriptionUr)}
                  </p>
                ) : null}
                {e.statement ? (
                  <blockquote dir="auto">{e.statement}</blockquote>
                ) : null}
                {e.evidence.length ? (
                  <p>
                    {t("awards.judging.evidence")}:{" "}
                    {e.evidence.map((f, i) => (
                      <span key={f.id}>
                        {i ? ", " : ""}
                        <a href={`/awards/evidence/${f.id}`} dir="auto">
                          {f.fileName}
                        </a>
                      </span>
                    ))}
                  </p>
                ) : null}
                {!open ? (
                  // A round not open: the judge's own scores, read only (no form to fill).
                  <ul>
                    {r.criteria.map((c) => {
                      const mine = e.scores.find((s) => s.criterionId === c.id);
                      return (
                        <li key={c.id}>
                          {pick(locale, c.nameEn, c.nameUr)}:{" "}
                          {mine ? mine.score : "–"}
                          {mine?.comment ? (
                            <span dir="auto"> · {mine.comment}</span>
                          ) : null}
                        </li>
                      );
                    })}
                  </ul>
                ) : (
                  <Form method="post">
                    <input type="hidden" name="intent" value="score" />
                    <input type="hidden" name="roundId" value={r.round.id} />
                    <input type="hidden" name="entryId" value={e.id} />
                    {r.criteria.map((c) => {
                      const mine = e.scores.find((s) => s.criterionId === c.id);
                      const id = `s-${r.round.id}-${e.id}-${c.id}`;
                      return (
                        <fieldset key={c.id}>
                          <legend>
                            {pick(locale, c.nameEn, c.nameUr)} (
                            {t("awards.transparency.weight")} {c.weight})
                          </legend>
                          {pick(locale, c.guidanceEn, c.guidanceUr) ? (
                            <p className="hint">
                              {pick(locale, c.guidanceEn, c.guidanceUr)}
                            </p>
                          ) : null}
                          <label htmlFor={id}>
                            {t("awards.judging.score")}
                          </label>
                          <select
                            id={id}
                            name={`score.${c.id}`}
                            defaultValue={mine ? String(mine.score) : ""}
                            required
                          >
                            <option value="">–</option>
                            {range.map((n) => (
                              <option key={n} value={n}>
                                {n}
                              </option>
                            ))}
                          </select>
                          <label htmlFor={`${id}-c`}>
                            {t("awards.judging.comment")}
                          </label>
                          <textarea
                            id={`${id}-c`}
                            name={`comment.${c.id}`}
                            defaultValue={mine?.comment ?? ""}
                            rows={2}
                            maxLength={2000}
                            dir="auto"
                          />
                        </fieldset>
                      );
                    })}
                    <button type="submit">{t("awards.judging.save")}</button>
                  </Form>
                )}
                {open ? (
                  <details>
                    <summary>{t("awards.judging.conflict")}</summary>
                    <Form method="post">
                      <input type="hidden" name="intent" value="conflict" />
                      <input type="hidden" name="entryId" value={e.id} />
                      <label htmlFor={`cf-${r.round.id}-${e.id}`}>
                        {t("awards.judging.conflictReason")}
                      </label>
                      <input
                        id={`cf-${r.round.id}-${e.id}`}
                        name="reason"
                        maxLength={500}
                        dir="auto"
                      />
                      <button type="submit">
                        {t("awards.judging.conflictSubmit")}
                      </button>
                    </Form>
                  </details>
                ) : null}
              </article>
            );
          })}
        </section>
      ))}
    </section>
  );
}
