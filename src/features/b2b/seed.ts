import { asc, eq } from "drizzle-orm";
import { users } from "../../platform/auth/tables";
import type { Executor } from "../../platform/db/types";
import { seededRandom } from "../../platform/random";
import { generateDemoEnterprises } from "#features/catalogue";
import { editionDayCount, editionDayDate } from "#features/editions";
import { enterprises } from "#features/editions";
import type { editions } from "#features/editions";
import { localInstant } from "./core/slots";
import { insertBuyers, insertExhibitors, insertRequests, selectedEnterpriseIds, type SeededSide } from "./seed-participants";
import { demoRequests, type SeedRequest } from "./seed-requests";
import { demoBuyerRoster, type DemoBuyer } from "./seed-roster";
import { DEMO_SCHEDULE_EFFORT, runDemoSchedule, scheduleInputFor, writePublishedRun } from "./seed-schedule";
import { b2bParticipants, b2bProgrammes } from "./tables";

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

const DEMO_ORGANISER = "organiser@demo.numaish.pk";

async function hasParticipants(tx: Executor, editionId: string) {
  return (await tx.select({ id: b2bParticipants.id }).from(b2bParticipants).where(eq(b2bParticipants.editionId, editionId)).limit(1)).length > 0;
}

async function organiserUserId(tx: Executor) {
  return (await tx.select({ id: users.id }).from(users).where(eq(users.email, DEMO_ORGANISER)))[0]?.id ?? null;
}

/**
 * The 2026 show's matchmaking as it happened (issue #11, item 9): every exhibitor with a profile
 * (one in ten half done), about 150 buyer-side people of every kind (foreign missions and a Chinese
 * delegation among them), about 1,200 requests drawn by profile fit (most accepted), and the
 * schedule the engine made of the accepted ones over the three days, published the evening the
 * window closed: lounge tables, stall meetings, Urdu, English and Chinese interpreters.
 *
 * Only once the edition's window has closed (`due`): a demo seeded earlier (the tests' snapshot,
 * seeded before the show) keeps its programme empty, for tests and organisers to fill. Idempotent:
 * an edition that has participants gets nothing. Deterministic but for the generated ids.
 */
export async function seedB2bDemoPeople(tx: Executor, edition: Edition, now: Date): Promise<{ due: boolean; created: boolean; participants: number; requests: number; meetings: number }> {
  const [programme] = await tx.select().from(b2bProgrammes).where(eq(b2bProgrammes.editionId, edition.id));
  const nothing = { due: false, created: false, participants: 0, requests: 0, meetings: 0 };
  if (!programme?.enabled || !programme.windowOpensAt || !programme.windowClosesAt || now < programme.windowClosesAt) return nothing;
  if (await hasParticipants(tx, edition.id)) return { ...nothing, due: true };
  const random = seededRandom(20260123);
  const opens = programme.windowOpensAt;
  const closes = programme.windowClosesAt;
  const by = await organiserUserId(tx);

  const enterpriseIds = await selectedEnterpriseIds(tx, edition.id, edition.organiserId);
  const smes = await insertExhibitors(tx, { editionId: edition.id, enterpriseIds, random, at: opens, incomplete: (i) => i % 10 === 7 });
  const buyers = await insertBuyers(tx, { editionId: edition.id, roster: demoBuyerRoster(random), at: new Date(opens.getTime() - 10 * DAY_MS), decidedBy: by });
  const requests = demoRequests(random, smes, buyers, programme.maxRequestsSent);
  const ids = await insertRequests(tx, { editionId: edition.id, requests, opens, closes, expiryDays: programme.requestExpiryDays, random });

  const accepted = requests.filter((r) => r.status === "accepted").map((r) => ({ id: ids.get(`${r.sme}|${r.buyer}`)!, sme: r.sme, buyer: r.buyer, priority: r.priority }));
  const people = [...smes, ...buyers].map((p) => ({ id: p.id, side: p.side, languages: p.speaks, hostsAtStall: p.hostsAtStall }));
  const { input, interpreter } = scheduleInputFor(programme, people, accepted);
  const output = runDemoSchedule(input, 2026);
  const written = await writePublishedRun(tx, {
    editionId: edition.id,
    output,
    requests: new Map(accepted.map((r) => [r.id, r])),
    interpreter,
    ranAt: new Date(closes.getTime() + 30 * 60_000),
    publishedAt: new Date(closes.getTime() + 60 * 60_000),
    by,
    effort: DEMO_SCHEDULE_EFFORT,
  });
  return { due: true, created: true, participants: people.length, requests: requests.length, meetings: written.meetings };
}

