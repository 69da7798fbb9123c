import { Form, Link, redirect } from "react-router";
import { findCall } from "#features/nominations";
import type { Route } from "./+types/selection";
import { DomainError } from "../../../platform/errors";
import { loadOr, runForm } from "../../../web/actions";
import { Field, FormError, Notice, SelectField, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { decideAppeal, listAppeals } from "../operations/appeals";
import { assignReviews, scoreOverview } from "../operations/review";
import { getSelection, overrideDecision, publishSelection, runSelectionProposal, withdrawByStaff, type Withdrawal } from "../operations/selection";
import { reasonText } from "../reasons";
import { uuidParam } from "../../../web/params";
import { oneOf, optionalOneOf, text } from "../../../web/form-fields";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "nominations.sel.title", "bo.title");
}


export async function loader({ context, request, params }: Route.LoaderArgs) {
  uuidParam(params.editionId);
  return loadOr(request, async () => {
    const ctx = context.ctx;
    const sel = await getSelection(ctx, { editionId: params.editionId });
    // No call yet: nothing to review or select; the call page is where to start.
    if (!(await findCall(ctx.db, params.editionId))) throw redirect(`/back-office/editions/${params.editionId}/call`);
    const scores = await scoreOverview(ctx, { editionId: params.editionId });
    const appeals = await listAppeals(ctx, { editionId: params.editionId });
    return { ...sel, scores, appeals };
  });
}

export async function action({ request, context, params }: Route.ActionArgs) {
  uuidParam(params.editionId);
  const form = await request.formData();
  const ctx = context.ctx;
  const editionId = params.editionId;
  const f = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;
  const ops: Record<string, () => Promise<unknown>> = {
    assign: () => assignReviews(ctx, { editionId }),
    run: () => runSelectionProposal(ctx, { editionId }),
    override: () => overrideDecision(ctx, { editionId, applicationId: text(form, "applicationId"), status: oneOf(form, "status", ["selected", "waitlisted", "not_selected"]), justification: text(form, "justification") }),
    publish: () => publishSelection(ctx, { editionId }),
    withdraw: () => withdrawByStaff(ctx, { nominationId: text(form, "nominationId") }),
    appeal: () => decideAppeal(ctx, { appealId: text(form, "appealId"), outcome: oneOf(form, "outcome", ["upheld", "rejected"]), note: text(form, "note"), status: optionalOneOf(form, "status", ["selected", "waitlisted"]) }),
  };
  const result = await runForm(ctx.locale, form, ops[f.intent ?? ""] ?? (() => Promise.reject(new DomainError("bad_request"))));
  if (!result.ok) return result.response;
  return { ok: true as const, intent: f.intent, withdrawal: f.intent === "withdraw" ? (result.value as Withdrawal) : null };
}

