/**
 * Runs `work` at once and then `everyMs` after each run ends (never two at a time) until stopped;
 * `stop()` waits for a run under way. The server's timers (b2b request expiry, the meeting day's
 * sweep) start through it; errors go to `onError` and the next run still comes.
 */
export function startPeriodic(work: () => Promise<unknown>, everyMs: number, onError?: (e: unknown) => void): { stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<unknown> | undefined;
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    if (stopped) return;
    running = work()
      .catch((e: unknown) => onError?.(e))
      .finally(() => {
        running = undefined;
        if (!stopped) timer = setTimeout(tick, everyMs);
      });
  };
  timer = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