/**
 * Next year's matchmaking to try (the window is open): six exhibitors (the demo exhibitor's own
 * enterprise first) and six buyer-side people of every kind, with profiles; three buyers have asked
 * the demo exhibitor for a meeting (pending, to accept or decline), the exhibitor has asked a bank,
 * and four requests are accepted so an organiser can try a scheduling run. No schedule. Idempotent.
 */
export async function seedB2bDemoTryout(tx: Executor, edition: Edition, now: Date): Promise<{ created: boolean }> {
  const [programme] = await tx.select().from(b2bProgrammes).where(eq(b2bProgrammes.editionId, edition.id));
  if (!programme?.windowOpensAt || !programme.windowClosesAt || now < programme.windowOpensAt || now >= programme.windowClosesAt) return { created: false };
  if (await hasParticipants(tx, edition.id)) return { created: false };
  const random = seededRandom(20270122);
  const firms = await tx.select({ id: enterprises.id, slug: enterprises.slug }).from(enterprises).where(eq(enterprises.organiserId, edition.organiserId)).orderBy(asc(enterprises.slug));
  const own = generateDemoEnterprises()[0]!.slug;
  const first = firms.find((f) => f.slug === own);
  const others = firms.filter((f) => f.slug !== own);
  const enterpriseIds = [...(first ? [first.id] : []), ...[0.1, 0.3, 0.5, 0.7, 0.9].map((q) => others[Math.floor(q * others.length)]!.id)].slice(0, 6);
  if (enterpriseIds.length < 6) return { created: false };
  const opens = new Date(Math.max(programme.windowOpensAt.getTime(), now.getTime() - 2 * DAY_MS));
  const smes = await insertExhibitors(tx, { editionId: edition.id, enterpriseIds, random, at: opens, incomplete: () => false });

  const roster = demoBuyerRoster(seededRandom(20260123));
  const wanted = [
    roster.find((b) => b.kind === "buyer_procurement" && b.nameUr !== null && b.facts.languages.length > 0),
    roster.find((b) => b.kind === "buyer_procurement" && b.facts.languages.join() === "zh"),
    roster.find((b) => b.kind === "foreign_mission" && b.delegation === null),
    roster.find((b) => b.kind === "bank"),
    roster.find((b) => b.kind === "investor"),
    roster.find((b) => b.kind === "development_partner"),
  ].filter((b): b is DemoBuyer => b !== undefined);
  const buyers = await insertBuyers(tx, { editionId: edition.id, roster: wanted, at: new Date(opens.getTime() - DAY_MS), decidedBy: await organiserUserId(tx) });
  if (buyers.length < 6) return { created: true };
  const [s0, s1, s2, s3, s4, s5] = smes as [SeededSide, SeededSide, SeededSide, SeededSide, SeededSide, SeededSide];
  const [local, chinese, mission, bank, investor, partner] = buyers as [SeededSide, SeededSide, SeededSide, SeededSide, SeededSide, SeededSide];
  const request = (sme: SeededSide, buyer: SeededSide, requestedBy: "sme" | "buyer", status: "pending" | "accepted", priority: "must" | "would_like" = "would_like"): SeedRequest => ({
    sme: sme.id,
    buyer: buyer.id,
    requestedBy,
    priority,
    preferredDays: [],
    status,
    message: requestedBy === "buyer" ? "We would like to see your samples and discuss a trial order." : "We are looking for working capital for export orders; could we meet?",
    declineReason: null,
    at: status === "pending" ? 0.9 : 0.3,
  });
  const requests = [
    request(s0, local, "buyer", "pending", "must"),
    request(s0, chinese, "buyer", "pending"),
    request(s0, mission, "buyer", "pending"),
    request(s0, bank, "sme", "pending"),
    request(s1, local, "buyer", "accepted"),
    request(s2, chinese, "buyer", "accepted", "must"),
    request(s3, investor, "sme", "accepted"),
    request(s4, partner, "buyer", "accepted"),
    request(s5, mission, "sme", "pending"),
  ];
  await insertRequests(tx, { editionId: edition.id, requests, opens, closes: now, expiryDays: programme.requestExpiryDays, random });
  return { created: true };
}
