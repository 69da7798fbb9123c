import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { actorFor, ctxFor, demo, openTestDb, type TestDb } from "../../../tests/support/db";
import { fixedClock } from "../../platform/clock";
import { rowsOf } from "../../platform/db/rows";
import { seededRandom } from "../../platform/random";
import { b2bMeetings, b2bParticipants, b2bProfiles, b2bProgrammes, b2bRequests } from "../b2b/tables";
import { demoEditionIds, insertApprovedRegistration } from "../checkin/fixtures";
import { enterprises } from "../editions/enterprise-tables";
import { figures, type MeetingFact } from "./core/figures";
import { outcomeDashboard } from "./operations/organiser";
import { meetingArrivals, meetingNoShows, meetingOutcomes } from "./tables";

// The outcome dashboard adds up in the database (operations/dashboard-sums.ts); this checks it
// against the figures' rules in memory (core/figures.ts) over one fact per meeting, each read by
// its own look-ups (the dashboard's former query, kept here as the reference): the demo's
// meetings given every state (arrivals, no-shows, answers of one side, of both, corrected, "did
// not happen", values in two currencies, 30-day conversions), some walk-up, one cancelled.

let t: TestDb;
let editionId: string;

type FactRow = {
  walk_up: boolean;
  both_arrived: boolean;
  no_show: boolean;
  sme_happened: boolean | null;
  sme_kind: string | null;
  sme_value: string | number | null;
  sme_currency: string | null;
  buyer_happened: boolean | null;
  buyer_kind: string | null;
  buyer_value: string | number | null;
  buyer_currency: string | null;
  converted: boolean;
  sector: string | null;
  cluster: string | null;
  province: string | null;
  size: string | null;
  women_led: boolean | null;
  buyer_kind_of: string;
  country: string | null;
};

const latest = (side: "sme" | "buyer") =>
  sql.raw(`left join lateral (select o.happened, o.kind, o.value_amount, o.currency from meetday_outcomes o where o.meeting_id = m.id and o.side = '${side}' and o.stage = 'meeting' order by o.created_at desc limit 1) ${side}_o on true`);

async function referenceFacts(kind: "all" | "planned" | "walk_up"): Promise<(MeetingFact & { walkUp: boolean })[]> {
  const rows = rowsOf<FactRow>(
    await t.db.execute(sql`
      select
        m.kind = 'walk_up' as walk_up,
        (select count(*) from meetday_arrivals a where a.meeting_id = m.id) = 2 as both_arrived,
        exists (select 1 from meetday_no_shows n where n.meeting_id = m.id) as no_show,
        sme_o.happened as sme_happened, sme_o.kind as sme_kind, sme_o.value_amount as sme_value, sme_o.currency as sme_currency,
        buyer_o.happened as buyer_happened, buyer_o.kind as buyer_kind, buyer_o.value_amount as buyer_value, buyer_o.currency as buyer_currency,
        exists (select 1 from meetday_outcomes o where o.meeting_id = m.id and o.stage in ('d30', 'm6') and o.kind in ('order_placed', 'agreement_reached', 'investment_made')) as converted,
        sec.code as sector, en.cluster_slug as cluster, en.province, en.size_class as size, en.women_led, bp.kind as buyer_kind_of, prof.country
      from b2b_meetings m
        join b2b_participants sp on sp.id = m.sme_participant_id
        left join enterprises en on en.id = sp.enterprise_id
        left join clusters cl on cl.edition_id = m.edition_id and cl.slug = en.cluster_slug
        left join sectors sec on sec.id = cl.sector_id
        join b2b_participants bp on bp.id = m.buyer_participant_id
        left join b2b_profiles prof on prof.participant_id = bp.id
        ${latest("sme")}
        ${latest("buyer")}
      where m.edition_id = ${editionId} and m.status = 'scheduled' ${kind === "all" ? sql`` : sql`and m.kind = ${kind}`}`),
  );
  return rows.map((r) => {
    const noShow = !!r.no_show;
    const said = r.sme_happened ?? r.buyer_happened;
    const held = !noShow && (!!r.both_arrived || r.sme_happened === true || r.buyer_happened === true) && said !== false;
    const smeValue = r.sme_value != null && r.sme_currency ? { amount: Number(r.sme_value), currency: r.sme_currency } : null;
    const buyerValue = r.buyer_value != null && r.buyer_currency ? { amount: Number(r.buyer_value), currency: r.buyer_currency } : null;
    return {
      walkUp: !!r.walk_up,
      held,
      noShow,
      kind: r.sme_kind ?? r.buyer_kind,
      value: smeValue ?? buyerValue,
      converted: !!r.converted,
      groups: { sector: r.sector ?? "", cluster: r.cluster ?? "", province: r.province ?? "", size: r.size ?? "", womenLed: r.women_led == null ? "" : r.women_led ? "yes" : "no", buyerKind: r.buyer_kind_of, country: r.country ?? "" },
    };
  });
}

