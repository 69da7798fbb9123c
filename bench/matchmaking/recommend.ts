// Recommendations for one participant among 2,000 (b2b/operations/recommendations.ts): the time of
// recommendationsFor through the database (the caller by its token; one query for the other side's
// version, the caller's card, capacity, loads and exclusions; the other side's prepared input and
// cards from the cache or rebuilt; the engine for the caller; the reasons in Urdu), for sampled
// participants of both sides, as p50/p95/max.
// The warm-up call per side builds the cache; `coldMs` is that first call (what the first caller
// after any profile change pays).
//
//   npm run bench:recommend                        embedded database (PGlite, in memory)
//   DATABASE_URL=postgres://… npm run bench:recommend
//   options: --per-side 1000 --samples 60
//
// Method: the demo is seeded, then `per-side` exhibitors (enterprises + participants + profiles)
// and `per-side` buyer-side participants (approved registrations + participants + profiles) are
// inserted in bulk from the engine's seeded generator (matchmaking/recommend/generate.ts), all
// approved and opted in. Each sample opens by its signed link's token, as the page does. One JSON
// line per side, then a summary line. Target: p95 < 50 ms (issue #11; report the machine's load).
import "../../src/wiring";
import "../../src/messages";
import os from "node:os";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { and, eq } from "drizzle-orm";
import { seedDemo } from "../../src/features/demo/seed-demo";
import { enterprises } from "../../src/features/editions/enterprise-tables";
import { editions, visitorCategories } from "../../src/features/editions/tables";
import { generateInput } from "../../src/features/matchmaking/recommend/generate";
import { viewer } from "../../src/features/b2b/operations/directory";
import { recommendationsFor } from "../../src/features/b2b/operations/recommendations";
import { recommendationInput } from "../../src/features/b2b/operations/recommend-input";
import { recommendOne } from "../../src/features/matchmaking/recommend";
import { b2bParticipants, b2bProfiles } from "../../src/features/b2b/tables";
import { registrations } from "../../src/features/registration/tables";
import { loadConfig } from "../../src/platform/config";
import type { Clock } from "../../src/platform/clock";
import { hashSecret } from "../../src/platform/ids";
import { anonymous } from "../../src/platform/permissions/actor";
import { openBenchDb, pct } from "../lib/database";

const { values: args } = parseArgs({ options: { "per-side": { type: "string", default: "1000" }, samples: { type: "string", default: "60" } } });
const PER_SIDE = Number(args["per-side"]);
const SAMPLES = Number(args.samples);
const readiness = { none: "none", exploring: "starting", occasional: "occasional", regular: "regular" } as const;
const tokenOf = (side: string, i: number) => `bench-${side}-token-${String(i).padStart(8, "0")}`;

