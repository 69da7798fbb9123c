// Changes after publication, timed: a participant cancels one meeting (status, sequence, the
// change's record, emails queued, audit: one transaction), a request accepted late is placed by
// the scheduler's repair over the whole published schedule (engine + writes + emails), and the
// participant's "my meetings" read (the page's server time).
//
//   npm run bench:repair                         embedded database (PGlite, in memory)
//   DATABASE_URL=postgres://… npm run bench:repair
//   options: --smes 80 --buyers 80 --per 8 --runs 60
//
// Method: the demo is seeded; the 2026 show gets a programme of 2 days × 18 slots with 40 lounge
// tables, SMEs and buyers, accepted requests, and a published schedule written straight into
// b2b_meetings (each pair in the first slot free for both and a table). The clock is fixed before
// the show, so nothing is frozen. Each figure is one JSON line: p50/p95/max in ms.
import "../../src/wiring";
import os from "node:os";
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { seedDemo } from "../../src/features/demo/seed-demo";
import { enterprises } from "../../src/features/editions/enterprise-tables";
import { editions } from "../../src/features/editions/tables";
import { insertApprovedRegistration } from "../../src/features/checkin/fixtures";
import { b2bMeetings, b2bParticipants, b2bProgrammes, b2bRequests } from "../../src/features/b2b/tables";
import { cancelMeeting, myMeetings } from "../../src/features/b2b/operations/meetings";
import { placeLateRequest } from "../../src/features/b2b/operations/repair";
import { hashSecret } from "../../src/platform/ids";
import { fixedClock } from "../../src/platform/clock";
import { loadConfig } from "../../src/platform/config";
import { inTransaction, type Ctx } from "../../src/platform/context";
import { anonymous } from "../../src/platform/permissions/actor";
import { openBenchDb, pct } from "../lib/database";

const { values: args } = parseArgs({
  options: { smes: { type: "string", default: "80" }, buyers: { type: "string", default: "80" }, per: { type: "string", default: "8" }, runs: { type: "string", default: "60" } },
});
const SMES = Number(args.smes);
const BUYERS = Number(args.buyers);
const PER = Number(args.per);
const RUNS = Number(args.runs);

const summary = (name: string, ms: number[], extra: Record<string, unknown> = {}) => {
  const s = [...ms].sort((a, b) => a - b);
  return JSON.stringify({ bench: name, n: s.length, p50: +pct(s, 50).toFixed(1), p95: +pct(s, 95).toFixed(1), max: +(s.at(-1) ?? 0).toFixed(1), ...extra });
};