export default function SelectionPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const { edition, selection, names, clusters, sectors, scores, appeals } = loaderData;
  const done = actionData && "ok" in actionData && actionData.ok ? actionData : undefined;
  const result = selection?.result;
  const cluster = (id: string) => (clusters[id] ? pick(locale, clusters[id].nameEn, clusters[id].nameUr) : "");
  const sector = (id: string) => (sectors[id] ? pick(locale, sectors[id].nameEn, sectors[id].nameUr) : "");
  const withdrawal = done?.withdrawal;
  const button = (intent: string, label: string) => (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <button type="submit">{label}</button>
    </Form>
  );
  return (
    <section>
      <p>
        <Link to={`/back-office/editions/${edition.id}/call`}>{t("nominations.call.title")}</Link> ·{" "}
        <Link to={`/back-office/editions/${edition.id}/reviewers`}>{t("nominations.aff.link")}</Link> ·{" "}
        <Link to={`/back-office/editions/${edition.id}/nominees`}>{t("nominations.all.link")}</Link>
      </p>
      <h1>{t("nominations.sel.title")}</h1>
      <p>{t("nominations.sel.progress", loaderData.progress)}</p>
      {done && !withdrawal ? <Notice>{t("nominations.sel.done")}</Notice> : null}
      {withdrawal ? (
        <Notice>
          {withdrawal.promotedName ? t("nominations.sel.withdrawn.promoted", { name: withdrawal.promotedName }) : t("nominations.sel.withdrawn.none")}
          {withdrawal.proposalUpdated ? ` ${t("nominations.sel.withdrawn.proposal")}` : ""}
        </Notice>
      ) : null}
      <FormError failure={failure} />
      <div className="chips">
        {button("assign", t("nominations.sel.assign"))}
        {!selection?.publishedAt ? button("run", t("nominations.sel.run")) : null}
        {selection && !selection.publishedAt ? button("publish", t("nominations.sel.publish")) : null}
      </div>

      <h2>{t("nominations.sel.scores")}</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t("nominations.sel.scores")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("nominations.list.enterprise")}</th>
              <th scope="col">{t("nominations.sel.reviews")}</th>
              <th scope="col">{t("nominations.sel.raw")}</th>
              <th scope="col">{t("nominations.sel.normalised")}</th>
              <th scope="col">{t("nominations.sel.spread")}</th>
            </tr>
          </thead>
          <tbody>
            {scores.applications.map((a) => (
              <tr key={a.applicationId}>
                <td dir="auto">
                  {a.enterpriseName} {a.disagreement ? <span className="badge">{t("nominations.sel.disagreement")}</span> : null}
                  <details>
                    <summary>{t("nominations.sel.perReview")}</summary>
                    <ul>
                      {scores.reviews
                        .filter((r) => r.applicationId === a.applicationId)
                        .map((r) => (
                          <li key={r.reviewerId}>{t("nominations.sel.reviewLine", { reviewer: r.reviewerName, raw: r.raw.toFixed(2), normalised: r.normalised.toFixed(1) })}</li>
                        ))}
                    </ul>
                  </details>
                </td>
                <td>{a.reviews}</td>
                <td>{a.meanRaw.toFixed(2)}</td>
                <td>{a.meanNormalised.toFixed(1)}</td>
                <td>{a.spread.toFixed(1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {result ? (
        <>
          <h2>{t(selection!.publishedAt ? "nominations.sel.published" : "nominations.sel.proposal")}</h2>
          <p>{t("nominations.sel.totals", { selected: result.totals.selected, waitlisted: result.totals.waitlisted, notSelected: result.totals.notSelected, stalls: result.totalStalls })}</p>
          {result.flags.length ? (
            <div className="alert alert-error" role="alert">
              {result.flags.map((fl, i) => (
                <p key={i}>{t(`nominations.flag.${fl.code}`, { cluster: fl.clusterId ? cluster(fl.clusterId) : fl.sectorId ? sector(fl.sectorId) : "", limit: fl.limit, actual: fl.actual })}</p>
              ))}
            </div>
          ) : null}
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t("nominations.sel.why")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("nominations.list.enterprise")}</th>
                  <th scope="col">{t("nominations.list.cluster")}</th>
                  <th scope="col">{t("nominations.list.status")}</th>
                  <th scope="col">{t("nominations.sel.why")}</th>
                </tr>
              </thead>
              <tbody>
                {result.decisions.map((d) => (
                  <tr key={d.applicationId}>
                    <td dir="auto">{names[d.applicationId]}</td>
                    <td>
                      {cluster(d.clusterId)} ({d.rankInCluster}/{d.clusterApplicants})
                    </td>
                    <td>{t(`nominations.decision.${d.status}`)}</td>
                    <td>{d.reasons.map((r) => reasonText(locale, r)).join(" ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Form method="post" className="card">
            <h3>{t("nominations.sel.override")}</h3>
            <input type="hidden" name="intent" value="override" />
            <SelectField name="applicationId" label={t("nominations.list.enterprise")} failure={failure} options={result.decisions.map((d) => ({ value: d.applicationId, label: names[d.applicationId] ?? d.applicationId }))} />
            <SelectField name="status" label={t("nominations.list.status")} failure={failure} options={["selected", "waitlisted", "not_selected"].map((s) => ({ value: s, label: t(`nominations.decision.${s}`) }))} />
            <Field name="justification" label={t("nominations.sel.justification")} failure={failure} required />
            <button type="submit">{t("nominations.sel.override")}</button>
          </Form>
          <Form method="post" className="card">
            <h3>{t("nominations.sel.withdraw")}</h3>
            <p>{t(selection!.publishedAt ? "nominations.sel.withdrawHint" : "nominations.sel.withdrawHintProposal")}</p>
            <input type="hidden" name="intent" value="withdraw" />
            <SelectField
              name="nominationId"
              label={t("nominations.list.enterprise")}
              failure={failure}
              options={result.decisions
                .filter((d) => d.status === "selected" || d.status === "waitlisted")
                .map((d) => ({ value: d.applicationId, label: `${names[d.applicationId] ?? ""} (${t(`nominations.decision.${d.status}`)})` }))}
            />
            <button type="submit">{t("nominations.sel.withdraw")}</button>
          </Form>
        </>
      ) : null}

      <h2>{t("nominations.appeal.title")}</h2>
      {appeals.length === 0 ? <p>{t("nominations.appeal.none")}</p> : null}
      {appeals.map(({ appeal, enterpriseName }) => (
        <div key={appeal.id} className="card">
          <p dir="auto">
            <strong>{enterpriseName}</strong> · {t(`nominations.appeal.${appeal.status}`)}
          </p>
          <p dir="auto">{appeal.grounds}</p>
          {appeal.status === "open" ? (
            <Form method="post">
              <input type="hidden" name="intent" value="appeal" />
              <input type="hidden" name="appealId" value={appeal.id} />
              <SelectField name="outcome" label={t("nominations.appeal.outcome")} failure={failure} options={["rejected", "upheld"].map((o) => ({ value: o, label: t(`nominations.appeal.${o}`) }))} />
              <Field name="note" label={t("nominations.appeal.note")} failure={failure} required />
              <button type="submit">{t("nominations.appeal.decide")}</button>
            </Form>
          ) : (
            <p dir="auto">{appeal.decisionNote}</p>
          )}
        </div>
      ))}
    </section>
  );
}
