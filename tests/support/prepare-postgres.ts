import "../../src/wiring";
import pg from "pg";
import { fixedClock } from "../../src/platform/clock";
import { openDatabase } from "../../src/platform/db/open";
import { seedDemo } from "../../src/features/demo/seed-demo";
import { withDatabase } from "./database-url";

// A child process of tests/support/prepare.ts: makes the run's PostgreSQL template (migrated, demo
// seeded at the given instant) while the parent prepares PGlite and the build on the other core.
// Usage: tsx tests/support/prepare-postgres.ts <admin url> <template name> <seed instant>

const [url, template, instant] = process.argv.slice(2);
if (!url || !template || !instant) throw new Error("usage: prepare-postgres.ts <url> <template> <instant>");
const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query(`drop database if exists ${template} with (force)`);
await admin.query(`create database ${template}`);
await admin.end();
const database = await openDatabase({ kind: "postgres", url: withDatabase(url, template) });
await database.migrate();
await seedDemo(database.db, fixedClock(instant));
await database.close();
