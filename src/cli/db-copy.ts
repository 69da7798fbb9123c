// `npm run db:copy -- --to postgres://…` copies the embedded database (DATA_DIR, or --from DIR)
// into an empty PostgreSQL database: migrates it, copies every table parents first and the
// sequences' positions, checks each table's row count, all in one transaction. Stop the server
// first (the embedded database serves one process). Then start with DATABASE_URL set to it.
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../platform/config";
import { copyDatabase } from "../platform/db/copy";
import { openDatabase } from "../platform/db/open";

const { values } = parseArgs({ options: { to: { type: "string" }, from: { type: "string" } } });
if (!values.to || !/^postgres(ql)?:\/\//.test(values.to)) {
  console.error("Usage: npm run db:copy -- --to postgres://user:password@host:5432/database [--from DATA_DIR]");
  process.exit(2);
}
const dataDir = values.from ? path.resolve(values.from) : loadConfig().dataDir;
const source = await openDatabase({ kind: "pglite", dataDir });
const target = await openDatabase({ kind: "postgres", url: values.to, poolSize: 2 });
try {
  await source.migrate();
  await target.migrate();
  const started = Date.now();
  const report = await copyDatabase(source.db, target.db);
  const rows = report.tables.reduce((n, t) => n + t.rows, 0);
  for (const t of report.tables) console.log(`${t.table.padEnd(32)} ${t.rows}`);
  console.log(`Copied ${rows} rows in ${report.tables.length} tables and ${report.sequences} sequences from ${dataDir} in ${((Date.now() - started) / 1000).toFixed(1)} s; every table's count matches.`);
} catch (e) {
  console.error(`Nothing was copied: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  await target.close();
  await source.close();
}
