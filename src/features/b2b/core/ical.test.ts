import { describe, expect, it } from "vitest";
import { escapeText, foldLine, icalUtc, renderCalendar } from "./ical";

const unfold = (text: string) => text.replace(/\r\n /g, "");

describe("iCalendar text", () => {
  it("escapes backslash, semicolon, comma and newlines in TEXT values", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
  });

  it("folds lines at 75 octets, never inside a UTF-8 character, and unfolds to the original", () => {
    const ascii = "DESCRIPTION:" + "x".repeat(200);
    const folded = foldLine(ascii);
    for (const part of folded.split("\r\n")) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(unfold(folded)).toBe(ascii);
    expect(foldLine("SHORT:ok")).toBe("SHORT:ok");

    const urdu = "SUMMARY:" + "ملاقات ".repeat(30); // two octets a letter
    const f2 = foldLine(urdu);
    const parts = f2.split("\r\n");
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
      expect(part).not.toContain("\uFFFD");
    }
    expect(parts.slice(1).every((p) => p.startsWith(" "))).toBe(true);
    expect(unfold(f2)).toBe(urdu);
  });

  it("writes a calendar with stable UID, SEQUENCE, UTC times and a cancelled event kept", () => {
    const now = new Date("2026-03-01T10:00:00Z");
    const text = renderCalendar({
      name: "B2B meetings, Numaish",
      now,
      events: [
        { uid: "m1@numaish", sequence: 0, start: new Date("2026-03-12T05:00:00Z"), end: new Date("2026-03-12T05:20:00Z"), summary: "Meeting: Acme, Ltd.", location: "Table 4", cancelled: false },
        { uid: "m2@numaish", sequence: 3, start: new Date("2026-03-12T06:00:00Z"), end: new Date("2026-03-12T06:20:00Z"), summary: "Meeting; cancelled", cancelled: true },
      ],
    });
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.split("\r\n").every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    const lines = unfold(text).split("\r\n");
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines).toContain("VERSION:2.0");
    expect(lines).toContain("METHOD:PUBLISH");
    expect(lines).toContain("UID:m1@numaish");
    expect(lines).toContain("DTSTART:20260312T050000Z");
    expect(lines).toContain("DTEND:20260312T052000Z");
    expect(lines).toContain(`DTSTAMP:${icalUtc(now)}`);
    expect(lines).toContain("SUMMARY:Meeting: Acme\\, Ltd.");
    expect(lines).toContain("LOCATION:Table 4");
    expect(lines).toContain("SEQUENCE:3");
    expect(lines).toContain("STATUS:CANCELLED");
    expect(lines).toContain("SUMMARY:Meeting\\; cancelled");
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(2);
    expect(renderCalendar({ name: "x", now, events: [], method: "CANCEL" })).toContain("METHOD:CANCEL\r\n");
  });
});
