import type { Db } from "../db/types";

// Who to wake when mail was queued on a database: the outbox worker running on it (and test
// observers). `queueEmails` asks for the wake after its transaction commits (platform/db/after-commit.ts),
// so no adapter has to remember it. Keyed by the database handle.

const wakers = new WeakMap<object, Set<() => void>>();

/** Call `wake` whenever a commit on `db` queued mail; returns the unsubscribe. */
export function onOutboxWrite(db: Db, wake: () => void): () => void {
  let set = wakers.get(db);
  if (!set) wakers.set(db, (set = new Set()));
  set.add(wake);
  return () => set.delete(wake);
}

/** Wake whoever watches this database's outbox (called after the commit). */
export function wakeOutbox(db: object): void {
  for (const wake of wakers.get(db) ?? []) wake();
}
