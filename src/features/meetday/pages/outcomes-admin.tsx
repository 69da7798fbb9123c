import { Form, redirect } from "react-router";
import type { Route } from "./+types/outcomes-admin";
import { loadOr, runForm } from "../../../web/actions";
import { Field, FormError, Notice, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { uuidParam } from "../../../web/params";
import { measures } from "../core/figures";
import { meetdaySettingsOf, noShowCounts, setMeetdaySettings } from "../operations/no-shows";
import { outcomeDashboard } from "../operations/organiser";

// Organisers: /back-office/editions/:editionId/outcomes — the no-show rule, the funnel, the
// follow-up picture, the figures by group (published view with small cells hidden), the CSV, the
// repeat no-shows. docs/outcomes.md defines every figure.

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "meetday.admin.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const editionId = uuidParam(params.editionId);
  const published = new URL(request.url).searchParams.get("published") === "true";
  const kind = new URL(request.url).searchParams.get("kind");
  return loadOr(request, async () => ({
    settings: await meetdaySettingsOf(context.ctx, { editionId }),
    dashboard: await outcomeDashboard(context.ctx, { editionId, published, kind: kind === "walk_up" || kind === "planned" ? kind : "all" }),
    noShows: (await noShowCounts(context.ctx, { editionId })).filter((n) => n.noShows > 1).slice(0, 50),
    saved: new URL(request.url).searchParams.has("saved"),
  }));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const editionId = uuidParam(params.editionId);
  const form = await request.formData();
  const result = await runForm(context.ctx.locale, form, () => setMeetdaySettings(context.ctx, { editionId, noShowMinutes: String(form.get("noShowMinutes") ?? ""), noShowLimit: String(form.get("noShowLimit") ?? "") }));
  if (!result.ok) return result.response;
  return redirect(`/back-office/editions/${editionId}/outcomes?saved=1`);
}

export default function OutcomesAdminPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const dash = d.dashboard;
  const num = (n: number | null) => (n === null ? t("meetday.admin.suppressed") : n.toLocaleString(locale === "ur" ? "ur-PK" : "en-GB"));
  const query = (over: { published?: boolean; kind?: string }) => {
    const q = new URLSearchParams();
    if (over.published ?? dash.published) q.set("published", "true");
    const kind = over.kind ?? dash.kind;
    if (kind !== "all") q.set("kind", kind);
    return q.toString();
  };
  const csv = `/api/v1/editions/${dash.edition.id}/outcome-dashboard?format=csv&${query({})}`;
  const xlsx = `/api/v1/editions/${dash.edition.id}/outcome-dashboard?format=xlsx&${query({})}`;
  return (
    <section>
      <h1>{t("meetday.admin.title")}</h1>
      <p className="muted">{pick(locale, dash.edition.nameEn, dash.edition.nameUr)}</p>
      {d.saved ? <Notice>{t("meetday.admin.saved")}</Notice> : null}
      <FormError failure={failure} />
      <Form method="post" className="card">
        <Field name="noShowMinutes" label={t("meetday.admin.noShowMinutes")} hint={t("meetday.admin.noShowHint")} inputMode="numeric" failure={failure} defaultValue={d.settings.noShowMinutes ?? ""} />
        <Field name="noShowLimit" label={t("meetday.admin.noShowLimit")} hint={t("meetday.admin.noShowLimitHint")} inputMode="numeric" failure={failure} defaultValue={d.settings.noShowLimit ?? ""} />
        <button type="submit">{t("meetday.admin.save")}</button>
      </Form>
      <h2>{t("meetday.admin.funnel")}</h2>
      <dl className="card">
        {Object.entries(dash.funnel).map(([k, v]) => (
          <div key={k}>
            <dt>{t(`meetday.admin.f.${k}` as "meetday.admin.f.held")}</dt>
            <dd>{num(v)}</dd>
          </div>
        ))}
      </dl>
      <h2>{t("meetday.admin.followUps")}</h2>
      <ul>
        {dash.followUps.map((f) => (
          <li key={f.stage}>
            {t(`meetday.outcome.stage.${f.stage}` as "meetday.outcome.stage.d30")}: {t("meetday.admin.sentAnswered", { sent: f.sent, answered: f.answered })}
            {Object.keys(f.states).length ? ` — ${Object.entries(f.states).map(([k, n]) => `${t(`meetday.since.${k}` as "meetday.since.order_placed")} ${n}`).join(", ")}` : ""}
          </li>
        ))}
      </ul>
      <p>
        <a href={`?${query({ published: !dash.published })}`}>{t(dash.published ? "meetday.admin.showAll" : "meetday.admin.showPublished")}</a> · <a href={csv}>{t("meetday.admin.csv")}</a> ·{" "}
        <a href={xlsx}>{t("meetday.admin.xlsx")}</a>
      </p>
      <nav aria-label={t("meetday.admin.kind")} style={{ display: "flex", flexWrap: "wrap", gap: "0.5rem" }}>
        {(["all", "planned", "walk_up"] as const).map((k) =>
          k === dash.kind ? (
            <strong key={k} aria-current="page">
              {t(`meetday.admin.kind.${k}`)}
            </strong>
          ) : (
            <a key={k} href={`?${query({ kind: k })}`}>
              {t(`meetday.admin.kind.${k}`)}
            </a>
          ),
        )}
      </nav>
      {dash.tables.map((table) => (
        <div key={table.dimension} style={{ overflowX: "auto" }}>
          <table>
            <caption>{t(`meetday.admin.dim.${table.dimension}` as "meetday.admin.dim.cluster")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("meetday.admin.group")}</th>
                {measures.map((m) => (
                  <th key={m} scope="col">
                    {t(`meetday.admin.m.${m}` as "meetday.admin.m.held")}
                  </th>
                ))}
                <th scope="col">{t("meetday.admin.value")}</th>
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.key}</th>
                  {measures.map((m) => (
                    <td key={m}>{num(r.counts[m])}</td>
                  ))}
                  <td dir="ltr">{r.values === null ? t("meetday.admin.suppressed") : Object.entries(r.values).map(([c, v]) => `${c} ${v.toLocaleString("en")}`).join("; ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      {d.noShows.length ? (
        <>
          <h2>{t("meetday.admin.repeatNoShows")}</h2>
          <ul>
            {d.noShows.map((n) => (
              <li key={n.participantId}>
                {n.name}: {n.noShows}
                {d.settings.noShowLimit !== null && n.noShows >= d.settings.noShowLimit ? ` — ${t("meetday.admin.limitReached")}` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
