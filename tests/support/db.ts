import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import pg from "pg";
import { inject } from "vitest";
import { fixedClock } from "../../src/platform/clock";
import { loadConfig } from "../../src/platform/config";
import type { Ctx } from "../../src/platform/context";
import { openDatabase, type Database } from "../../src/platform/db/open";
import type { Db } from "../../src/platform/db/types";
import { editions, visitorCategories } from "../../src/features/editions/tables";
import { users } from "../../src/platform/auth/tables";
import type { Locale } from "../../src/platform/i18n/locales";
import { anonymous, type Actor } from "../../src/platform/permissions/actor";
import { actorForUser } from "../../src/features/accounts/grants";
import { withDatabase, SEED_CLOCK } from "./global-db";

export { SEED_CLOCK };
export const testConfig = loadConfig({ PUBLIC_URL: "http://numaish.test", SEED_DEMO: "false" } as NodeJS.ProcessEnv);

export interface TestDb extends Database {
  /** Which database this file runs on, for test names. */
  label: string;
}

/**
 * A fresh database for one test file, already migrated and seeded with the demo
 * edition: a copy of the run's snapshot (PGlite) or template (PostgreSQL).
 */
export async function openTestDb(): Promise<TestDb> {
  const kind = process.env.NUMAISH_TEST_DB ?? "pglite";
  if (kind === "postgres") {
    const copy = await copyPostgresTemplate();
    const database = await openDatabase({ kind: "postgres", url: copy.url, poolSize: 5 });
    return {
      ...database,
      label: "postgres",
      async close() {
        await database.close();
        await copy.drop();
      },
    };
  }
  const snapshot = inject("pgliteSnapshot");
  const database = await openDatabase({ kind: "pglite", loadDataDir: new Blob([fs.readFileSync(snapshot)]) });
  return { ...database, label: "pglite" };
}

/**
 * A new PostgreSQL database made from the run's migrated, seeded template (db:postgres only): its
 * URL, and drop() to remove it (forcibly: processes a test killed may still hold connections).
 */
export async function copyPostgresTemplate(): Promise<{ url: string; drop(): Promise<void> }> {
  const url = inject("postgresUrl");
  if (!url) throw new Error("copyPostgresTemplate needs the db:postgres project (TEST_DATABASE_URL)");
  const name = `numaish_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject("postgresTemplate")}`);
  await admin.end();
  return {
    url: withDatabase(url, name),
    drop: () => dropDatabase(url, name),
  };
}

/** Drops a scratch database after its pool was closed. pool.end() resolves before its sockets
 *  close; a forced drop right away kills backends whose clients then emit an unhandled 57P01
 *  (seen with several pooled connections, and in copy.db.test.ts's target on 2026-12-08). */
export async function dropDatabase(url: string, name: string): Promise<void> {
  await new Promise((r) => setTimeout(r, 100));
  const a = new pg.Client({ connectionString: url });
  await a.connect();
  await a.query(`drop database if exists ${name} with (force)`);
  await a.end();
}

export const clock = () => fixedClock("2026-01-10T08:00:00Z");

export function ctxFor(db: Db, actor: Actor = anonymous, locale: Locale = "en", c = clock()): Ctx {
  return { db, actor, clock: c, config: testConfig, locale };
}

/** The actor of a seeded demo account, e.g. actorFor(db, "organiser@demo.numaish.pk"). */
export async function actorFor(db: Db, email: string): Promise<Actor> {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`no seeded user ${email}`);
  return actorForUser(db, user);
}

export const demo = {
  admin: "admin@demo.numaish.pk",
  organiser: "organiser@demo.numaish.pk",
  chamber: "chamber@demo.numaish.pk",
  exhibitor: "exhibitor@demo.numaish.pk",
  reviewer: "reviewer@demo.numaish.pk",
  gate: "gate@demo.numaish.pk",
  lounge: "lounge@demo.numaish.pk",
  visitor: "visitor@demo.numaish.pk",
  password: "numaish-demo-2026",
} as const;

/** The demo's visitor categories (the showcase seed's, and the staff category). */
export type DemoCategory =
  | "corporate_buyer"
  | "procurement_head"
  | "regulatory_stakeholder"
  | "financial_institution"
  | "development_partner"
  | "foreign_mission"
  | "student"
  | "media"
  | "general_public"
  | "exhibitor_staff";

/** A demo edition (the 2026 show unless another slug is given): its id and its visitor
 *  categories' ids by code (the demo's codes typed as present, so a test hands them to operations as they are). */
export async function demoShow(db: Db, slug = "showcase-2026") {
  const [edition] = await db.select().from(editions).where(eq(editions.slug, slug));
  if (!edition) throw new Error(`no edition ${slug}`);
  const cat: Record<string, string> = {};
  for (const c of await db.select().from(visitorCategories).where(eq(visitorCategories.editionId, edition.id))) cat[c.code] = c.id;
  return { editionId: edition.id, cat: cat as DemoCategories };
}

/** Category ids by code, as `demoShow` gives them. */
export type DemoCategories = Record<DemoCategory, string> & Record<string, string>;
