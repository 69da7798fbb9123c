import { intlTag, type Locale } from "./locales";

// Dates are stored in UTC and shown in the edition's timezone, in the reader's language.
//
// Digits: Western (0-9) in both languages, as everywhere else in the app (Pakistani Urdu's
// CLDR default; forms accept them, badges and numbers print them). Pinned with `nu-latn` so a
// browser whose ICU differs renders the same as the server.
//
// Times in Urdu carry the Urdu part of the day ("11:59 رات", "9:30 صبح", "2:05 دوپہر"), never
// the Latin "AM/PM" CLDR gives for `ur` with `timeStyle`; English keeps "11:59 pm".

const tag = (locale: Locale) => `${intlTag(locale)}-u-nu-latn`;

/** A calendar date (YYYY-MM-DD) such as an edition's first day; no timezone shift. */
export function formatDay(isoDate: string, locale: Locale, options: Intl.DateTimeFormatOptions = {}): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  return new Intl.DateTimeFormat(tag(locale), {
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
  const f = new Intl.DateTimeFormat(tag(locale), { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });
  return f.formatRange(a, b);
}

/** The time-of-day options: Urdu names the part of the day, English keeps its am/pm. */
function timeOptions(locale: Locale, seconds: boolean): Intl.DateTimeFormatOptions {
  return {
    hour: "numeric",
    minute: "2-digit",
    ...(seconds ? { second: "2-digit" } : {}),
    ...(locale === "ur" ? { dayPeriod: "short" } : { hour12: true }),
  };
}

/** A moment as date and time in `timeZone`: "24 Jan 2026, 11:59 pm" / "24 جنوری، 2026، 11:59 رات". */
export function formatDateTime(at: Date | string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(tag(locale), {
    timeZone,
    day: "numeric",
    month: "short",
    year: "numeric",
    ...timeOptions(locale, false),
  }).format(new Date(at));
}

/** A moment's time of day in `timeZone` ("5:35 pm" / "5:35 شام"); `seconds` for live clocks. */
export function formatTime(at: Date | string | number, locale: Locale, timeZone: string, options: { seconds?: boolean } = {}): string {
  return new Intl.DateTimeFormat(tag(locale), { timeZone, ...timeOptions(locale, options.seconds ?? false) }).format(new Date(at));
}

/**
 * A timezone in words, in the reader's language: "Asia/Karachi" → "Pakistan Standard Time" /
 * "پاکستان کا معیاری وقت". The name can depend on the date (summer time), hence `at`.
 * Falls back to the IANA id when the runtime has no name for it.
 */
export function formatTimeZone(timeZone: string, locale: Locale, at: Date | string = new Date()): string {
  try {
    const parts = new Intl.DateTimeFormat(tag(locale), { timeZone, timeZoneName: "long" }).formatToParts(new Date(at));
    const name = parts.find((p) => p.type === "timeZoneName")?.value;
    // Runtimes without the names answer with an offset such as "GMT+05:00": not words.
    return name && !/^(GMT|UTC)[+-−]/.test(name) ? name : timeZone;
  } catch {
    return timeZone;
  }
}

export function formatNumber(n: number, locale: Locale, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(tag(locale), options).format(n);
}

/** A list with the language's separators: "2, 6 and 7" / "2، 6، اور 7"; `or` for alternatives. */
export function formatList(items: (string | number)[], locale: Locale, kind: "and" | "or" = "and"): string {
  return new Intl.ListFormat(intlTag(locale), { type: kind === "and" ? "conjunction" : "disjunction" }).format(items.map(String));
}
