import { and, desc, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import { DomainError } from "../../../platform/errors";
import { authorize, can } from "../../../platform/permissions/policy";
import { parseInput, type Input } from "../../../platform/validation";
import { hhmm, wallTime } from "#features/b2b";
import { frameOf, partiesOf } from "#features/b2b";
import { b2bMeetings } from "#features/b2b";
import { defaultScanEdition, editionDayCount, editionDayDate, editions } from "#features/editions";
import { editionFor } from "#features/editions";
import type { Side } from "../core/meeting-scan";
import { editionShortId } from "#features/checkin";
import { editionPublicKeys } from "#features/checkin";
import { boardInput } from "../schemas";
import { meetingNumbers } from "./meeting-facts";
import { meetingArrivals, meetingNoShows } from "../tables";

// The lounge board (issue #14, item 1): for each lounge table, the meeting on now and the next
// one, who of each side has arrived, who is late (the start has passed and the side is not
// here), and who was marked no-show. Lounge staff and organisers only.

export interface BoardSide {
  side: Side;
  name: string;
  arrived: boolean;
  late: boolean;
  noShow: boolean;
}
export interface BoardMeeting {
  id: string;
  start: string;
  end: string;
  started: boolean;
  /** Agreed during the event (operations/walkups.ts), not placed by the schedule. */
  walkUp: boolean;
  sides: BoardSide[];
  /** Registration numbers of each side, for the lounge phone's check when offline. */
  numbers: { sme: number[]; buyer: number | null };
}
export interface BoardTable {
  tableNo: number;
  current: BoardMeeting | null;
  next: BoardMeeting | null;
}

export async function loungeBoard(ctx: Ctx, raw: Input<typeof boardInput>) {
  const input = parseInput(boardInput, raw);
  const edition = await editionFor(ctx.db, ctx.actor, input.editionId, "meetday.lounge");
  const frame = await frameOf(ctx.db, edition.id);
  const now = wallTime(ctx.clock.now(), edition.timezone);
  const days = editionDayCount(edition);
  const todayDay = Array.from({ length: days }, (_, i) => editionDayDate(edition.startsOn, i)).indexOf(now.date) + 1;
  const day = input.day ?? (todayDay || 1);
  const shownDate = editionDayDate(edition.startsOn, day - 1);
  // Another day than today: all of it is still to come, or all of it is past.
  const minute = input.at ? Number(input.at.slice(0, 2)) * 60 + Number(input.at.slice(3)) : day === todayDay ? now.minute : shownDate > now.date ? -1 : 24 * 60;
  const rows = await ctx.db
    .select()
    .from(b2bMeetings)
    .where(and(eq(b2bMeetings.editionId, edition.id), eq(b2bMeetings.day, day), eq(b2bMeetings.status, "scheduled"), eq(b2bMeetings.place, "table")))
    .orderBy(b2bMeetings.tableNo, b2bMeetings.startMinute);
  const ids = rows.map((m) => m.id);
  const arrivals = ids.length ? await ctx.db.select().from(meetingArrivals).where(inArray(meetingArrivals.meetingId, ids)) : [];
  const noShows = ids.length ? await ctx.db.select().from(meetingNoShows).where(inArray(meetingNoShows.meetingId, ids)) : [];
  const parties = await partiesOf(ctx.db, rows.flatMap((m) => [m.smeParticipantId, m.buyerParticipantId]));
  const has = (list: { meetingId: string; side: string }[], id: string, side: Side) => list.some((a) => a.meetingId === id && a.side === side);
  const name = (pid: string) => {
    const p = parties.get(pid);
    return (ctx.locale === "ur" && p?.nameUr) || p?.name || "";
  };
  const view = (m: (typeof rows)[number]): BoardMeeting => {
    const sides = (["sme", "buyer"] as const).map((side) => {
      const arrived = has(arrivals, m.id, side);
      return { side, name: name(side === "sme" ? m.smeParticipantId : m.buyerParticipantId), arrived, late: !arrived && minute >= m.startMinute, noShow: has(noShows, m.id, side) };
    });
    return { id: m.id, start: hhmm(m.startMinute), end: hhmm(m.startMinute + frame.slotMinutes), started: sides.every((s) => s.arrived), walkUp: m.kind === "walk_up", sides, numbers: { sme: [], buyer: null } };
  };
  const tables = new Map<number, BoardTable>();
  for (const m of rows) {
    const t = tables.get(m.tableNo!) ?? { tableNo: m.tableNo!, current: null, next: null };
    tables.set(m.tableNo!, t);
    if (m.startMinute <= minute && minute < m.startMinute + frame.slotMinutes) t.current = view(m);
    else if (m.startMinute > minute && !t.next) t.next = view(m);
  }
  const shown = [...tables.values()].flatMap((t) => [t.current, t.next]).filter((m): m is BoardMeeting => m !== null);
  const numbers = await meetingNumbers(ctx.db, shown.map((m) => m.id));
  for (const m of shown) m.numbers = numbers.get(m.id) ?? m.numbers;
  return {
    edition: { id: edition.id, nameEn: edition.nameEn, nameUr: edition.nameUr },
    /** The edition's public keys: the lounge phone checks a badge's signature offline. */
    offline: { keys: await editionPublicKeys(ctx.db, edition.id), edition: editionShortId(edition.id) },
    day,
    days,
    date: shownDate,
    now: minute >= 0 && minute < 24 * 60 ? hhmm(minute) : null,
    tables: [...tables.values()],
  };
}
/** The edition whose board `/lounge` opens: among those the person may run the lounge for, the
 *  one a scanner would open on (running today, else the next, published first). */
export async function loungeEditionId(ctx: Ctx): Promise<string> {
  authorize(ctx.actor, "session.signedIn");
  const rows = await ctx.db.select().from(editions).where(inArray(editions.status, ["published", "draft"])).orderBy(desc(editions.startsOn));
  const allowed = rows.filter((e) => can(ctx.actor, "meetday.lounge", { organiserId: e.organiserId }));
  const edition = defaultScanEdition(allowed, ctx.clock.now().toISOString().slice(0, 10));
  if (!edition) throw new DomainError("forbidden");
  return edition.id;
}

