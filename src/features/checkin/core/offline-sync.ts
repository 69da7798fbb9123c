import { z } from "zod";
import { scanReasonSchema } from "./decide";

// Scans decided on a gate phone while offline are queued in browser storage and uploaded when
// the network returns. A flaky network means the same queue (or part of it) can arrive twice,
// so each scan carries a client-made nonce and the server records each nonce once.

/** 16 random bytes, base64url without padding (22 characters). */
export const nonceSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, "invalid_nonce");

export const uploadedScanSchema = z
  .object({
    nonce: nonceSchema,
    gateId: z.string().min(1).max(64),
    deviceId: z.string().min(1).max(64),
    /** When the phone scanned (ISO 8601 with offset); the device clock, so only roughly trusted. */
    at: z.iso.datetime({ offset: true }),
    /** The scanned text as read, kept for audit (a badge is 200 digits; junk is cut to 512). */
    code: z.string().max(512),
    registrationNo: z.number().int().min(1).max(0xffffffff).nullable(),
    zone: z.number().int().min(0).max(15).nullable(),
    result: z.enum(["admit", "refuse"]),
    reason: scanReasonSchema,
    offline: z.boolean(),
    /** Found by the short code typed on the phone (core/manual-entry.ts), not scanned: `code` is then the short code. */
    manual: z.enum(["code", "name"]).optional(),
  })
  .strict();
export type UploadedScan = z.infer<typeof uploadedScanSchema>;

/** A fresh nonce (works in the browser and in Node >= 19: both have globalThis.crypto). */
export function newScanNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export interface MergeResult {
  /** Scans to insert, each nonce once, in upload order. */
  record: UploadedScan[];
  /** Nonces already stored, or repeated within this batch. */
  duplicates: string[];
  /** Same nonce, different content (within the batch): kept the first, worth a look. */
  conflicts: string[];
  /** Items that failed validation, by index, so one bad entry does not sink a whole queue. */
  invalid: { index: number; issues: string[] }[];
}

function sameScan(a: UploadedScan, b: UploadedScan): boolean {
  return (Object.keys(a) as (keyof UploadedScan)[]).every((k) => a[k] === b[k]);
}

/** Which uploaded scans to record. `existingNonces` are the nonces already stored for these scans
 *  (the caller loads them with one `nonce = any($1)` query). The database's unique index on the
 *  nonce stays the last word when two uploads race; this keeps the common path free of conflicts. */
export function mergeUploadedScans(existingNonces: ReadonlySet<string>, uploaded: readonly unknown[]): MergeResult {
  const result: MergeResult = { record: [], duplicates: [], conflicts: [], invalid: [] };
  const seen = new Map<string, UploadedScan>();
  uploaded.forEach((raw, index) => {
    const parsed = uploadedScanSchema.safeParse(raw);
    if (!parsed.success) {
      result.invalid.push({ index, issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.code}`) });
      return;
    }
    const scan = parsed.data;
    const first = seen.get(scan.nonce);
    if (first) {
      if (!sameScan(first, scan)) result.conflicts.push(scan.nonce);
      result.duplicates.push(scan.nonce);
      return;
    }
    seen.set(scan.nonce, scan);
    if (existingNonces.has(scan.nonce)) {
      result.duplicates.push(scan.nonce);
      return;
    }
    result.record.push(scan);
  });
  return result;
}

export interface DoubleAdmission {
  registrationNo: number;
  zone: number | null;
  first: Pick<UploadedScan, "nonce" | "gateId" | "deviceId" | "at">;
  second: Pick<UploadedScan, "nonce" | "gateId" | "deviceId" | "at">;
  gapMs: number;
}

export type AdmissionScan = Pick<UploadedScan, "nonce" | "gateId" | "deviceId" | "at" | "registrationNo" | "zone" | "result" | "offline">;

/** Badges admitted at two different gates of the same zone within `windowMs` where at least one
 *  admission was decided offline (online, the server sees the first admission and a gate with
 *  re-entry off refuses the second). Typical cause: one badge photographed and shared. Each pair
 *  of admissions is reported once, earliest first. */
export function detectDoubleAdmissions(scans: readonly AdmissionScan[], opts: { windowMs?: number } = {}): DoubleAdmission[] {
  const windowMs = opts.windowMs ?? 10 * 60_000;
  const byBadge = new Map<string, { scan: AdmissionScan; t: number }[]>();
  const seenNonces = new Set<string>();
  for (const scan of scans) {
    if (scan.result !== "admit" || scan.registrationNo === null) continue;
    // An uploaded queue can repeat a scan; a nonce is one event however often it arrives.
    if (seenNonces.has(scan.nonce)) continue;
    seenNonces.add(scan.nonce);
    const t = Date.parse(scan.at);
    if (Number.isNaN(t)) continue;
    const key = `${scan.registrationNo}|${scan.zone ?? ""}`;
    const list = byBadge.get(key) ?? [];
    list.push({ scan, t });
    byBadge.set(key, list);
  }
  const flags: DoubleAdmission[] = [];
  for (const list of byBadge.values()) {
    list.sort((a, b) => a.t - b.t || a.scan.nonce.localeCompare(b.scan.nonce));
    for (let i = 0; i < list.length; i++) {
      const a = list[i]!;
      for (let j = i + 1; j < list.length && list[j]!.t - a.t <= windowMs; j++) {
        const b = list[j]!;
        if (b.scan.gateId === a.scan.gateId) continue;
        if (!a.scan.offline && !b.scan.offline) continue;
        const pick = (s: AdmissionScan) => ({ nonce: s.nonce, gateId: s.gateId, deviceId: s.deviceId, at: s.at });
        flags.push({ registrationNo: a.scan.registrationNo!, zone: a.scan.zone, first: pick(a.scan), second: pick(b.scan), gapMs: b.t - a.t });
      }
    }
  }
  return flags.sort((x, y) => Date.parse(x.first.at) - Date.parse(y.first.at) || x.registrationNo - y.registrationNo);
}
