// The demo's B2B matchmaking (issue #11, item 9): seeded as a first start after the 2026 show
// would (the suite's snapshot is seeded before the show, with both programmes empty), the 2026
// show has every exhibitor and ~150 buyers of every kind with profiles, ~1,200 requests (most
// accepted, one per pair, none over the sending cap) and a published schedule over its three days
// that the database accepted (no double booking, tables and interpreters within the programme);
// next year's edition is open with a few participants and pending requests to try.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import { fixedClock } from "../../platform/clock";
import { openTestDb, type TestDb } from "../../../tests/support/db";
import { seedDemo } from "../demo/seed-demo";
import { enterprises } from "../editions/enterprise-tables";
import { editions } from "../editions/tables";
import { generateDemoEnterprises } from "../catalogue/seed-data";
import { badges } from "../checkin/tables";
import { b2bMeetings, b2bParticipants, b2bProfiles, b2bProgrammes, b2bRequests, b2bRunPlacements, b2bRuns } from "./tables";

const AFTER_THE_SHOW = fixedClock("2026-12-04T06:00:00Z");

let t: TestDb;
let y2026: string;
let y2027: string;
beforeAll(async () => {
  t = await openTestDb();
  const idOf = async (slug: string) => (await t.db.select().from(editions).where(eq(editions.slug, slug)))[0]!.id;
  y2026 = await idOf("showcase-2026");
  y2027 = await idOf("sme-showcase-2027");
  const started = performance.now();
  await seedDemo(t.db, AFTER_THE_SHOW, { accounts: false });
  console.log(`demo seed after the show (footfall and B2B): ${((performance.now() - started) / 1000).toFixed(2)} s`);
}, 240_000);
afterAll(async () => t?.close());

const participantsOf = (editionId: string) => t.db.select().from(b2bParticipants).where(eq(b2bParticipants.editionId, editionId));

const counts = async () => ({
  participants: (await t.db.select({ n: sql<number>`count(*)::int` }).from(b2bParticipants))[0]!.n,
  profiles: (await t.db.select({ n: sql<number>`count(*)::int` }).from(b2bProfiles))[0]!.n,
  requests: (await t.db.select({ n: sql<number>`count(*)::int` }).from(b2bRequests))[0]!.n,
  runs: (await t.db.select({ n: sql<number>`count(*)::int` }).from(b2bRuns))[0]!.n,
  meetings: (await t.db.select({ n: sql<number>`count(*)::int` }).from(b2bMeetings))[0]!.n,
  badges: (await t.db.select({ n: sql<number>`count(*)::int` }).from(badges))[0]!.n,
});

