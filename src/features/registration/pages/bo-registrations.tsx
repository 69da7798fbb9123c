import { Form, Link } from "react-router";
import type { Route } from "./+types/bo-registrations";
import { newSecret } from "../../../platform/random";
import { formatDay, formatList } from "../../../platform/i18n/format";
import { loadOr, runForm } from "../../../web/actions";
import { Field, FormError, Notice, SelectField, failureOf, useFailure } from "../../../web/components/form";
import { pageTitle, pick, useLocale, useT } from "../../../web/i18n";
import { Check, ChoiceGroup } from "../components/person-fields";
import { WalkInForm } from "../components/walk-in-form";
import { decideRegistrations } from "../operations/decide";
import { listRegistrations } from "../operations/list";
import { getRegistrationSettings } from "../operations/settings";
import { exportColumns, personalColumns } from "../schemas";
import { registrationStatuses } from "../tables";
import { dayOptions } from "./form-input";
import { walkInAction } from "./walk-in-action";
import { uuidParam } from "../../../web/params";
import { oneOf, optionalOneOf, optionalText, texts } from "../../../web/form-fields";

// The organiser's list: filter, approve or refuse in bulk (a reason for refusals), register a
// walk-in, download an export with chosen columns.


export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "registration.bo.title", "bo.title");
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  uuidParam(params.editionId);
  const url = new URL(request.url);
  const q = (k: string) => url.searchParams.get(k) || undefined;
  const offset = Math.max(0, Number(url.searchParams.get("offset")) || 0);
  return loadOr(request, async () => {
    const settings = await getRegistrationSettings(context.ctx, { editionId: params.editionId });
    const list = await listRegistrations(context.ctx, {
      editionId: params.editionId,
      categoryId: q("categoryId"),
      status: optionalOneOf(url.searchParams, "status", registrationStatuses),
      q: q("q"),
      limit: 100,
      offset,
    });
    // A fresh key per rendered walk-in form: a double click at the desk is one registration.
    const walkInKey = newSecret(12);
    return { settings, list, filters: { categoryId: q("categoryId") ?? "", status: q("status") ?? "", q: q("q") ?? "" }, offset, walkInKey };
  });
}

export async function action({ request, context, params }: Route.ActionArgs) {
  uuidParam(params.editionId);
  const form = await request.formData();
  const ctx = context.ctx;
  if (form.get("intent") === "walk-in") return walkInAction(ctx, form, params.editionId);
  const result = await runForm(ctx.locale, form, () =>
    decideRegistrations(ctx, {
      editionId: params.editionId,
      ids: texts(form, "ids"),
      decision: oneOf(form, "decision", ["approve", "refuse"]),
      reason: optionalText(form, "reason"),
    }),
  );
  if (!result.ok) return result.response;
  return { ok: true as const, decided: { changed: result.value.changed.length, skipped: result.value.skipped.length, promoted: result.value.promoted.length } };
}

