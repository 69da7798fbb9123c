import { Form, redirect } from "react-router";
import type { Route } from "./+types/bo-awards";
import { DomainError, isDomainError } from "../../../platform/errors";
import { errorText } from "../../../platform/i18n/translate";
import { loadOr, runForm } from "../../../web/actions";
import { Field, FormError, Notice, SelectField, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { isUuid, uuidParam } from "../../../web/params";
import { roundBoard } from "../operations/board";
import { addEntry, enterEligible, listEntries, withdrawEntry } from "../operations/entries";
import { assignRound, reassignEntry } from "../operations/judging";
import { lockResults } from "../operations/results";
import { getAwardsSetup, removeJudge, saveCategory, saveCriterion, setJudge, setRound } from "../operations/setup";
import { awardEntryModes, awardRoundKinds, awardRoundStatuses, awardSizeClasses } from "../tables";
import { oneOf, optionalOneOf, someOf } from "../../../web/form-fields";

// The organiser's awards back office (issue #13, awards): categories and their eligibility rules,
// each round's criteria, judges and status, entries (enter the eligible, add, withdraw), load-
// balanced assignment, progress and the leaderboard (until the results are locked), and "lock
// and publish at". Plain forms; the page only turns form text into the operations' input.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "awards.bo.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const editionId = uuidParam(params.editionId);
  const url = new URL(request.url);
  const setup = await loadOr(request, () => getAwardsSetup(context.ctx, { editionId }));
  const roundId = url.searchParams.get("round");
  const entriesOf = url.searchParams.get("entries");
  let board = null;
  let boardError: string | null = null;
  if (isUuid(roundId)) {
    try {
      board = await roundBoard(context.ctx, { roundId });
    } catch (e) {
      if (!isDomainError(e)) throw e;
      boardError = errorText(context.ctx.locale, e.code, e.params);
    }
  }
  const entries = isUuid(entriesOf) ? { categoryId: entriesOf, rows: await loadOr(request, () => listEntries(context.ctx, { categoryId: entriesOf })) } : null;
  return { ...setup, board, boardError, entries, done: url.searchParams.get("done") };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const editionId = uuidParam(params.editionId);
  const form = await request.formData();
  const text = (k: string) => String(form.get(k) ?? "").trim();
  const list = (k: string) => text(k).split(/[\s,]+/).filter(Boolean);
  const intent = text("intent");
  const ctx = context.ctx;
  const categoryId = text("categoryId");
  const round = oneOf(form, "round", awardRoundKinds);
  const result = await runForm(ctx.locale, form, async () => {
    switch (intent) {
      case "category":
        return saveCategory(ctx, {
          editionId,
          slug: text("slug"),
          nameEn: text("nameEn"),
          nameUr: text("nameUr"),
          descriptionEn: text("descriptionEn"),
          descriptionUr: text("descriptionUr"),
          guidanceEn: text("guidanceEn"),
          guidanceUr: text("guidanceUr"),
          selectedOnly: form.has("selectedOnly"),
          womenLedOnly: form.has("womenLedOnly"),
          sizeClasses: someOf(form, "sizeClasses", awardSizeClasses),
          clusterSlugs: list("clusterSlugs"),
          sectorCodes: list("sectorCodes"),
          minExportScore: text("minExportScore") ? Number(text("minExportScore")) : null,
          entryMode: optionalOneOf(form, "entryMode", awardEntryModes) ?? "automatic",
          winners: Number(text("winners") || 1),
          runnersUp: Number(text("runnersUp") || 0),
        });
      case "criterion":
        return saveCriterion(ctx, { categoryId, round, slug: text("slug"), nameEn: text("nameEn"), nameUr: text("nameUr"), guidanceEn: text("guidanceEn"), guidanceUr: text("guidanceUr"), weight: Number(text("weight")) });
      case "round":
        return setRound(ctx, { categoryId, round, ...(text("status") ? { status: oneOf(form, "status", awardRoundStatuses) } : {}), ...(text("judgesPerEntry") ? { judgesPerEntry: Number(text("judgesPerEntry")) } : {}), ...(text("advance") ? { advance: Number(text("advance")) } : {}) });
      case "judge":
        return setJudge(ctx, { categoryId, round, userId: text("userId"), clusterSlugs: list("clusterSlugs"), lead: form.has("lead") });
      case "removeJudge":
        return removeJudge(ctx, { categoryId, round, userId: text("userId") });
      case "enter":
        return enterEligible(ctx, { categoryId });
      case "add":
        return addEntry(ctx, { categoryId, enterpriseId: text("enterpriseId") });
      case "withdraw":
        return withdrawEntry(ctx, { entryId: text("entryId") });
      case "assign":
        return assignRound(ctx, { categoryId, round });
      case "reassign":
        return reassignEntry(ctx, { categoryId, round, entryId: text("entryId"), fromUserId: text("fromUserId"), toUserId: text("toUserId") });
      case "lock":
        return lockResults(ctx, { categoryId, publishAt: text("publishAt") ?? "" });
      default:
        throw new DomainError("bad_request");
    }
  });
  if (!result.ok) return result.response;
  return redirect(`/back-office/editions/${editionId}/awards?done=${encodeURIComponent(intent)}`);
}