describe("the demo's B2B matchmaking", () => {
  it("is not seeded before the 2026 window closes: the tests' snapshot keeps both programmes empty", async () => {
    const fresh = await openTestDb();
    try {
      expect((await fresh.db.select({ n: sql<number>`count(*)::int` }).from(b2bParticipants))[0]!.n).toBe(0);
    } finally {
      await fresh.close();
    }
  });

  it("has every 2026 exhibitor on the SME side, approved and opted in, with a profile; ~40 % host at their stall; some profiles to chase", async () => {
    const smes = (await participantsOf(y2026)).filter((p) => p.side === "sme");
    expect(smes.length).toBe(170);
    expect(smes.every((p) => p.approved && p.optedIn && p.kind === "sme" && p.enterpriseId)).toBe(true);
    const atStall = smes.filter((p) => p.hostsAtStall).length / smes.length;
    expect(atStall).toBeGreaterThan(0.3);
    expect(atStall).toBeLessThan(0.5);
    const profiles = await t.db.select().from(b2bProfiles).where(inArray(b2bProfiles.participantId, smes.map((p) => p.id)));
    expect(profiles.length).toBe(170);
    expect(profiles.every((p) => p.hsCodes.length > 0)).toBe(true);
    const incomplete = profiles.filter((p) => p.completeness < 60).length;
    expect(incomplete).toBeGreaterThanOrEqual(10);
    expect(incomplete).toBeLessThanOrEqual(30);
    expect(profiles.filter((p) => p.languages.includes("zh")).length).toBeGreaterThan(0);
  });

  it("has ~150 buyer-side people of all five kinds, approved registrations of trade categories, with profiles; missions from several countries and one delegation", async () => {
    const buyers = (await participantsOf(y2026)).filter((p) => p.side === "buyer");
    expect(buyers.length).toBeGreaterThanOrEqual(140);
    expect(buyers.length).toBeLessThanOrEqual(160);
    expect(new Set(buyers.map((b) => b.kind))).toEqual(new Set(["buyer_procurement", "investor", "bank", "development_partner", "foreign_mission"]));
    expect(buyers.every((b) => b.approved && b.optedIn && b.registrationId)).toBe(true);
    const profiles = await t.db.select().from(b2bProfiles).where(inArray(b2bProfiles.participantId, buyers.map((p) => p.id)));
    expect(profiles.length).toBe(buyers.length);
    const missions = profiles.filter((p) => buyers.find((b) => b.id === p.participantId)!.kind === "foreign_mission");
    expect(new Set(missions.map((m) => m.country)).size).toBeGreaterThanOrEqual(6);
    for (const c of ["CN", "TR", "AE", "SA", "DE", "GB"]) expect(missions.some((m) => m.country === c)).toBe(true);
    const led = buyers.filter((b) => b.delegationLeaderId);
    expect(led.length).toBe(6);
    expect(new Set(led.map((b) => b.delegationLeaderId)).size).toBe(1);
    expect(buyers.some((b) => b.id === led[0]!.delegationLeaderId)).toBe(true);
    const rows = await t.db.execute(sql`select c.code, r.status from registrations r join visitor_categories c on c.id = r.category_id join b2b_participants p on p.registration_id = r.id where p.edition_id = ${y2026}`);
    const regs = ((rows as unknown as { rows?: unknown[] }).rows ?? rows) as { code: string; status: string }[];
    expect(regs.every((r) => r.status === "approved" && ["corporate_buyer", "procurement_head", "financial_institution", "development_partner", "foreign_mission"].includes(r.code))).toBe(true);
  });

  it("has ≥ 1,000 requests, ≥ 80 % accepted, one per pair, none over the sending cap, between participants of the edition", async () => {
    // The requests of the schedule's time; a walk-up meeting agreed at the show (meetday's demo) brings its own.
    const walkUp = new Set((await t.db.select().from(b2bMeetings).where(and(eq(b2bMeetings.editionId, y2026), eq(b2bMeetings.kind, "walk_up")))).map((m) => m.requestId));
    const requests = (await t.db.select().from(b2bRequests).where(eq(b2bRequests.editionId, y2026))).filter((r) => !walkUp.has(r.id));
    expect(requests.length).toBeGreaterThanOrEqual(1000);
    expect(requests.length).toBeLessThanOrEqual(1400);
    expect(requests.filter((r) => r.status === "accepted").length / requests.length).toBeGreaterThanOrEqual(0.8);
    expect(requests.some((r) => r.status === "pending")).toBe(true);
    expect(requests.some((r) => r.status === "declined")).toBe(true);
    expect(new Set(requests.map((r) => `${r.smeParticipantId}|${r.buyerParticipantId}`)).size).toBe(requests.length);
    const sent = new Map<string, number>();
    for (const r of requests) {
      const sender = r.requestedBy === "sme" ? r.smeParticipantId : r.buyerParticipantId;
      sent.set(sender, (sent.get(sender) ?? 0) + 1);
    }
    const [programme] = await t.db.select().from(b2bProgrammes).where(eq(b2bProgrammes.editionId, y2026));
    expect(Math.max(...sent.values())).toBeLessThanOrEqual(programme!.maxRequestsSent);
    expect(requests.some((r) => r.requestedBy === "sme")).toBe(true);
    expect(requests.some((r) => r.priority === "must")).toBe(true);
    expect(requests.every((r) => r.createdAt >= programme!.windowOpensAt! && r.createdAt < programme!.windowClosesAt!)).toBe(true);
  });

  it("has a published schedule over the three days: accepted requests only, nobody twice in a slot, tables within the lounge, stall meetings, zh/ur/en interpreters within the programme", async () => {
    const [run] = await t.db.select().from(b2bRuns).where(eq(b2bRuns.editionId, y2026));
    expect(run).toMatchObject({ status: "done" });
    expect(run!.publishedAt).not.toBeNull();
    const meetings = await t.db.select().from(b2bMeetings).where(and(eq(b2bMeetings.editionId, y2026), eq(b2bMeetings.kind, "planned")));
    const placements = await t.db.select().from(b2bRunPlacements).where(eq(b2bRunPlacements.runId, run!.id));
    expect(placements.length).toBe(meetings.length);
    const accepted = await t.db.select().from(b2bRequests).where(and(eq(b2bRequests.editionId, y2026), eq(b2bRequests.status, "accepted")));
    expect(meetings.length).toBeGreaterThan(0.85 * accepted.length);
    const acceptedIds = new Set(accepted.map((r) => r.id));
    expect(meetings.every((m) => acceptedIds.has(m.requestId) && m.status === "scheduled" && m.sequence === 0 && m.uid.endsWith("@numaish") && m.runId === run!.id)).toBe(true);
    expect(new Set(meetings.map((m) => m.day))).toEqual(new Set([1, 2, 3]));
    const once = (key: (m: (typeof meetings)[number]) => string, list = meetings) => new Set(list.map(key)).size === list.length;
    expect(once((m) => `${m.smeParticipantId}|${m.day}|${m.startMinute}`)).toBe(true);
    expect(once((m) => `${m.buyerParticipantId}|${m.day}|${m.startMinute}`)).toBe(true);
    const atTables = meetings.filter((m) => m.place === "table");
    expect(once((m) => `${m.day}|${m.startMinute}|${m.tableNo}`, atTables)).toBe(true);
    expect(atTables.every((m) => m.tableNo! >= 1 && m.tableNo! <= 40)).toBe(true);
    const stalls = meetings.filter((m) => m.place === "stall");
    expect(stalls.length).toBeGreaterThan(0);
    const hosts = new Set((await participantsOf(y2026)).filter((p) => p.hostsAtStall).map((p) => p.id));
    expect(stalls.every((m) => hosts.has(m.smeParticipantId))).toBe(true);
    for (const lang of ["zh", "ur", "en"]) expect(meetings.some((m) => m.interpreterLanguage === lang)).toBe(true);
    const perSlot = new Map<string, number>();
    for (const m of meetings) if (m.interpreterLanguage) perSlot.set(`${m.day}|${m.startMinute}|${m.interpreterLanguage}`, (perSlot.get(`${m.day}|${m.startMinute}|${m.interpreterLanguage}`) ?? 0) + 1);
    const cap: Record<string, number> = { ur: 4, en: 4, zh: 2 };
    expect([...perSlot].every(([k, n]) => n <= cap[k.split("|")[2]!]!)).toBe(true);
    const perDay = new Map<string, number>();
    for (const m of meetings) for (const p of [m.smeParticipantId, m.buyerParticipantId]) perDay.set(`${p}|${m.day}`, (perDay.get(`${p}|${m.day}`) ?? 0) + 1);
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(8);
  });

  it("opens next year's matchmaking to try: a few participants of both sides with profiles, pending requests to the demo exhibitor, no schedule", async () => {
    const people = await participantsOf(y2027);
    expect(people.filter((p) => p.side === "sme").length).toBe(6);
    expect(people.filter((p) => p.side === "buyer").length).toBe(6);
    expect((await t.db.select().from(b2bProfiles).where(inArray(b2bProfiles.participantId, people.map((p) => p.id)))).length).toBe(12);
    const [own] = await t.db.select().from(enterprises).where(eq(enterprises.slug, generateDemoEnterprises()[0]!.slug));
    const exhibitor = people.find((p) => p.enterpriseId === own!.id)!;
    const requests = await t.db.select().from(b2bRequests).where(eq(b2bRequests.editionId, y2027));
    const toExhibitor = requests.filter((r) => r.smeParticipantId === exhibitor.id && r.requestedBy === "buyer" && r.status === "pending");
    expect(toExhibitor.length).toBe(3);
    expect(toExhibitor.every((r) => r.expiresAt! > AFTER_THE_SHOW.now())).toBe(true);
    expect(requests.some((r) => r.status === "accepted")).toBe(true);
    expect((await t.db.select().from(b2bRuns).where(eq(b2bRuns.editionId, y2027))).length).toBe(0);
    const [programme] = await t.db.select().from(b2bProgrammes).where(eq(b2bProgrammes.editionId, y2027));
    expect(programme!.enabled).toBe(true);
    expect(programme!.windowOpensAt! <= AFTER_THE_SHOW.now() && AFTER_THE_SHOW.now() < programme!.windowClosesAt!).toBe(true);
  });

  it("is idempotent: seeding again adds nothing", async () => {
    const before = await counts();
    await seedDemo(t.db, fixedClock("2026-12-20T06:00:00Z"), { accounts: false });
    expect(await counts()).toEqual(before);
  });
});

