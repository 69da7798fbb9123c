// An edition's days: the one place that turns its first and last day (YYYY-MM-DD, at the venue)
// into a day count, a day's date and the list of days. Pure: pages, operations, engines and the
// gate's client code all use it. An edition lasts at most EDITION_MAX_DAYS days because a badge
// carries its days as a 16-bit mask (checkin/core/badge-code.ts); longer editions are refused
// (updateEditionInput's `edition_too_long`, and the editions_days_within_badge check).

const DAY_MS = 86_400_000;

/** The badge format's day limit: an edition's days are bits 0 … 15 of the badge. */
export const EDITION_MAX_DAYS = 16;

export interface EditionDates {
  startsOn: string;
  endsOn: string;
}

const utc = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);

/** How many days the edition lasts (first and last day included). */
export function editionDayCount(e: EditionDates): number {
  return Math.round((utc(e.endsOn) - utc(e.startsOn)) / DAY_MS) + 1;
}

/** The edition's day `index` (0 = first day) as YYYY-MM-DD. */
export function editionDayDate(startsOn: string, index: number): string {
  return new Date(utc(startsOn) + index * DAY_MS).toISOString().slice(0, 10);
}

/** The day indexes 0 … count-1 of the edition. */
export function editionDayIndexes(e: EditionDates): number[] {
  return Array.from({ length: editionDayCount(e) }, (_, i) => i);
}

/** The date `days` days after `iso` (YYYY-MM-DD). */
export const addDays = (iso: string, days: number): string => editionDayDate(iso, days);