async function main() {
  const { database, label, cleanup } = await openBenchDb();
  try {
    await database.migrate();
    const db = database.db;
    await seedDemo(db, fixedClock("2025-11-01T09:00:00Z"), { accounts: false });
    const [edition] = await db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
    const editionId = edition!.id;
    await db.delete(b2bProgrammes).where(eq(b2bProgrammes.editionId, editionId));
    const day = { sessions: [{ start: 600, end: 780 }, { start: 870, end: 1050 }] };
    await db.insert(b2bProgrammes).values({ editionId, enabled: true, days: [{ day: 1, ...day }, { day: 2, ...day }], slotMinutes: 20, loungeTables: 40, stallMeetings: false, interpreters: {}, maxMeetingsPerDay: 8 });
    const slots = [1, 2].flatMap((d) => [...Array.from({ length: 9 }, (_, k) => 600 + 20 * k), ...Array.from({ length: 9 }, (_, k) => 870 + 20 * k)].map((m) => ({ day: d, start: m })));
    const firms = await db.select().from(enterprises).where(eq(enterprises.organiserId, edition!.organiserId)).limit(SMES);
    const sme: string[] = [];
    const buyer: string[] = [];
    for (const f of firms) {
      const [p] = await db.insert(b2bParticipants).values({ editionId, side: "sme", kind: "sme", enterpriseId: f.id, approved: true, optedIn: true }).returning();
      sme.push(p!.id);
    }
    for (let j = 0; j < BUYERS; j++) {
      const reg = await insertApprovedRegistration(db, editionId, { email: `bench-buyer${j}@example.com`, name: `Buyer ${j}` });
      const [p] = await db.insert(b2bParticipants).values({ editionId, side: "buyer", kind: "buyer_procurement", registrationId: reg.id, approved: true, optedIn: true, accessTokenHash: hashSecret(`bench-buyer-token-${j}-xxxxxxxx`) }).returning();
      buyer.push(p!.id);
    }
    // Requests: each SME with PER buyers; the first PER-1 scheduled, the last left for late placing.
    const busy = new Set<string>();
    const tableUse = new Map<string, number>();
    const meetings: (typeof b2bMeetings.$inferInsert)[] = [];
    const late: string[] = [];
    for (let i = 0; i < sme.length; i++) {
      for (let k = 0; k < PER; k++) {
        const j = (i * 7 + k * 13) % buyer.length;
        const [r] = await db.insert(b2bRequests).values({ editionId, smeParticipantId: sme[i]!, buyerParticipantId: buyer[j]!, requestedBy: "buyer", status: "accepted" }).returning().onConflictDoNothing();
        if (!r) continue;
        if (k === PER - 1) {
          late.push(r.id);
          continue;
        }
        const s = slots.find((x) => !busy.has(`${sme[i]}@${x.day}-${x.start}`) && !busy.has(`${buyer[j]}@${x.day}-${x.start}`) && (tableUse.get(`${x.day}-${x.start}`) ?? 0) < 40);
        if (!s) continue;
        const key = `${s.day}-${s.start}`;
        const table = (tableUse.get(key) ?? 0) + 1;
        tableUse.set(key, table);
        busy.add(`${sme[i]}@${key}`);
        busy.add(`${buyer[j]}@${key}`);
        meetings.push({ editionId, requestId: r.id, smeParticipantId: sme[i]!, buyerParticipantId: buyer[j]!, day: s.day, startMinute: s.start, place: "table", tableNo: table, uid: `${randomUUID()}@bench` });
      }
    }
    for (let k = 0; k < meetings.length; k += 500) await db.insert(b2bMeetings).values(meetings.slice(k, k + 500));
    const ctx: Ctx = { db, actor: anonymous, clock: fixedClock("2026-01-10T08:00:00Z"), config: loadConfig({ PUBLIC_URL: "http://numaish.bench", SEED_DEMO: "false" } as NodeJS.ProcessEnv), locale: "en" };
    const env = { db: label, meetings: meetings.length, participants: sme.length + buyer.length, cpus: os.cpus().length, load: os.loadavg().map((x) => +x.toFixed(2)) };

    // my meetings, by link, for buyers in turn
    const reads: number[] = [];
    for (let n = 0; n < RUNS; n++) {
      const j = n % buyer.length;
      const t0 = performance.now();
      await myMeetings(ctx, { token: `bench-buyer-token-${j}-xxxxxxxx` });
      reads.push(performance.now() - t0);
    }
    console.log(summary("b2b.my_meetings", reads, env));

    // one cancellation each
    const rows = await db.select().from(b2bMeetings).where(eq(b2bMeetings.editionId, editionId));
    const cancels: number[] = [];
    for (let n = 0; n < Math.min(RUNS, rows.length); n++) {
      const m = rows[(n * 37) % rows.length]!;
      const j = buyer.indexOf(m.buyerParticipantId);
      const t0 = performance.now();
      await cancelMeeting(ctx, { token: `bench-buyer-token-${j}-xxxxxxxx`, meetingId: m.id });
      cancels.push(performance.now() - t0);
    }
    console.log(summary("b2b.cancel_meeting", cancels, env));

    // a late request placed by the engine's repair (whole schedule in, one meeting out)
    const places: number[] = [];
    let placed = 0;
    for (const id of late.slice(0, RUNS)) {
      const t0 = performance.now();
      const r = await inTransaction(ctx, (tx) => placeLateRequest(tx, ctx, id));
      places.push(performance.now() - t0);
      if (r.placed) placed++;
    }
    console.log(summary("b2b.repair_late_request", places, { ...env, placed }));
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
