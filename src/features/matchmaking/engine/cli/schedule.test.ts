import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const cli = fileURLToPath(new URL("./schedule.ts", import.meta.url));
const example = fileURLToPath(new URL("../../../../../examples/schedule/small-input.json", import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", cli, ...args], { encoding: "utf8" });

describe("npm run schedule", () => {
  it("writes the schedule to -o and a summary to stderr", () => {
    const dir = mkdtempSync(join(tmpdir(), "schedule-"));
    const out = join(dir, "out.json");
    const r = run(example, "-o", out);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/5\/5 meetings/);
    expect(JSON.parse(readFileSync(out, "utf8")).meetings).toHaveLength(5);
  }, 30_000);

  it("rejects a bad file with exit code 2 and the field path", () => {
    const dir = mkdtempSync(join(tmpdir(), "schedule-"));
    const bad = join(dir, "bad.json");
    const input = JSON.parse(readFileSync(example, "utf8"));
    input.requests[1].b = "nobody";
    input.slots[0].tables = -1;
    writeFileSync(bad, JSON.stringify(input));
    const r = run(bad);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/slots\.0\.tables/);
    // References are checked once the shape is right.
    input.slots[0].tables = 1;
    writeFileSync(bad, JSON.stringify(input));
    const r2 = run(bad);
    expect(r2.status).toBe(2);
    expect(r2.stderr).toMatch(/requests\.1\.b: unknown participant "nobody"/);
  }, 30_000);
});
