import type { FieldIssue } from "../../../platform/errors";
import { editionDayDate } from "#features/editions/client";

// Days of an edition that have already passed at the venue: the public form does not offer them
// and registration refuses them (a badge for yesterday admits nobody). Pure: the caller passes
// the clock's time.

/** The calendar date (YYYY-MM-DD) at `timeZone` at the moment `now`. */
export function dateAt(now: Date, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD. Making a formatter is costly (every registration asks): one per zone.
  let f = formatters.get(timeZone);
  if (!f) formatters.set(timeZone, (f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })));
  return f.format(now);
}
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The edition's day `index` (0 = first day) as YYYY-MM-DD (editions/days.ts). */
export const dayDate = editionDayDate;

export interface EditionDays {
  startsOn: string;
  timezone: string;
}

/** Indexes of the edition's days (0 … dayCount-1) before today at the venue; today still counts. */
export function pastDays(edition: EditionDays, dayCount: number, now: Date): number[] {
  const today = dateAt(now, edition.timezone);
  return Array.from({ length: dayCount }, (_, i) => i).filter((i) => dayDate(edition.startsOn, i) < today);
}

/** A field issue when any chosen day has passed (`registration_day_past`, with the first such day). */
export function checkPastDays(days: number[], edition: EditionDays, now: Date, path = "days"): FieldIssue[] {
  const today = dateAt(now, edition.timezone);
  const past = days.filter((d) => dayDate(edition.startsOn, d) < today).sort((a, b) => a - b);
  return past.length ? [{ path, code: "registration_day_past", params: { day: dayDate(edition.startsOn, past[0]!) } }] : [];
}
