import { TZDate, tzOffset } from "@date-fns/tz";

// Wall times in an edition's time zone and the instants they are (decision 0011: @date-fns/tz).
// Days, slots and deadlines are kept as the venue's local date and minutes; the database and the
// calendars hold instants. A wall time skipped by a daylight-saving change moves forward by the
// gap, an ambiguous one takes the earlier instant (Temporal's "compatible" disambiguation).
// Server code only; the gates' offline bundle has its own tiny localDate (checkin/core/gate-bundle.ts).

const parseDate = (isoDate: string) => isoDate.split("-").map(Number) as [number, number, number];

/** The instant of `minute` past local midnight on `isoDate` (YYYY-MM-DD) in `timeZone`. */
export function localInstant(isoDate: string, minute: number, timeZone: string): Date {
  const [y, m, d] = parseDate(isoDate);
  return new Date(new TZDate(y, m - 1, d, 0, minute, timeZone).getTime());
}

/** The instant local `isoDate` begins in `timeZone`. */
export const startOfLocalDay = (isoDate: string, timeZone: string): Date => localInstant(isoDate, 0, timeZone);

/** The last second of local `isoDate` in `timeZone` (23:59:59): deadlines "by the end of the day". */
export const endOfLocalDay = (isoDate: string, timeZone: string): Date => new Date(localInstant(isoDate, 24 * 60, timeZone).getTime() - 1000);

/** The wall time of `at` in `timeZone`: its date (YYYY-MM-DD) and minutes since local midnight. */
export function wallTime(at: Date, timeZone: string): { date: string; minute: number } {
  const z = new TZDate(at.getTime(), timeZone);
  const p2 = (n: number) => String(n).padStart(2, "0");
  return { date: `${z.getFullYear()}-${p2(z.getMonth() + 1)}-${p2(z.getDate())}`, minute: z.getHours() * 60 + z.getMinutes() };
}

/** The instant of a form's `datetime-local` value ("2026-01-24T18:30") read in `timeZone`; null when malformed. */
export function localDateTime(value: string, timeZone: string): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m || Number(m[2]) > 23 || Number(m[3]) > 59) return null;
  const at = localInstant(m[1]!, Number(m[2]) * 60 + Number(m[3]), timeZone);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** Minutes `timeZone` is ahead of UTC at `at` (Asia/Karachi: 300). */
export const offsetMinutes = (at: Date, timeZone: string): number => tzOffset(timeZone, at);
