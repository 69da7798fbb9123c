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
import os from "node:os";
import { parseArgs } from "node:util";
import { eq, sql } from "drizzle-orm";
import { editionShortId, encodeBadge, epochDay } from "../../src/features/checkin/core/badge-code";
import { createWebVerifier } from "../../src/features/checkin/core/badge-verify-web";
import { editionPublicKeys, sealingKey, signingKey } from "../../src/features/checkin/keys";
import { recordScan } from "../../src/features/checkin/operations/scan";
import { badges, gates, scans } from "../../src/features/checkin/tables";
import { seedDemo } from "../../src/features/demo/seed-demo";
import { editions, visitorCategories } from "../../src/features/editions/tables";
import { registrations } from "../../src/features/registration/tables";
import type { Clock } from "../../src/platform/clock";
import { loadConfig } from "../../src/platform/config";
import type { Ctx } from "../../src/platform/context";
import { openBenchDb, pct } from "../lib/database";

const { values: args } = parseArgs({
  options: { badges: { type: "string", default: "4000" }, scans: { type: "string", default: "8000" }, clients: { type: "string", default: "16" } },
});
const BADGES = Number(args.badges);
const CLIENTS = Number(args.clients);


function shuffle<T>(a: T[]): T[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

async function main() {
  const { database, label, cleanup } = await openBenchDb();
  try {
    await database.migrate();
    const db = database.db;
    // 10:00 at the venue on the first day, then real time passing.
    const t0 = Date.now();
    const clock: Clock = { now: () => new Date(Date.parse("2026-01-24T05:00:00Z") + (Date.now() - t0)) };
    await seedDemo(db, clock, { accounts: false });
    const [edition] = await db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
    const [category] = await db.select().from(visitorCategories).where(eq(visitorCategories.editionId, edition!.id)).limit(1);
    // Without re-entry (the demo's halls allow it), so the repeat scans exercise "already inside".
    await db.update(gates).set({ reentryAllowed: false }).where(eq(gates.editionId, edition!.id));
    const gateRows = await db.select().from(gates).where(eq(gates.editionId, edition!.id));
    const halls = gateRows.filter((g) => g.zoneId === null);

    // Registrations and their badges, in bulk.
    const key = await signingKey(db, clock, edition!.id, sealingKey(loadConfig()));
    const now = clock.now();
    const codes: string[] = [];
    for (let i = 0; i < BADGES; i += 1000) {
      const rows = Array.from({ length: Math.min(1000, BADGES - i) }, (_, k) => ({
        editionId: edition!.id,
        number: 10_000 + i + k,
        categoryId: category!.id,
        email: `bench${i + k}@example.pk`,
        name: `Visitor ${i + k}`,
        status: "approved" as const,
        days: [0, 1, 2],
        consentData: true,
        createdAt: now,
        updatedAt: now,
      }));
      const inserted = await db.insert(registrations).values(rows).returning({ id: registrations.id, number: registrations.number });
      const badgeRows = inserted.map((r) => {
        const code = encodeBadge(
          { edition: editionShortId(edition!.id), registrationNo: r.number, category: category!.badgeIndex, days: 0b111, zones: 0, serial: 0, validFrom: epochDay(edition!.startsOn), validTo: epochDay(edition!.endsOn) },
          key.privateKey,
          key.keyId,
        );
        codes.push(code);
        return { editionId: edition!.id, registrationId: r.id, registrationNo: r.number, serial: 0, keyId: key.keyId, code, issuedAt: now };
      });
      await db.insert(badges).values(badgeRows);
    }

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
      actor: { kind: "user", userId: "00000000-0000-4000-8000-000000000001", email: "gate@bench", name: "Gate", grants: [{ role: "gate_staff", organiserId: edition!.organiserId, tradeBodyId: null, enterpriseId: null }] },
    };
    // The scan inserts `scanned_by`, a user reference: the bench actor must exist.
    await db.execute(sql`insert into users (id, email, name, created_at) values ('00000000-0000-4000-8000-000000000001', 'gate@bench', 'Gate', now()) on conflict do nothing`);

    // Warm-up (connections, prepared plans, key import), not counted.
    for (let i = 0; i < 20; i++) await recordScan(ctx, { gateId: halls[0]!.id, code: "warm-up" });

    const latencies: number[] = [];
    const outcome: Record<string, number> = {};
    let next = 0;
    let failures = 0;
    const started = performance.now();
    const cpu0 = process.cpuUsage();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        while (next < total) {
          const item = queue[next++]!;
          const s = performance.now();
          try {
            const r = await recordScan(ctx, { gateId: item.gate, code: item.code, deviceId: `bench-${c}` });
            outcome[r.reason] = (outcome[r.reason] ?? 0) + 1;
          } catch (e) {
            failures++;
            if (failures < 3) console.error(e);
          }
          latencies.push(performance.now() - s);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpu0);
    // CPU time of this process (app side only, not PostgreSQL's) per scan: steadier than wall-clock
    // throughput on a shared machine.
    const nodeCpuMsPerScan = (cpu.user + cpu.system) / 1000 / total;
    latencies.sort((a, b) => a - b);
    const [{ stored }] = (await db.select({ stored: sql<number>`count(*)::int` }).from(scans)) as [{ stored: number }];

    // Offline: the scanner page's verifier over distinct badges.
    const verify = createWebVerifier(await editionPublicKeys(db, edition!.id), editionShortId(edition!.id));
    const sample = codes.slice(0, 2000);
    for (const c of sample.slice(0, 200)) await verify(c);
    const v0 = performance.now();
    let verified = 0;
    for (const c of sample) if ((await verify(c)).ok) verified++;
    const offlineVerifyMs = (performance.now() - v0) / sample.length;

    const result = {
      bench: "checkin",
      database: label,
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, node ${process.version}, load ${os.loadavg()[0]!.toFixed(1)}`,
      clients: CLIENTS,
      scans: total,
      seconds: Number(seconds.toFixed(2)),
      perSecond: Math.round(total / seconds),
      p50Ms: Number(pct(latencies, 50).toFixed(2)),
      p99Ms: Number(pct(latencies, 99).toFixed(2)),
      maxMs: Number((latencies.at(-1) ?? 0).toFixed(2)),
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
