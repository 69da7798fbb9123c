import { createWebVerifier } from "../core/badge-verify-web";
import { decideScan, type ScanDecision } from "../core/decide";
import { ofThisRehearsal, type PriorScan } from "../core/inside";
import { bundleSets, bundleZoneMask, gateBundleSchema, scanDay, type GateBundle } from "../core/gate-bundle";
import { lookupShortCode, unpackManualList, type ManualBadge, type ManualLookup } from "../core/manual-entry";
import { newScanNonce, type UploadedScan } from "../core/offline-sync";
import { scanDeviceId, scanQueue, uploadQueue as uploadQueueOf } from "./scan-queue";

// The scanner page's offline half, in the browser: the gate bundle in localStorage, the queue of
// scans in IndexedDB (client/scan-queue.ts, shared with the lounge, stall and door scanners), the phone's own admissions for
// "already inside", and the upload when the network returns. The decision is core/decide.ts, the
// very function the server runs.

const BUNDLE_KEY = "numaish.gate.bundle";
const HISTORY_KEY = "numaish.gate.history";
const DEVICE_KEY = "numaish.gate.device";
const DB_NAME = "numaish-gate";

export const deviceId = (): string => scanDeviceId(DEVICE_KEY);

export function saveBundle(editionId: string, bundle: GateBundle) {
  localStorage.setItem(`${BUNDLE_KEY}.${editionId}`, JSON.stringify(bundle));
}

export function loadBundle(editionId: string): GateBundle | null {
  try {
    const parsed = gateBundleSchema.safeParse(JSON.parse(localStorage.getItem(`${BUNDLE_KEY}.${editionId}`) ?? "null"));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function fetchBundle(editionId: string): Promise<GateBundle | null> {
  const res = await fetch(`/api/v1/editions/${editionId}/gate-bundle`, { headers: { accept: "application/json" } });
  if (!res.ok) return null;
  const parsed = gateBundleSchema.safeParse(await res.json());
  if (!parsed.success) return null;
  saveBundle(editionId, parsed.data);
  return parsed.data;
}

/** A rehearsal admission also keeps its date (`on`): it counts only within that day's rehearsal. */
type History = Record<string, PriorScan[]>;
function loadHistory(): History {
  try {
    return JSON.parse(localStorage.getItem(HISTORY_KEY) ?? "{}") as History;
  } catch {
    return {};
  }
}

/** Remember an admission this phone saw (online or offline) for the offline "already inside". */
export function rememberAdmission(registrationNo: number, dayIndex: number, zone: number | null, rehearsalOn: string | null = null) {
  const h = loadHistory();
  const list = (h[registrationNo] ??= []);
  list.push(rehearsalOn ? { result: "admit", dayIndex, zone, rehearsal: true, on: rehearsalOn } : { result: "admit", dayIndex, zone });
  localStorage.setItem(HISTORY_KEY, JSON.stringify(h));
}

export type QueuedScan = UploadedScan & { editionId: string };
const queue = scanQueue<QueuedScan>(DB_NAME);
export const queueScan = (scan: QueuedScan) => queue.put(scan);
export const queuedScans = () => queue.all();
export const queueSize = () => queue.count();

/** Upload the queue (client/scan-queue.ts: in chunks, per edition; a scan leaves the queue only
 *  once the server answered). Safe to repeat: the server records each nonce once. */
export async function uploadQueue(): Promise<number> {
  const before = await queue.count();
  await uploadQueueOf(queue, ({ editionId, ...scan }) => ({ nonce: scan.nonce, url: `/api/v1/editions/${editionId}/offline-scans`, scan }));
  return before - (await queue.count());
}

let verifier: { key: string; verify: ReturnType<typeof createWebVerifier> } | null = null;

/** Decide on this phone with the synced bundle and queue the scan for upload. */
export async function decideOffline(editionId: string, bundle: GateBundle, gateId: string, code: string): Promise<ScanDecision> {
  const vkey = JSON.stringify(bundle.publicKeys);
  if (!verifier || verifier.key !== vkey) {
    verifier = { key: vkey, verify: createWebVerifier(Object.fromEntries(Object.entries(bundle.publicKeys).map(([k, v]) => [Number(k), v])), bundle.edition) };
  }
  const verification = await verifier.verify(code);
  const now = new Date();
  const today = scanDay(now, bundle);
  const gate = bundle.gates.find((g) => g.id === gateId) ?? { id: gateId, zone: null, reentryAllowed: false };
  // Another day's rehearsal admissions do not make anyone "already inside" today.
  const history = verification.ok ? ofThisRehearsal(loadHistory()[verification.payload.registrationNo] ?? [], bundle.rehearsal?.onDate) : [];
  const zoneMask = verification.ok ? bundleZoneMask(bundle, verification.payload) : undefined;
  const decision = decideScan({ verification, ...bundleSets(bundle), today, gateZone: gate.zone, reentryAllowed: gate.reentryAllowed, history, zoneMask });
  if (decision.result === "admit") rememberAdmission(decision.badge.registrationNo, today.dayIndex, gate.zone, today.rehearsal ? (bundle.rehearsal?.onDate ?? null) : null);
  await queueScan({
    editionId,
    nonce: newScanNonce(),
    gateId,
    deviceId: deviceId(),
    at: now.toISOString(),
    code: code.slice(0, 512),
    registrationNo: decision.badge?.registrationNo ?? null,
    zone: gate.zone,
    result: decision.result,
    reason: decision.reason,
    offline: true,
  });
  return decision;
}

let manualIndex: { at: string; byNumber: Map<number, ManualBadge> } | null = null;

/** Find a typed short code in the synced bundle (numbers only, no names): for the offline find form. */
export function findOffline(bundle: GateBundle, text: string): ManualLookup | null {
  if (!bundle.manual) return null;
  if (!manualIndex || manualIndex.at !== bundle.generatedAt) manualIndex = { at: bundle.generatedAt, byNumber: unpackManualList(bundle.manual) };
  return lookupShortCode(text, bundle.manual, manualIndex.byNumber, bundle.edition);
}

/** Decide offline on a badge found by its short code, as a scan would, and queue it marked manual. */
export async function decideOfflineManual(editionId: string, bundle: GateBundle, gateId: string, found: Extract<ManualLookup, { ok: true }>): Promise<ScanDecision> {
  const now = new Date();
  const today = scanDay(now, bundle);
  const gate = bundle.gates.find((g) => g.id === gateId) ?? { id: gateId, zone: null, reentryAllowed: false };
  const history = ofThisRehearsal(loadHistory()[found.registrationNo] ?? [], bundle.rehearsal?.onDate);
  const decision = decideScan({ verification: found.verification, ...bundleSets(bundle), today, gateZone: gate.zone, reentryAllowed: gate.reentryAllowed, history });
  if (decision.result === "admit") rememberAdmission(found.registrationNo, today.dayIndex, gate.zone, today.rehearsal ? (bundle.rehearsal?.onDate ?? null) : null);
  await queueScan({
    editionId,
    nonce: newScanNonce(),
    gateId,
    deviceId: deviceId(),
    at: now.toISOString(),
    code: found.code,
    registrationNo: found.registrationNo,
    zone: gate.zone,
    result: decision.result,
    reason: decision.reason,
    offline: true,
    manual: "code",
  });
  return decision;
}
