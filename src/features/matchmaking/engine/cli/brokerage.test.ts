import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const cli = fileURLToPath(new URL("./brokerage.ts", import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", cli, ...args], { encoding: "utf8" });

// 4 participants, round robin of 6 meetings in 4 slots (2 in the morning), 2 tables;
// meeting 6 after meeting 1, meeting 2 pinned to slot 4.
const DZN = `nBusiness = 4;
nMeetings = 6;
nTables = 2;
nTotalSlots = 4;
nMorningSlots = 2;
requested = [| 1, 2, 3 | 1, 3, 3 | 1, 4, 3 | 2, 3, 3 | 2, 4, 3 | 3, 4, 3 |];
forbidden = [{0}, {0}, {0}, {0}];
fixed = [0, 4, 0, 0, 0, 0];
precedences = [{}, {}, {}, {}, {}, {1}];
`;

describe("npm run brokerage", () => {
  it("writes every meeting's slot, all placed, breaks and the bound, checked", () => {
    const dir = mkdtempSync(join(tmpdir(), "brokerage-"));
    const file = join(dir, "rr.dzn");
    const out = join(dir, "out.json");
    writeFileSync(file, DZN);
    const r = run(file, "--budget-ms", "2000", "-o", out);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/6\/6 placed/);
    const res = JSON.parse(readFileSync(out, "utf8"));
    expect(res.allPlaced).toBe(true);
    expect(res.violations).toEqual([]);
    expect(res.meetings).toHaveLength(6);
    const slot = (m: number) => res.meetings[m - 1].slot as number;
    expect(slot(2)).toBe(4);
    expect(slot(1)).toBeLessThan(slot(6));
    expect(res.lowerBound).toBeLessThanOrEqual(res.breaks);
  }, 30_000);

  it("refuses a missing file with exit code 2", () => {
    const r = run(join(tmpdir(), "no-such-file.dzn"));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot schedule/);
  }, 30_000);
});
