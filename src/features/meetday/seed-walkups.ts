import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../../platform/db/types";
import { seededRandom } from "../../platform/random";
import { localInstant } from "#features/b2b";
import { bookWalkUpMeeting, freePlacesForPair } from "#features/b2b";
import { b2bMeetings, b2bParticipants } from "#features/b2b";
import { editionDayDate } from "#features/editions";
import type { Edition } from "#features/editions";
import { walkUps } from "./tables";

// The 2026 show's walk-up meetings (issue #14, items 3 and 9): a handful of pairs who had no
// meeting agreed one on the spot, each in a time the engine found free for both with a place free
// (b2b's freePlacesForPair, as the walk-up page offers), confirmed and written as walk_up meetings
// the way a confirmation writes them; one more proposal was declined. Deterministic.

const CONFIRMED = 8;

export async function seedWalkUpDemo(tx: Executor, edition: Edition): Promise<number> {
  const parts = await tx
    .select({ id: b2bParticipants.id, side: b2bParticipants.side })
    .from(b2bParticipants)
    .where(and(eq(b2bParticipants.editionId, edition.id), eq(b2bParticipants.approved, true), eq(b2bParticipants.optedIn, true), sql`${b2bParticipants.withdrawnAt} is null`))
    .orderBy(b2bParticipants.id);
  const smes = parts.filter((p) => p.side === "sme");
  const buyers = parts.filter((p) => p.side === "buyer");
  if (smes.length === 0 || buyers.length === 0) return 0;
  // Once per edition (the meeting-day seed may run again over the same schedule).
  if ((await tx.select({ id: walkUps.id }).from(walkUps).where(eq(walkUps.editionId, edition.id)).limit(1)).length) return 0;
  const met = new Set((await tx.select({ s: b2bMeetings.smeParticipantId, b: b2bMeetings.buyerParticipantId }).from(b2bMeetings).where(eq(b2bMeetings.editionId, edition.id))).map((m) => `${m.s}|${m.b}`));
  const random = seededRandom(2026_143);
  const days = Math.max(1, Math.round((Date.parse(edition.endsOn) - Date.parse(edition.startsOn)) / 86_400_000) + 1);
  let booked = 0;
  for (let tries = 0; booked < CONFIRMED + 1 && tries < 60; tries++) {
    const sme = smes[Math.floor(random() * smes.length)]!;
    const buyer = buyers[Math.floor(random() * buyers.length)]!;
    if (met.has(`${sme.id}|${buyer.id}`)) continue;
    met.add(`${sme.id}|${buyer.id}`);
    // Agreed at 10:30 on one of the show's days, for a time later that day or the next.
    const day = 1 + (booked % days);
    const at = localInstant(editionDayDate(edition.startsOn, day - 1), 630, edition.timezone);
    const clock = { clock: { now: () => at } };
    const places = await freePlacesForPair(tx, clock, edition.id, sme.id, buyer.id);
    const place = places[Math.min(places.length - 1, Math.floor(random() * 4))];
    if (!place) continue;
    const proposedBy = random() < 0.5 ? ("sme" as const) : ("buyer" as const);
    const row = { editionId: edition.id, smeParticipantId: sme.id, buyerParticipantId: buyer.id, proposedBy, day: place.day, startMinute: place.startMinute, place: place.place, tableNo: place.tableNo, createdAt: at, decidedAt: new Date(at.getTime() + 4 * 60_000) };
    if (booked === CONFIRMED) {
      await tx.insert(walkUps).values({ ...row, status: "declined" });
      booked++;
      continue;
    }
    const done = await bookWalkUpMeeting(tx, { clock: { now: () => row.decidedAt } }, { editionId: edition.id, smeId: sme.id, buyerId: buyer.id, requestedBy: proposedBy, day: place.day, startMinute: place.startMinute, uid: `walkup-${booked + 1}-${edition.id}@numaish` });
    if (!done.ok) continue;
    await tx.insert(walkUps).values({ ...row, place: done.meeting.place, tableNo: done.meeting.tableNo, status: "confirmed", meetingId: done.meeting.id });
    booked++;
  }
  return booked;
}
