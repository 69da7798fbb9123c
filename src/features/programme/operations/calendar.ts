import { editionDayDate } from "#features/editions/client";
import { renderCalendar, type IcalEvent } from "../../../platform/ical";
import type { SessionSnapshot } from "../engine/changes";
import { localInstant } from "../engine/warnings";

// Sessions as calendar events (platform/ical.ts). A session's UID never changes; SEQUENCE is the
// number of the release that last changed it, so a calendar replaces the event rather than adding
// a second one.

export interface CalendarEdition {
  slug: string;
  startsOn: string;
  timezone: string;
  nameEn: string;
  nameUr: string;
}

export function sessionStart(edition: CalendarEdition, s: Pick<SessionSnapshot, "day" | "startMinute">): Date {
  return localInstant(editionDayDate(edition.startsOn, s.day - 1), s.startMinute, edition.timezone);
}

export function sessionEvent(edition: CalendarEdition, s: SessionSnapshot, sequence: number, locale: "en" | "ur", cancelled = false): IcalEvent {
  const ur = locale === "ur";
  const speakers = s.speakers.map((p) => (ur && p.nameUr ? p.nameUr : p.name)).join(", ");
  return {
    uid: `programme-${s.id}@numaish`,
    sequence,
    start: sessionStart(edition, s),
    end: localInstant(editionDayDate(edition.startsOn, s.day - 1), s.endMinute, edition.timezone),
    summary: ur ? s.titleUr : s.titleEn,
    location: ur ? s.roomUr : s.roomEn,
    description: [ur ? s.descriptionUr : s.descriptionEn, speakers].filter(Boolean).join("\n\n"),
    cancelled,
  };
}

/** The .ics text of some sessions (one, a person's, or the whole agenda). */
export function sessionsCalendar(
  edition: CalendarEdition,
  sessions: readonly SessionSnapshot[],
  sequences: ReadonlyMap<string, number>,
  locale: "en" | "ur",
  now: Date,
  name?: string,
): string {
  return renderCalendar({
    name: name ?? (locale === "ur" ? edition.nameUr : edition.nameEn),
    product: "Agenda",
    now,
    events: sessions.map((s) => sessionEvent(edition, s, sequences.get(s.id) ?? 0, locale)),
  });
}