// The buyer side's badges (seed-badges.ts): approved registrations hold a badge, so a seeded buyer
// passes the gate and checks in at its meeting like anyone registered through the app.
describe("the demo's buyer-side people", () => {
  it("each holds a current badge signed with the edition's key; one passes the gate on the first day and checks in at its meeting", async () => {
    const { actorFor, ctxFor, demo } = await import("../../../tests/support/db");
    const { gates } = await import("../checkin/tables");
    const { verifyBadge, editionShortId } = await import("../checkin/core/badge-code");
    const { editionPublicKeys } = await import("../checkin/keys");
    const { recordScan } = await import("../checkin/operations/scan");
    const { scanAtMeeting } = await import("../meetday/operations/checkin");
    const { meetingArrivals, meetingNoShows } = await import("../meetday/tables");
    const { registrations } = await import("../registration/tables");
    for (const editionId of [y2026, y2027]) {
      const buyers = (await participantsOf(editionId)).filter((p) => p.side === "buyer");
      expect(buyers.length).toBeGreaterThan(0);
      const regs = await t.db.select().from(registrations).where(inArray(registrations.id, buyers.map((b) => b.registrationId!)));
      const held = await t.db.select().from(badges).where(inArray(badges.registrationId, regs.map((r) => r.id)));
      expect(held.length).toBe(buyers.length);
      const keys = await editionPublicKeys(t.db, editionId);
      for (const reg of regs) {
        expect(reg.status).toBe("approved");
        const badge = held.find((b) => b.registrationId === reg.id)!;
        expect(badge).toMatchObject({ serial: 0, registrationNo: reg.number, revokedAt: null, replacedAt: null, issuedAt: reg.decidedAt });
        const v = verifyBadge(badge.code, keys, editionShortId(editionId));
        expect(v.ok && v.payload.registrationNo === reg.number && v.payload.days === 0b111).toBe(true);
      }
    }

    // A buyer the meeting day marked absent from a meeting of the first day: its badge opens the
    // hall's gate that morning and checks it in at that meeting.
    const [absent] = await t.db
      .select({ m: b2bMeetings })
      .from(b2bMeetings)
      .innerJoin(meetingNoShows, and(eq(meetingNoShows.meetingId, b2bMeetings.id), eq(meetingNoShows.side, "buyer")))
      .where(and(eq(b2bMeetings.editionId, y2026), eq(b2bMeetings.day, 1), eq(b2bMeetings.status, "scheduled"), eq(b2bMeetings.kind, "planned")))
      .orderBy(b2bMeetings.startMinute)
      .limit(1);
    const meeting = absent!.m;
    const [buyer] = await t.db.select().from(b2bParticipants).where(eq(b2bParticipants.id, meeting.buyerParticipantId));
    const [badge] = await t.db.select().from(badges).where(eq(badges.registrationId, buyer!.registrationId!));
    const [gate] = await t.db.select().from(gates).where(and(eq(gates.editionId, y2026), eq(gates.code, "hall1")));
    // 10:00 and the meeting's start, Lahore time, on 24 January 2026.
    const at = (minute: number) => fixedClock(new Date(Date.UTC(2026, 0, 24, 0, minute - 5 * 60)));
    const gateStaff = await actorFor(t.db, demo.gate);
    expect(await recordScan(ctxFor(t.db, gateStaff, "en", at(600)), { gateId: gate!.id, code: badge!.code })).toMatchObject({ result: "admit", reason: "ok" });
    const arrived = await scanAtMeeting(ctxFor(t.db, gateStaff, "en", at(meeting.startMinute)), { meetingId: meeting.id, code: badge!.code });
    expect(arrived).toMatchObject({ result: "arrived", reason: "ok", side: "buyer" });
    expect(await t.db.select().from(meetingArrivals).where(and(eq(meetingArrivals.meetingId, meeting.id), eq(meetingArrivals.side, "buyer")))).toHaveLength(1);
  });
});

