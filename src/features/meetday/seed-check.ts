import { eq, sql } from "drizzle-orm";
import type { Clock } from "../../platform/clock";
import { anonymous } from "../../platform/permissions/actor";
import { loadConfig } from "../../platform/config";
import type { Db } from "../../platform/db/types";
import { editions } from "#features/editions";
import { meetdaySweep } from "./operations/runner";
import { seedMeetdayDemo } from "./seed";
import { meetdaySettings, meetingArrivals, meetingNoShows, meetingOutcomes, outcomeLinks } from "./tables";

// For the demo's tests (b2b/seed.db.test.ts): the meeting day's figures on a seeded edition, what
// the runner would do on it, and the time the meeting-day seed takes when run again from scratch.

export async function meetdayDemoFigures(db: Db, editionId: string, clock: Clock) {
  const count = async (q: Promise<{ n: number }[]>) => Number((await q)[0]!.n);
  const n = sql<number>`count(*)::int`;
  const meetings = await count(db.select({ n: sql<number>`count(distinct meeting_id)::int` }).from(meetingArrivals).where(eq(meetingArrivals.editionId, editionId)).then(async (a) => [{ n: a[0]!.n }]));
  const noShowMeetings = await count(db.select({ n: sql<number>`count(distinct meeting_id)::int` }).from(meetingNoShows).where(eq(meetingNoShows.editionId, editionId)));
  const total = await count(db.execute(sql`select count(*)::int as n from b2b_meetings where edition_id = ${editionId} and status = 'scheduled'`).then((r) => ((r as { rows?: { n: number }[] }).rows ?? (r as unknown as { n: number }[]))));
  const bySide = await db.select({ side: meetingOutcomes.side, n }).from(meetingOutcomes).where(sql`${meetingOutcomes.editionId} = ${editionId} and ${meetingOutcomes.stage} = 'meeting'`).groupBy(meetingOutcomes.side);
  const withValue = await count(db.select({ n }).from(meetingOutcomes).where(sql`${meetingOutcomes.editionId} = ${editionId} and ${meetingOutcomes.valueAmount} is not null`));
  const d30Answers = await count(db.select({ n }).from(meetingOutcomes).where(sql`${meetingOutcomes.editionId} = ${editionId} and ${meetingOutcomes.stage} = 'd30'`));
  const ctx = { db, clock, config: loadConfig({ PUBLIC_URL: "http://numaish.test", SEED_DEMO: "false" } as NodeJS.ProcessEnv), actor: anonymous, locale: "en" as const };
  const sweep = await meetdaySweep(ctx);
  // Seeded again from scratch: the time the meeting-day seed adds to the demo.
  const [edition] = await db.select().from(editions).where(eq(editions.id, editionId));
  const started = performance.now();
  await db.transaction(async (tx) => {
    for (const table of [outcomeLinks, meetingOutcomes, meetingNoShows, meetingArrivals, meetdaySettings]) await tx.delete(table).where(eq(table.editionId, editionId));
    await seedMeetdayDemo(tx, edition!, clock.now());
  });
  const reseedSeconds = Number(((performance.now() - started) / 1000).toFixed(2));
  return {
    meetings: total,
    checkedIn: meetings,
    noShowShare: total ? noShowMeetings / total : 0,
    sidesAnswered: Object.fromEntries(bySide.map((r) => [r.side, Number(r.n)])) as { sme: number; buyer: number },
    withValue,
    d30Answers,
    sweep,
    reseedSeconds,
  };
}
