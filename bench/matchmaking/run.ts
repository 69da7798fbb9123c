// B2B scheduling run end to end on the database (issue #11, "Speed"): 2,000 participants and 15,000
// accepted requests, loaded from the database, scheduled by the engine in a worker thread while the
// run's LP upper bound is solved, and the placements and summary written back; then publishing
// that run (15,000 meetings written, one email queued per participant).
//
//   DATABASE_URL=postgres://… npm run bench:matchmaking   (TEST_DATABASE_URL works too) a scratch
//                                                         database next to the one named, dropped
//   npm run bench:matchmaking                             embedded database (PGlite, in memory)
//   options: --participants 2000 --requests 15000 --seed 1
//
// Instance (seeded): half exhibitors, half buyer side. Three days of 10:00–13:00 and 14:30–17:30
// in 20-minute slots (54 slots), at most 8 meetings a day, 200 lounge tables, 60 % of exhibitors
// host at their stall; 10 % of buyers speak only Chinese or Arabic (interpreters zh 6, ar 4 per
// slot). Exhibitors request buyers with Zipf-skewed popularity (s = 0.6), no pair twice; a quarter
// are "must meet" (weight 2). Output: JSON lines {name, ms, placed, weight, bound, ratio, …}.
import "../../src/wiring";
import os from "node:os";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { seedDemo } from "../../src/features/demo/seed-demo";
import { enterprises } from "../../src/features/editions/enterprise-tables";
import { editions, visitorCategories } from "../../src/features/editions/tables";
import { registrations } from "../../src/features/registration/tables";
import { publishRun } from "../../src/features/b2b/operations/runs-publish";
import { startRun } from "../../src/features/b2b/operations/runs";
import { runQueuedRuns } from "../../src/features/b2b/run-worker";
import type { RunSummary } from "../../src/features/b2b/core/run-input";
import { b2bMeetings, b2bParticipants, b2bProfiles, b2bProgrammes, b2bRequests, b2bRuns } from "../../src/features/b2b/tables";
import { users } from "../../src/platform/auth/tables";
import { actorForUser } from "../../src/features/accounts/grants";
import type { Clock } from "../../src/platform/clock";
import { loadConfig } from "../../src/platform/config";
import type { Ctx } from "../../src/platform/context";
import { seededRandom } from "../../src/platform/random";
import { openBenchDb } from "../lib/database";

const { values: args } = parseArgs({
  options: { participants: { type: "string", default: "2000" }, requests: { type: "string", default: "15000" }, seed: { type: "string", default: "1" } },
});
const P = Number(args.participants);
const R = Number(args.requests);
// process.env stores what it is given as text: assigning undefined would leave the string "undefined".
if (process.env.TEST_DATABASE_URL) process.env.DATABASE_URL ??= process.env.TEST_DATABASE_URL;

