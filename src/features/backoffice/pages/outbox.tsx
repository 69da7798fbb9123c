import { Form } from "react-router";
import type { Route } from "./+types/outbox";
import { formatDateTime } from "../../../platform/i18n/format";
import { loadOr } from "../../../web/actions";
import { FormError, SelectField } from "../../../web/components/form";
import { pageTitle, useLocale, useT } from "../../../web/i18n";
import { loadFiltered } from "../components/get-failure";
import { Paging } from "../components/paging";
import { outboxStatuses, readOutbox } from "../operations/outbox";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "bo.nav.outbox", "bo.title");
}

// Mail times are shown in Pakistan time, like the rest of the back office.
const TIMEZONE = "Asia/Karachi";

export async function loader({ context, request }: Route.LoaderArgs) {
  const query = new URL(request.url).searchParams;
  const filter = { status: query.get("status") ?? undefined, page: query.get("page") ?? undefined };
  const result = await loadOr(request, () => loadFiltered(context.ctx.locale, query, () => readOutbox(context.ctx, filter)));
  return { ...result, status: query.get("status") ?? "", search: query.toString() };
}

export default function OutboxPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = "failure" in loaderData ? loaderData.failure : undefined;
  const box = "value" in loaderData ? loaderData.value : undefined;
  return (
    <section>
      <h1>{t("bo.outbox.title")}</h1>
      <p>{t("bo.outbox.intro")}</p>
      {box && !box.smtpConfigured ? (
        <div className="alert" role="note">
          <p>{t("bo.outbox.noSmtp")}</p>
        </div>
      ) : null}
      <FormError failure={failure} />
      <Form method="get" noValidate className="inline-form">
        <SelectField
          form="ob"
          name="status"
          label={t("bo.outbox.status")}
          failure={failure}
          defaultValue={loaderData.status}
          options={[{ value: "", label: t("bo.audit.all") }, ...outboxStatuses.map((s) => ({ value: s, label: t(`bo.outbox.status.${s}`) }))]}
        />
        <button type="submit" className="primary">
          {t("common.filter")}
        </button>
      </Form>
      {box && box.messages.length === 0 ? <p>{t("common.empty")}</p> : null}
      {box && box.messages.length > 0 ? (
        <ul className="cards outbox">
          {box.messages.map((m) => (
            <li key={m.id} className="card">
              <strong dir="auto">{m.subject}</strong>
              <span>
                {t("bo.outbox.to")}: <span dir="ltr">{m.to}</span>
              </span>
              <span className="muted">
                <time dateTime={new Date(m.createdAt).toISOString()}>{formatDateTime(m.createdAt, locale, TIMEZONE)}</time>
              </span>
              <span>
                <span className="badge">{t(`bo.outbox.status.${m.status}`)}</span> {t("bo.outbox.attempts")}: {m.attempts}
              </span>
              {m.lastError ? (
                <span className="error" dir="ltr">
                  {m.lastError}
                </span>
              ) : null}
              {m.text === null ? (
                <p className="muted">{t("bo.outbox.hidden")}</p>
              ) : (
                <details>
                  <summary>{t("bo.outbox.read")}</summary>
                  <pre dir="auto">{m.text}</pre>
                </details>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {box ? <Paging search={loaderData.search} page={box.page} hasNext={box.hasNext} /> : null}
    </section>
  );
}
