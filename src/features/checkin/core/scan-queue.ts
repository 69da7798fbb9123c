import { z } from "zod";
import { nonceSchema } from "./offline-sync";

// One scan path for every scanner: the gates, the lounge tables (meetday), the stalls (leads) and
// the session doors (programme). A phone queues each scan with a nonce in the browser
// (client/scan-queue.ts), tries to upload it at once and again whenever the network is back. This
// module is the pure part: the queue's upload plan (each nonce once, grouped by endpoint, in
// chunks) and the one upload shape the lounge, stall and door endpoints share:
//   POST { scans: [{ nonce, code, at, deviceId, offline, ...target }] }     (plus the endpoint's own fields)
//   200  { recorded, duplicates, invalid: [{ index, issues }], answers: [{ nonce, result, reason, message, ... }] }
// The server decides every uploaded scan again (the phone's word admits nobody there) and keeps
// each nonce once: a replayed queue records nothing new. (The gate's endpoint keeps the phone's
// own decision instead, core/offline-sync.ts, because a gate admitted the person already.)

export const SCAN_UPLOAD_MAX = 500;
export const UPLOAD_CHUNK = 200;

/** The fields every queued scan carries; an endpoint adds its target (meetingId, nothing for a stall). */
export const scanItemFields = {
  nonce: nonceSchema,
  code: z.string().max(100_000).transform((s) => s.trim().slice(0, 512)),
  /** When the phone scanned (the device clock: only roughly trusted). */
  at: z.iso.datetime(),
  deviceId: z.string().trim().min(1).max(64).default("web"),
  /** Whether the phone was offline when it scanned (it answered by itself and kept the scan to
   *  send later). A phone's queue holds its online scans too, a moment each; an item from before
   *  the phones said so counts as offline. */
  offline: z.boolean().default(true),
};

export const scanUploadScans = z.array(z.unknown()).max(SCAN_UPLOAD_MAX);

export interface InvalidItem {
  index: number;
  issues: string[];
}

export interface ScanUploadAnswer<A extends { nonce: string }> {
  recorded: number;
  duplicates: number;
  invalid: InvalidItem[];
  answers: A[];
}

/** Parse each item alone, so one bad entry does not sink a whole queue. */
export function parseQueuedItems<T>(schema: z.ZodType<T, unknown>, scans: readonly unknown[]): { items: { index: number; item: T }[]; invalid: InvalidItem[] } {
  const items: { index: number; item: T }[] = [];
  const invalid: InvalidItem[] = [];
  scans.forEach((raw, index) => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) items.push({ index, item: parsed.data });
    else invalid.push({ index, issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.code}`) });
  });
  return { items, invalid };
}

/** A scan waiting in a phone's queue: where it goes, the endpoint's own fields, and the item. */
export interface QueuedUpload {
  nonce: string;
  url: string;
  /** Fields of the request body beside `scans` (the stall's editionId, the door's sessionId). */
  body?: Record<string, unknown>;
  scan: { nonce: string } & Record<string, unknown>;
}

export interface UploadBatch {
  url: string;
  body: Record<string, unknown> & { scans: QueuedUpload["scan"][] };
  nonces: string[];
}

/** The requests that upload a queue: each nonce once (the first queued wins), one request per
 *  endpoint and body, at most `chunk` scans each, in queue order. */
export function planUpload(queue: readonly QueuedUpload[], chunk = UPLOAD_CHUNK): UploadBatch[] {
  const seen = new Set<string>();
  const groups = new Map<string, { url: string; body: Record<string, unknown>; items: QueuedUpload[] }>();
  for (const q of queue) {
    if (seen.has(q.nonce)) continue;
    seen.add(q.nonce);
    const body = q.body ?? {};
    const key = `${q.url}\n${JSON.stringify(Object.entries(body).sort(([a], [b]) => a.localeCompare(b)))}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { url: q.url, body, items: [] }));
    g.items.push(q);
  }
  const batches: UploadBatch[] = [];
  for (const g of groups.values()) {
    for (let i = 0; i < g.items.length; i += chunk) {
      const part = g.items.slice(i, i + chunk);
      batches.push({ url: g.url, body: { ...g.body, scans: part.map((q) => q.scan) }, nonces: part.map((q) => q.nonce) });
    }
  }
  return batches;
}

/** The server's answers keyed by nonce (a repeated nonce keeps its first answer). */
export function answersByNonce<A extends { nonce: string }>(answers: readonly A[]): Map<string, A> {
  const out = new Map<string, A>();
  for (const a of answers) if (!out.has(a.nonce)) out.set(a.nonce, a);
  return out;
}
