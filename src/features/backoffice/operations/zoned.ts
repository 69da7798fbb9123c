import { startOfLocalDay } from "../../../platform/zone";

// Filters take calendar days as the organiser sees them (the edition's timezone),
// while entries are stored in UTC: a day in Karachi starts at 19:00 UTC the day before.

/** The instant a calendar day (YYYY-MM-DD) begins in `timeZone`. */
export const startOfZonedDay = startOfLocalDay;

/** The last millisecond of a calendar day in `timeZone` (inclusive upper bound). */
export function endOfZonedDay(isoDate: string, timeZone: string): Date {
  const next = new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return new Date(startOfLocalDay(next, timeZone).getTime() - 1);
}
