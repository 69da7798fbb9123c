import { describe, expect, it } from "vitest";
import { endOfLocalDay, localDateTime, localInstant, offsetMinutes, startOfLocalDay, wallTime } from "./zone";

describe("wall times in a time zone", () => {
  it("turn a local date and minute into the instant, both ways", () => {
    expect(localInstant("2026-01-24", 600, "Asia/Karachi").toISOString()).toBe("2026-01-24T05:00:00.000Z");
    expect(startOfLocalDay("2026-01-24", "Asia/Karachi").toISOString()).toBe("2026-01-23T19:00:00.000Z");
    expect(endOfLocalDay("2026-01-24", "Asia/Karachi").toISOString()).toBe("2026-01-24T18:59:59.000Z");
    expect(wallTime(new Date("2026-01-23T19:00:00Z"), "Asia/Karachi")).toEqual({ date: "2026-01-24", minute: 0 });
    expect(offsetMinutes(new Date("2026-06-01T00:00:00Z"), "Asia/Karachi")).toBe(300);
  });

  it("move a wall time skipped by daylight saving forward by the gap, and take the earlier of an ambiguous one", () => {
    expect(localInstant("2026-03-29", 90, "Europe/London").toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(localInstant("2026-03-08", 150, "America/New_York").toISOString()).toBe("2026-03-08T07:30:00.000Z");
    expect(localInstant("2026-11-01", 90, "America/New_York").toISOString()).toBe("2026-11-01T05:30:00.000Z");
    expect(endOfLocalDay("2026-03-29", "Europe/London").toISOString()).toBe("2026-03-29T22:59:59.000Z");
  });

  it("read a form's datetime-local value in the zone, and refuse a malformed one", () => {
    expect(localDateTime("2026-01-24T18:30", "Asia/Karachi")?.toISOString()).toBe("2026-01-24T13:30:00.000Z");
    expect(localDateTime("2026-01-24 18:30", "Asia/Karachi")).toBeNull();
    expect(localDateTime("2026-01-24T25:30", "Asia/Karachi")).toBeNull();
  });
});
