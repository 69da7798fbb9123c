import { Form, Link } from "react-router";
import type { Route } from "./+types/review";
import { DomainError } from "../../../platform/errors";
import { loadOr, runForm } from "../../../web/actions";
import {
  Field,
  FormError,
  Notice,
  useFailure,
} from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { findCurrentEdition, findEdition } from "#features/editions";
import { editionBySlug } from "#features/nominations";
import { declareConflict, myReviews, scoreReview } from "../operations/review";
import { defaultReviewEdition, myReviewEditions } from "../operations/review-editions";
import { oneOf, text } from "../../../web/form-fields";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "nominations.review.title");
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const q = new URL(request.url).searchParams;
  const slug = q.get("edition");
  return loadOr(request, async () => {
    // Without ?edition: the call this reviewer has work in (defaultReviewEdition), not simply
    // the newest edition, which may be next year's with nothing assigned yet.
    const mine = await myReviewEditions(context.ctx);
    const fallback = defaultReviewEdition(mine);
    const edition = slug
      ? await editionBySlug(context.ctx.db, slug)
      : fallback
        ? await findEdition(context.ctx.db, { id: fallback.id })
        : await findCurrentEdition(context.ctx.db);
    if (!edition)
      throw new DomainError("not_found", { params: { what: "edition" } });
    // Query-string filter and page (plain links): what is still to score comes first.
    const reviews = await myReviews(context.ctx, { editionId: edition.id, show: q.has("show") ? oneOf(q, "show", ["todo", "scored", "all"]) : "todo", page: q.get("page") ?? 1 });
    return { ...reviews, editions: mine };
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const ctx = context.ctx;
  const intent = String(form.get("intent") ?? "");
  const nominationId = String(form.get("nominationId") ?? "");
  const result = await runForm(ctx.locale, form, async () => {
    if (intent === "conflict")
      return declareConflict(ctx, {
        nominationId,
        reason: text(form, "reason"),
      });
    if (intent !== "score") throw new DomainError("bad_request");
    const scores: Record<string, string> = {};
    const comments: Record<string, string> = {};
    for (const [k, v] of form.entries()) {
      if (k.startsWith("score.") && v !== "") scores[k.slice(6)] = String(v);
      if (k.startsWith("comment.")) comments[k.slice(8)] = String(v);
    }
    return scoreReview(ctx, { nominationId, scores, comments });
  });
  if (!result.ok) return result.response;
  return { ok: true as const, intent };
}

export default function Review({
  loaderData,
  actionData,
}: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const { edition, editions, criteria, items, show, page, pages, counts } = loaderData;
  const href = (to: { show?: string; page?: number }) => {
    const q = new URLSearchParams();
    if (edition.slug) q.set("edition", edition.slug);
    q.set("show", to.show ?? show);
    if ((to.page ?? 1) > 1) q.set("page", String(to.page));
    return `/review?${q}`;
  };
  const done =
    actionData && "ok" in actionData && actionData.ok ? actionData : undefined;
  return (
    <section className="page">
      <h1>{t("nominations.review.title")}</h1>
      {editions.length > 1 || (editions.length === 1 && editions[0]!.id !== edition.id) ? (
        // Assignments in several editions' calls: each is one link away.
        <nav aria-label={t("nominations.review.editions")} className="chips">
          {editions.map((e) => (
            <Link key={e.id} to={`/review?edition=${encodeURIComponent(e.slug)}`} aria-current={e.id === edition.id ? "page" : undefined} className={e.id === edition.id ? "badge" : undefined}>
              {pick(locale, e.nameEn, e.nameUr)} · {t("nominations.review.show.todo", { count: e.todo })}
            </Link>
          ))}
        </nav>
      ) : (
        <p>{pick(locale, edition.nameEn, edition.nameUr)}</p>
      )}
      {done ? (
        <Notice>
          {t(
            done.intent === "conflict"
              ? "nominations.review.conflictDone"
              : "nominations.review.saved",
          )}
        </Notice>
      ) : null}
      <FormError failure={failure} />
      {counts.all > 0 ? (
        <nav aria-label={t("nominations.review.filter")} className="chips">
          {(["todo", "scored", "all"] as const).map((f) => (
            <Link key={f} to={href({ show: f })} aria-current={f === show ? "page" : undefined} className={f === show ? "badge" : undefined}>
              {t(`nominations.review.show.${f}`, { count: counts[f] })}
            </Link>
          ))}
        </nav>
      ) : null}
      {counts.all === 0 ? <p>{t("nominations.review.none")}</p> : items.length === 0 ? <p>{t("nominations.review.noneHere")}</p> : null}
      {items.map((item) => {
        const app = item.application as {
          goals?: string;
          products?: { name: string; hsCode: string }[];
          certifications?: string[];
          exportMarkets?: string[];
        };
        return (
          <article key={item.nominationId} className="card">
            <h2 dir="auto">{item.enterpriseName}</h2>
            <p>
              {pick(locale, item.clusterEn, item.clusterUr)} ·{" "}
              {t(`nominations.size.${item.sizeClass}`)}
              {item.womenLed ? ` · ${t("nominations.col.womenLed")}` : ""}
              {item.submittedAt ? (
                <span className="badge">{t("nominations.review.scored")}</span>
              ) : null}
            </p>
            {app.products?.length ? (
              <p dir="auto">
                {app.products
                  .map((p) => `${p.name} (HS ${p.hsCode})`)
                  .join(", ")}
              </p>
            ) : null}
            {app.certifications?.length ? (
              <p dir="auto">{app.certifications.join(", ")}</p>
            ) : null}
            {app.exportMarkets?.length ? (
              <p dir="auto">{app.exportMarkets.join(", ")}</p>
            ) : null}
            {app.goals ? <p dir="auto">{app.goals}</p> : null}
            {item.photoIds.length ? (
              <div className="chips">
                {item.photoIds.map((id) => (
                  <img
                    key={id}
                    src={`/review/photos/${id}`}
                    alt={t("nominations.apply.photoAlt")}
                    width={96}
                    height={96}
                    loading="lazy"
                    style={{ objectFit: "cover" }}
                  />
                ))}
              </div>
            ) : null}
            {/* Scored applications fold away so the ones still to do stand out; the scores stay editable. */}
            <details open={!item.submittedAt}>
              <summary>
                {t(
                  item.submittedAt
                    ? "nominations.review.edit"
                    : "nominations.review.score",
                )}
              </summary>
              <Form method="post">
                <input type="hidden" name="intent" value="score" />
                <input
                  type="hidden"
                  name="nominationId"
                  value={item.nominationId}
                />
                {criteria.map((c) => (
                  <fieldset key={c.id}>
                    <legend>
                      {pick(locale, c.nameEn, c.nameUr)} (
                      {t("nominations.review.weight", { weight: c.weight })})
                    </legend>
                    {[1, 2, 3, 4, 5].map((s) => (
                      <label
                        key={s}
                        style={{
                          display: "flex",
                          gap: "0.5rem",
                          alignItems: "baseline",
                        }}
                      >
                        <input
                          type="radio"
                          name={`score.${c.id}`}
                          value={s}
                          defaultChecked={item.scores?.[c.id] === s}
                          required
                          style={{ inlineSize: "auto", flex: "none" }}
                        />
                        <span>
                          {s}:{" "}
                          {pick(
                            locale,
                            c.guidanceEn[s - 1] ?? "",
                            c.guidanceUr[s - 1],
                          )}
                        </span>
                      </label>
                    ))}
                    <Field
                      name={`comment.${c.id}`}
                      form={`r-${item.nominationId}`}
                      label={t("nominations.review.comment")}
                      defaultValue={item.comments[c.id] ?? ""}
                    />
                  </fieldset>
                ))}
                <button type="submit" className="primary">
                  {t("nominations.review.save")}
                </button>
              </Form>
            </details>
            {!item.submittedAt ? (
              <Form method="post">
                <input type="hidden" name="intent" value="conflict" />
                <input
                  type="hidden"
                  name="nominationId"
                  value={item.nominationId}
                />
                <Field
                  name="reason"
                  form={`c-${item.nominationId}`}
                  label={t("nominations.review.conflictReason")}
                />
                <button type="submit" className="danger">
                  {t("nominations.review.conflict")}
                </button>
              </Form>
            ) : null}
          </article>
        );
      })}
      {pages > 1 ? (
        <nav aria-label={t("nominations.review.pages")} className="chips">
          {page > 1 ? <Link to={href({ page: page - 1 })}>{t("nominations.review.prev")}</Link> : null}
          <span>{t("nominations.review.pageOf", { page, pages })}</span>
          {page < pages ? <Link to={href({ page: page + 1 })}>{t("nominations.review.next")}</Link> : null}
        </nav>
      ) : null}
    </section>
  );
}
