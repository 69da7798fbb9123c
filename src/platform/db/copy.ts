import { sql, type SQL } from "drizzle-orm";
import type { Db } from "./types";
import { rowsOf } from "./rows";

// Copy one database's data into another that has just been migrated to the same schema and holds
// nothing yet: the embedded demo (PGlite) into the production PostgreSQL, say. Tables go parents
// first (foreign keys read from the catalogue), self-references are filled in afterwards, sequences
// (per-edition registration numbers) are carried over with their positions, and every table's row
// count is compared at the end. One transaction on the target: a failed copy leaves it empty.

export interface CopyReport {
  tables: { table: string; rows: number }[];
  sequences: number;
}

const ident = (name: string) => sql.identifier(name);

async function userTables(db: Db): Promise<string[]> {
  const rows = rowsOf<{ table_name: string }>(
    await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`),
  );
  return rows.map((r) => r.table_name);
}

/** Foreign keys between public tables: child → parent, with the child's columns. */
async function foreignKeys(db: Db) {
  return rowsOf<{ child: string; parent: string; columns: string[] | string }>(
    await db.execute(sql`
      select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
             array(select a.attname::text from unnest(c.conkey) k join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k) as columns
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where c.contype = 'f' and n.nspname = 'public'`),
  ).map((r) => ({ child: r.child.replace(/"/g, ""), parent: r.parent.replace(/"/g, ""), columns: Array.isArray(r.columns) ? r.columns : String(r.columns).replace(/[{}]/g, "").split(",") }));
}

/** Parents before children (self-references aside). */
function dependencyOrder(tables: string[], fks: { child: string; parent: string }[]): string[] {
  const done = new Set<string>();
  const order: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (done.has(t) || path.has(t)) return;
    path.add(t);
    for (const fk of fks) if (fk.child === t && fk.parent !== t) visit(fk.parent, path);
    path.delete(t);
    done.add(t);
    order.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return order;
}

async function columnsOf(db: Db, table: string) {
  return rowsOf<{ column_name: string; data_type: string; is_generated: string }>(
    await db.execute(sql`select column_name, data_type, is_generated from information_schema.columns where table_schema = 'public' and table_name = ${table} order by ordinal_position`),
  ).filter((c) => c.is_generated !== "ALWAYS");
}

function toParam(value: unknown, dataType: string): unknown {
  if (value === null || value === undefined) return null;
  // Both drivers hand json back parsed: a scalar string ("lt_5m", a baseline answer) must go back
  // as the JSON text "\"lt_5m\"", not as the bare word.
  if (dataType === "json" || dataType === "jsonb") return JSON.stringify(value);
  return value;
}

async function count(db: Db, table: string): Promise<number> {
  return Number(rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${ident(table)}`))[0]?.n ?? 0);
}

export async function copyDatabase(source: Db, target: Db): Promise<CopyReport> {
  const tables = await userTables(source);
  const targetTables = new Set(await userTables(target));
  const missing = tables.filter((t) => !targetTables.has(t));
  if (missing.length) throw new Error(`the target lacks tables ${missing.join(", ")}: migrate it first`);
  for (const t of tables) if ((await count(target, t)) > 0) throw new Error(`the target is not empty (${t} has rows): copy only into an empty database`);
  const fks = await foreignKeys(source);
  const order = dependencyOrder(tables, fks);
  const report: CopyReport = { tables: [], sequences: 0 };

  await target.transaction(async (tx) => {
    // Triggers that guard a state change (a locked category's sealed results, a closed round's
    // scores) let a copy through: the source was held by them already. Set for this transaction only.
    await tx.execute(sql`select set_config('numaish.copying', 'on', true)`);
    for (const table of order) {
      const cols = await columnsOf(source, table);
      const selfRefs = new Set(fks.filter((f) => f.child === table && f.parent === table).flatMap((f) => f.columns));
      const rows = rowsOf<Record<string, unknown>>(await source.execute(sql`select * from ${ident(table)}`));
      // Triggers may have filled a table kept by the database itself (checkin_setup_versions) while
      // its parents were copied: the source's rows replace what they wrote.
      await tx.execute(sql`delete from ${ident(table)}`);
      // Under PostgreSQL's 65,535 parameters a statement.
      const batch = Math.max(1, Math.floor(20_000 / Math.max(1, cols.length)));
      for (let i = 0; i < rows.length; i += batch) {
        const values: SQL[] = rows.slice(i, i + batch).map(
          (row) => sql`(${sql.join(cols.map((c) => sql.param(selfRefs.has(c.column_name) ? null : toParam(row[c.column_name], c.data_type))), sql`, `)})`,
        );
        await tx.execute(sql`insert into ${ident(table)} (${sql.join(cols.map((c) => ident(c.column_name)), sql`, `)}) values ${sql.join(values, sql`, `)}`);
      }
      // Self-references (a row pointing at another row of its table) once every row is there.
      if (selfRefs.size && rows.length) {
        const keyCol = cols.some((c) => c.column_name === "id") ? "id" : null;
        if (!keyCol) throw new Error(`${table} refers to itself and has no id column`);
        for (const row of rows) {
          const sets = [...selfRefs].filter((c) => row[c] !== null && row[c] !== undefined);
          if (!sets.length) continue;
          await tx.execute(sql`update ${ident(table)} set ${sql.join(sets.map((c) => sql`${ident(c)} = ${sql.param(row[c])}`), sql`, `)} where ${ident(keyCol)} = ${sql.param(row[keyCol])}`);
        }
      }
      report.tables.push({ table, rows: rows.length });
    }

    // Sequences: those made at run time (per-edition registration numbers) are created; every one
    // continues where the source's stood.
    const seqs = rowsOf<{ name: string }>(await source.execute(sql`select sequence_name as name from information_schema.sequences where sequence_schema = 'public'`));
    for (const { name } of seqs) {
      const [pos] = rowsOf<{ last_value: number | string; is_called: boolean }>(await source.execute(sql`select last_value, is_called from ${ident(name)}`));
      await tx.execute(sql`create sequence if not exists ${ident(name)} as integer`);
      await tx.execute(sql`select setval(${name}::regclass, ${Number(pos!.last_value)}, ${pos!.is_called})`);
      report.sequences++;
    }

    for (const { table, rows } of report.tables) {
      const copied = await count(tx as unknown as Db, table);
      if (copied !== rows) throw new Error(`${table}: ${rows} rows in the source, ${copied} in the target`);
    }
  });
  return report;
}