async function main() {
  const { database, label, cleanup } = await openBenchDb();
  try {
    await database.migrate();
    const db = database.db;
    const t0 = Date.now();
    // Inside the demo's B2B window (it closes the day before the show).
    const clock: Clock = { now: () => new Date(Date.parse("2026-01-10T08:00:00Z") + (Date.now() - t0)) };
    await seedDemo(db, clock, { accounts: false });
    const [edition] = await db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
    const [category] = await db.select().from(visitorCategories).where(and(eq(visitorCategories.editionId, edition!.id), eq(visitorCategories.code, "corporate_buyer")));
    const input = generateInput(PER_SIDE, 7);
    const smes = input.participants.filter((p) => p.side === "sme");
    const buyers = input.participants.filter((p) => p.side === "buyer");
    const now = clock.now();

    for (let i = 0; i < smes.length; i += 500) {
      const chunk = smes.slice(i, i + 500);
      const ents = await db
        .insert(enterprises)
        .values(chunk.map((p, k) => ({ organiserId: edition!.organiserId, slug: `bench-${i + k}`, nameEn: `Bench Enterprise ${i + k}`, nameUr: `بینچ ادارہ ${i + k}`, sizeClass: "small" as const, womenLed: (i + k) % 5 === 0 })))
        .returning({ id: enterprises.id });
      const parts = await db
        .insert(b2bParticipants)
        .values(ents.map((e, k) => ({ editionId: edition!.id, side: "sme" as const, kind: "sme" as const, enterpriseId: e.id, approved: true, optedIn: true, accessTokenHash: hashSecret(tokenOf("sme", i + k)) })))
        .returning({ id: b2bParticipants.id });
      await db.insert(b2bProfiles).values(
        parts.map((p, k) => {
          const g = chunk[k]!;
          return {
            participantId: p.id,
            offersEn: g.offers ?? "",
            needsEn: g.needs ?? "",
            hsCodes: g.hsCodes ?? [],
            certifications: g.certifications ?? [],
            markets: g.exportMarkets ?? [],
            languages: g.languages ?? [],
            sectors: g.sectors ?? [],
            exportReadiness: readiness[g.exportReadiness ?? "none"],
            completeness: 80,
            updatedAt: now,
          };
        }),
      );
    }
    for (let i = 0; i < buyers.length; i += 500) {
      const chunk = buyers.slice(i, i + 500);
      const regs = await db
        .insert(registrations)
        .values(chunk.map((_, k) => ({ editionId: edition!.id, number: 900_000 + i + k, categoryId: category!.id, email: `bench-buyer-${i + k}@example.com`, name: `Bench Buyer ${i + k}`, status: "approved" as const, days: [0], consentData: true, createdAt: now, updatedAt: now })))
        .returning({ id: registrations.id });
      const parts = await db
        .insert(b2bParticipants)
        .values(regs.map((r, k) => ({ editionId: edition!.id, side: "buyer" as const, kind: "buyer_procurement" as const, registrationId: r.id, approved: true, optedIn: true, accessTokenHash: hashSecret(tokenOf("buyer", i + k)) })))
        .returning({ id: b2bParticipants.id });
      await db.insert(b2bProfiles).values(
        parts.map((p, k) => {
          const g = chunk[k]!;
          return {
            participantId: p.id,
            needsEn: g.needs ?? "",
            offersEn: g.offers ?? "",
            hsCodes: g.hsCodes ?? [],
            requiredCertifications: g.requiredCertifications ?? [],
            markets: g.markets ?? [],
            country: g.country ?? null,
            languages: g.languages ?? [],
            sectors: g.sectors ?? [],
            completeness: 80,
            updatedAt: now,
          };
        }),
      );
    }

    const ctx = { db, actor: anonymous, clock, config: loadConfig(), locale: "ur" as const };
    const results: Record<string, unknown>[] = [];
    for (const side of ["sme", "buyer"] as const) {
      const cold = performance.now();
      await recommendationsFor(ctx, { token: tokenOf(side, 0) }); // warm-up: JIT, prepared plans, the side's cache
      const coldMs = performance.now() - cold;
      const ms: number[] = [];
      const loadMs: number[] = [];
      const engineMs: number[] = [];
      let listed = 0;
      for (let s = 0; s < SAMPLES; s++) {
        const i = Math.floor((s * PER_SIDE) / SAMPLES);
        const start = performance.now();
        const r = await recommendationsFor(ctx, { token: tokenOf(side, i) });
        ms.push(performance.now() - start);
        listed += r.recommendations.length;
        // The same again in two parts: reading the database, and the engine alone.
        const a = performance.now();
        const built = await recommendationInput(db, await viewer(db, ctx, { token: tokenOf(side, i) }));
        const b = performance.now();
        recommendOne(built.counterparts, built.me, { noThanks: built.noThanks, loads: built.loads, limit: 20 });
        loadMs.push(b - a);
        engineMs.push(performance.now() - b);
      }
      ms.sort((a, b) => a - b);
      loadMs.sort((a, b) => a - b);
      engineMs.sort((a, b) => a - b);
      const line = { bench: "recommend", database: label, viewerSide: side, participants: 2 * PER_SIDE, samples: SAMPLES, p50Ms: +pct(ms, 50).toFixed(1), p95Ms: +pct(ms, 95).toFixed(1), maxMs: +ms.at(-1)!.toFixed(1), coldMs: +coldMs.toFixed(1), loadP50Ms: +pct(loadMs, 50).toFixed(1), engineP50Ms: +pct(engineMs, 50).toFixed(1), meanListed: +(listed / SAMPLES).toFixed(1) };
      results.push(line);
      console.log(JSON.stringify(line));
    }
    const p95 = Math.max(...results.map((r) => Number(r.p95Ms)));
    console.log(JSON.stringify({ bench: "recommend", summary: true, database: label, participants: 2 * PER_SIDE, p95Ms: p95, targetMs: 50, met: p95 < 50, load1: +os.loadavg()[0]!.toFixed(2), cpus: os.cpus().length }));
  } finally {
    await cleanup();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
