import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type FormEvent, type ReactNode } from "react";
import { Form, useRevalidator } from "react-router";
import { useT } from "../../../web/i18n";
import type { PublicKeySet, VerifyResult } from "../core/badge-format";
import { createWebVerifier } from "../core/badge-verify-web";
import { verificationReason } from "../core/decide";
import { newScanNonce } from "../core/offline-sync";
import type { QueuedUpload } from "../core/scan-queue";
import { CameraScan } from "./camera-scan";
import { scanDeviceId, scanQueue, uploadQueue } from "./scan-queue";

// The one scanner form of the lounge tables, the stalls and the session doors (the gate has its
// own page over the same queue). Without JavaScript it is the page's plain form: the code field
// (a keyboard-wedge scanner types into it and presses Enter) posts to the page's action. With
// JavaScript every scan takes one path: it gets a nonce, goes into this phone's queue
// (client/scan-queue.ts) and the queue is uploaded at once to the page's upload endpoint (the one
// shape of core/scan-queue.ts); the server's answer is shown. When the network is down the scan
// stays queued, marked `offline` (the server stores the mark), the badge's signature is checked on
// the phone where the page carried the keys, and the page's own rule (`decide`) gives a
// provisional answer; the queue is sent when the network is back (the `online` event, retried for
// a few seconds, and every 15 s), each nonce recorded once by the server. The camera appears where the
// browser has BarcodeDetector.

export interface OfflineKeys {
  keys: PublicKeySet;
  edition: number;
}
export type LocalVerdict = { result: "ok" | "refuse"; reason: string } | null;
/** ok null: kept without a check (only the server can tell). */
type Answer = { ok: boolean | null; message: string; note?: string };

type ServerAnswer = { nonce: string; result: string; message?: string; reason?: string };
const queue = scanQueue<QueuedUpload>("numaish-scans");

// One upload at a time for the whole page (the lounge board has a form per meeting): callers join
// the upload in flight. null: the upload failed (no network, or the server did not answer).
let inflight: Promise<Map<string, ServerAnswer> | null> | null = null;
function syncQueue(): Promise<Map<string, ServerAnswer> | null> {
  if (!navigator.onLine) return Promise.resolve(null);
  inflight ??= uploadQueue<QueuedUpload, ServerAnswer>(queue, (q) => q)
    .catch(() => null)
    .finally(() => {
      inflight = null;
    });
  return inflight;
}

// One timer and one pair of network listeners for the page, whatever the number of forms; each
// form listens to refresh its count, the first one also reloads the page's data after an upload.
const listeners = new Set<(uploaded: boolean, online: boolean) => void>();
let stopShared: (() => void) | null = null;
function listen(fn: (uploaded: boolean, online: boolean) => void): () => void {
  listeners.add(fn);
  if (!stopShared) {
    const tick = async () => {
      const sent = await syncQueue();
      for (const l of listeners) l(!!sent?.size, navigator.onLine);
    };
    const down = () => listeners.forEach((l) => l(false, false));
    // The network is back: say so at once and send the queue. The first request after the
    // `online` event often fails (the connection is still coming up): try again after 1, 2, 4
    // and 8 s while scans are waiting, rather than leave them for the 15-second timer.
    let retry: ReturnType<typeof setTimeout> | undefined;
    const flush = (delay: number) => {
      clearTimeout(retry);
      void tick().then(async () => {
        if (delay <= 8_000 && (await queue.count().catch(() => 0)) > 0) retry = setTimeout(() => flush(delay * 2), delay);
      });
    };
    const up = () => {
      listeners.forEach((l) => l(false, navigator.onLine));
      flush(1_000);
    };
    window.addEventListener("online", up);
    window.addEventListener("offline", down);
    const timer = setInterval(() => void tick(), 15_000);
    // This page opens again offline (a reload, a closed tab): the scanner's service worker keeps
    // the page and its assets, its scope the page's own path (pages/scanner-sw.ts).
    if ("serviceWorker" in navigator) void navigator.serviceWorker.register("/scanner-sw.js", { scope: location.pathname }).catch(() => undefined);
    stopShared = () => {
      window.removeEventListener("online", up);
      window.removeEventListener("offline", down);
      clearInterval(timer);
      clearTimeout(retry);
      stopShared = null;
    };
  }
  return () => {
    listeners.delete(fn);
    if (!listeners.size) stopShared?.();
  };
}

let verifier: { key: string; verify: (code: string) => Promise<VerifyResult> } | null = null;
const noSubscribe = () => () => {};
const hasDetector = () => typeof globalThis !== "undefined" && "BarcodeDetector" in globalThis;

/** The signature check on the phone; null when this browser cannot verify (no Ed25519). */
async function verifyHere(offline: OfflineKeys, code: string): Promise<VerifyResult | null> {
  const key = JSON.stringify(offline);
  if (!verifier || verifier.key !== key) verifier = { key, verify: createWebVerifier(offline.keys, offline.edition) };
  try {
    return await verifier.verify(code);
  } catch {
    return null;
  }
}