export default function RegistrationsPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const { settings, list, filters, offset } = loaderData;
  const days = dayOptions(settings.edition.startsOn, settings.dayCount, (iso) => formatDay(iso, locale, { weekday: "short", day: "numeric" }));
  const catOptions = settings.categories.map((c) => ({ value: c.id, label: pick(locale, c.nameEn, c.nameUr) }));
  const decideFailure = failure && failure.values.intent !== "walk-in" ? failure : undefined;
  const walkFailure = failureOf(failure, "walk-in");
  const done = actionData && "ok" in actionData && actionData.ok ? actionData : undefined;
  const base = `/back-office/editions/${settings.edition.id}/registrations`;
  return (
    <section>
      <h1>{t("registration.bo.title")}</h1>
      <p>
        {pick(locale, settings.edition.nameEn, settings.edition.nameUr)} ·{" "}
        <Link to={`/back-office/editions/${settings.edition.id}/registration`}>{t("registration.settings.title")}</Link>
      </p>
      <p>
        {registrationStatuses.map((s) => `${t(`registration.status.${s}`)}: ${list.byStatus[s] ?? 0}`).join(" · ")}
      </p>
      {done && "decided" in done && done.decided ? <Notice>{t("registration.bo.decided", done.decided)}</Notice> : null}
      {done && "walkIn" in done && done.walkIn ? (
        <Notice>{t("registration.bo.walkInDone", { ...done.walkIn, status: t(`registration.status.${done.walkIn.status}`) })}</Notice>
      ) : null}

      <Form method="get" className="inline-form" aria-label={t("registration.bo.filter")}>
        <SelectField form="flt" name="categoryId" label={t("registration.column.category")} options={[{ value: "", label: t("registration.settings.allCategories") }, ...catOptions]} defaultValue={filters.categoryId} />
        <SelectField
          form="flt"
          name="status"
          label={t("registration.column.status")}
          options={[{ value: "", label: t("registration.bo.allStatuses") }, ...registrationStatuses.map((s) => ({ value: s, label: t(`registration.status.${s}`) }))]}
          defaultValue={filters.status}
        />
        <Field form="flt" name="q" type="search" label={t("registration.bo.search")} defaultValue={filters.q} />
        <button type="submit">{t("registration.bo.filter")}</button>
      </Form>

      <FormError failure={decideFailure} />
      <Form method="post" noValidate>
        <div className="table-scroll" role="region" tabIndex={0} aria-label={t("registration.bo.title")}>
          {/* Under 600 px each registration is a card: name, status and days first, no sideways scrolling. */}
          <table className="stack-table">
            <caption>{t("registration.bo.count", { shown: list.items.length, total: list.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("registration.bo.select")}</th>
                <th scope="col">{t("registration.column.number")}</th>
                <th scope="col">{t("registration.column.name")}</th>
                <th scope="col">{t("registration.column.category")}</th>
                <th scope="col">{t("registration.column.status")}</th>
                <th scope="col">{t("registration.column.days")}</th>
                {list.personal ? <th scope="col">{t("registration.column.email")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {list.items.map((r) => (
                <tr key={r.id}>
                  <td className="cell-select">
                    <input type="checkbox" name="ids" value={r.id} aria-label={t("registration.bo.selectOne", { name: r.name })} style={{ width: "1.5rem", minHeight: "1.5rem" }} />
                  </td>
                  <td className="cell-3" data-label={t("registration.column.number")}>
                    <span dir="ltr">{r.number}</span>
                  </td>
                  <td className="cell-title">
                    {r.name}
                    {r.organisation ? <span className="hint"> · {r.organisation}</span> : null}
                  </td>
                  <td className="cell-3" data-label={t("registration.column.category")}>
                    {pick(locale, r.category.nameEn, r.category.nameUr)}
                  </td>
                  <td className="cell-1" data-label={t("registration.column.status")}>
                    {t(`registration.status.${r.status}`)}
                  </td>
                  <td className="cell-2" data-label={t("registration.column.days")}>
                    {formatList(r.days.map((d) => days[d]?.label ?? d + 1), locale)}
                  </td>
                  {list.personal ? (
                    <td className="cell-3" data-label={t("registration.column.email")}>
                      <span dir="ltr">{r.email}</span>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>
          {offset > 0 ? <Link to={`?${new URLSearchParams({ ...filters, offset: String(Math.max(0, offset - 100)) })}`}>{t("registration.bo.previous")}</Link> : null}{" "}
          {offset + list.items.length < list.total ? <Link to={`?${new URLSearchParams({ ...filters, offset: String(offset + 100) })}`}>{t("registration.bo.next")}</Link> : null}
        </p>
        <Field form="dec" name="reason" label={t("registration.bo.reason")} hint={t("registration.bo.reasonHint")} failure={decideFailure}>
          <textarea id="dec-reason" name="reason" rows={2} aria-describedby="dec-reason-hint" defaultValue={decideFailure?.values.reason ?? ""} />
        </Field>
        <div className="inline-form">
          <button type="submit" name="decision" value="approve" className="primary">
            {t("registration.bo.approve")}
          </button>
          <button type="submit" name="decision" value="refuse" className="danger">
            {t("registration.bo.refuse")}
          </button>
        </div>
      </Form>

      <h2>{t("registration.bo.export")}</h2>
      <Form method="get" action={`${base}/export`} reloadDocument>
        <input type="hidden" name="categoryId" value={filters.categoryId} />
        <input type="hidden" name="status" value={filters.status} />
        <ChoiceGroup id="exp-columns" legend={t("registration.bo.columns")}>
          {exportColumns
            .filter((c) => list.personal || !personalColumns.includes(c))
            .map((c) => (
              <Check key={c} name="columns" value={c} label={t(`registration.column.${c}`)} checked={!personalColumns.includes(c) && c !== "nameUr"} />
            ))}
        </ChoiceGroup>
        <SelectField form="exp" name="format" label={t("registration.bo.format")} options={[{ value: "xlsx", label: "Excel (XLSX)" }, { value: "csv", label: "CSV" }]} />
        <button type="submit">{t("registration.bo.download")}</button>
      </Form>

      <h2>{t("registration.bo.walkIn")}</h2>
      <WalkInForm key={loaderData.walkInKey} categories={settings.categories} startsOn={settings.edition.startsOn} dayCount={settings.dayCount} idempotencyKey={loaderData.walkInKey} failure={walkFailure} />
    </section>
  );
}
