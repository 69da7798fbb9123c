// The meeting day (issue #14): meeting check-in scans per second and their p99 with many lounge
// phones at once, then the organiser's outcome dashboard over 20,000 meetings (server time).
//
//   TEST_DATABASE_URL=postgres://… npm run bench:meetings   a scratch PostgreSQL database next to
//                                                          the one in the URL, dropped afterwards
//   (DATABASE_URL works the same; with neither, the embedded PGlite)
//   options: --meetings 20000 --scans 5000 --clients 16 --dashboards 10
//
// Method: the demo is seeded (clock: 10:00 on the show's first day), the 2026 edition's B2B data
// is replaced by a synthetic schedule: up to 200 exhibitors (each with one staff member holding a
// signed badge) and as many buyers (each a registration with a signed badge) as make `--meetings`
// meetings, every pair at most once, each participant at most once per slot (at the stall, so the
// lounge's table count does not limit it), 1 in 40 a walk-up meeting. Arrivals for ~72 % of
// meetings, a no-show for ~13 %, nobody yet for ~15 % (the check-in queue's), outcomes from both
// sides for half of those not missed, 30-day follow-ups for some. Check-in: `--clients`
// async loops take scans from a shared shuffled queue and call scanAtMeeting as lounge staff (the
// operation behind POST /api/v1/meetings/{id}/scan: verify the badge, lock the meeting, decide,
// record the scan with its nonce and the arrival): both sides of meetings with no arrival yet, 5 %
// a badge of another meeting (refused: not_in_meeting). Dashboard: outcomeDashboard as organiser
// staff, `--dashboards` times after one warm-up; server time per call, wall clock. Each result is
// one JSON line.
import "../../src/wiring";
import { parseArgs } from "node:util";
import { eq, sql } from "drizzle-orm";
import { b2bMeetings, b2bParticipants, b2bProgrammes, b2bRequests, b2bSmeStaff } from "../../src/features/b2b/tables";
import { sealingKey, signingKey } from "../../src/features/checkin/keys";
import { enterprises } from "../../src/features/editions/enterprise-tables";
import { scanAtMeeting } from "../../src/features/meetday/operations/checkin";
import { outcomeDashboard } from "../../src/features/meetday/operations/organiser";
import { meetingArrivals, meetingNoShows, meetingOutcomes } from "../../src/features/meetday/tables";
import { loadConfig } from "../../src/platform/config";
import type { Ctx } from "../../src/platform/context";
import { seededRandom } from "../../src/platform/random";
import { cpuMeter, openBenchDb, pct } from "../lib/database";
import { latencyFigures, machine, runClients, shuffle as shuffleWith } from "../lib/load";
import { registrationsWithBadges, seedShowDay } from "../lib/show";

const { values: args } = parseArgs({
  options: { meetings: { type: "string", default: "20000" }, scans: { type: "string", default: "5000" }, clients: { type: "string", default: "16" }, dashboards: { type: "string", default: "10" } },
});
const MEETINGS = Number(args.meetings);
const CLIENTS = Number(args.clients);
const random = seededRandom(14_2026);
const shuffle = <T>(a: T[]) => shuffleWith(a, random);

async function chunks<T>(rows: T[], write: (part: T[]) => Promise<unknown>, size = 1000) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