const say = (s: string) => process.stderr.write(`${s}\n`);
const line = (o: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(o)}\n`);

async function main() {
  const { database, label, cleanup } = await openBenchDb();
  try {
    await database.migrate();
    const db = database.db;
    const clock: Clock = { now: () => new Date() };
    say(`seeding the demo on ${label}…`);
    await seedDemo(db, clock, { accounts: true });
    const [edition] = await db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
    const editionId = edition!.id;
    const [category] = await db.select().from(visitorCategories).where(eq(visitorCategories.editionId, editionId)).limit(1);
    const [organiser] = await db.select().from(users).where(eq(users.email, "organiser@demo.numaish.pk"));
    const ctx: Ctx = { db, actor: await actorForUser(db, organiser!), clock, config: loadConfig(), locale: "en" };

    // A fresh B2B programme for the edition.
    await db.delete(b2bParticipants).where(eq(b2bParticipants.editionId, editionId));
    const days = [1, 2, 3].map((day) => ({ day, sessions: [{ start: 600, end: 780 }, { start: 870, end: 1050 }] }));
    const programme = { editionId, enabled: true, days, breaks: [], slotMinutes: 20, loungeTables: 200, stallMeetings: true, interpreters: { zh: 6, ar: 4 }, maxMeetingsPerDay: 8 };
    await db.delete(b2bProgrammes).where(eq(b2bProgrammes.editionId, editionId));
    await db.insert(b2bProgrammes).values(programme);

    say(`generating ${P} participants and ${R} accepted requests…`);
    const rnd = seededRandom(Number(args.seed));
    const nSme = Math.floor(P / 2);
    const nBuyer = P - nSme;
    const smeIds: string[] = [];
    const buyerIds: string[] = [];
    const now = clock.now();
    for (let i = 0; i < nSme; i += 500) {
      const n = Math.min(500, nSme - i);
      const firms = await db
        .insert(enterprises)
        .values(Array.from({ length: n }, (_, k) => ({ organiserId: edition!.organiserId, slug: `bench-${i + k}`, nameEn: `Bench Enterprise ${i + k}`, ntn: `B${String(i + k).padStart(7, "0")}`, sizeClass: "small" as const })))
        .returning({ id: enterprises.id });
      const parts = await db
        .insert(b2bParticipants)
        .values(firms.map((f) => ({ editionId, side: "sme" as const, kind: "sme" as const, enterpriseId: f.id, approved: true, optedIn: true, hostsAtStall: rnd() < 0.6 })))
        .returning({ id: b2bParticipants.id });
      smeIds.push(...parts.map((p) => p.id));
    }
    for (let i = 0; i < nBuyer; i += 500) {
      const n = Math.min(500, nBuyer - i);
      const regs = await db
        .insert(registrations)
        .values(
          Array.from({ length: n }, (_, k) => ({
            editionId,
            number: 900_000 + i + k,
            categoryId: category!.id,
            email: `bench-buyer-${i + k}@example.com`,
            name: `Bench Buyer ${i + k}`,
            status: "approved" as const,
            days: [0, 1, 2],
            consentData: true,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .returning({ id: registrations.id });
      const parts = await db
        .insert(b2bParticipants)
        .values(regs.map((r) => ({ editionId, side: "buyer" as const, kind: "buyer_procurement" as const, registrationId: r.id, approved: true, optedIn: true })))
        .returning({ id: b2bParticipants.id });
      buyerIds.push(...parts.map((p) => p.id));
    }
    const profiles = [
      ...smeIds.map((id) => ({ participantId: id, languages: ["en", "ur"] })),
      ...buyerIds.map((id) => {
        const x = rnd();
        return { participantId: id, languages: x < 0.06 ? ["zh"] : x < 0.1 ? ["ar"] : ["en"] };
      }),
    ];
    for (let i = 0; i < profiles.length; i += 1000) await db.insert(b2bProfiles).values(profiles.slice(i, i + 1000));
    // Zipf-skewed buyer popularity; exhibitors spread their requests evenly.
    const w = buyerIds.map((_, k) => 1 / Math.pow(k + 1, 0.6));
    const total = w.reduce((a, b) => a + b, 0);
    const cdf: number[] = [];
    w.reduce((acc, x, k) => ((cdf[k] = (acc + x) / total), acc + x), 0);
    const pickBuyer = () => {
      const u = rnd();
      let lo = 0;
      let hi = cdf.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cdf[mid]! < u) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const pairs = new Set<string>();
    const rows: (typeof b2bRequests.$inferInsert)[] = [];
    while (rows.length < R) {
      const s = rows.length % nSme;
      const b = pickBuyer();
      const key = `${s}:${b}`;
      if (pairs.has(key)) continue;
      pairs.add(key);
      rows.push({ editionId, smeParticipantId: smeIds[s]!, buyerParticipantId: buyerIds[b]!, requestedBy: "sme", status: "accepted", priority: rnd() < 0.25 ? "must" : "would_like", decidedAt: now, createdAt: now });
    }
    for (let i = 0; i < rows.length; i += 2000) await db.insert(b2bRequests).values(rows.slice(i, i + 2000));
    await db.delete(b2bMeetings).where(eq(b2bMeetings.editionId, editionId));

    say("running…");
    const load = os.loadavg().map((x) => Math.round(x * 100) / 100);
    const t0 = performance.now();
    const { run } = await startRun(ctx, { editionId });
    const ran = await runQueuedRuns(db, clock, "bench");
    const ms = Math.round(performance.now() - t0);
    const [done] = await db.select().from(b2bRuns).where(eq(b2bRuns.id, run.id));
    if (ran.length !== 1 || done!.status !== "done") throw new Error(`run ${done!.status}: ${done!.error}`);
    const s = done!.summary as unknown as RunSummary;
    line({
      name: "scheduling run (load, schedule, bound, write)",
      database: label,
      participants: P,
      requests: s.requests,
      ms,
      phasesMs: (done!.settings as { timingsMs?: unknown }).timingsMs,
      placed: s.placed,
      weight: s.weight,
      bound: s.bound,
      ratio: s.ratio,
      unplacedByReason: s.unplacedByReason,
      noMeeting: s.noMeeting.length,
      perParticipant: s.perParticipant,
      targetMs: 5000,
      targetRatio: 99.5,
      loadAverage: load,
      cpus: os.cpus().length,
    });

    const t1 = performance.now();
    const published = await publishRun(ctx, { runId: run.id });
    line({ name: "publish the run (meetings + emails, one transaction)", database: label, ms: Math.round(performance.now() - t1), ...published, loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100) });
  } finally {
    await cleanup();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
