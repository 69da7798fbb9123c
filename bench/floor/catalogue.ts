// The public catalogue's speed on a large edition (issue #12, item 6): the demo's 2026 show
// (seeded as `npm run seed` does) grown to 2,000 published exhibitors with 3 products each, then
// the catalogue's first page unfiltered, filtered, searched in English, in Urdu (typed with Arabic
// letter forms) and by HS code, each read `--runs` times (median and worst reported). Also: what
// computing the search words costs the writers (every profile's, a cluster's, one profile's), and
// the open data (which reads every exhibitor, as every catalogue page did before its filters moved
// to SQL). A read never writes: the words are computed by triggers when a text is written.
//
//   npx tsx bench/floor/catalogue.ts [--exhibitors 2000] [--runs 15]
//   DATABASE_URL=postgres://… npx tsx bench/floor/catalogue.ts     on a scratch PostgreSQL database
import "../../src/wiring";
import os from "node:os";
import { parseArgs } from "node:util";
import { eq, sql } from "drizzle-orm";
import { fixedClock, systemClock } from "../../src/platform/clock";
import { loadConfig } from "../../src/platform/config";
import type { Ctx } from "../../src/platform/context";
import { anonymous } from "../../src/platform/permissions/actor";
import { seedDemo } from "../../src/features/demo/seed-demo";
import { enterprises } from "../../src/features/editions/enterprise-tables";
import { clusters, editions } from "../../src/features/editions/tables";
import { catalogue, catalogueOpenData } from "../../src/features/exhibitors/operations/catalogue";
import { exhibitorProducts, exhibitorProfiles } from "../../src/features/exhibitors/tables";
import { rowsOf } from "../../src/platform/db/rows";
import { openBenchDb } from "../lib/database";

const { values: args } = parseArgs({ options: { exhibitors: { type: "string", default: "2000" }, runs: { type: "string", default: "15" } } });
const TARGET = Number(args.exhibitors);
const RUNS = Math.max(1, Number(args.runs));

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words: [string, string][] = [
  ["surgical", "جراحی"],
  ["scissors", "قینچی"],
  ["leather", "چمڑا"],
  ["football", "فٹ بال"],
  ["cotton", "کپاس"],
  ["towel", "تولیہ"],
  ["ceramic", "سیرامک"],
  ["furniture", "فرنیچر"],
  ["gloves", "دستانے"],
  ["forceps", "فورسیپس"],
  ["carpet", "قالین"],
  ["brass", "پیتل"],
];
const places: [string, string][] = [
  ["Punjab", "Sialkot"],
  ["Punjab", "Lahore"],
  ["Punjab", "Faisalabad"],
  ["Punjab", "Gujranwala"],
  ["Sindh", "Karachi"],
  ["Khyber Pakhtunkhwa", "Peshawar"],
  ["Balochistan", "Quetta"],
];

