import { describe, expect, it } from "vitest";
import { startPeriodic } from "./periodic";

describe("startPeriodic", () => {
  it("runs at once, again after each run, never two at a time, on after an error; stop waits for the run under way", async () => {
    let runs = 0;
    let active = 0;
    let overlapped = false;
    const errors: unknown[] = [];
    const timer = startPeriodic(
      async () => {
        runs++;
        active++;
        if (active > 1) overlapped = true;
        await new Promise((r) => setTimeout(r, 15));
        active--;
        if (runs === 2) throw new Error("second run fails");
      },
      1,
      (e) => errors.push(e),
    );
    await new Promise((r) => setTimeout(r, 120));
    await timer.stop();
    const stoppedAt = runs;
    expect(active).toBe(0);
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(overlapped).toBe(false);
    expect(errors).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 40));
    expect(runs).toBe(stoppedAt);
  });
});
