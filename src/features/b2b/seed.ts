import type { Executor } from "../../platform/db/types";
import { editionDayCount, editionDayDate } from "../editions/days";
import type { editions } from "../editions/tables";
import { localInstant } from "./core/slots";
import { b2bProgrammes } from "./tables";

type Edition = typeof editions.$inferSelect;

const DAY_MS = 86_400_000;

/** The demo's B2B programme of an edition (idempotent: an edition that has one keeps it). Every
 *  day 10:00–13:00 and 14:30–17:30 local time, 20-minute slots, 40 lounge tables, meetings at
 *  stalls allowed, interpreters ur 4 / en 4 / zh 2. The window opens a month before the show (or
 *  yesterday, for an edition seeded with the window open) and closes the day before the first
 *  meeting at 17:00, so organisers can try requesting and scheduling on next year's edition. */
export async function seedB2bDemo(tx: Executor, edition: Edition, now: Date) {
  const dayCount = editionDayCount(edition);
  const closes = localInstant(editionDayDate(edition.startsOn, -1), 17 * 60, edition.timezone);
  const monthBefore = localInstant(editionDayDate(edition.startsOn, -30), 9 * 60, edition.timezone);
  const opens = closes > now ? new Date(Math.min(monthBefore.getTime(), now.getTime() - DAY_MS)) : monthBefore;
  await tx
    .insert(b2bProgrammes)
    .values({
      editionId: edition.id,
      enabled: true,
      windowOpensAt: opens,
      windowClosesAt: closes,
      days: Array.from({ length: dayCount }, (_, i) => ({ day: i + 1, sessions: [{ start: 600, end: 780 }, { start: 870, end: 1050 }] })),
      breaks: [],
      slotMinutes: 20,
      loungeTables: 40,
      stallMeetings: true,
      interpreters: { ur: 4, en: 4, zh: 2 },
      maxMeetingsPerDay: 8,
      maxRequestsSent: 20,
      requestDirection: "both",
      requestExpiryDays: 3,
      updatedAt: now,
    })
    .onConflictDoNothing();
}