const { database, label, cleanup } = await openBenchDb();
try {
  await database.migrate();
  const db = database.db;
  await seedDemo(db, fixedClock("2026-01-10T08:00:00Z"), { accounts: false });
  const [edition] = await db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
  const clusterRows = await db.select().from(clusters).where(eq(clusters.editionId, edition!.id));
  const [{ n: have }] = (await db.select({ n: sql<number>`count(*)::int` }).from(exhibitorProfiles).where(eq(exhibitorProfiles.editionId, edition!.id))) as [{ n: number }];
  const rnd = prng(1);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const grow = performance.now();
  for (let i = have; i < TARGET; i += 250) {
    const batch = Array.from({ length: Math.min(250, TARGET - i) }, (_, k) => i + k);
    const ents = await db
      .insert(enterprises)
      .values(
        batch.map((k) => {
          const [province, district] = pick(places);
          const [en, ur] = pick(words);
          return {
            organiserId: edition!.organiserId,
            slug: `bench-${k}`,
            nameEn: `Bench ${en} works ${k}`,
            nameUr: `${ur} ورکس ${k}`,
            sizeClass: pick(["micro", "small", "medium"] as const),
            womenLed: rnd() < 0.15,
            clusterSlug: pick(clusterRows).slug,
            province,
            district,
          };
        }),
      )
      .returning({ id: enterprises.id });
    const profiles = await db
      .insert(exhibitorProfiles)
      .values(ents.map((e) => ({ editionId: edition!.id, enterpriseId: e.id, published: true, descriptionEn: `We make ${pick(words)[0]} and ${pick(words)[0]} goods.`, descriptionUr: `ہم ${pick(words)[1]} بناتے ہیں۔` })))
      .returning({ id: exhibitorProfiles.id });
    await db.insert(exhibitorProducts).values(
      profiles.flatMap((p) =>
        [0, 1, 2].map((sort) => {
          const [en, ur] = pick(words);
          return { profileId: p.id, nameEn: `${en} ${sort}`, nameUr: ur, hsCode: pick(["901890", "821300", "420310", "950662", "630260", "940360"]), sort };
        }),
      ),
    );
  }
  console.log(JSON.stringify({ name: "write: exhibitors added with 3 products each (their words computed)", count: Math.max(0, TARGET - have), ms: Math.round(performance.now() - grow) }));
  const ctx: Ctx = { db, clock: systemClock, config: loadConfig({ SEED_DEMO: "false" } as NodeJS.ProcessEnv), locale: "en", actor: anonymous };
  const slug = "showcase-2026";
  const total = (await catalogue(ctx, { slug })).total;

  const time = async (name: string, f: () => Promise<unknown>, runs = RUNS) => {
    const ms: number[] = [];
    let out: unknown;
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      out = await f();
      ms.push(performance.now() - t0);
    }
    ms.sort((a, b) => a - b);
    // A read gives its count or exhibitors; a write, the rows it wrote.
    const count = Array.isArray(out) ? out.length : ((out as { count?: number }).count ?? (out as { exhibitors: unknown[] }).exhibitors.length);
    console.log(JSON.stringify({ name, db: label, exhibitors: total, count, msMedian: Math.round(ms[Math.floor(ms.length / 2)]! * 10) / 10, msMax: Math.round(ms.at(-1)! * 10) / 10, runs, loadAverage: Math.round(os.loadavg()[0]! * 10) / 10 }));
  };
  // The search words are computed when a text is written (triggers, migration 0036): what that
  // costs a writer. Every profile's words computed again (as a bulk import or a migration would),
  // a cluster renamed (its exhibitors' words), one product added (its profile's words).
  await time("write: every profile's words computed again", () => db.update(exhibitorProfiles).set({ searchTerms: null }).where(eq(exhibitorProfiles.editionId, edition!.id)).returning({ id: exhibitorProfiles.id }), 1);
  const renamed = clusterRows[0]!;
  await time(`write: cluster '${renamed.nameEn}' renamed`, () => db.update(clusters).set({ nameEn: `${renamed.nameEn} ` }).where(eq(clusters.id, renamed.id)).returning({ id: clusters.id }), 1);
  const [one] = await db.select({ id: exhibitorProfiles.id }).from(exhibitorProfiles).where(eq(exhibitorProfiles.editionId, edition!.id)).limit(1);
  await time("write: one product added", () => db.insert(exhibitorProducts).values({ profileId: one!.id, nameEn: "Bench product", hsCode: "9018" }).returning({ id: exhibitorProducts.id }), Math.min(RUNS, 5));
  await time("first page, no filter", () => catalogue(ctx, { slug }));
  await time("women-led micro", () => catalogue(ctx, { slug, womenLed: true, size: "micro" }));
  await time("province + district", () => catalogue(ctx, { slug, province: "Punjab", district: "Sialkot" }));
  await time("page 20, no filter", () => catalogue(ctx, { slug, page: 20 }));
  await time("search English 'surgical scis'", () => catalogue(ctx, { slug, q: "surgical scis" }));
  await time("search Urdu, Arabic letters 'قينچي'", () => catalogue(ctx, { slug, q: "قينچي" }));
  await time("search HS '9018'", () => catalogue(ctx, { slug, q: "9018" }));
  // The search's own cost: the word-prefix scan of the edition's published profiles, alone (what a
  // trigram index could speed up; docs/floor.md says why there is none).
  await time("scan alone: published profiles LIKE '% scis%'", async () => rowsOf(await db.execute(sql`SELECT id FROM exhibitor_profiles WHERE edition_id = ${edition!.id} AND published AND search_terms LIKE '% scis%'`)));
  await time("open data (reads every exhibitor)", () => catalogueOpenData(ctx, { slug }), Math.min(RUNS, 5));
} finally {
  await cleanup();
}
