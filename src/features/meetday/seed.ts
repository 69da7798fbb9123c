import { and, eq } from "drizzle-orm";
import type { Executor } from "../../platform/db/types";
import { seededRandom } from "../../platform/random";
import { localInstant } from "#features/b2b";
import { b2bMeetings, b2bParticipants } from "#features/b2b";
import { editionDayDate } from "#features/editions";
import type { Edition } from "#features/editions";
import { followUpDates, isPositive, type OutcomeKind } from "./core/outcomes";
import { seedWalkUpDemo } from "./seed-walkups";
import { meetdaySettings, meetingArrivals, meetingNoShows, meetingOutcomes, outcomeLinks } from "./tables";

// The 2026 show's meeting day as it happened (issue #14, item 9), once its days are over and its
// schedule published: a 10-minute no-show rule; a handful of walk-up meetings; arrivals at ~85 % of meetings, one side absent at
// ~13 % and both at ~2 %; outcomes from both sides (each answers ~3 times in 4) with values;
// follow-ups owed for positive outcomes and ~45 % of the 30-day ones answered. Links are marked
// sent and reminded, so the runner emails nobody about the past. Deterministic; once per edition.

const DAY_MS = 86_400_000;
const kindsWeighted: [OutcomeKind, number][] = [
  ["no_interest", 14],
  ["information_exchanged", 30],
  ["follow_up_planned", 18],
  ["samples_requested", 10],
  ["quotation_requested", 10],
  ["purchase_order", 5],
  ["subcontracting_agreement", 4],
  ["mou", 3],
  ["investment_discussion", 4],
  ["other", 2],
];
const valued = new Set<OutcomeKind>(["quotation_requested", "purchase_order", "subcontracting_agreement", "mou", "investment_discussion", "samples_requested"]);