// The meeting day's part of the demo (issue #14, src/features/meetday/seed.ts), on the same seeding.
describe("the demo's meeting day", () => {
  it("has check-ins, ~15 % no-shows, outcomes from both sides with values and 30-day follow-ups; the runner owes nobody an email", async () => {
    const { meetdayDemoFigures } = await import("../meetday/seed-check");
    const f = await meetdayDemoFigures(t.db, y2026, AFTER_THE_SHOW);
    console.log(`meeting-day demo: ${JSON.stringify(f)}`);
    expect(f.meetings).toBeGreaterThan(100);
    expect(f.noShowShare).toBeGreaterThan(0.1);
    expect(f.noShowShare).toBeLessThan(0.2);
    expect(f.sidesAnswered).toEqual({ sme: expect.any(Number), buyer: expect.any(Number) });
    expect(f.sidesAnswered.sme).toBeGreaterThan(0);
    expect(f.sidesAnswered.buyer).toBeGreaterThan(0);
    expect(f.withValue).toBeGreaterThan(0);
    expect(f.d30Answers).toBeGreaterThan(0);
    expect(f.sweep).toEqual({ marked: 0, told: 0, limited: 0, owed: 0, sent: 0, reminded: 0 });
    expect(f.reseedSeconds).toBeLessThan(30);
    // A handful of walk-up meetings agreed at the show (meetday/seed-walkups.ts).
    expect((await t.db.select().from(b2bMeetings).where(and(eq(b2bMeetings.editionId, y2026), eq(b2bMeetings.kind, "walk_up")))).length).toBeGreaterThanOrEqual(5);
  });
});

