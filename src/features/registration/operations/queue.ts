// Registrations of one edition all take the same row locks (the counter row, then the bucket
// rows), so the database runs their transactions one after another whatever we do. Sent all at
// once, they would park on that lock inside PostgreSQL, each holding a pooled connection: a rush of
// 50 registrations would hold the whole pool and every other page of the site would wait for a
// connection. So this process lets one registration transaction per edition run at a time and
// queues the rest here, where waiting costs nothing. Their reads and validation still run
// concurrently. The row locks stay the guarantee across processes; this queue only protects the
// pool. (In the bench it made no measurable difference to throughput either way.)
const tails = new Map<string, Promise<unknown>>();

/** Tests switch the queue off to prove the row locks alone keep the counts right. */
export const queueOptions = { enabled: true };

export function oneAtATime<T>(key: string, fn: () => Promise<T>): Promise<T> {
  if (!queueOptions.enabled) return fn();
  const before = tails.get(key) ?? Promise.resolve();
  const run = before.then(fn, fn);
  const tail = run.catch(() => undefined);
  tails.set(key, tail);
  // Forget the key once nothing waits behind this run, so the map does not grow per edition.
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return run;
}