export async function seedMeetdayDemo(tx: Executor, edition: Edition, now: Date): Promise<{ seeded: boolean; meetings: number }> {
  if (localInstant(edition.endsOn, 24 * 60, edition.timezone) > now) return { seeded: false, meetings: 0 };
  const scheduled = () =>
    tx
      .select({ m: b2bMeetings, buyerKind: b2bParticipants.kind })
      .from(b2bMeetings)
      .innerJoin(b2bParticipants, eq(b2bParticipants.id, b2bMeetings.buyerParticipantId))
      .where(and(eq(b2bMeetings.editionId, edition.id), eq(b2bMeetings.status, "scheduled")));
  if ((await scheduled()).length === 0) return { seeded: false, meetings: 0 };
  const first = await tx.insert(meetdaySettings).values({ editionId: edition.id, noShowMinutes: 10, updatedAt: now }).onConflictDoNothing().returning();
  if (first.length === 0) return { seeded: false, meetings: 0 };
  // A handful of walk-up meetings agreed during the show (seed-walkups.ts); they are met like the rest.
  await seedWalkUpDemo(tx, edition);
  const meetings = await scheduled();
  const random = seededRandom(2026_14);
  const pickKind = (): OutcomeKind => {
    let r = random() * 100;
    for (const [k, w] of kindsWeighted) if ((r -= w) < 0) return k;
    return "other";
  };
  const arrivals: (typeof meetingArrivals.$inferInsert)[] = [];
  const noShows: (typeof meetingNoShows.$inferInsert)[] = [];
  const outcomes: (typeof meetingOutcomes.$inferInsert)[] = [];
  const links: (typeof outcomeLinks.$inferInsert)[] = [];
  const dates = followUpDates(edition.endsOn);
  const due = { d30: localInstant(dates.d30, 600, edition.timezone), m6: localInstant(dates.m6, 600, edition.timezone) };
  const sent = (at: Date) => (at <= now ? { sentAt: at, remindedAt: new Date(Math.min(at.getTime() + 7 * DAY_MS, now.getTime())) } : {});
  for (const { m, buyerKind } of meetings.sort((a, b) => a.m.uid.localeCompare(b.m.uid))) {
    const start = localInstant(editionDayDate(edition.startsOn, m.day - 1), m.startMinute, edition.timezone);
    const end = new Date(start.getTime() + 20 * 60_000);
    const r = random();
    const absent: ("sme" | "buyer")[] = r < 0.02 ? ["sme", "buyer"] : r < 0.15 ? [random() < 0.7 ? "buyer" : "sme"] : [];
    for (const side of ["sme", "buyer"] as const) {
      if (absent.includes(side)) {
        noShows.push({ meetingId: m.id, side, editionId: edition.id, participantId: side === "sme" ? m.smeParticipantId : m.buyerParticipantId, markedAt: new Date(start.getTime() + 10 * 60_000), otherTold: absent.length === 1 });
      } else {
        arrivals.push({ meetingId: m.id, side, editionId: edition.id, at: new Date(start.getTime() + Math.round((random() * 11 - 3) * 60_000)), method: random() < 0.8 ? "scan" : "both_here" });
      }
    }
    // The present side of a half-kept meeting was asked too (and reminded), and did not answer.
    if (absent.length === 1) {
      const side = absent[0] === "sme" ? "buyer" : "sme";
      links.push({ meetingId: m.id, side, stage: "meeting", editionId: edition.id, dueAt: end, ...sent(end) });
    }
    if (absent.length) continue;
    // One outcome for the meeting, told by each side in its own words (now and then they differ).
    const kind = pickKind();
    const foreign = buyerKind === "foreign_mission" || buyerKind === "investor";
    const value = valued.has(kind) ? Math.round((foreign ? 5_000 + random() * 120_000 : 200_000 + random() * 9_800_000) / 1000) * 1000 : null;
    for (const side of ["sme", "buyer"] as const) {
      const answered = random() < 0.75;
      const at = new Date(end.getTime() + Math.round(random() * 3 * DAY_MS));
      links.push({ meetingId: m.id, side, stage: "meeting", editionId: edition.id, dueAt: end, ...sent(end), answeredAt: answered ? at : null });
      if (!answered) continue;
      const ownKind = random() < 0.1 ? pickKind() : kind;
      const timeline = isPositive(ownKind) ? (["within_3_months", "3_to_6_months", "6_to_12_months"] as const)[Math.floor(random() * 3)]! : null;
      const consent = random() < 0.7;
      outcomes.push({
        editionId: edition.id,
        meetingId: m.id,
        side,
        stage: "meeting",
        happened: true,
        kind: ownKind,
        valueAmount: value && valued.has(ownKind) ? value : null,
        currency: value && valued.has(ownKind) ? (foreign ? "USD" : "PKR") : null,
        timeline,
        followUpConsent: consent,
        note: "",
        createdAt: at,
      });
      if (!isPositive(ownKind)) continue;
      const d30Answer = due.d30 <= now && random() < 0.45;
      const d30At = new Date(due.d30.getTime() + Math.round(random() * 6 * DAY_MS));
      const state = d30Answer ? (["no_further_contact", "negotiation_started", "negotiation_started", "order_placed", "agreement_reached", "investment_made"] as const)[Math.floor(random() * 6)]! : null;
      // A side that said no to follow-up contact is not asked again (operations/outcome-mail.ts).
      // Its draws above are still made, so the rest of the demo stays as it was.
      if (!consent) continue;
      links.push({ meetingId: m.id, side, stage: "d30", editionId: edition.id, dueAt: due.d30, ...sent(due.d30), answeredAt: d30Answer ? d30At : null });
      links.push({ meetingId: m.id, side, stage: "m6", editionId: edition.id, dueAt: due.m6, ...sent(due.m6) });
      if (state) {
        const withValue = state === "order_placed" || state === "agreement_reached" || state === "investment_made";
        outcomes.push({ editionId: edition.id, meetingId: m.id, side, stage: "d30", happened: true, kind: state, valueAmount: withValue && value ? Math.round(value * 0.6) : null, currency: withValue && value ? (foreign ? "USD" : "PKR") : null, followUpConsent: true, note: "", createdAt: d30At });
      }
    }
  }
  for (const [table, rows] of [[meetingArrivals, arrivals], [meetingNoShows, noShows], [meetingOutcomes, outcomes], [outcomeLinks, links]] as const) {
    for (let i = 0; i < rows.length; i += 2000) await tx.insert(table).values(rows.slice(i, i + 2000) as never);
  }
  return { seeded: true, meetings: meetings.length };
}
