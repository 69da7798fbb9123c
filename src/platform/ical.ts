// iCalendar (RFC 5545) text: a subscription feed and a single event's .ics file (B2B meetings,
// agenda sessions). Pure; no library (the few properties we need fit in this file).
//
// What keeps calendars from duplicating a meeting: its UID never changes, SEQUENCE grows with every
// change, and a cancelled meeting stays in the feed with STATUS:CANCELLED (a single-meeting file of
// a cancelled meeting is METHOD:CANCEL). Times are written in UTC (…Z), so no VTIMEZONE is needed.

export interface IcalEvent {
  uid: string;
  sequence: number;
  start: Date;
  end: Date;
  summary: string;
  location?: string;
  description?: string;
  cancelled: boolean;
  /** When this version of the event was last changed (DTSTAMP uses the feed's `now`). */
  updatedAt?: Date;
}

export interface IcalCalendar {
  /** X-WR-CALNAME, the name a calendar app shows for a subscription. */
  name: string;
  events: IcalEvent[];
  now: Date;
  /** PUBLISH for a feed or a scheduled meeting; CANCEL for the file of a cancelled meeting. */
  method?: "PUBLISH" | "CANCEL";
  /** PRODID product name (default: B2B meetings). */
  product?: string;
}

/** A TEXT value escaped (RFC 5545 3.3.11): backslash, semicolon, comma, newline. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

/** One content line folded at 75 octets (RFC 5545 3.1): CRLF then a space, never inside a UTF-8
 *  character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, "utf8");
    if (octets + n > limit) {
      out.push(current);
      current = "";
      octets = 0;
      limit = 74; // a continuation line starts with the one space
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join("\r\n ");
}

/** A date-time in UTC form: 20260312T050000Z. */
export function icalUtc(at: Date): string {
  return at.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

function eventLines(e: IcalEvent, now: Date): string[] {
  return [
    "BEGIN:VEVENT",
    `UID:${escapeText(e.uid)}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTAMP:${icalUtc(now)}`,
    ...(e.updatedAt ? [`LAST-MODIFIED:${icalUtc(e.updatedAt)}`] : []),
    `DTSTART:${icalUtc(e.start)}`,
    `DTEND:${icalUtc(e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
    ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
    ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
    `STATUS:${e.cancelled ? "CANCELLED" : "CONFIRMED"}`,
    "TRANSP:OPAQUE",
    "END:VEVENT",
  ];
}

/** The whole VCALENDAR text, CRLF line ends, every line folded. */
export function renderCalendar(cal: IcalCalendar): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:-//Numaish//${cal.product ?? "B2B meetings"}//EN`,
    "CALSCALE:GREGORIAN",
    `METHOD:${cal.method ?? "PUBLISH"}`,
    `X-WR-CALNAME:${escapeText(cal.name)}`,
    ...cal.events.flatMap((e) => eventLines(e, cal.now)),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