beforeAll(async () => {
  t = await openTestDb();
  const { edition } = await demoEditionIds(t.db);
  editionId = edition.id;
  const random = seededRandom(14);
  // A programme of its own: 6 exhibitors of the demo (their clusters, provinces, sizes), 8 buyers of
  // three kinds, some with a country; every pair meets once, at the stall.
  await t.db.delete(b2bRequests).where(eq(b2bRequests.editionId, editionId));
  await t.db.delete(b2bParticipants).where(eq(b2bParticipants.editionId, editionId));
  await t.db.delete(b2bProgrammes).where(eq(b2bProgrammes.editionId, editionId));
  await t.db.insert(b2bProgrammes).values({ editionId, enabled: true, days: [{ day: 1, sessions: [{ start: 540, end: 1080 }] }], slotMinutes: 20, loungeTables: 0, stallMeetings: true });
  const firms = await t.db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.organiserId, edition.organiserId)).limit(6);
  const smes = await t.db.insert(b2bParticipants).values(firms.map((f) => ({ editionId, side: "sme" as const, kind: "sme" as const, enterpriseId: f.id, approved: true, optedIn: true }))).returning();
  const buyers = [];
  for (let j = 0; j < 8; j++) {
    const reg = await insertApprovedRegistration(t.db, editionId, { email: `dash-buyer${j}@example.pk` });
    const [b] = await t.db.insert(b2bParticipants).values({ editionId, side: "buyer", kind: (["buyer_procurement", "investor", "bank"] as const)[j % 3]!, registrationId: reg.id, approved: true, optedIn: true }).returning();
    if (j % 2 === 0) await t.db.insert(b2bProfiles).values({ participantId: b!.id, country: j % 4 === 0 ? "PK" : "AE" });
    buyers.push(b!);
  }
  for (const [i, s] of smes.entries())
    for (const [j, b] of buyers.entries()) {
      const [r] = await t.db.insert(b2bRequests).values({ editionId, smeParticipantId: s.id, buyerParticipantId: b.id, requestedBy: "buyer", status: "accepted" }).returning();
      await t.db.insert(b2bMeetings).values({ editionId, requestId: r!.id, smeParticipantId: s.id, buyerParticipantId: b.id, day: 1, startMinute: 540 + ((i + j) % 27) * 20, place: "stall", uid: `dash-${i}-${j}@numaish.test` });
    }
  const meetings = await t.db.select().from(b2bMeetings).where(eq(b2bMeetings.editionId, editionId));
  const pick = <T>(a: readonly T[]) => a[Math.floor(random() * a.length)]!;
  const kinds = ["no_interest", "information_exchanged", "follow_up_planned", "samples_requested", "purchase_order", "mou", null] as const;
  const at = (minutes: number) => new Date(Date.parse("2026-01-24T12:00:00Z") + minutes * 60_000);
  for (const [i, m] of meetings.entries()) {
    if (i === 0) {
      await t.db.update(b2bMeetings).set({ status: "cancelled" }).where(eq(b2bMeetings.id, m.id));
      continue;
    }
    if (i % 4 === 1) await t.db.update(b2bMeetings).set({ kind: "walk_up" }).where(eq(b2bMeetings.id, m.id));
    const r = random();
    if (r < 0.15) await t.db.insert(meetingNoShows).values({ meetingId: m.id, side: "buyer", editionId, participantId: m.buyerParticipantId, markedAt: at(0) }).onConflictDoNothing();
    else {
      const sides = r < 0.6 ? (["sme", "buyer"] as const) : r < 0.8 ? (["sme"] as const) : ([] as const);
      for (const side of sides) await t.db.insert(meetingArrivals).values({ meetingId: m.id, side, editionId, at: at(0), method: "scan" }).onConflictDoNothing();
    }
    // Answers: none, one side, both; some corrected later, some "did not happen", values in PKR or USD.
    for (const side of ["sme", "buyer"] as const) {
      const entries = Math.floor(random() * 3);
      for (let k = 0; k < entries; k++) {
        const happened = random() > 0.15;
        const kind = happened ? pick(kinds) : null;
        const valued = happened && random() < 0.4;
        await t.db.insert(meetingOutcomes).values({ editionId, meetingId: m.id, side, stage: "meeting", happened, kind, valueAmount: valued ? Math.floor(random() * 1e7) : null, currency: valued ? pick(["PKR", "USD"]) : null, createdAt: at(10 + k * 60 + (side === "sme" ? 1 : 2)) });
      }
    }
    if (random() < 0.25) await t.db.insert(meetingOutcomes).values({ editionId, meetingId: m.id, side: pick(["sme", "buyer"]), stage: pick(["d30", "m6"]), happened: true, kind: pick(["order_placed", "negotiation_started", "investment_made"]), createdAt: at(50_000) });
  }
}, 60_000);
afterAll(async () => t?.close());

