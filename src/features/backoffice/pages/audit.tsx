import { Form } from "react-router";
import type { Route } from "./+types/audit";
import { auditActions, auditEntityTypes, isAuditAction, isAuditEntityType } from "../../../platform/audit/actions";
import { formatDateTime, formatTimeZone } from "../../../platform/i18n/format";
import { loadOr } from "../../../web/actions";
import { Field, FormError, SelectField } from "../../../web/components/form";
import { pageTitle, useLocale, useT } from "../../../web/i18n";
import { auditLines, fieldName, formatValue } from "../components/audit-data";
import { loadFiltered } from "../components/get-failure";
import { Paging } from "../components/paging";
import { readAuditLog } from "../operations/audit-log";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "bo.nav.audit", "bo.title");
}

const filterNames = ["action", "entityType", "actor", "from", "to", "page"] as const;

export async function loader({ context, request }: Route.LoaderArgs) {
  const query = new URL(request.url).searchParams;
  const filter = Object.fromEntries(filterNames.map((n) => [n, query.get(n) ?? undefined]));
  const result = await loadOr(request, () => loadFiltered(context.ctx.locale, query, () => readAuditLog(context.ctx, filter)));
  return { ...result, query: Object.fromEntries(query.entries()), search: query.toString() };
}

export default function AuditPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = "failure" in loaderData ? loaderData.failure : undefined;
  const log = "value" in loaderData ? loaderData.value : undefined;
  const q = loaderData.query;
  return (
    <section>
      <h1>{t("bo.audit.title")}</h1>
      <p className="muted">{t("bo.audit.intro", { timezone: formatTimeZone(log?.timezone ?? "Asia/Karachi", locale) })}</p>
      <FormError failure={failure} />
      <Form method="get" noValidate>
        <SelectField
          form="au"
          name="action"
          label={t("bo.audit.action")}
          failure={failure}
          defaultValue={q.action}
          options={[
            { value: "", label: t("bo.audit.all") },
            ...auditActions.map((a) => ({ value: a, label: t(`bo.audit.action.${a}`) })),
            // A prefix typed into the address (the API's filter, e.g. "cluster.") stays chosen.
            ...(q.action && !isAuditAction(q.action) ? [{ value: q.action, label: q.action }] : []),
          ]}
        />
        <div className="inline-form">
          <SelectField
            form="au"
            name="entityType"
            label={t("bo.audit.entity")}
            failure={failure}
            defaultValue={q.entityType}
            options={[{ value: "", label: t("bo.audit.all") }, ...auditEntityTypes.map((e) => ({ value: e, label: t(`bo.audit.entity.${e}`) }))]}
          />
          <Field form="au" name="actor" label={t("bo.audit.actor")} failure={failure} defaultValue={q.actor} dir="ltr" />
        </div>
        <div className="inline-form">
          <Field form="au" name="from" type="date" label={t("bo.audit.from")} failure={failure} defaultValue={q.from} />
          <Field form="au" name="to" type="date" label={t("bo.audit.to")} failure={failure} defaultValue={q.to} />
        </div>
        <p>
          <button type="submit" className="primary">
            {t("common.filter")}
          </button>
        </p>
      </Form>
      {log && log.entries.length === 0 ? <p>{t("common.empty")}</p> : null}
      {log && log.entries.length > 0 ? (
        // Cards rather than a five-column table: each entry stays readable on a 360 px phone.
        <ol className="cards audit-entries">
          {log.entries.map((e) => {
            const lines = auditLines(e.data);
            const value = (field: string, v: unknown) => <bdi>{formatValue(t, locale, log.timezone, field, v)}</bdi>;
            return (
              <li key={e.id} className="card">
                <strong>{isAuditAction(e.action) ? t(`bo.audit.action.${e.action}`) : e.action}</strong>
                <span>
                  {t("bo.audit.entity")}: {isAuditEntityType(e.entityType) ? t(`bo.audit.entity.${e.entityType}`) : e.entityType}
                </span>
                <span>
                  {t("bo.audit.actor")}: <AuditActor entry={e} />
                </span>
                <span className="muted">
                  {t("bo.audit.at")}: <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(e.at, locale, log.timezone)}</time>
                </span>
                {lines.length > 0 ? (
                  <ul className="audit-changes" aria-label={t("bo.audit.changes")}>
                    {lines.map((l) => (
                      <li key={`${l.kind}:${l.field}`}>
                        {l.field === "value" && l.kind === "change" ? null : <>{fieldName(t, l.field)}: </>}
                        {l.kind === "change" ? (
                          <>
                            {value(l.field, l.before)} {locale === "ur" ? "←" : "→"} {value(l.field, l.after)}
                          </>
                        ) : (
                          value(l.field, l.value)
                        )}
                      </li>
                    ))}
                  </ul>
                ) : null}
                <details>
                  <summary>{t("bo.audit.raw")}</summary>
                  <pre dir="ltr">{JSON.stringify({ action: e.action, entityType: e.entityType, entityId: e.entityId, data: e.data }, null, 2)}</pre>
                </details>
              </li>
            );
          })}
        </ol>
      ) : null}
      {log ? <Paging search={loaderData.search} page={log.page} hasNext={log.hasNext} /> : null}
    </section>
  );
}

interface ActorFields {
  actorLabel: string;
  actorUserId: string | null;
  actorTokenId: string | null;
  actorRegistrationId: string | null;
  actorNominationId: string | null;
}

/** Who acted: an account or token by its label, a link holder named as such, or someone without an account. */
function AuditActor({ entry: e }: { entry: ActorFields }) {
  const t = useT();
  const label = <bdi dir="ltr">{e.actorLabel}</bdi>;
  if (!e.actorUserId && !e.actorTokenId) {
    if (e.actorRegistrationId || e.actorNominationId) {
      const [before, after] = t(e.actorRegistrationId ? "bo.audit.by.registration" : "bo.audit.by.nomination", { label: "\u0000" }).split("\u0000");
      return (
        <>
          {before}
          {label}
          {after}
        </>
      );
    }
    if (e.actorLabel === "anonymous") return <>{t("bo.audit.by.anonymous")}</>;
  }
  return label;
}
