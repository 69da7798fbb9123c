import { getTableColumns, getTableName, sql, type Placeholder, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

// An insert of many rows whose SQL text never changes: the rows travel as ONE json parameter and
// PostgreSQL unpacks them (`json_populate_recordset`, each value read by its column's own input
// function: ISO timestamps, JSON arrays into arrays, nested JSON into json/jsonb). The hot paths
// (the registration rush) use it so a statement can be named and prepared once per connection
// (prepared.ts, executeNamed), and Node does not build a VALUES list value by value.

/**
 * `insert into <table> (<columns>) select <columns> from json_populate_recordset(null::<table>, $n::json)`
 * for the given keys of the table's rows: the other columns take their defaults; a listed key whose
 * value is null or undefined is NULL.
 */
export function jsonInsert<T extends PgTable, K extends keyof T["$inferInsert"] & string>(table: T, keys: readonly K[]) {
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const pairs = keys.map((k) => {
    const column = columns[k];
    if (!column) throw new Error(`${getTableName(table)} has no column for ${k}`);
    return [k, column.name] as const;
  });
  const list = pairs.map(([, name]) => `"${name}"`).join(", ");
  const head = sql.raw(`insert into "${getTableName(table)}" (${list}) select ${list} from json_populate_recordset(null::"${getTableName(table)}", `);
  /** The rows as the json parameter's text: column names as keys, dates as ISO strings. */
  const json = (rows: readonly Pick<T["$inferInsert"], K>[]) =>
    JSON.stringify(
      rows.map((row) => {
        const out: Record<string, unknown> = {};
        for (const [key, name] of pairs) {
          const value = (row as Record<string, unknown>)[key];
          out[name] = value instanceof Date ? value.toISOString() : value;
        }
        return out;
      }),
    );
  return {
    /** The statement reading its rows from a parameter (a placeholder of a namedStatement)… */
    from: (param: Placeholder): SQL => sql`${head}${param}::json)`,
    /** …given as this text. */
    json,
  };
}