// The stall leads' part of the demo (issue #14, item 7, src/features/leads/seed.ts), on the same seeding.
describe("the demo's stall leads", () => {
  it("has leads with and without the visitors' consent, and the demo exhibitor sees both; organisers see counts", async () => {
    const { actorFor, ctxFor, demo } = await import("../../../tests/support/db");
    const { ownLeads } = await import("../leads/operations/own-leads");
    const { leadCounts } = await import("../leads/operations/organiser");
    const mine = await ownLeads(ctxFor(t.db, await actorFor(t.db, demo.exhibitor), "en", AFTER_THE_SHOW), { editionId: y2026 });
    expect(mine.counts.shared).toBeGreaterThan(0);
    expect(mine.counts.notShared).toBeGreaterThan(0);
    const counts = await leadCounts(ctxFor(t.db, await actorFor(t.db, demo.organiser), "en", AFTER_THE_SHOW), { editionId: y2026 });
    console.log(`stall leads demo: ${JSON.stringify(counts.totals)}`);
    expect(counts.totals.shared).toBeGreaterThan(0);
    expect(counts.totals.pending).toBeGreaterThan(0);
  });
});

// The baseline's later rounds in the demo (issue #15, item 9, src/features/baseline/seed-rounds.ts), on the same seeding.
describe("the demo's baseline rounds", () => {
  it("has the 2026 follow-up answered by most exhibitors and 2027 answers to compare with; the record shows rounds and meetings; the sweep owes no email; reseeding adds nothing", async () => {
    const { actorFor, ctxFor, demo } = await import("../../../tests/support/db");
    const { baselineDashboard } = await import("../baseline/operations/dashboard");
    const { enterpriseRecord, ownRecord } = await import("../baseline/operations/record");
    const { seedBaselineDemo } = await import("../baseline/seed");
    const { baselineResponses } = await import("../baseline/tables");
    const org = ctxFor(t.db, await actorFor(t.db, demo.organiser), "en", AFTER_THE_SHOW);
    const d2026 = await baselineDashboard(org, { editionId: y2026 });
    expect(d2026.followUp.status).toBe("open");
    const share = d2026.followUp.progress.submitted / d2026.progress.submitted;
    console.log(`baseline demo: ${d2026.progress.submitted} baselines, ${d2026.followUp.progress.submitted} follow-ups (${Math.round(share * 100)} %)`);
    expect(share).toBeGreaterThan(0.7);
    expect(share).toBeLessThan(0.95);
    const scores = d2026.followUp.summary.find((s) => s.code === "score.export")!;
    expect(scores.cells.every((c) => c.value !== null)).toBe(true);
    const d2027 = await baselineDashboard(org, { editionId: y2027 });
    expect(d2027.comparison.other?.id).toBe(y2026);
    const compared = d2027.comparison.summary!.find((s) => s.code === "score.export")!;
    expect(compared.cells.map((c) => c.firms! > 30)).toEqual([true, true]);
    const me = ctxFor(t.db, await actorFor(t.db, demo.exhibitor), "en", AFTER_THE_SHOW);
    const own = await ownRecord(me);
    const mine2026 = own.editions.find((e) => e.edition.id === y2026)!;
    expect(mine2026.stalls.length).toBe(1);
    expect(mine2026.meetings.length).toBeGreaterThan(0);
    expect(mine2026.meetings.flatMap((m) => m.outcomes).every((o) => o.side === "sme")).toBe(true);
    const asOrganiser = (await enterpriseRecord(org, { enterpriseId: own.enterprise.id })).editions.find((e) => e.edition.id === y2026)!;
    expect(asOrganiser.meetings.length).toBe(mine2026.meetings.length);
    const { followUpSweep } = await import("../baseline/operations/follow-up");
    expect(await followUpSweep(ctxFor(t.db, undefined, "en", AFTER_THE_SHOW))).toEqual({ opened: 0, reminded: 0 });
    const count = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(baselineResponses))[0]!.n;
    const before = await count();
    await seedBaselineDemo(t.db, y2026, y2027, AFTER_THE_SHOW.now());
    expect(await count()).toBe(before);
  });
});
