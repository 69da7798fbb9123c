// What a release holds and how two releases differ (pretalx's change log). Pure.

/** A session as a release froze it: what the public agenda shows. */
export interface SessionSnapshot {
  id: string;
  kind: string;
  track: string;
  titleEn: string;
  titleUr: string;
  descriptionEn: string;
  descriptionUr: string;
  day: number;
  startMinute: number;
  endMinute: number;
  roomId: string;
  roomEn: string;
  roomUr: string;
  language: string;
  interpretation: boolean;
  access: string;
  speakers: { id: string; slug: string; name: string; nameUr: string; organisation: string; role: string }[];
}

export type ReleaseChange =
  | { type: "added"; sessionId: string; titleEn: string; titleUr: string; day: number; startMinute: number; roomEn: string; roomUr: string }
  | {
      type: "moved";
      sessionId: string;
      titleEn: string;
      titleUr: string;
      from: { day: number; startMinute: number; endMinute: number; roomEn: string; roomUr: string };
      to: { day: number; startMinute: number; endMinute: number; roomEn: string; roomUr: string };
    }
  | { type: "changed"; sessionId: string; titleEn: string; titleUr: string; fields: string[] }
  | { type: "cancelled"; sessionId: string; titleEn: string; titleUr: string; day: number; startMinute: number };

const place = (s: SessionSnapshot) => ({ day: s.day, startMinute: s.startMinute, endMinute: s.endMinute, roomEn: s.roomEn, roomUr: s.roomUr });
const detailFields = ["kind", "track", "titleEn", "titleUr", "descriptionEn", "descriptionUr", "language", "interpretation", "access"] as const;
const order = (a: { day: number; startMinute: number }, b: { day: number; startMinute: number }) => a.day - b.day || a.startMinute - b.startMinute;

/**
 * The change log from release `before` (null for the first release: nothing is listed, the whole
 * agenda is new) to `after`: sessions added, moved (day, time or room), changed otherwise (title,
 * description, speakers…), and cancelled (in `before`, not in `after`). In agenda order.
 */
export function diffReleases(before: readonly SessionSnapshot[] | null, after: readonly SessionSnapshot[]): ReleaseChange[] {
  if (!before) return [];
  const old = new Map(before.map((s) => [s.id, s]));
  const now = new Map(after.map((s) => [s.id, s]));
  const out: (ReleaseChange & { at: { day: number; startMinute: number } })[] = [];
  for (const s of after) {
    const o = old.get(s.id);
    const head = { sessionId: s.id, titleEn: s.titleEn, titleUr: s.titleUr };
    if (!o) {
      out.push({ type: "added", ...head, day: s.day, startMinute: s.startMinute, roomEn: s.roomEn, roomUr: s.roomUr, at: s });
      continue;
    }
    if (o.day !== s.day || o.startMinute !== s.startMinute || o.endMinute !== s.endMinute || o.roomId !== s.roomId) {
      out.push({ type: "moved", ...head, from: place(o), to: place(s), at: s });
    }
    const fields: string[] = detailFields.filter((f) => o[f] !== s[f]);
    const who = (x: SessionSnapshot) => x.speakers.map((p) => `${p.id}:${p.role}`).join(",");
    if (who(o) !== who(s)) fields.push("speakers");
    if (fields.length) out.push({ type: "changed", ...head, fields, at: s });
  }
  for (const o of before)
    if (!now.has(o.id)) out.push({ type: "cancelled", sessionId: o.id, titleEn: o.titleEn, titleUr: o.titleUr, day: o.day, startMinute: o.startMinute, at: o });
  return out.sort((a, b) => order(a.at, b.at)).map(({ at: _at, ...c }) => c as ReleaseChange);
}

/** Sessions of `after` that differ from `before` in anything (new ones included): whose speakers are told. */
export function changedSessionIds(before: readonly SessionSnapshot[] | null, after: readonly SessionSnapshot[]): Set<string> {
  const old = new Map((before ?? []).map((s) => [s.id, JSON.stringify(s)]));
  return new Set(after.filter((s) => old.get(s.id) !== JSON.stringify(s)).map((s) => s.id));
}
