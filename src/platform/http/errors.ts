import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { DomainError, isDomainError } from "../errors";
import { defaultLocale, dirOf, type Locale } from "../i18n/locales";
import { errorText, fieldIssueText, translate } from "../i18n/translate";
import type { AppEnv } from "./request-context";

/** The one mapping from domain errors to API JSON: stable code, translated message, field issues. */
export function errorBody(e: DomainError, locale: Locale) {
  return {
    error: {
      code: e.code,
      message: errorText(locale, e.code, e.params),
      params: e.params,
      fields: e.fields.map((f) => ({ ...f, message: fieldIssueText(locale, f.code, f.params) })),
    },
  };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);

export function handleError(err: unknown, c: Context<AppEnv>) {
  const locale = c.get("req")?.ctx.locale ?? defaultLocale;
  const domain = isDomainError(err) ? err : null;
  if (!domain) {
    const log = c.get("log");
    if (log) log.error({ err }, "unhandled error");
    else console.error(err);
  }
  const e = domain ?? new DomainError("bad_request");
  const status = (domain ? e.status : 500) as ContentfulStatusCode;
  // A client told "too many" is told when to try again (the limiter's window when it says none).
  if (e.code === "rate_limited") c.header("Retry-After", String(e.params.retryAfterSeconds ?? 900));
  if (c.req.path.startsWith("/api/") || !c.req.header("accept")?.includes("text/html")) {
    const body = domain ? errorBody(e, locale) : { error: { code: "internal", message: translate(locale, "error.generic"), params: {}, fields: [] } };
    return c.json(body, status);
  }
  const message = domain ? errorText(locale, e.code, e.params) : translate(locale, "errorPage.body");
  return c.html(
    `<!doctype html><html lang="${locale}" dir="${dirOf(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(translate(locale, "errorPage.title"))}</title></head><body><main><h1>${escapeHtml(translate(locale, "errorPage.title"))}</h1><p>${escapeHtml(message)}</p><p><a href="/">${escapeHtml(translate(locale, "notFound.home"))}</a></p></main></body></html>`,
    status,
  );
}
