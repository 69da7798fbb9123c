import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/allocation-run";
import { DomainError } from "../../../platform/errors";
import { loadOr, runForm } from "../../../web/actions";
import { Field, FormError, Notice, SelectField, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { uuidParam } from "../../../web/params";
import type { Reason } from "../engine/allocate";
import { getAllocationRun, startAllocation } from "../operations/allocation";
import { confirmAllocation } from "../operations/allocation-confirm";
import { discardAllocation, lockPlacement, moveExhibitor } from "../operations/allocation-edit";
import { allocationExplanation } from "../reasons";
import { utcTime } from "./allocation";

// Organisers: one allocation run. Its figures, each hall's stalls along the aisles with the
// exhibitor and the reasons in the reader's language, the exhibitors without a stall; on a draft,
// forms (plain POST, no JavaScript needed) to lock or unlock a placement, move an exhibitor to a
// stall by its number, run again keeping locks, discard, and confirm.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "floor.alloc.run.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const runId = uuidParam(params.runId);
  const editionId = uuidParam(params.editionId);
  const view = await loadOr(request, () => getAllocationRun(context.ctx, { runId }));
  if (view.edition.id !== editionId) throw new Response(null, { status: 404 });
  const locale = context.ctx.locale;
  const areaById = new Map(view.areas.map((a) => [a.id, a]));
  const areaName = (id: string) => {
    const a = areaById.get(id);
    return a ? pick(locale, a.nameEn, a.nameUr) : "";
  };
  const explain = (reasons: { code: string; params: Record<string, string | number> }[]) => allocationExplanation(locale, reasons as Reason[], areaName);
  const url = new URL(request.url);
  return {
    run: view.run,
    edition: view.edition,
    halls: view.halls.map((h) => ({
      id: h.id,
      name: pick(locale, h.nameEn, h.nameUr),
      rows: view.placements
        .filter((p) => p.hallId === h.id)
        .map((p) => ({ exhibitorId: p.exhibitorId, name: pick(locale, p.nameEn, p.nameUr ?? p.nameEn), stall: p.stallNumber, locked: p.locked, why: explain(p.reasons) })),
    })),
    exhibitors: [...view.placements.map((p) => ({ id: p.exhibitorId, name: pick(locale, p.nameEn, p.nameUr ?? p.nameEn), stall: p.stallNumber })), ...view.unplaced.map((u) => ({ id: u.exhibitorId, name: pick(locale, u.nameEn, u.nameUr ?? u.nameEn), stall: "–" }))].sort((a, b) => a.name.localeCompare(b.name)),
    unplaced: view.unplaced.map((u) => ({ id: u.exhibitorId, name: pick(locale, u.nameEn, u.nameUr ?? u.nameEn), why: explain(u.reasons) })),
    free: view.freeStalls.map((s) => s.number),
    notice: {
      moved: url.searchParams.get("moved"),
      warnings: (url.searchParams.get("warn") ?? "").split(",").filter((w) => /^[a-z_]+$/.test(w)),
      changed: url.searchParams.has("changed"),
      confirmed: url.searchParams.get("confirmed"),
      discarded: url.searchParams.has("discarded"),
    },
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const runId = uuidParam(params.runId);
  const editionId = uuidParam(params.editionId);
  const form = await request.formData();
  const text = (k: string) => String(form.get(k) ?? "").trim();
  const here = `/back-office/editions/${editionId}/floor/allocation/${runId}`;
  const result = await runForm(context.ctx.locale, form, async () => {
    const ctx = context.ctx;
    switch (text("intent")) {
      case "move": {
        const r = await moveExhibitor(ctx, { runId, exhibitorId: text("exhibitorId"), stallNumber: text("stallNumber") });
        return `${here}?moved=${encodeURIComponent(r.stallNumber)}&warn=${r.warnings.join(",")}`;
      }
      case "lock":
      case "unlock":
        await lockPlacement(ctx, { runId, exhibitorId: text("exhibitorId"), locked: text("intent") === "lock" });
        return `${here}?changed=1`;
      case "rerun": {
        const { run } = await startAllocation(ctx, { editionId, baseRunId: runId });
        return `/back-office/editions/${editionId}/floor/allocation/${run.id}`;
      }
      case "discard":
        await discardAllocation(ctx, { runId });
        return `${here}?discarded=1`;
      case "confirm": {
        const c = await confirmAllocation(ctx, { runId });
        return `${here}?confirmed=${encodeURIComponent(new URLSearchParams(Object.entries(c).map(([k, v]) => [k, String(v)])).toString())}`;
      }
      default:
        throw new DomainError("validation_failed", { fields: [{ path: "intent", code: "invalid_value" }] });
    }
  });
  if (!result.ok) return result.response;
  return redirect(result.value);
}

const pct = (x: number) => Math.round(x * 1000) / 10;

export default function AllocationRunPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const r = d.run;
  const s = r.summary;
  const draft = r.status === "draft";
  const confirmed = d.notice.confirmed ? Object.fromEntries(new URLSearchParams(d.notice.confirmed)) : null;
  return (
    <section>
      <h1>{t("floor.alloc.run.title")}</h1>
      <p className="muted">
        {pick(locale, d.edition.nameEn, d.edition.nameUr)} · <span dir="ltr">{utcTime(r.createdAt)}</span> · {t(`floor.alloc.status.${r.status}`)}
      </p>
      <p>
        <Link to={`/back-office/editions/${d.edition.id}/floor/allocation`}>{t("floor.alloc.back")}</Link>
      </p>
      {d.notice.moved ? (
        <Notice>
          {t("floor.alloc.moved", { stall: d.notice.moved })}
          {d.notice.warnings.length ? ` ${t("floor.alloc.warnings", { list: d.notice.warnings.map((w) => t(`floor.alloc.warning.${w}`)).join(locale === "ur" ? "، " : ", ") })}` : ""}
        </Notice>
      ) : null}
      {d.notice.changed ? <Notice>{t("floor.alloc.changed")}</Notice> : null}
      {d.notice.discarded ? <Notice>{t("floor.alloc.discarded")}</Notice> : null}
      {confirmed ? <Notice>{t("floor.alloc.confirmed", confirmed)}</Notice> : null}
      <FormError failure={failure} />

      <h2>{t("floor.alloc.summary")}</h2>
      <ul>
        <li>{t("floor.alloc.summary.placed", { placed: s.placed, exhibitors: s.exhibitors, unplaced: s.unplaced })}</li>
        <li>{t("floor.alloc.summary.own", { share: pct(s.ownAreaShare) })}</li>
        <li>{t("floor.alloc.summary.contiguity", { share: pct(s.contiguity) })}</li>
        <li>{t("floor.alloc.summary.preferences", { share: pct(s.preferencesMet) })}</li>
        <li>{t("floor.alloc.summary.locked", { locked: s.locked })}</li>
      </ul>
      {r.decidedAt ? <p>{t("floor.alloc.decidedAt", { time: utcTime(r.decidedAt) })}</p> : null}

      {draft ? (
        <>
          <Form method="post" className="card">
            <input type="hidden" name="intent" value="confirm" />
            <p className="hint">{t("floor.alloc.confirmHint")}</p>
            <button type="submit" className="primary">
              {t("floor.alloc.confirm")}
            </button>
          </Form>
          <Form method="post" className="card">
            <h2>{t("floor.alloc.move")}</h2>
            <p className="hint">{t("floor.alloc.moveHint", { free: d.free.slice(0, 40).join(", ") + (d.free.length > 40 ? " …" : "") })}</p>
            <input type="hidden" name="intent" value="move" />
            <SelectField name="exhibitorId" label={t("floor.alloc.moveExhibitor")} failure={failure} options={d.exhibitors.map((e) => ({ value: e.id, label: `${e.name} (${e.stall})` }))} />
            <Field name="stallNumber" label={t("floor.alloc.moveStall")} failure={failure} defaultValue={failure?.values.stallNumber ?? ""} dir="ltr" required />
            <button type="submit">{t("floor.alloc.moveSubmit")}</button>
          </Form>
        </>
      ) : null}

      <h2>{t("floor.alloc.unplaced")}</h2>
      {d.unplaced.length === 0 ? (
        <p>{t("floor.alloc.unplacedNone")}</p>
      ) : (
        <ul>
          {d.unplaced.map((u) => (
            <li key={u.id}>
              {u.name}: {u.why}
            </li>
          ))}
        </ul>
      )}

      {d.halls.map((h) =>
        h.rows.length ? (
          <div key={h.id}>
            <h2>{t("floor.alloc.hall", { hall: h.name })}</h2>
            <div className="table-scroll" role="region" aria-label={t("floor.alloc.hall", { hall: h.name })} tabIndex={0}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("floor.alloc.col.stall")}</th>
                    <th scope="col">{t("floor.alloc.col.exhibitor")}</th>
                    <th scope="col">{t("floor.alloc.col.reason")}</th>
                    <th scope="col">{t("floor.alloc.col.lock")}</th>
                  </tr>
                </thead>
                <tbody>
                  {h.rows.map((p) => (
                    <tr key={p.exhibitorId}>
                      <td dir="ltr">{p.stall}</td>
                      <td>{p.name}</td>
                      <td>{p.why}</td>
                      <td>
                        {draft ? (
                          <Form method="post">
                            <input type="hidden" name="exhibitorId" value={p.exhibitorId} />
                            <button
                              type="submit"
                              name="intent"
                              value={p.locked ? "unlock" : "lock"}
                              aria-label={t(p.locked ? "floor.alloc.unlockLabel" : "floor.alloc.lockLabel", { exhibitor: p.name, stall: p.stall })}
                            >
                              {p.locked ? t("floor.alloc.unlock") : t("floor.alloc.lock")}
                            </button>
                          </Form>
                        ) : p.locked ? (
                          t("floor.alloc.locked")
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        ) : null,
      )}

      {draft ? (
        <div className="card">
          <Form method="post">
            <input type="hidden" name="intent" value="rerun" />
            <button type="submit">{t("floor.alloc.rerun")}</button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="discard" />
            <button type="submit">{t("floor.alloc.discard")}</button>
          </Form>
        </div>
      ) : null}
    </section>
  );
}
