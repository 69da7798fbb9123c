// Gate scans: many gate phones scanning at once against the online scan operation, then the time
// to verify one badge offline with the scanner page's own code (WebCrypto, as in the browser).
//
//   npm run bench:checkin                           embedded database (PGlite, in memory)
//   DATABASE_URL=postgres://… npm run bench:checkin  a scratch database next to the one in the URL,
//                                                   dropped afterwards
//   options: --badges 4000 --scans 8000 --clients 16
//
// Method: the demo edition is seeded, `--badges` approved registrations get signed badges (bulk
// insert, signed with the edition key exactly as issueBadge does). Then `--clients` async loops
// each take the next scan from a shared queue and call recordScan (the same operation the API
// route calls: authorise, verify the Ed25519 signature, lock the registration row, read its badges
// and today's admissions, decide, insert the scan with its nonce). The queue: every badge once at
// a hall entrance (admitted), a quarter of them again at another hall (refused: already inside),
// and 5 % junk text (refused: unknown code), shuffled. Latency is per call, wall clock. The clock
// is moved to the first day of the edition. offlineVerifyMs: createWebVerifier (the page's code)
// over 2,000 distinct badges after warm-up, mean per badge. The last line is one JSON object.
import "../../src/wiring";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { eq, sql } from "drizzle-orm";
import { editionShortId } from "../../src/features/checkin/core/badge-code";
import { createWebVerifier } from "../../src/features/checkin/core/badge-verify-web";
import { editionPublicKeys, sealingKey, signingKey } from "../../src/features/checkin/keys";
import { recordScan } from "../../src/features/checkin/operations/scan";
import { gates, scans } from "../../src/features/checkin/tables";
import { loadConfig } from "../../src/platform/config";
import type { Ctx } from "../../src/platform/context";
import { openBenchDb } from "../lib/database";
import { latencyFigures, machine, runClients, shuffle } from "../lib/load";
import { registrationsWithBadges, seedShowDay } from "../lib/show";

const { values: args } = parseArgs({
  options: { badges: { type: "string", default: "4000" }, scans: { type: "string", default: "8000" }, clients: { type: "string", default: "16" } },
});
const BADGES = Number(args.badges);
const CLIENTS = Number(args.clients);

async function main() {
  const { database, label, cleanup } = await openBenchDb();
  try {
    await database.migrate();
    const db = database.db;
    // 10:00 at the venue on the first day, then real time passing.
    const { clock, edition, category } = await seedShowDay(db);
    // Without re-entry (the demo's halls allow it), so the repeat scans exercise "already inside".
    await db.update(gates).set({ reentryAllowed: false }).where(eq(gates.editionId, edition.id));
    const gateRows = await db.select().from(gates).where(eq(gates.editionId, edition.id));
    const halls = gateRows.filter((g) => g.zoneId === null);

    // Registrations and their badges, in bulk.
    const key = await signingKey(db, clock, edition.id, sealingKey(loadConfig()));
    const codes = (
      await registrationsWithBadges(db, { edition, category, key, now: clock.now(), count: BADGES, firstNumber: 10_000, person: (i) => ({ email: `bench${i}@example.pk`, name: `Visitor ${i}` }) })
    ).map((p) => p.code);

    const queue = shuffle([
      ...codes.map((code, i) => ({ code, gate: halls[i % halls.length]!.id })),
      ...codes.slice(0, Math.floor(BADGES / 4)).map((code, i) => ({ code, gate: halls[(i + 1) % halls.length]!.id })),
      ...Array.from({ length: Math.floor(BADGES / 20) }, () => ({ code: randomBytes(12).toString("hex"), gate: halls[0]!.id })),
    ]);
    const total = Math.min(queue.length, Number(args.scans));
    const ctx: Ctx = {
      db,
      clock,
      config: loadConfig({ SEED_DEMO: "false" } as NodeJS.ProcessEnv),
      locale: "en",
      actor: { kind: "user", userId: "00000000-0000-4000-8000-000000000001", email: "gate@bench", name: "Gate", grants: [{ role: "gate_staff", organiserId: edition.organiserId, tradeBodyId: null, enterpriseId: null }] },
    };
    // The scan inserts `scanned_by`, a user reference: the bench actor must exist.
    await db.execute(sql`insert into users (id, email, name, created_at) values ('00000000-0000-4000-8000-000000000001', 'gate@bench', 'Gate', now()) on conflict do nothing`);

    // Warm-up (connections, prepared plans, key import), not counted.
    for (let i = 0; i < 20; i++) await recordScan(ctx, { gateId: halls[0]!.id, code: "warm-up" });

    const cpu0 = process.cpuUsage();
    const { latencies, outcome, failures, seconds } = await runClients(queue, { clients: CLIENTS, total }, (item, c) => recordScan(ctx, { gateId: item.gate, code: item.code, deviceId: `bench-${c}` }));
    const cpu = process.cpuUsage(cpu0);
    // CPU time of this process (app side only, not PostgreSQL's) per scan: steadier than wall-clock
    // throughput on a shared machine.
    const nodeCpuMsPerScan = (cpu.user + cpu.system) / 1000 / total;
    const [{ stored }] = (await db.select({ stored: sql<number>`count(*)::int` }).from(scans)) as [{ stored: number }];

    // Offline: the scanner page's verifier over distinct badges.
    const verify = createWebVerifier(await editionPublicKeys(db, edition.id), editionShortId(edition.id));
    const sample = codes.slice(0, 2000);
    for (const c of sample.slice(0, 200)) await verify(c);
    const v0 = performance.now();
    let verified = 0;
    for (const c of sample) if ((await verify(c)).ok) verified++;
    const offlineVerifyMs = (performance.now() - v0) / sample.length;

    const result = {
      bench: "checkin",
      database: label,
      machine: machine(),
      clients: CLIENTS,
      scans: total,
      seconds: Number(seconds.toFixed(2)),
      perSecond: Math.round(total / seconds),
      ...latencyFigures(latencies),
      outcome,
      failures,
      storedScans: Number(stored) - 20,
      nodeCpuMsPerScan: Number(nodeCpuMsPerScan.toFixed(3)),
      offlineVerifyMs: Number(offlineVerifyMs.toFixed(3)),
      offlineVerified: `${verified}/${sample.length}`,
    };
    console.log(`${label}: ${total} scans by ${CLIENTS} clients in ${result.seconds} s = ${result.perSecond}/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms; outcomes ${JSON.stringify(outcome)}`);
    console.log(`offline verify (scanner page code, WebCrypto in Node): ${result.offlineVerifyMs} ms per badge`);
    console.log(JSON.stringify(result));
    if (failures > 0 || Number(stored) - 20 !== total) process.exitCode = 1;
  } finally {
    await cleanup();
  }
}

await main();
