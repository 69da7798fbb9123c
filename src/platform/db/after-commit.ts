import type { Executor, Tx } from "./types";

// Work that must wait for a commit (waking the outbox worker once mail is really there). The
// transaction helper (`inTransaction` in platform/context.ts) opens transactions through
// `transaction` below, which remembers which transaction (and savepoints inside it) belongs to which
// outermost one, and runs its `afterCommit` callbacks once that one has committed; never after a
// rollback. Keyed by the transaction objects themselves (a WeakMap), so nothing outlives them.

interface Open {
  /** The database handle the outermost transaction was opened on. */
  root: object;
  callbacks: Set<(root: object) => void>;
}
const open = new WeakMap<object, Open>();

/** `db.transaction(fn)`; a savepoint when `db` is already a transaction. */
export async function transaction<T>(db: Executor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const outer = open.get(db);
  if (outer) {
    return db.transaction(async (tx) => {
      open.set(tx, outer);
      return fn(tx);
    });
  }
  const state: Open = { root: db, callbacks: new Set() };
  const result = await db.transaction(async (tx) => {
    open.set(tx, state);
    return fn(tx);
  });
  for (const callback of state.callbacks) callback(state.root);
  return result;
}

/**
 * Run `callback` (once, whatever the number of calls with the same function) after the
 * transaction `db` belongs to commits; at once when `db` is the database itself (autocommit).
 * A transaction opened around `transaction` (a bare `db.transaction`) is not seen: the callback
 * does not run, so use it only for what something else also does eventually (the worker's poll).
 */
export function afterCommit(db: Executor, callback: (root: object) => void): void {
  const state = open.get(db);
  if (state) state.callbacks.add(callback);
  else if (!("rollback" in db)) callback(db);
}