async function main() {
  // (Assigning undefined to process.env would store the text "undefined": PGlite needs it unset.)
  if (!process.env.DATABASE_URL && process.env.TEST_DATABASE_URL) process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
  const { database, label, cleanup } = await openBenchDb();
  try {
    await database.migrate();
    const db = database.db;
    const { clock, edition: e, category } = await seedShowDay(db);
    await db.delete(b2bRequests).where(eq(b2bRequests.editionId, e.id));
    await db.delete(b2bParticipants).where(eq(b2bParticipants.editionId, e.id));
    await db.delete(b2bProgrammes).where(eq(b2bProgrammes.editionId, e.id));
    await db.insert(b2bProgrammes).values({ editionId: e.id, enabled: true, days: [{ day: 1, sessions: [{ start: 540, end: 1080 }] }], slotMinutes: 20, loungeTables: 0, stallMeetings: true });
    const firms = await db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.organiserId, e.organiserId)).limit(200);
    const S = firms.length;
    const B = Math.ceil(MEETINGS / S);
    const slots = S + B; // (i + j) mod slots: one meeting per participant and slot

    // Registrations with signed badges: one staff member per exhibitor, one per buyer.
    const key = await signingKey(db, clock, e.id, sealingKey(loadConfig()));
    const now = clock.now();
    const people = await registrationsWithBadges(db, { edition: e, category, key, now, count: S + B, firstNumber: 50_000, person: (i) => ({ email: `meet${i}@example.pk`, name: `Person ${i}` }) });
    const smes = await db.insert(b2bParticipants).values(firms.map((f) => ({ editionId: e.id, side: "sme" as const, kind: "sme" as const, enterpriseId: f.id, approved: true, optedIn: true }))).returning({ id: b2bParticipants.id });
    await db.insert(b2bSmeStaff).values(smes.map((s, i) => ({ participantId: s.id, name: `Staff ${i}`, registrationId: people[i]!.id })));
    const buyers: { id: string }[] = [];
    await chunks(people.slice(S), async (part) => buyers.push(...(await db.insert(b2bParticipants).values(part.map((p) => ({ editionId: e.id, side: "buyer" as const, kind: "buyer_procurement" as const, registrationId: p.id, approved: true, optedIn: true }))).returning({ id: b2bParticipants.id }))));

    // The meetings: pair (i, j) in slot (i + j) mod slots, 09:00 on in 20-minute steps over days.
    const pairs: { i: number; j: number }[] = [];
    for (let j = 0; j < B && pairs.length < MEETINGS; j++) for (let i = 0; i < S && pairs.length < MEETINGS; i++) pairs.push({ i, j });
    const meetings: { id: string; i: number; j: number }[] = [];
    await chunks(pairs, async (part) => {
      const reqs = await db.insert(b2bRequests).values(part.map(({ i, j }) => ({ editionId: e.id, smeParticipantId: smes[i]!.id, buyerParticipantId: buyers[j]!.id, requestedBy: "buyer" as const, status: "accepted" as const }))).returning({ id: b2bRequests.id });
      const rows = await db
        .insert(b2bMeetings)
        .values(
          part.map(({ i, j }, k) => {
            const s = (i + j) % slots;
            return { editionId: e.id, requestId: reqs[k]!.id, smeParticipantId: smes[i]!.id, buyerParticipantId: buyers[j]!.id, day: 1 + Math.floor(s / 27), startMinute: 540 + (s % 27) * 20, place: "stall" as const, uid: `bench-${i}-${j}@numaish`, kind: (i + j) % 40 === 0 ? ("walk_up" as const) : ("planned" as const) };
          }),
        )
        .returning({ id: b2bMeetings.id });
      part.forEach(({ i, j }, k) => meetings.push({ id: rows[k]!.id, i, j }));
    });

    // What the meeting day left behind, for the dashboard: arrivals, no-shows, outcomes, follow-ups.
    const kinds = ["no_interest", "information_exchanged", "follow_up_planned", "samples_requested", "quotation_requested", "purchase_order", "mou"];
    const arrivals: (typeof meetingArrivals.$inferInsert)[] = [];
    const noShows: (typeof meetingNoShows.$inferInsert)[] = [];
    const outcomes: (typeof meetingOutcomes.$inferInsert)[] = [];
    const checkinPool: typeof meetings = [];
    for (const m of meetings) {
      const r = random();
      if (r < 0.13) noShows.push({ meetingId: m.id, side: "buyer", editionId: e.id, participantId: buyers[m.j]!.id, markedAt: now });
      else if (r < 0.85) for (const side of ["sme", "buyer"] as const) arrivals.push({ meetingId: m.id, side, editionId: e.id, at: now, method: "scan" });
      else checkinPool.push(m);
      if (r >= 0.13 && random() < 0.5) {
        const kind = kinds[Math.floor(random() * kinds.length)]!;
        for (const side of ["sme", "buyer"] as const) outcomes.push({ editionId: e.id, meetingId: m.id, side, stage: "meeting", happened: true, kind, valueAmount: kind === "purchase_order" ? 1_000_000 : null, currency: kind === "purchase_order" ? "PKR" : null, createdAt: now });
        if (kind === "purchase_order" || kind === "mou") outcomes.push({ editionId: e.id, meetingId: m.id, side: "sme", stage: "d30", happened: true, kind: "order_placed", createdAt: now });
      }
    }
    await chunks(arrivals, (p) => db.insert(meetingArrivals).values(p));
    await chunks(noShows, (p) => db.insert(meetingNoShows).values(p));
    await chunks(outcomes, (p) => db.insert(meetingOutcomes).values(p));
    await db.execute(sql`analyze`);

    // Check-in: lounge staff scanning both sides of the meetings nobody has arrived at yet.
    await db.execute(sql`insert into users (id, email, name, created_at) values ('00000000-0000-4000-8000-000000000014', 'lounge@bench', 'Lounge', now()) on conflict do nothing`);
    const base = { db, clock, config: loadConfig({ SEED_DEMO: "false" } as NodeJS.ProcessEnv), locale: "en" as const };
    const lounge: Ctx = { ...base, actor: { kind: "user", userId: "00000000-0000-4000-8000-000000000014", email: "lounge@bench", name: "Lounge", grants: [{ role: "gate_staff", organiserId: e.organiserId, tradeBodyId: null, enterpriseId: null }] } };
    const organiser: Ctx = { ...base, actor: { kind: "user", userId: "00000000-0000-4000-8000-000000000014", email: "lounge@bench", name: "Lounge", grants: [{ role: "organiser_staff", organiserId: e.organiserId, tradeBodyId: null, enterpriseId: null }] } };
    const wanted = Number(args.scans);
    const pool = checkinPool.slice(0, Math.ceil(wanted / 2));
    const queue = shuffle([
      ...pool.flatMap((m) => [
        { meetingId: m.id, code: people[m.i]!.code },
        { meetingId: m.id, code: people[S + m.j]!.code },
      ]),
      ...pool.slice(0, Math.floor(pool.length / 10)).map((m) => ({ meetingId: m.id, code: people[S + ((m.j + 1) % B)]!.code })),
    ]);
    const total = Math.min(queue.length, wanted);
    // Warm-up, every client at once (so the pool's connections exist before the CPU meter starts).
    for (let k = 0; k < 2; k++) await Promise.all(Array.from({ length: CLIENTS }, (_, i) => scanAtMeeting(lounge, { meetingId: meetings[i]!.id, code: "warm-up" })));
    const cpu = await cpuMeter(db, label === "postgres");
    const { latencies, outcome, failures, seconds } = await runClients(queue, { clients: CLIENTS, total }, (item, c) => scanAtMeeting(lounge, { ...item, deviceId: `bench-${c}` }));
    const used = await cpu();
    const checkin = {
      bench: "meetings.checkin",
      database: label,
      machine: machine(),
      clients: CLIENTS,
      scans: total,
      seconds: Number(seconds.toFixed(2)),
      perSecond: Math.round(total / seconds),
      ...latencyFigures(latencies),
      outcome,
      failures,
      // CPU per scan, this process and PostgreSQL's backends: what holds on a busy machine.
      nodeCpuMsPerScan: Number((used.nodeCpuMs / total).toFixed(3)),
      dbCpuMsPerScan: used.dbCpuMs === null ? null : Number((used.dbCpuMs / total).toFixed(3)),
    };
    console.log(JSON.stringify(checkin));

    // The dashboard over every meeting of the edition.
    await outcomeDashboard(organiser, { editionId: e.id });
    const times: number[] = [];
    const dashCpu = await cpuMeter(db, label === "postgres");
    let dash: Awaited<ReturnType<typeof outcomeDashboard>> | undefined;
    for (let k = 0; k < Number(args.dashboards); k++) {
      const s = performance.now();
      dash = await outcomeDashboard(organiser, { editionId: e.id });
      times.push(performance.now() - s);
    }
    const dashUsed = await dashCpu();
    times.sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        bench: "meetings.dashboard",
        database: label,
        machine: machine(),
        meetings: dash!.funnel.scheduled,
        walkUp: dash!.funnel.walkUp,
        held: dash!.funnel.held,
        calls: times.length,
        medianMs: Number(pct(times, 50).toFixed(1)),
        maxMs: Number((times.at(-1) ?? 0).toFixed(1)),
        nodeCpuMsPerCall: Number((dashUsed.nodeCpuMs / times.length).toFixed(1)),
        dbCpuMsPerCall: dashUsed.dbCpuMs === null ? null : Number((dashUsed.dbCpuMs / times.length).toFixed(1)),
      }),
    );
    if (failures > 0 || dash!.funnel.scheduled < MEETINGS) process.exitCode = 1;
  } finally {
    await cleanup();
  }
}

await main();