export default function AwardsBackOffice({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const here = `/back-office/editions/${d.edition.id}/awards`;
  const fmt = (x: Date | string | null) => (x ? new Date(x).toLocaleString(locale === "ur" ? "ur-PK" : "en-GB", { timeZone: d.edition.timezone, dateStyle: "medium", timeStyle: "short" }) : "");
  return (
    <section className="page">
      <h1>{t("awards.bo.title")}</h1>
      <p>{pick(locale, d.edition.nameEn, d.edition.nameUr)}</p>
      <p>
        <a href={`/editions/${d.edition.slug}/awards`}>{t("awards.winners.title")}</a> · <a href={`/editions/${d.edition.slug}/awards/transparency`}>{t("awards.transparency.link")}</a>
      </p>
      {d.done ? <Notice>{t("awards.bo.done")}</Notice> : null}
      <FormError failure={failure} />

      {d.board || d.boardError ? (
        <section className="card" aria-labelledby="board">
          <h2 id="board">{t("awards.bo.progress")}</h2>
          {d.boardError ? <p>{d.boardError}</p> : null}
          {d.board ? (
            <>
              <p>
                {pick(locale, d.board.category.nameEn, d.board.category.nameUr)} · {t(`awards.transparency.round.${d.board.round.kind}`)} · {t(`awards.round.status.${d.board.round.status}`)}
              </p>
              <div className="table-scroll" role="region" tabIndex={0} aria-label={t("awards.bo.progress")}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t("awards.measure.judges")}</th>
                      <th scope="col">{t("awards.bo.assigned")}</th>
                      <th scope="col">{t("awards.judging.scored")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.board.progress.judges.map((j) => (
                      <tr key={j.userId}>
                        <th scope="row">{j.name}{j.lead ? ` (${t("awards.bo.lead")})` : ""}</th>
                        <td>{j.assigned}</td>
                        <td>{j.complete}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {d.board.round.status !== "closed" && !d.board.category.lockedAt && d.board.progress.judges.length > 1 ? (
                <Form method="post" className="stack">
                  <h3>{t("awards.bo.reassign")}</h3>
                  <p className="hint">{t("awards.bo.reassignHint")}</p>
                  <input type="hidden" name="intent" value="reassign" />
                  <input type="hidden" name="categoryId" value={d.board.category.id} />
                  <input type="hidden" name="round" value={d.board.round.kind} />
                  <SelectField name="entryId" label={t("awards.measure.entries")} failure={failure} options={d.board.progress.entries.map((e) => ({ value: e.id, label: pick(locale, e.nameEn, e.nameUr ?? e.nameEn) }))} />
                  <SelectField name="fromUserId" label={t("awards.bo.reassignFrom")} failure={failure} options={d.board.progress.judges.map((j) => ({ value: j.userId, label: j.name }))} />
                  <SelectField name="toUserId" label={t("awards.bo.reassignTo")} failure={failure} options={d.board.progress.judges.map((j) => ({ value: j.userId, label: j.name }))} />
                  <button type="submit">{t("awards.bo.reassign")}</button>
                </Form>
              ) : null}
              {d.board.board ? (
                <div className="table-scroll" role="region" tabIndex={0} aria-label={t("awards.bo.progress")}>
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">#</th>
                        <th scope="col">{t("awards.measure.entries")}</th>
                        <th scope="col">{t("awards.bo.normalised")}</th>
                        <th scope="col">{t("awards.bo.raw")}</th>
                        <th scope="col">{t("awards.measure.reviews")}</th>
                        <th scope="col">{t("awards.bo.disagreement")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.board.board.map((b) => (
                        <tr key={b.entryId}>
                          <td>{b.rank}</td>
                          <th scope="row">{pick(locale, b.nameEn, b.nameUr)}</th>
                          <td>{b.meanNormalised}</td>
                          <td>{b.meanRaw}</td>
                          <td>{b.reviews}</td>
                          <td>{b.disagreement ? t("awards.bo.disagreementYes", { spread: b.spread }) : ""}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : null}
            </>
          ) : null}
        </section>
      ) : null}

      {d.categories.map((c) => (
        <section key={c.id} className="card" aria-labelledby={`c-${c.id}`}>
          <h2 id={`c-${c.id}`}>{pick(locale, c.nameEn, c.nameUr)}</h2>
          <p className="muted">
            {t("awards.bo.counts", { entries: c.entries, shortlisted: c.shortlisted, winners: c.winners, runnersUp: c.runnersUp })}
            {c.lockedAt ? ` · ${t("awards.bo.locked", { at: fmt(c.publishAt) })}` : ""}
          </p>
          <div className="chips">
            <Form method="post">
              <input type="hidden" name="intent" value="enter" />
              <input type="hidden" name="categoryId" value={c.id} />
              <button type="submit" disabled={!!c.lockedAt}>{t("awards.bo.enterEligible")}</button>
            </Form>
            <a href={`${here}?entries=${c.id}`}>{t("awards.bo.showEntries")}</a>
          </div>
          {d.entries && d.entries.categoryId === c.id ? (
            <ul>
              {d.entries.rows.map((e) => (
                <li key={e.id}>
                  {pick(locale, e.nameEn, e.nameUr)} · {t(`awards.bo.source.${e.source}`)}
                  {e.shortlisted ? ` · ${t("awards.measure.shortlisted")}` : ""}
                  {e.withdrawn ? ` · ${t("awards.bo.withdrawn")}` : (
                    <Form method="post" className="inline">
                      <input type="hidden" name="intent" value="withdraw" />
                      <input type="hidden" name="entryId" value={e.id} />
                      <button type="submit" className="link">{t("awards.bo.withdraw")}</button>
                    </Form>
                  )}
                </li>
              ))}
            </ul>
          ) : null}
          {c.rounds.map((r) => (
            <details key={r.id} open={r.status === "open"}>
              <summary>
                {t(`awards.transparency.round.${r.kind}`)} · {t(`awards.round.status.${r.status}`)} · {t("awards.bo.roundNumbers", { judges: r.judges.length, criteria: r.criteria.length })}
              </summary>
              <p>
                <a href={`${here}?round=${r.id}`}>{t("awards.bo.progress")}</a>
              </p>
              <Form method="post">
                <input type="hidden" name="intent" value="round" />
                <input type="hidden" name="categoryId" value={c.id} />
                <input type="hidden" name="round" value={r.kind} />
                <SelectField name="status" label={t("awards.bo.status")} defaultValue={r.status} options={(["draft", "open", "closed"] as const).map((s) => ({ value: s, label: t(`awards.round.status.${s}`) }))} form={`r-${r.id}`} />
                <Field name="judgesPerEntry" type="number" label={t("awards.bo.judgesPerEntry")} defaultValue={String(r.judgesPerEntry)} form={`r-${r.id}`} />
                {r.kind === "shortlist" ? <Field name="advance" type="number" label={t("awards.bo.advance")} defaultValue={String(r.advance)} form={`r-${r.id}`} /> : null}
                <button type="submit">{t("awards.bo.saveRound")}</button>
              </Form>
              <Form method="post">
                <input type="hidden" name="intent" value="assign" />
                <input type="hidden" name="categoryId" value={c.id} />
                <input type="hidden" name="round" value={r.kind} />
                <button type="submit" disabled={r.status === "closed"}>{t("awards.bo.assign")}</button>
              </Form>
              <h3>{t("awards.transparency.criterion")}</h3>
              <ul>
                {r.criteria.map((k) => (
                  <li key={k.id}>
                    {pick(locale, k.nameEn, k.nameUr)} · {t("awards.transparency.weight")} {k.weight}
                  </li>
                ))}
              </ul>
              {r.status === "draft" ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="criterion" />
                  <input type="hidden" name="categoryId" value={c.id} />
                  <input type="hidden" name="round" value={r.kind} />
                  <Field name="slug" label={t("awards.bo.slug")} required form={`k-${r.id}`} />
                  <Field name="nameEn" label={t("awards.bo.nameEn")} required form={`k-${r.id}`} />
                  <Field name="nameUr" label={t("awards.bo.nameUr")} required dir="rtl" form={`k-${r.id}`} />
                  <Field name="weight" type="number" label={t("awards.transparency.weight")} required form={`k-${r.id}`} />
                  <button type="submit">{t("awards.bo.addCriterion")}</button>
                </Form>
              ) : null}
              <h3>{t("awards.measure.judges")}</h3>
              <ul>
                {r.judges.map((j) => (
                  <li key={j.userId}>
                    {j.name}
                    {j.lead ? ` (${t("awards.bo.lead")})` : ""}
                    {j.clusterSlugs.length ? ` · ${j.clusterSlugs.join(", ")}` : ""}
                    {r.status !== "closed" ? (
                      <Form method="post" className="inline">
                        <input type="hidden" name="intent" value="removeJudge" />
                        <input type="hidden" name="categoryId" value={c.id} />
                        <input type="hidden" name="round" value={r.kind} />
                        <input type="hidden" name="userId" value={j.userId} />
                        <button type="submit" className="link">{t("awards.bo.remove")}</button>
                      </Form>
                    ) : null}
                  </li>
                ))}
              </ul>
              <Form method="post">
                <input type="hidden" name="intent" value="judge" />
                <input type="hidden" name="categoryId" value={c.id} />
                <input type="hidden" name="round" value={r.kind} />
                <SelectField name="userId" label={t("awards.bo.judge")} options={d.reviewers.map((u) => ({ value: u.id, label: `${u.name} <${u.email}>` }))} form={`j-${r.id}`} />
                <Field name="clusterSlugs" label={t("awards.bo.judgeClusters")} hint={t("awards.bo.judgeClustersHint")} form={`j-${r.id}`} />
                <label>
                  <input type="checkbox" name="lead" /> {t("awards.bo.lead")}
                </label>
                <button type="submit">{t("awards.bo.addJudge")}</button>
              </Form>
            </details>
          ))}
          {!c.lockedAt ? (
            <Form method="post">
              <input type="hidden" name="intent" value="lock" />
              <input type="hidden" name="categoryId" value={c.id} />
              <Field name="publishAt" type="datetime-local" label={t("awards.bo.publishAt")} hint={t("awards.bo.publishAtHint")} required form={`l-${c.id}`} />
              <button type="submit">{t("awards.bo.lock")}</button>
            </Form>
          ) : null}
        </section>
      ))}

      <section className="card" aria-labelledby="new-category">
        <h2 id="new-category">{t("awards.bo.newCategory")}</h2>
        <Form method="post">
          <input type="hidden" name="intent" value="category" />
          <Field name="slug" label={t("awards.bo.slug")} required failure={failure} form="cat" />
          <Field name="nameEn" label={t("awards.bo.nameEn")} required failure={failure} form="cat" />
          <Field name="nameUr" label={t("awards.bo.nameUr")} required dir="rtl" failure={failure} form="cat" />
          <Field name="descriptionEn" label={t("awards.bo.descriptionEn")} failure={failure} form="cat" />
          <Field name="descriptionUr" label={t("awards.bo.descriptionUr")} dir="rtl" failure={failure} form="cat" />
          <fieldset>
            <legend>{t("awards.bo.eligibility")}</legend>
            <label>
              <input type="checkbox" name="selectedOnly" defaultChecked /> {t("awards.bo.selectedOnly")}
            </label>
            <label>
              <input type="checkbox" name="womenLedOnly" /> {t("awards.womenLed")}
            </label>
            {awardSizeClasses.map((s) => (
              <label key={s}>
                <input type="checkbox" name="sizeClasses" value={s} /> {t(`awards.size.${s}`)}
              </label>
            ))}
            <Field name="clusterSlugs" label={t("awards.bo.clusters")} hint={t("awards.bo.judgeClustersHint")} failure={failure} form="cat" />
            <Field name="sectorCodes" label={t("awards.bo.sectors")} hint={t("awards.bo.sectorsHint")} failure={failure} form="cat" />
            <Field name="minExportScore" type="number" inputMode="numeric" label={t("awards.bo.minExportScore")} hint={t("awards.bo.minExportScoreHint")} failure={failure} form="cat" />
          </fieldset>
          <SelectField name="entryMode" label={t("awards.bo.entryMode")} options={[{ value: "automatic", label: t("awards.bo.source.automatic") }, { value: "application", label: t("awards.bo.source.application") }]} form="cat" />
          <Field name="winners" type="number" label={t("awards.place.winner")} defaultValue="1" failure={failure} form="cat" />
          <Field name="runnersUp" type="number" label={t("awards.place.runner_up")} defaultValue="2" failure={failure} form="cat" />
          <button type="submit">{t("awards.bo.saveCategory")}</button>
        </Form>
      </section>
    </section>
  );
}
