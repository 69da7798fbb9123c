import { Form, redirect } from "react-router";
import type { Route } from "./+types/repairs";
import { loadOr, runForm } from "../../../web/actions";
import { Field, FormError, Notice, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { listRepairs, removeTableOrSlot } from "../operations/repair";
import type { CancelReason } from "../operations/changes";

// Organisers: /back-office/editions/:editionId/b2b/changes — every change made to the published
// B2B schedule (what, when, by whom, the meetings moved, those that could not be kept and why, how
// many people were emailed), and the form that removes a lounge table or a slot and repairs.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "b2b.changes.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const view = await loadOr(request, () => listRepairs(context.ctx, { editionId: params.editionId }));
  const q = new URL(request.url).searchParams;
  return { ...view, done: q.has("moved") ? { moved: Number(q.get("moved")), cancelled: Number(q.get("cancelled")) } : null };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const form = await request.formData();
  const text = (k: string) => String(form.get(k) ?? "").trim();
  const result = await runForm(context.ctx.locale, form, () =>
    removeTableOrSlot(context.ctx, { editionId: params.editionId, day: text("day"), start: text("start"), tableNo: text("tableNo") || undefined }),
  );
  if (!result.ok) return result.response;
  return redirect(`/back-office/editions/${params.editionId}/b2b/changes?moved=${result.value.moved.length}&cancelled=${result.value.cancelled.length}`);
}

export default function RepairsPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const when = (iso: string) => new Intl.DateTimeFormat(locale === "ur" ? "ur-PK" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: d.edition.timezone }).format(new Date(iso));
  return (
    <section>
      <h1>{t("b2b.changes.title")}</h1>
      <p className="muted">{pick(locale, d.edition.nameEn, d.edition.nameUr)}</p>
      {d.done ? <Notice>{t("b2b.changes.done", d.done)}</Notice> : null}
      <FormError failure={failure} />
      <section aria-labelledby="remove" className="card">
        <h2 id="remove">{t("b2b.changes.remove.title")}</h2>
        <p className="hint">{t("b2b.changes.remove.hint")}</p>
        <Form method="post" data-testid="b2b-remove">
          <Field name="day" label={t("b2b.changes.remove.day")} inputMode="numeric" required failure={failure} defaultValue={failure?.values.day ?? "1"} />
          <Field name="start" label={t("b2b.changes.remove.start")} required failure={failure} defaultValue={failure?.values.start} dir="ltr" />
          <Field name="tableNo" label={t("b2b.changes.remove.table")} inputMode="numeric" failure={failure} defaultValue={failure?.values.tableNo} />
          <button type="submit" className="danger">
            {t("b2b.changes.remove.submit")}
          </button>
        </Form>
      </section>
      {d.repairs.length === 0 ? <p>{t("b2b.changes.none")}</p> : null}
      <ul style={{ listStyle: "none", padding: 0 }}>
        {d.repairs.map((r) => (
          <li key={r.id} className="card" data-testid="b2b-repair" style={{ marginBlock: "0.5rem" }}>
            <h2 style={{ fontSize: "1.05rem", marginBlock: 0 }}>{t(`b2b.changes.kind.${r.kind}`)}</h2>
            <p className="muted">
              <time dateTime={r.at}>{when(r.at)}</time>
              {r.by ? ` · ${r.by}` : ""} · {t("b2b.changes.notified")}: {r.notified}
            </p>
            {r.moved.length ? (
              <>
                <h3 style={{ fontSize: "1rem" }}>{t("b2b.changes.moved")}</h3>
                <ul>
                  {r.moved.map((m) => (
                    <li key={m.meetingId} dir="ltr">
                      {m.from} → {m.to}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {r.cancelled.length ? (
              <>
                <h3 style={{ fontSize: "1rem" }}>{t("b2b.changes.notKept")}</h3>
                <ul>
                  {r.cancelled.map((c) => (
                    <li key={c.meetingId}>
                      <code>{c.meetingId.slice(0, 8)}</code> — {t(`b2b.changes.reason.${c.reason as CancelReason}`)}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
