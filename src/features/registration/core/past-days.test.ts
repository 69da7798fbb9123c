import { describe, expect, it } from "vitest";
import { checkPastDays, dateAt, pastDays } from "./past-days";

const show = { startsOn: "2026-01-24", timezone: "Asia/Karachi" };

describe("days that have passed at the venue", () => {
  it("counts by the venue's calendar, not UTC", () => {
    // 20:00 UTC on the 24th is already 01:00 on the 25th in Lahore.
    expect(dateAt(new Date("2026-01-24T20:00:00Z"), "Asia/Karachi")).toBe("2026-01-25");
    expect(pastDays(show, 3, new Date("2026-01-24T18:59:00Z"))).toEqual([]);
    expect(pastDays(show, 3, new Date("2026-01-24T19:00:00Z"))).toEqual([0]);
  });

  it("none before the show, today still open, all after it", () => {
    expect(pastDays(show, 3, new Date("2026-01-10T08:00:00Z"))).toEqual([]);
    expect(pastDays(show, 3, new Date("2026-01-25T06:00:00Z"))).toEqual([0]);
    expect(pastDays(show, 3, new Date("2026-11-24T06:00:00Z"))).toEqual([0, 1, 2]);
  });

  it("refuses a chosen past day with a field issue naming the first one", () => {
    const now = new Date("2026-01-26T06:00:00Z");
    expect(checkPastDays([2], show, now)).toEqual([]);
    expect(checkPastDays([2, 1, 0], show, now, "members.0.days")).toEqual([
      { path: "members.0.days", code: "registration_day_past", params: { day: "2026-01-24" } },
    ]);
  });
});