describe(`outcome dashboard sums (${process.env.NUMAISH_TEST_DB ?? "pglite"})`, () => {
  it("the database's sums are the figures of one fact per meeting, open and published, for every kind of meeting", async () => {
    const organiser = ctxFor(t.db, await actorFor(t.db, demo.organiser), "en", fixedClock("2026-03-01T05:00:00Z"));
    for (const kind of ["all", "planned", "walk_up"] as const) {
      const facts = await referenceFacts(kind);
      expect(facts.length).toBeGreaterThan(kind === "walk_up" ? 3 : 10);
      for (const published of [false, true]) {
        const dash = await outcomeDashboard(organiser, { editionId, kind, published });
        const expected = figures(facts, { published });
        expect({ total: dash.total, tables: dash.tables, hiddenCells: dash.hiddenCells }).toEqual({ total: expected.total, tables: expected.tables, hiddenCells: expected.hiddenCells });
        expect(dash.funnel).toMatchObject({ scheduled: facts.length, held: expected.total.held, noShow: expected.total.noShow, walkUp: facts.filter((f) => f.walkUp).length });
      }
    }
    // Enough variety that the comparison means something.
    const all = await referenceFacts("all");
    expect(all.some((f) => f.held && f.value)).toBe(true);
    expect(all.some((f) => f.converted)).toBe(true);
    expect(all.some((f) => f.noShow)).toBe(true);
    expect(new Set(all.filter((f) => f.value).map((f) => f.value!.currency)).size).toBe(2);
    // By sector too (issue #14, item 6): the exhibitors' clusters' sectors, more than one.
    expect(new Set(all.map((f) => f.groups.sector).filter((s) => s !== "")).size).toBeGreaterThan(1);
    const bySector = (await outcomeDashboard(organiser, { editionId, kind: "all", published: false })).tables.find((x) => x.dimension === "sector");
    expect(bySector?.rows.filter((r) => r.key !== "unknown").length).toBeGreaterThan(1);
  });
});
