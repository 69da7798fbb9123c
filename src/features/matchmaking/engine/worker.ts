// Runs the scheduler off the main thread so a server stays responsive while a
// large event is scheduled. The worker re-validates its input with zod.
import { Worker } from "node:worker_threads";
import type { ScheduleInputRaw, ScheduleOutput } from "./schema";
import type { Phase } from "./scheduler";

export type WorkerOptions = {
  seed?: number;
  onProgress?: (phase: Phase) => void;
  /** An upper bound on the weight, computed meanwhile (e.g. the LP bound on the caller's thread):
   *  the worker loads the engine, waits for it, and stops the weight search once it is reached.
   *  Null (or a rejection) schedules without one. */
  target?: Promise<number | null>;
  /** "Best schedule" (issue #16 item 2): search for up to this many ms of wall time (scheduler.ts). */
  budgetMs?: number;
  /** Also prove the time-indexed LP bound (bound.ts) in the worker after the schedule, with this
   *  time limit in seconds; its answer comes back as `tightBound` (null if not proved in time). */
  tightBoundSec?: number;
};

export type WorkerResult = { output: ScheduleOutput; tightBound: { bound: number | null; ms: number; status: string } | null };

// The worker body is plain JavaScript that loads the TypeScript module through
// tsx when needed (dev, tests, CLI); a built server can point at compiled code.
const BODY = `
const { parentPort, workerData } = require("node:worker_threads");
let gotTarget;
const target = new Promise((resolve) => { gotTarget = resolve; });
if (workerData.waitTarget) parentPort.once("message", (m) => gotTarget(m.target ?? undefined)); else gotTarget(undefined);
(async () => {
  try {
    if (workerData.url.endsWith(".ts")) { const { register } = await import("tsx/esm/api"); register(); }
    const mod = await import(workerData.url);
    const out = mod.schedule(workerData.input, { seed: workerData.seed, budgetMs: workerData.budgetMs, target: await target, onProgress: (p) => parentPort.postMessage({ progress: p }) });
    let tightBound = null;
    if (workerData.tightBoundSec) {
      parentPort.postMessage({ progress: "bound" });
      // The schedule stands whatever happens to the bound (too large for HiGHS, say): no bound, then.
      try {
        const b = await import(workerData.boundUrl);
        tightBound = await b.timeIndexedBoundOf(workerData.input, workerData.tightBoundSec);
      } catch (e) {
        tightBound = { bound: null, ms: 0, status: "error: " + (e && e.message ? e.message : String(e)) };
      }
    }
    parentPort.postMessage({ output: out, tightBound });
  } catch (e) {
    parentPort.postMessage({ error: e && e.message ? e.message : String(e) });
  }
})();
`;

export function runScheduleInWorker(input: ScheduleInputRaw, options: WorkerOptions = {}): Promise<ScheduleOutput> {
  return runInWorker(input, options).then((r) => r.output);
}

/** The schedule and, when asked (`tightBoundSec`), the time-indexed bound, from one worker thread. */
export function runInWorker(input: ScheduleInputRaw, options: WorkerOptions = {}): Promise<WorkerResult> {
  // Same extension as this file: .ts under tsx/vitest, .js once compiled.
  const ext = import.meta.url.endsWith(".ts") ? "ts" : "js";
  const ts = new URL(`scheduler.${ext}`, import.meta.url);
  const boundUrl = new URL(`bound.${ext}`, import.meta.url).href;
  return new Promise((resolve, reject) => {
    const w = new Worker(BODY, { eval: true, workerData: { url: ts.href, boundUrl, input, seed: options.seed, budgetMs: options.budgetMs, tightBoundSec: options.tightBoundSec, waitTarget: !!options.target } });
    options.target?.then(
      (target) => w.postMessage({ target }),
      () => w.postMessage({ target: null }),
    );
    w.on("message", (m: { progress?: Phase; output?: ScheduleOutput; tightBound?: WorkerResult["tightBound"]; error?: string }) => {
      if (m.progress) options.onProgress?.(m.progress);
      else if (m.output) { resolve({ output: m.output, tightBound: m.tightBound ?? null }); void w.terminate(); }
      else if (m.error !== undefined) { reject(new Error(m.error)); void w.terminate(); }
    });
    w.on("error", reject);
    w.on("exit", (code) => { if (code !== 0) reject(new Error(`scheduler worker exited with code ${code}`)); });
  });
}
