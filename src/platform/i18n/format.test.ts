import { describe, expect, it } from "vitest";
import { formatDateRange, formatDateTime, formatDay, formatList, formatNumber, formatTime, formatTimeZone } from "./format";

// 18:59:45 UTC is 23:59:45 in Karachi (UTC+5, no summer time).
const lateEvening = new Date("2026-01-24T18:59:45Z");
const ARABIC_INDIC = /[\u0660-\u0669\u06F0-\u06F9]/;
const LATIN_DAY_PERIOD = /\b(AM|PM|am|pm)\b/;

describe("times in Urdu", () => {
  it("name the part of the day in Urdu, never a Latin AM/PM", () => {
    const cases: [string, string][] = [
      ["2026-01-24T01:05:00Z", "6:05 صبح"],
      ["2026-01-24T09:05:00Z", "2:05 دوپہر"],
      ["2026-01-24T12:35:00Z", "5:35 سہ پہر"],
      ["2026-01-24T14:05:00Z", "7:05 شام"],
      ["2026-01-24T18:59:00Z", "11:59 رات"],
    ];
    for (const [at, text] of cases) {
      const shown = formatTime(at, "ur", "Asia/Karachi");
      expect(shown).toBe(text);
      expect(shown).not.toMatch(LATIN_DAY_PERIOD);
    }
  });

  it("show seconds for live clocks, still with the Urdu day period", () => {
    expect(formatTime(lateEvening, "ur", "Asia/Karachi", { seconds: true })).toBe("11:59:45 رات");
  });

  it("date and time together, in the event's timezone", () => {
    const shown = formatDateTime(lateEvening, "ur", "Asia/Karachi");
    expect(shown).toBe("24 جنوری، 2026، 11:59 رات");
    expect(shown).not.toMatch(LATIN_DAY_PERIOD);
    // The same moment is already the next day in Tokyo.
    expect(formatDateTime(lateEvening, "ur", "Asia/Tokyo")).toContain("25 جنوری");
  });

  it("keep Western digits, as the rest of the app does", () => {
    for (const s of [
      formatDateTime(lateEvening, "ur", "Asia/Karachi"),
      formatTime(lateEvening, "ur", "Asia/Karachi", { seconds: true }),
      formatDay("2026-01-24", "ur"),
      formatDateRange("2026-01-24", "2026-01-26", "ur"),
      formatNumber(1234, "ur"),
    ]) {
      expect(s).not.toMatch(ARABIC_INDIC);
      expect(s).toMatch(/\d/);
    }
  });
});

describe("times in English", () => {
  it("keep am/pm and the day, month and year", () => {
    expect(formatTime(lateEvening, "en", "Asia/Karachi")).toBe("11:59 pm");
    expect(formatTime(lateEvening, "en", "Asia/Karachi", { seconds: true })).toBe("11:59:45 pm");
    expect(formatDateTime(lateEvening, "en", "Asia/Karachi")).toBe("24 Jan 2026, 11:59 pm");
  });
});

describe("a timezone in words", () => {
  it("names Pakistan's time in the reader's language instead of the IANA id", () => {
    expect(formatTimeZone("Asia/Karachi", "en", lateEvening)).toBe("Pakistan Standard Time");
    expect(formatTimeZone("Asia/Karachi", "ur", lateEvening)).toBe("پاکستان کا معیاری وقت");
  });
  it("follows summer time by the date given", () => {
    expect(formatTimeZone("Europe/London", "en", "2026-07-01T12:00:00Z")).toBe("British Summer Time");
    expect(formatTimeZone("Europe/London", "en", "2026-01-01T12:00:00Z")).toBe("Greenwich Mean Time");
  });
  it("falls back to the id for a zone it cannot name", () => {
    expect(formatTimeZone("Not/AZone", "ur")).toBe("Not/AZone");
  });
});

describe("lists", () => {
  it("use the Urdu comma and conjunction in Urdu", () => {
    expect(formatList([2, 6, 7], "ur")).toBe("2، 6، اور 7");
    expect(formatList([2, 6, 7], "ur")).not.toContain(",");
    expect(formatList([2, 6, 7], "en")).toBe("2, 6 and 7");
    expect(formatList(["a", "b"], "en", "or")).toBe("a or b");
  });
});

describe("calendar dates", () => {
  it("do not shift with the timezone and read naturally in both languages", () => {
    expect(formatDay("2026-01-24", "en", { weekday: "long", day: "numeric", month: "long", year: undefined })).toBe("Saturday, 24 January");
    expect(formatDay("2026-01-24", "ur", { weekday: "long", day: "numeric", month: "long", year: undefined })).toBe("ہفتہ، 24 جنوری");
    expect(formatDateRange("2026-01-24", "2026-01-26", "ur")).toBe("24–26 جنوری 2026");
  });
});
