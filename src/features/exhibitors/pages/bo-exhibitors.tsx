import { Form } from "react-router";
import type { Route } from "./+types/bo-exhibitors";
import { loadOr, runForm } from "../../../web/actions";
import { Field, FormError, Notice, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { uuidParam } from "../../../web/params";
import { formatDateTime, formatNumber } from "../../../platform/i18n/format";
import { chaseLate, exhibitorsOverview, sendMessage, setDeadlines } from "../operations/organiser";

// Organisers (issue #12, item 5): every exhibitor's checklist, only the late ones on asking, the
// checklist's deadlines, "chase the late ones" (one email each, in its language) and a message to
// every exhibitor's portal. Plain forms; every change is audited by its operation.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "exhibitors.bo.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  uuidParam(params.editionId);
  const late = new URL(request.url).searchParams.get("late") === "1";
  return loadOr(request, () => exhibitorsOverview(context.ctx, { editionId: params.editionId, late }));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  uuidParam(params.editionId);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const s = (k: string) => (typeof form.get(k) === "string" ? String(form.get(k)) : undefined);
  const result = await runForm(context.ctx.locale, form, async () => {
    if (intent === "deadlines") {
      await setDeadlines(context.ctx, { editionId: params.editionId, fascia: s("fascia"), power: s("power"), samples: s("samples"), documents: s("documents") });
      return { intent, chased: 0, unreachable: 0, recentlyChased: 0 };
    }
    if (intent === "chase") return { intent, ...(await chaseLate(context.ctx, { editionId: params.editionId })) };
    await sendMessage(context.ctx, { editionId: params.editionId, bodyEn: s("bodyEn") ?? "", bodyUr: s("bodyUr") ?? "" });
    return { intent: "message", chased: 0, unreachable: 0, recentlyChased: 0 };
  });
  if (!result.ok) return result.response;
  return { ok: true as const, ...result.value };
}

export default function BoExhibitors({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const n = (x: number) => formatNumber(x, locale);
  const tz = d.edition.timezone;
  // The date input shows the deadline's local day (stored as the end of that day).
  const localDay = (iso: string | null) => (iso ? new Date(new Date(iso).getTime() - 12 * 3600_000).toLocaleDateString("en-CA", { timeZone: tz }) : "");
  const done = actionData && "intent" in actionData ? actionData : null;
  const onlyLate = d.exhibitors.length !== d.total || d.exhibitors.every((e) => e.late);
  return (
    <section className="page">
      <p className="eyebrow">{pick(locale, d.edition.nameEn, d.edition.nameUr)}</p>
      <h1>{t("exhibitors.bo.title")}</h1>
      {done ? (
        <Notice>{done.intent === "chase" ? t("exhibitors.bo.chased", { chased: n(done.chased), unreachable: n(done.unreachable), recent: n(done.recentlyChased) }) : done.intent === "deadlines" ? t("exhibitors.bo.deadlinesSaved") : t("exhibitors.bo.sent")}</Notice>
      ) : null}
      <FormError failure={failure} />
      <p data-testid="late-count">{t("exhibitors.bo.count", { late: n(d.lateCount), total: n(d.total) })}</p>
      <p>
        <a href="?late=1">{t("exhibitors.bo.onlyLate")}</a> · <a href="?">{t("exhibitors.bo.all")}</a>
      </p>
      <Form method="post">
        <input type="hidden" name="intent" value="chase" />
        <p className="hint">{t("exhibitors.bo.chaseHint")}</p>
        <button type="submit" className="primary" disabled={d.lateCount === 0}>
          {t("exhibitors.bo.chase")}
        </button>
      </Form>
      {d.exhibitors.length === 0 ? (
        <p>{t("exhibitors.bo.none")}</p>
      ) : (
        <>
          <p className="hint">{t("exhibitors.bo.recordHint")}</p>
          <div className="table-scroll" role="region" aria-label={t("exhibitors.bo.title")} tabIndex={0}>
          <table data-testid="exhibitors-table" data-only-late={onlyLate ? "1" : "0"}>
            <thead>
              <tr>
                <th scope="col">{t("exhibitors.bo.exhibitor")}</th>
                <th scope="col">{t("exhibitors.bo.stall")}</th>
                <th scope="col">{t("exhibitors.bo.published")}</th>
                {d.deadlines.map((x) => (
                  <th scope="col" key={x.item}>
                    {t(`exhibitors.item.${x.item}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {d.exhibitors.map((e) => (
                <tr key={e.enterpriseId} data-late={e.late ? "1" : "0"}>
                  <th scope="row">
                    <a href={`/back-office/enterprises/${e.enterpriseId}/record`}>{pick(locale, e.nameEn, e.nameUr)}</a>
                  </th>
                  <td dir="ltr">{e.stall ?? "—"}</td>
                  <td>{t(e.published ? "exhibitors.bo.yes" : "exhibitors.bo.no")}</td>
                  {e.checklist.map((c) => (
                    <td key={c.item}>{t(c.done ? "exhibitors.status.done" : c.late ? "exhibitors.status.late" : "exhibitors.status.todo")}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        </>
      )}
      <h2>{t("exhibitors.bo.deadlines")}</h2>
      <p className="hint">{t("exhibitors.bo.deadlinesHint")}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="deadlines" />
        {d.deadlines.map((x) => (
          <Field key={x.item} form="d" name={x.item} type="date" label={t(`exhibitors.item.${x.item}`)} defaultValue={localDay(x.dueAt)} hint={x.dueAt ? formatDateTime(x.dueAt, locale, tz) : undefined} />
        ))}
        <button type="submit">{t("exhibitors.bo.saveDeadlines")}</button>
      </Form>
      <h2>{t("exhibitors.bo.message")}</h2>
      <Form method="post">
        <input type="hidden" name="intent" value="message" />
        <Field form="m" name="bodyEn" label={t("exhibitors.bo.bodyEn")} failure={failure?.values.intent === "message" ? failure : undefined}>
          <textarea id="m-bodyEn" name="bodyEn" rows={3} dir="ltr" />
        </Field>
        <Field form="m" name="bodyUr" label={t("exhibitors.bo.bodyUr")} failure={failure?.values.intent === "message" ? failure : undefined}>
          <textarea id="m-bodyUr" name="bodyUr" rows={3} dir="rtl" />
        </Field>
        <button type="submit">{t("exhibitors.bo.send")}</button>
      </Form>
    </section>
  );
}
