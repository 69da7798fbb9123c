// Filters take calendar days as the organiser sees them (the edition's timezone),
// while entries are stored in UTC: a day in Karachi starts at 19:00 UTC the day before.

/** Milliseconds the zone is ahead of UTC at the instant `utcMs`. */
function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** The instant a calendar day (YYYY-MM-DD) begins in `timeZone`. */
export function startOfZonedDay(isoDate: string, timeZone: string): Date {
  const naive = Date.parse(`${isoDate}T00:00:00Z`);
  // Two passes settle the offset even when the day starts near a DST change.
  let guess = naive - zoneOffsetMs(naive, timeZone);
  guess = naive - zoneOffsetMs(guess, timeZone);
  return new Date(guess);
}

/** The last millisecond of a calendar day in `timeZone` (inclusive upper bound). */
export function endOfZonedDay(isoDate: string, timeZone: string): Date {
  const next = new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return new Date(startOfZonedDay(next, timeZone).getTime() - 1);
}
