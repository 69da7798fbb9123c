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
