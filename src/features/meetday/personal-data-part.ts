import { and, eq, inArray, sql } from "drizzle-orm";
import { meetingIdsOfRegistrations } from "#features/b2b";
import { retentionDue, type PersonalDataPart } from "#features/editions";
import { meetingArrivals, meetingNoShows, meetingOutcomes, meetingScans, outcomeLinks } from "./tables";

/** The meeting day's part of a person's data (editions/personal-data-port.ts; provided by
 *  src/wiring.ts): their meeting check-ins, arrivals, no-shows and the outcomes and follow-ups of
 *  their meetings (buyer side). Anonymising keeps every outcome's stage, kind, value, currency,
 *  timeline and consent (the dashboard's figures) and removes the notes of both sides of their
 *  meetings (free text may name them), who entered them and the unanswered links. Outcome entries
 *  are otherwise never changed: the trigger lets only this through (migration 0027). Retention
 *  deletes an edition's meeting scans with its badge scans; arrivals stay (they are the figures). */
export const meetdayPersonalDataPart: PersonalDataPart = {
  name: "meetday",
  async export(db, subject) {
    const meetingIds = await meetingIdsOfRegistrations(db, subject.registrationIds);
    const scans = subject.registrationIds.length
      ? await db
          .select({ meetingId: meetingScans.meetingId, method: meetingScans.method, result: meetingScans.result, reason: meetingScans.reason, at: meetingScans.scannedAt })
          .from(meetingScans)
          .where(inArray(meetingScans.registrationId, [...subject.registrationIds]))
      : [];
    if (!meetingIds.length) return { scans, arrivals: [], noShows: [], outcomes: [] };
    const arrivals = await db.select({ meetingId: meetingArrivals.meetingId, method: meetingArrivals.method }).from(meetingArrivals).where(and(inArray(meetingArrivals.meetingId, meetingIds), eq(meetingArrivals.side, "buyer")));
    const noShows = await db.select({ meetingId: meetingNoShows.meetingId }).from(meetingNoShows).where(and(inArray(meetingNoShows.meetingId, meetingIds), eq(meetingNoShows.side, "buyer")));
    const outcomes = await db
      .select({ meetingId: meetingOutcomes.meetingId, stage: meetingOutcomes.stage, happened: meetingOutcomes.happened, kind: meetingOutcomes.kind, valueAmount: meetingOutcomes.valueAmount, currency: meetingOutcomes.currency, timeline: meetingOutcomes.timeline, followUpConsent: meetingOutcomes.followUpConsent, note: meetingOutcomes.note, createdAt: meetingOutcomes.createdAt })
      .from(meetingOutcomes)
      .where(and(inArray(meetingOutcomes.meetingId, meetingIds), eq(meetingOutcomes.side, "buyer")))
      .orderBy(meetingOutcomes.createdAt);
    return { scans, arrivals, noShows, outcomes };
  },
  async anonymise(tx, subject) {
    const meetingIds = await meetingIdsOfRegistrations(tx, subject.registrationIds);
    if (!meetingIds.length) return { outcomes: 0, outcomeLinks: 0 };
    // Transaction-local: the append-only trigger lets the note and its author go, nothing else.
    await tx.execute(sql`select set_config('numaish.anonymising', 'on', true)`);
    const outcomes = await tx
      .update(meetingOutcomes)
      .set({ note: "", byUserId: null })
      .where(and(inArray(meetingOutcomes.meetingId, meetingIds), sql`(${meetingOutcomes.note} <> '' or ${meetingOutcomes.byUserId} is not null)`))
      .returning({ id: meetingOutcomes.id });
    await tx.execute(sql`select set_config('numaish.anonymising', 'off', true)`);
    const links = await tx
      .update(outcomeLinks)
      .set({ tokenHash: null })
      .where(and(inArray(outcomeLinks.meetingId, meetingIds), eq(outcomeLinks.side, "buyer")))
      .returning({ id: outcomeLinks.meetingId });
    return { outcomes: outcomes.length, outcomeLinks: links.length };
  },
  async retention(tx, { edition, policy }, now) {
    if (!retentionDue(edition, policy.scanDays, now)) return { meetingScans: 0 };
    const deleted = await tx.delete(meetingScans).where(eq(meetingScans.editionId, edition.id)).returning({ id: meetingScans.id });
    return { meetingScans: deleted.length };
  },
};