export interface ScanFormProps {
  /** The upload endpoint and the body's fields beside `scans` (the stall's editionId, the door's sessionId). */
  url: string;
  body?: Record<string, unknown>;
  /** The item's fields beside nonce, code, at and deviceId (the lounge's meetingId). */
  target?: Record<string, unknown>;
  offline?: OfflineKeys | null;
  /** The page's rule on a scan offline, after the signature: null when only the server can tell. */
  decide?: (v: VerifyResult, code: string) => LocalVerdict;
  reasonText: (reason: string) => string;
  /** The plain form's contents: hidden fields, the code field (name "code") and the submit button. */
  children: ReactNode;
  testId?: string;
}

export function ScanForm({ url, body, target, offline, decide, reasonText, children, testId = "scan" }: ScanFormProps) {
  const t = useT();
  const revalidator = useRevalidator();
  const enhanced = useSyncExternalStore(noSubscribe, () => true, () => false);
  const busy = useRef(false);
  const [online, setOnline] = useState(true);
  const [queued, setQueued] = useState(0);
  const [answer, setAnswer] = useState<Answer | null>(null);

  const refresh = useCallback(() => queue.count().then(setQueued, () => undefined), []);
  const { revalidate } = revalidator;

  useEffect(() => {
    queueMicrotask(() => setOnline(navigator.onLine));
    const self = (uploaded: boolean, isOnline: boolean) => {
      setOnline(isOnline);
      void refresh();
      if (uploaded && listeners.values().next().value === self) void revalidate();
    };
    const stop = listen(self);
    void refresh();
    return stop;
  }, [refresh, revalidate]);

  const check = useCallback(
    async (raw: string) => {
      const code = raw.trim();
      if (!code || busy.current) return;
      busy.current = true;
      try {
        const nonce = newScanNonce();
        const scan = { nonce, code, at: new Date().toISOString(), deviceId: scanDeviceId(), ...target };
        const item = (isOffline: boolean): QueuedUpload => ({ nonce, url, ...(body ? { body } : {}), scan: { ...scan, offline: isOffline } });
        await queue.put(item(!navigator.onLine));
        // An upload already in flight may have started before this scan was queued: then one more.
        let sent = await syncQueue();
        if (sent && !sent.has(nonce)) sent = await syncQueue();
        const mine = sent?.get(nonce);
        if (mine) {
          setOnline(true);
          setAnswer({ ok: mine.result !== "refuse", message: mine.message ?? reasonText(mine.reason ?? "") });
          void revalidate();
          return;
        }
        // Not answered: the network is down (or the server did not answer). Check here, keep it
        // queued, marked as scanned offline (the server stores that with the scan).
        setOnline(false);
        if (!sent && (await queue.get(nonce))?.scan.offline === false) await queue.put(item(true));
        const v = offline ? await verifyHere(offline, code) : null;
        const verdict: LocalVerdict = v ? (decide ? decide(v, code) : v.ok ? { result: "ok", reason: "ok" } : { result: "refuse", reason: verificationReason(v) }) : null;
        if (!verdict) setAnswer({ ok: null, message: t("checkin.scanner.unchecked") });
        else setAnswer({ ok: verdict.result === "ok", message: verdict.result === "ok" ? t("checkin.scanner.accepted") : reasonText(verdict.reason), note: t("checkin.scanner.provisional") });
      } finally {
        busy.current = false;
        await refresh();
      }
    },
    [url, body, target, offline, decide, reasonText, refresh, revalidate, t],
  );

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const field = e.currentTarget.elements.namedItem("code") as HTMLInputElement | null;
    if (!field) return;
    void check(field.value).then(() => {
      field.value = "";
      field.focus();
    });
  };

  return (
    <>
      <Form method="post" onSubmit={enhanced ? onSubmit : undefined}>
        {children}
      </Form>
      {enhanced ? (
        <div data-testid={`${testId}-scanner`}>
          <p className="hint" data-testid={`${testId}-status`}>
            {online ? t("checkin.gate.online") : t("checkin.gate.offline")} · {t("checkin.gate.queue", { count: queued })}
          </p>
          <div role="status" aria-live="assertive" data-testid={`${testId}-answer`} data-result={answer ? (answer.ok === null ? "queued" : answer.ok ? "ok" : "refuse") : ""}>
            {answer ? (
              <p className={answer.ok === null ? "alert" : answer.ok ? "alert alert-ok" : "alert alert-error"} style={{ fontSize: "1.2rem" }}>
                <strong>{answer.message}</strong>
                {answer.note ? <span className="hint"> · {answer.note}</span> : null}
              </p>
            ) : null}
          </div>
          {hasDetector() ? <CameraScan onCode={(text) => void check(text)} videoStyle={{ maxInlineSize: "24rem" }} /> : null}
        </div>
      ) : null}
    </>
  );
}
