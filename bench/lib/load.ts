import os from "node:os";
import { pct } from "./database";

// The load loop the operation benchmarks share (bench/checkin, bench/meetday): many clients at once
// calling one operation from a shared queue, with the latency of each call.

/** Where a figure was measured: cores, CPU model, Node, the one-minute load average. */
export const machine = () => `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, node ${process.version}, load ${os.loadavg()[0]!.toFixed(1)}`;

/** Fisher–Yates, in place, with the given random source (a seeded one where a run must repeat). */
export function shuffle<T>(a: T[], random: () => number = Math.random): T[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/**
 * `clients` async loops each take the next of the first `total` items of `queue` and call `call`
 * with it and the client's number. Latency is per call, wall clock; each answer's `reason` is
 * counted; a throw counts as a failure (the first two are printed). Returns the latencies in
 * ascending order, the count per reason, the failures and the seconds the whole took.
 */
export async function runClients<T>(queue: readonly T[], { clients, total }: { clients: number; total: number }, call: (item: T, client: number) => Promise<{ reason: string }>) {
  const latencies: number[] = [];
  const outcome: Record<string, number> = {};
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      while (next < total) {
        const item = queue[next++]!;
        const s = performance.now();
        try {
          const r = await call(item, c);
          outcome[r.reason] = (outcome[r.reason] ?? 0) + 1;
        } catch (e) {
          failures++;
          if (failures < 3) console.error(e);
        }
        latencies.push(performance.now() - s);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { latencies, outcome, failures, seconds };
}

/** A result line's latency figures from ascending latencies: p50, p99 and max, ms to 0.01. */
export const latencyFigures = (sorted: number[]) => ({
  p50Ms: Number(pct(sorted, 50).toFixed(2)),
  p99Ms: Number(pct(sorted, 99).toFixed(2)),
  maxMs: Number((sorted.at(-1) ?? 0).toFixed(2)),
});
