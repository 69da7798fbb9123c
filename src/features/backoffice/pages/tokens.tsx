import { Form } from "react-router";
import type { Route } from "./+types/tokens";
import { formatDateTime } from "../../../platform/i18n/format";
import { apiTokenScopes } from "../../../platform/permissions/actor";
import { loadOr, runForm } from "../../../web/actions";
import { Field, FormError, Notice, failureOf, useFailure } from "../../../web/components/form";
import { pageTitle, useLocale, useT } from "../../../web/i18n";
import { createApiToken, listApiTokens, revokeApiToken } from "#features/accounts";
import { someOf, text } from "../../../web/form-fields";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "bo.nav.tokens", "bo.title");
}

const TIMEZONE = "Asia/Karachi";
// app.css sizes inputs for text; a checkbox row needs its own, still 44 px tall to tap.
const checkRow = { display: "flex", alignItems: "flex-start", gap: "0.5rem", minHeight: "44px", fontWeight: 400 } as const;
const checkBox = { width: "1.25rem", minHeight: "1.25rem", margin: "0.2rem 0 0", flex: "none" } as const;

export async function loader({ context, request }: Route.LoaderArgs) {
  return { tokens: await loadOr(request, () => listApiTokens(context.ctx)) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "revoke") {
    const result = await runForm(context.ctx.locale, form, () => revokeApiToken(context.ctx, { id: text(form, "id") }));
    if (!result.ok) return result.response;
    return { ok: true as const, intent: "revoke", token: null };
  }
  const result = await runForm(context.ctx.locale, form, () =>
    createApiToken(context.ctx, { name: text(form, "name"), scopes: someOf(form, "scopes", apiTokenScopes) }),
  );
  if (!result.ok) return result.response;
  // The secret travels once, in this response; it is never stored in clear.
  return { ok: true as const, intent: "create", token: result.value.token };
}

export default function TokensPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure = useFailure();
  const f = failureOf(failure, "create");
  const done = actionData && "ok" in actionData && actionData.ok ? actionData : undefined;
  const when = (d: Date | string | null) => (d ? formatDateTime(d, locale, TIMEZONE) : t("bo.tokens.never"));
  return (
    <section>
      <h1>{t("bo.tokens.title")}</h1>
      <p>{t("bo.tokens.intro")}</p>
      {done?.token ? (
        <Notice>
          <p>{t("bo.tokens.createdOnce")}</p>
          <pre dir="ltr">
            <code>{done.token}</code>
          </pre>
        </Notice>
      ) : null}
      {done?.intent === "revoke" ? <Notice>{t("bo.tokens.revoked")}</Notice> : null}
      <FormError failure={failure?.values.intent === "revoke" ? failure : undefined} />
      <h2>{t("bo.tokens.new")}</h2>
      <FormError failure={f} />
      <Form method="post" noValidate key={done?.token ?? "new"}>
        <input type="hidden" name="intent" value="create" />
        <Field form="tk" name="name" label={t("bo.tokens.name")} failure={f} required />
        <fieldset className={f?.fields.scopes ? "field field-invalid" : "field"} aria-describedby={f?.fields.scopes ? "tk-scopes-error" : undefined}>
          <legend>{t("bo.tokens.scopes")}</legend>
          {apiTokenScopes.map((s) => (
            <label key={s} style={checkRow}>
              <input type="checkbox" name="scopes" value={s} defaultChecked={f?.values.scopes === s} style={checkBox} /> <span>
                {t(`bo.tokens.scope.${s}`)}
                <br />
                <code dir="ltr">{s}</code>
              </span>
            </label>
          ))}
          {f?.fields.scopes ? (
            <p className="error" id="tk-scopes-error">
              {t("bo.tokens.chooseScope")}
            </p>
          ) : null}
        </fieldset>
        <button type="submit" className="primary">
          {t("bo.tokens.create")}
        </button>
      </Form>
      <h2>{t("bo.tokens.list")}</h2>
      {loaderData.tokens.length === 0 ? <p>{t("common.empty")}</p> : null}
      <ul className="cards">
        {loaderData.tokens.map((tok) => (
          <li key={tok.id} className="card">
            <strong>{tok.name}</strong>
            <code dir="ltr">{tok.prefix}…</code>
            <span dir="ltr">{tok.scopes.join(", ")}</span>
            <span className="muted">
              {t("bo.tokens.createdAt")}: {when(tok.createdAt)}
            </span>
            <span className="muted">
              {t("bo.tokens.lastUsed")}: {when(tok.lastUsedAt)}
            </span>
            {tok.revokedAt ? (
              <span className="badge">
                {t("bo.tokens.revokedAt")}: {when(tok.revokedAt)}
              </span>
            ) : (
              <Form method="post">
                <input type="hidden" name="intent" value="revoke" />
                <input type="hidden" name="id" value={tok.id} />
                <button type="submit" className="danger">
                  {t("bo.tokens.revoke")}
                </button>
              </Form>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
