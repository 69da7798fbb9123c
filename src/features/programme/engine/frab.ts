import { localInstant } from "../../../platform/zone";
import type { SessionSnapshot } from "./changes";

// The released agenda as frab's schedule.xml (the format pretalx and frab publish, read by the
// conference apps: Giggity, ConfClerk, the c3voc tools). Pure: the operation passes the release.
//
// Identity: an event's `guid` is the session's UUID, which never changes across edits and
// releases, so an app updates the event rather than adding a second one. frab also wants an integer
// `id` on events and persons: the first 7 hex digits of the UUID (a stable number below 2^28).

export interface FrabEdition {
  slug: string;
  nameEn: string;
  nameUr: string;
  startsOn: string;
  timezone: string;
  dayCount: number;
}

export interface FrabRelease {
  number: number;
  name: string;
}

// XML 1.0 refuses most control characters even when escaped: they are dropped.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
export function escapeXml(value: string): string {
  return value.replace(CONTROL, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

const pad = (n: number) => String(n).padStart(2, "0");
const hhmm = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
export const frabId = (uuid: string) => parseInt(uuid.replace(/-/g, "").slice(0, 7), 16);

/** Local wall time of `isoDate` + `minute` with the zone's offset: 2026-01-24T10:00:00+05:00. */
function localIso(isoDate: string, minute: number, timeZone: string): string {
  const at = localInstant(isoDate, minute, timeZone);
  const [y, m, d] = isoDate.split("-").map(Number);
  const wall = Date.UTC(y!, m! - 1, d!, 0, minute);
  const offset = Math.round((wall - at.getTime()) / 60_000);
  const sign = offset < 0 ? "-" : "+";
  const wallDate = new Date(wall).toISOString().slice(0, 19);
  return `${wallDate}${sign}${hhmm(Math.abs(offset))}`;
}

const dayDate = (startsOn: string, day: number) => new Date(Date.parse(`${startsOn}T00:00:00Z`) + (day - 1) * 86_400_000).toISOString().slice(0, 10);

const tag = (name: string, value: string | number, indent: string) => `${indent}<${name}>${escapeXml(String(value))}</${name}>`;

/**
 * schedule.xml of a release, in English or Urdu (titles, abstracts, rooms, names). One <day> per
 * day of the edition (empty days too, as frab does), rooms in order of first use, events by start.
 * `sessionUrl` gives each event's public page.
 */
export function frabSchedule(
  edition: FrabEdition,
  release: FrabRelease | null,
  sessions: readonly SessionSnapshot[],
  locale: "en" | "ur",
  sessionUrl: (id: string) => string,
): string {
  const ur = locale === "ur";
  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', "<schedule>"];
  lines.push(tag("generator", "Numaish", "  "));
  lines.push(tag("version", release ? `${release.number}: ${release.name}` : "0", "  "));
  const last = dayDate(edition.startsOn, edition.dayCount);
  lines.push("  <conference>");
  lines.push(tag("acronym", edition.slug, "    "));
  lines.push(tag("title", ur ? edition.nameUr : edition.nameEn, "    "));
  lines.push(tag("start", edition.startsOn, "    "));
  lines.push(tag("end", last, "    "));
  lines.push(tag("days", edition.dayCount, "    "));
  lines.push(tag("timeslot_duration", "00:05", "    "));
  lines.push(tag("time_zone_name", edition.timezone, "    "));
  lines.push("  </conference>");
  const ordered = [...sessions].sort((a, b) => a.day - b.day || a.startMinute - b.startMinute || a.roomEn.localeCompare(b.roomEn));
  for (let day = 1; day <= edition.dayCount; day++) {
    const date = dayDate(edition.startsOn, day);
    const ofDay = ordered.filter((s) => s.day === day);
    const first = ofDay.length ? Math.min(...ofDay.map((s) => s.startMinute)) : 0;
    const lastMinute = ofDay.length ? Math.max(...ofDay.map((s) => s.endMinute)) : 24 * 60 - 1;
    lines.push(`  <day index="${day}" date="${date}" start="${localIso(date, first, edition.timezone)}" end="${localIso(date, lastMinute, edition.timezone)}">`);
    const rooms = [...new Map(ofDay.map((s) => [s.roomId, ur ? s.roomUr : s.roomEn])).entries()];
    for (const [roomId, roomName] of rooms) {
      lines.push(`    <room name="${escapeXml(roomName)}" guid="${roomId}">`);
      for (const s of ofDay.filter((x) => x.roomId === roomId)) {
        lines.push(`      <event guid="${s.id}" id="${frabId(s.id)}">`);
        const i = "        ";
        lines.push(tag("date", localIso(date, s.startMinute, edition.timezone), i));
        lines.push(tag("start", hhmm(s.startMinute), i));
        lines.push(tag("duration", hhmm(s.endMinute - s.startMinute), i));
        lines.push(tag("room", roomName, i));
        lines.push(tag("slug", `${edition.slug}-${frabId(s.id)}`, i));
        lines.push(tag("url", sessionUrl(s.id), i));
        lines.push(tag("title", ur ? s.titleUr : s.titleEn, i));
        lines.push(`${i}<subtitle/>`);
        lines.push(tag("track", s.track, i));
        lines.push(tag("type", s.kind, i));
        lines.push(tag("language", s.language, i));
        lines.push(tag("abstract", ur ? s.descriptionUr : s.descriptionEn, i));
        lines.push(`${i}<description/>`);
        lines.push(`${i}<persons>`);
        for (const p of s.speakers) lines.push(`${i}  <person id="${frabId(p.id)}" guid="${p.id}">${escapeXml(ur && p.nameUr ? p.nameUr : p.name)}</person>`);
        lines.push(`${i}</persons>`);
        lines.push(`${i}<links/>`);
        lines.push(`${i}<attachments/>`);
        lines.push("      </event>");
      }
      lines.push("    </room>");
    }
    lines.push("  </day>");
  }
  lines.push("</schedule>");
  return `${lines.join("\n")}\n`;
}
