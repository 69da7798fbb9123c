import { isDomainError } from "../../../platform/errors";
import type { Locale } from "../../../platform/i18n/locales";
import { toFailure, type FormFailure } from "../../../web/actions";

/**
 * Filter forms are GET forms: a bad filter is shown inline like a refused POST
 * (translated, with what was typed) instead of failing the whole page.
 */
export async function loadFiltered<T>(locale: Locale, query: URLSearchParams, fn: () => Promise<T>): Promise<{ value: T } | { failure: FormFailure }> {
  try {
    return { value: await fn() };
  } catch (e) {
    if (!isDomainError(e) || e.code !== "validation_failed") throw e;
    return { failure: toFailure(locale, e, Object.fromEntries(query.entries())) };
  }
}
