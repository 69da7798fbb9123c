import { Form, Link, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/run";
import { DomainError } from "../../../platform/errors";
import { loadOr, runForm } from "../../../web/actions";
import { Field, FormError, Notice, SelectField, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { uuidParam } from "../../../web/params";
import { hhmm } from "../core/slots";
import { compareRuns, movePlacement, pinPlacement, removePlacement } from "../operations/runs-edit";
import { publishRun } from "../operations/runs-publish";
import { getRun, listRuns, PLACEMENTS_PAGE, startRun } from "../operations/runs";
import { utcTime } from "./runs";

// Organisers: one scheduling run. While it runs, its progress (the page refreshes itself: no
// JavaScript needed); once done, the draft: placed and not placed with the engine's reasons in
// words, participants with no meeting, meetings per participant, table and interpreter use per
// slot, the weight against the run's upper bound; forms to move, pin and remove meetings, to
// compare with another run, to run again keeping pinned meetings, and to publish. The meetings
// are listed PLACEMENTS_PAGE a page (?page=N), read a page at a time, so a large run stays light.


export function meta({ matches, loaderData }: Route.MetaArgs) {
  const running = loaderData && (loaderData.run.status === "queued" || loaderData.run.status === "running");
  return [...pageTitle(matches, "b2b.run.title"), ...(running ? [{ httpEquiv: "refresh", content: "3" }] : [])];
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const runId = uuidParam(params.runId);
  const editionId = uuidParam(params.editionId);
  const url = new URL(request.url);
  const page = /^\d{1,5}$/.test(url.searchParams.get("page") ?? "") ? Math.max(1, Number(url.searchParams.get("page"))) : 1;
  const view = await loadOr(request, () => getRun(context.ctx, { runId, placements: true, page }));
  if (view.edition.id !== editionId) throw new Response(null, { status: 404 });
  const others = (await listRuns(context.ctx, { editionId })).runs.filter((r) => r.id !== runId && r.status === "done");
  const other = url.searchParams.get("compare");
  const comparison = other && others.some((r) => r.id === other) ? await loadOr(request, () => compareRuns(context.ctx, { a: runId, b: other })) : null;
  const published = url.searchParams.get("published");
  return {
    ...view,
    total: view.placementsTotal ?? 0,
    page,
    pages: Math.max(1, Math.ceil((view.placementsTotal ?? 0) / PLACEMENTS_PAGE)),
    noMeetingNames: view.noMeetingNames ?? [],
    others: others.map((r) => ({ id: r.id, createdAt: r.createdAt })),
    comparison,
    published: published ? Object.fromEntries(new URLSearchParams(published)) : null,
    changed: url.searchParams.has("changed"),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const runId = uuidParam(params.runId);
  const editionId = uuidParam(params.editionId);
  const form = await request.formData();
  const text = (k: string) => String(form.get(k) ?? "").trim();
  const intent = text("intent");
  const here = `/back-office/editions/${editionId}/b2b/runs/${runId}`;
  const result = await runForm(context.ctx.locale, form, async () => {
    const ctx = context.ctx;
    switch (intent) {
      case "publish": {
        const c = await publishRun(ctx, { runId });
        return `${here}?published=${encodeURIComponent(new URLSearchParams(Object.entries(c).map(([k, v]) => [k, String(v)])).toString())}`;
      }
      case "rerun": {
        // The same mode and budget as the run re-run (`mode`/`budgetSeconds` come from its form).
        const { run } = await startRun(ctx, { editionId, baseRunId: runId, mode: text("mode") === "best" ? "best" : "fast", budgetSeconds: text("budgetSeconds") || undefined });
        return `/back-office/editions/${editionId}/b2b/runs/${run.id}`;
      }
      case "pin":
      case "unpin":
        await pinPlacement(ctx, { runId, requestId: text("requestId"), pinned: intent === "pin" });
        return `${here}?changed=1`;
      case "remove":
        await removePlacement(ctx, { runId, requestId: text("requestId") });
        return `${here}?changed=1`;
      case "move": {
        const day = Number(text("day"));
        const table = text("table");
        if (!/^\d{1,2}$/.test(text("day"))) throw new DomainError("validation_failed", { fields: [{ path: "day", code: "too_small", params: { min: 1 } }] });
        if (table && !/^\d{1,4}$/.test(table)) throw new DomainError("validation_failed", { fields: [{ path: "table", code: "too_small", params: { min: 1 } }] });
        await movePlacement(ctx, { runId, requestId: text("requestId"), day, start: text("start"), table: table ? Number(table) : null });
        return `${here}?changed=1`;
      }
      default:
        throw new DomainError("validation_failed", { fields: [{ path: "intent", code: "invalid_value" }] });
    }
  });
  if (!result.ok) return result.response;
  return redirect(result.value);
}

export default function B2bRunPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const r = d.run;
  const s = r.summary;
  const when = (day: number, start: number) => t("b2b.run.dayTime", { day, time: hhmm(start) });
  const [search] = useSearchParams();
  const pageLink = (n: number) => {
    const q = new URLSearchParams(search);
    q.set("page", String(n));
    q.delete("changed");
    q.delete("published");
    return `?${q.toString()}`;
  };
  return (
    <section>
      <h1>{t("b2b.run.title")}</h1>
      <p className="muted">
        {pick(locale, d.edition.nameEn, d.edition.nameUr)} · <span dir="ltr">{utcTime(r.createdAt)}</span> · {r.publishedAt ? t("b2b.runs.status.published") : t(`b2b.runs.status.${r.status}`)}
      </p>
      <p>
        <Link to={`/back-office/editions/${d.edition.id}/b2b/runs`}>{t("b2b.runs.backToRuns")}</Link>
      </p>
      {d.changed ? <Notice>{t("b2b.run.changed")}</Notice> : null}
      {d.published ? <Notice>{t("b2b.run.published", d.published)}</Notice> : null}
      <FormError failure={failure} />
      {r.status === "queued" || r.status === "running" ? <p role="status">{t("b2b.runs.progress", { phase: t(`b2b.runs.phase.${r.progress ?? "load"}`) })}</p> : null}
      {r.status === "failed" ? <p role="alert">{t("b2b.runs.error", { error: r.error ?? "" })}</p> : null}
      {s ? (
        <>
          <p>{t("b2b.run.placedOf", { placed: s.placed, requests: s.requests })}</p>
          <p>{s.bound != null ? t("b2b.run.weight", { weight: s.weight, bound: Math.round(s.bound * 10) / 10, ratio: s.ratio ?? 0 }) : t("b2b.run.weightNoBound", { weight: s.weight })}</p>
          <p>{r.mode === "best" ? t("b2b.run.modeBest", { seconds: r.budgetSeconds ?? 0 }) : t("b2b.run.modeFast")} {r.boundKind ? t(`b2b.run.boundKind.${r.boundKind}`) : null}</p>
          <p>{t("b2b.run.perParticipant", s.perParticipant)}</p>
          {s.noCommonLanguage ? <p>{t("b2b.run.noCommonLanguage", { count: s.noCommonLanguage })}</p> : null}
          {r.publishedAt ? <p>{t("b2b.run.publishedAt", { time: utcTime(r.publishedAt) })}</p> : null}

          <h2>{t("b2b.run.unplaced")}</h2>
          <ul>
            {Object.entries(s.unplacedByReason).map(([reason, n]) => (
              <li key={reason}>
                {t(`b2b.run.reason.${reason}`)}: {n}
              </li>
            ))}
          </ul>
          <h2>{t("b2b.run.noMeeting", { count: s.noMeeting.length })}</h2>
          {d.noMeetingNames.length ? (
            <ul>
              {d.noMeetingNames.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          ) : null}

          <h2>{t("b2b.run.slots")}</h2>
          <div className="table-scroll" role="region" aria-label={t("b2b.run.slots")} tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("b2b.run.slot")}</th>
                  <th scope="col">{t("b2b.run.meetings")}</th>
                  <th scope="col">{t("b2b.run.tables")}</th>
                  <th scope="col">{t("b2b.run.stall")}</th>
                  <th scope="col">{t("b2b.run.interpreters")}</th>
                </tr>
              </thead>
              <tbody>
                {s.slots.map((x) => (
                  <tr key={`${x.day}-${x.start}`}>
                    <td>{when(x.day, x.start)}</td>
                    <td>{x.meetings}</td>
                    <td>
                      {x.tablesUsed} / {x.tables}
                    </td>
                    <td>{x.stall}</td>
                    <td dir="ltr">
                      {Object.entries(x.interpreters)
                        .map(([l, [u, n]]) => `${l} ${u}/${n}`)
                        .join(", ")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}

      {r.status === "done" && !r.publishedAt ? (
        <Form method="post" className="card">
          <input type="hidden" name="intent" value="publish" />
          <p className="hint">{t("b2b.run.publishHint")}</p>
          <button type="submit" className="primary">
            {t("b2b.run.publish")}
          </button>
        </Form>
      ) : null}

      {d.placements ? (
        <>
          <h2>{t("b2b.run.placements")}</h2>
          {d.pages > 1 ? (
            <nav aria-label={t("b2b.run.placementsPages")} style={{ display: "flex", gap: "1rem", flexWrap: "wrap", marginBlock: "0.5rem" }}>
              {d.page > 1 ? <Link to={pageLink(d.page - 1)}>{t("common.previous")}</Link> : null}
              <span>{t("b2b.run.placementsRange", { from: (d.page - 1) * PLACEMENTS_PAGE + 1, to: (d.page - 1) * PLACEMENTS_PAGE + d.placements.length, total: d.total })}</span>
              {d.page < d.pages ? <Link to={pageLink(d.page + 1)}>{t("common.next")}</Link> : null}
            </nav>
          ) : null}
          <div className="table-scroll" role="region" aria-label={t("b2b.run.placements")} tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("b2b.run.when")}</th>
                  <th scope="col">{t("b2b.run.where")}</th>
                  <th scope="col">{t("b2b.run.who")}</th>
                  {!r.publishedAt ? <th scope="col">{t("b2b.run.move")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {d.placements.map((p) => (
                  <tr key={p.requestId}>
                    <td>{when(p.day, p.startMinute)}</td>
                    <td>
                      {p.place === "table" ? t("b2b.run.table", { table: p.tableNo ?? "" }) : t("b2b.run.atStall")}
                      {p.interpreterLanguage ? ` · ${t("b2b.run.interpreter", { language: p.interpreterLanguage })}` : ""}
                      {p.pinned ? ` · ${t("b2b.run.pinned")}` : ""}
                    </td>
                    <td>
                      {p.smeName} – {p.buyerName}
                    </td>
                    {!r.publishedAt ? (
                      <td>
                        <Form method="post">
                          <input type="hidden" name="requestId" value={p.requestId} />
                          <button type="submit" name="intent" value={p.pinned ? "unpin" : "pin"} aria-label={`${p.pinned ? t("b2b.run.unpin") : t("b2b.run.pin")}: ${p.smeName} – ${p.buyerName}`}>
                            {p.pinned ? t("b2b.run.unpin") : t("b2b.run.pin")}
                          </button>{" "}
                          <button type="submit" name="intent" value="remove" aria-label={`${t("b2b.run.remove")}: ${p.smeName} – ${p.buyerName}`}>
                            {t("b2b.run.remove")}
                          </button>
                        </Form>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {!r.publishedAt && d.placements.length ? (
            <Form method="post" className="card">
              <h3>{t("b2b.run.move")}</h3>
              <input type="hidden" name="intent" value="move" />
              <SelectField
                name="requestId"
                label={t("b2b.run.moveMeeting")}
                failure={failure}
                options={d.placements.map((p) => ({ value: p.requestId, label: `${when(p.day, p.startMinute)} · ${p.smeName} – ${p.buyerName}` }))}
              />
              <Field name="day" type="number" inputMode="numeric" label={t("b2b.run.day")} failure={failure} defaultValue={failure?.values.day ?? 1} required />
              <Field name="start" label={t("b2b.run.start")} failure={failure} defaultValue={failure?.values.start ?? ""} dir="ltr" required />
              <Field name="table" type="number" inputMode="numeric" label={t("b2b.run.tableNo")} failure={failure} defaultValue={failure?.values.table ?? ""} />
              <button type="submit">{t("b2b.run.moveSubmit")}</button>
            </Form>
          ) : null}
        </>
      ) : null}

      {r.status === "done" ? (
        <>
          {d.others.length ? (
            <Form method="get" className="card">
              <h3>{t("b2b.run.compare")}</h3>
              <SelectField name="compare" label={t("b2b.run.compareWith")} options={d.others.map((o) => ({ value: o.id, label: utcTime(o.createdAt) }))} />
              <button type="submit">{t("b2b.run.compareSubmit")}</button>
            </Form>
          ) : null}
          {d.comparison ? (
            <p role="status">
              {t("b2b.run.compareResult", {
                a: d.comparison.a.placed,
                b: d.comparison.b.placed,
                moved: d.comparison.moved.length,
                onlyA: d.comparison.onlyInA.length,
                onlyB: d.comparison.onlyInB.length,
                same: d.comparison.same,
              })}
            </p>
          ) : null}
          <Form method="post">
            <input type="hidden" name="intent" value="rerun" />
            <input type="hidden" name="mode" value={r.mode} />
            {r.budgetSeconds ? <input type="hidden" name="budgetSeconds" value={r.budgetSeconds} /> : null}
            <button type="submit">{t("b2b.run.rerun")}</button>
          </Form>
        </>
      ) : null}
    </section>
  );
}
