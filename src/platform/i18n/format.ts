import { intlTag, type Locale } from "./locales";

// Dates are stored in UTC and shown in the edition's timezone, in the reader's language.

/** A calendar date (YYYY-MM-DD) such as an edition's first day; no timezone shift. */
export function formatDay(isoDate: string, locale: Locale, options: Intl.DateTimeFormatOptions = {}): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  return new Intl.DateTimeFormat(intlTag(locale), {
    timeZone: "UTC",
    day: "numeric",
    month: "long",
    year: "numeric",
    ...options,
  }).format(d);
}

export function formatDateRange(startIso: string, endIso: string, locale: Locale): string {
  const a = new Date(`${startIso}T12:00:00Z`);
  const b = new Date(`${endIso}T12:00:00Z`);
  const f = new Intl.DateTimeFormat(intlTag(locale), { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });
  return f.formatRange(a, b);
}

export function formatDateTime(at: Date | string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(intlTag(locale), {
    timeZone,
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(at));
}

export function formatNumber(n: number, locale: Locale, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(intlTag(locale), options).format(n);
}
