import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Executor } from "./types";

// Hot queries built once per database handle and run as named prepared statements: Drizzle skips
// building the SQL again, PostgreSQL skips parsing and planning it on each pooled connection.
// A transaction is another handle, so a query prepared on it lives as long as the transaction.
const caches = new WeakMap<object, Map<string, unknown>>();

export function prepared<T>(db: Executor, name: string, build: (db: Executor, name: string) => T): T {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let query = cache.get(name) as T | undefined;
  if (query === undefined) {
    query = build(db, name);
    cache.set(name, query);
  }
  return query;
}

const dialect = new PgDialect();

/** A raw statement run as a named prepared statement: node-postgres has each pooled connection
 *  parse and plan it once (inside a transaction too, unlike a query prepared on the transaction's
 *  handle); PGlite runs it as usual. One name, one text: a statement whose text varies needs a
 *  name per variant. Its rows: `rowsOf`. */
export function executeNamed(db: Executor, name: string, query: SQL): Promise<unknown> {
  return db._.session.prepareQuery(dialect.sqlToQuery(query), undefined, name, false).execute();
}

/** A raw statement built ONCE per database handle with `sql.placeholder(name)` for its values, run
 *  as a named prepared statement with the values given at each call: neither Drizzle (the text)
 *  nor PostgreSQL (parse, plan) does the work again. For the hottest statements (the registration
 *  rush); its rows: `rowsOf`. */
export function namedStatement(db: Executor, name: string, build: () => SQL): { execute(values: Record<string, unknown>): Promise<unknown> } {
  return prepared(db, name, (d, n) => d._.session.prepareQuery(dialect.sqlToQuery(build()), undefined, n, false));
}
