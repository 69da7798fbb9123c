import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { schedule } from "./scheduler";
import { runScheduleInWorker } from "./worker";

const example = JSON.parse(readFileSync(new URL("../../../../examples/schedule/small-input.json", import.meta.url), "utf8"));

describe("runScheduleInWorker", () => {
  it("gives the same schedule as the in-process call, with progress", async () => {
    const phases: string[] = [];
    const out = await runScheduleInWorker(example, { onProgress: (p) => phases.push(p) });
    expect(out).toEqual(schedule(example));
    expect(phases).toContain("construct");
  }, 20_000);

  it("rejects a bad input with the field path", async () => {
    await expect(runScheduleInWorker({ ...example, slots: [] })).rejects.toThrow(/slots/);
  }, 20_000);
});

describe("example files", () => {
  it("small-output.json is what the scheduler produces for small-input.json", () => {
    const expected = JSON.parse(readFileSync(new URL("../../../../examples/schedule/small-output.json", import.meta.url), "utf8"));
    expect(schedule(example)).toEqual(expected);
  });
});
