// Registration transactions of one edition share the capacity stripes of its capped buckets. With
// a free stripe at hand they run side by side (places.ts: claimPlaces never waits); when a bucket
// is full they take every stripe in turn. Sent all at once, a rush would park many transactions
// on those locks inside PostgreSQL, each holding a pooled connection, and every other page of
// the site would wait for a connection. So this process lets a few registration transactions per
// edition run at a time (as many as a bucket has stripes at most, and well under the pool's ten
// connections) and queues the rest here, where waiting costs nothing. Their reads and validation
// still run concurrently. The database locks stay the guarantee across processes; this queue
// only protects the pool.
export const queueOptions = { enabled: true, perKey: 4 };

interface Gate {
  running: number;
  waiting: (() => void)[];
}
const gates = new Map<string, Gate>();

export async function fewAtATime<T>(key: string, fn: () => Promise<T>): Promise<T> {
  if (!queueOptions.enabled) return fn();
  const gate = gates.get(key) ?? { running: 0, waiting: [] };
  gates.set(key, gate);
  if (gate.running >= queueOptions.perKey) await new Promise<void>((resolve) => gate.waiting.push(resolve));
  else gate.running++;
  try {
    return await fn();
  } finally {
    const next = gate.waiting.shift();
    if (next) next(); // hand the slot on: `running` stays the same
    else if (--gate.running === 0) gates.delete(key);
  }
}
