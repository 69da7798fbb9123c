import { planUpload, type QueuedUpload } from "../core/scan-queue";

// The browser half of the one scan path (core/scan-queue.ts): a queue of scans in IndexedDB keyed
// by nonce (it survives a reload, a closed tab or a dead battery) and its upload. A scan leaves the
// queue only once the server answered for it, so a lost answer costs a retry and nothing more:
// the server records each nonce once. The gate keeps its own database name ("numaish-gate"); the
// lounge, stall and door scanners share "numaish-scans".

const STORE = "queue";

export interface ScanQueue<T extends { nonce: string }> {
  put(item: T): Promise<unknown>;
  get(nonce: string): Promise<T | undefined>;
  all(): Promise<T[]>;
  count(): Promise<number>;
  remove(nonces: readonly string[]): Promise<unknown>;
}

export function scanQueue<T extends { nonce: string }>(dbName: string): ScanQueue<T> {
  const open = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(dbName, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: "nonce" });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  const run = async <R>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<R> | void): Promise<R | undefined> => {
    const db = await open();
    try {
      return await new Promise<R | undefined>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const req = fn(tx.objectStore(STORE));
        tx.oncomplete = () => resolve(req ? req.result : undefined);
        tx.onerror = () => reject(tx.error);
      });
    } finally {
      db.close();
    }
  };
  return {
    put: (item) => run("readwrite", (s) => s.put(item)),
    get: (nonce) => run<T>("readonly", (s) => s.get(nonce) as IDBRequest<T>),
    all: async () => (await run<T[]>("readonly", (s) => s.getAll() as IDBRequest<T[]>)) ?? [],
    count: async () => (await run<number>("readonly", (s) => s.count())) ?? 0,
    remove: (nonces) =>
      run("readwrite", (s) => {
        for (const n of nonces) s.delete(n);
      }),
  };
}

/** Upload a queue: `route` says where each item goes. Returns the answers the server gave, by
 *  nonce. Throws on the first failed request (what was answered before it has left the queue). */
export async function uploadQueue<T extends { nonce: string }, A extends { nonce: string } = { nonce: string }>(
  queue: ScanQueue<T>,
  route: (item: T) => QueuedUpload,
): Promise<Map<string, A>> {
  const answers = new Map<string, A>();
  for (const batch of planUpload((await queue.all()).map(route))) {
    const res = await fetch(batch.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(batch.body),
    });
    if (!res.ok) throw new Error(`upload failed: ${res.status}`);
    const body = (await res.json().catch(() => ({}))) as { answers?: A[] };
    for (const a of body.answers ?? []) if (a && typeof a.nonce === "string" && !answers.has(a.nonce)) answers.set(a.nonce, a);
    await queue.remove(batch.nonces);
  }
  return answers;
}

const DEVICE_KEY = "numaish.scan.device";

/** This phone's name in the scan records (made once, kept in localStorage). */
export function scanDeviceId(key = DEVICE_KEY, prefix = "phone"): string {
  let id = localStorage.getItem(key);
  if (!id) {
    const bytes = crypto.getRandomValues(new Uint8Array(5));
    id = `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
    localStorage.setItem(key, id);
  }
  return id;
}
