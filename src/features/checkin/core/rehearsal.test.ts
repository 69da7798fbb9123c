import { describe, expect, it } from "vitest";
import { admittedToday } from "./decide";
import { scanDay } from "./gate-bundle";

const edition = { startsOn: "2026-01-24", timezone: "Asia/Karachi" };
const epoch = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe("door rehearsal in the pure gate rules", () => {
  it("turns the rehearsal date (venue time) into the rehearsed show day, and only that date", () => {
    const rehearsal = { onDate: "2026-01-20", dayIndex: 1 };
    // 23:30 UTC on the 19th is 04:30 on the 20th in Lahore.
    expect(scanDay(new Date("2026-01-19T23:30:00Z"), { ...edition, rehearsal })).toEqual({ dayIndex: 1, epochDay: epoch("2026-01-25"), rehearsal: true });
    expect(scanDay(new Date("2026-01-19T18:00:00Z"), { ...edition, rehearsal })).toEqual({ dayIndex: -5, epochDay: epoch("2026-01-19") });
    expect(scanDay(new Date("2026-01-24T05:00:00Z"), { ...edition, rehearsal })).toEqual({ dayIndex: 0, epochDay: epoch("2026-01-24") });
    expect(scanDay(new Date("2026-01-20T05:00:00Z"), { ...edition, rehearsal: null })).toEqual({ dayIndex: -4, epochDay: epoch("2026-01-20") });
  });

  it("keeps rehearsal admissions and show admissions apart for 'already inside'", () => {
    const rehearsed = [{ result: "admit" as const, dayIndex: 0, zone: null, rehearsal: true }];
    const shown = [{ result: "admit" as const, dayIndex: 0, zone: null }];
    expect(admittedToday(rehearsed, 0, null, false)).toBe(false);
    expect(admittedToday(rehearsed, 0, null, true)).toBe(true);
    expect(admittedToday(shown, 0, null, false)).toBe(true);
    expect(admittedToday(shown, 0, null, true)).toBe(false);
  });
});
