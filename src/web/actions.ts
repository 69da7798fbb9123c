import { data, redirect } from "react-router";
import { isDomainError, type DomainError } from "../platform/errors";
import type { Locale } from "../platform/i18n/locales";
import { errorText, fieldIssueText } from "../platform/i18n/translate";

/** What an action returns when a form is refused: shown inline, in the reader's language. */
export interface FormFailure {
  ok: false;
  code: string;
  message: string;
  fields: Record<string, string>;
  values: Record<string, string>;
}

/** A refused operation as the page shows it: translated texts, per field, with what was typed. */
export function toFailure(locale: Locale, e: DomainError, values: Record<string, string>): FormFailure {
  const fields: Record<string, string> = {};
  for (const f of e.fields) fields[f.path || "_"] ??= fieldIssueText(locale, f.code, f.params);
  return { ok: false, code: e.code, message: errorText(locale, e.code, e.params), fields, values };
}

export function formValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !/password/i.test(k)) out[k] = v;
  return out;
}

/**
 * Run an operation for a form. A domain error becomes a 4xx with translated
 * messages and the submitted values (never the password), so nothing typed is
 * lost; anything else is a real bug and propagates.
 */
export async function runForm<T>(locale: Locale, form: FormData, fn: () => Promise<T>) {
  try {
    return { ok: true as const, value: await fn() };
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return { ok: false as const, response: data(toFailure(locale, e, formValues(form)), { status: e.status }) };
  }
}

/** For loaders: domain errors become HTTP responses; anonymous callers are sent to sign in. */
export async function loadOr<T>(request: Request, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (!isDomainError(e)) throw e;
    if (e.code === "unauthenticated") {
      const url = new URL(request.url);
      throw redirect(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`);
    }
    throw data({ code: e.code }, { status: e.status });
  }
}

/** `path?next=…` when `next` is a safe local path, else `path`: sign-in and sign-up keep where the person was going. */
export function withNext(path: string, next: string | null | undefined): string {
  const safe = safeNext(next, "");
  return safe ? `${path}?next=${encodeURIComponent(safe)}` : path;
}

/** Only same-site paths are followed after sign-in, never another host. Control characters are
 *  refused too: browsers drop tabs and line breaks inside a URL, so "/\t/evil.example" would be
 *  followed as "//evil.example". */
export function safeNext(next: string | null | undefined, fallback = "/"): string {
  // eslint-disable-next-line no-control-regex
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") && !/[\u0000-\u001f\u007f]/.test(next) ? next : fallback;
}
