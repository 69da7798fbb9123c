import { describe, expect, it } from "vitest";
import { localInstant, minuteOf, scheduleWarnings, snap, type DraftSession } from "./warnings";

const s = (id: string, day: number, start: number, end: number, roomId: string, speakerIds: string[] = [], extra: Partial<DraftSession> = {}): DraftSession => ({
  id,
  titleEn: id,
  day,
  startMinute: start,
  endMinute: end,
  roomId,
  kind: "panel",
  speakerIds,
  rsvps: 0,
  ...extra,
});
const rooms = [
  { id: "aud", capacity: 800 },
  { id: "stage", capacity: 50 },
];
const hours = { opensMinute: 540, closesMinute: 1140 };

describe("schedule warnings", () => {
  it("finds a speaker in two places at once, and not in back-to-back sessions", () => {
    const w = scheduleWarnings([s("a", 1, 600, 660, "aud", ["p"]), s("b", 1, 630, 690, "stage", ["p"]), s("c", 1, 690, 750, "stage", ["p"])], rooms, hours);
    expect(w).toEqual([{ code: "speaker_clash", speakerId: "p", sessionIds: ["a", "b"] }]);
  });

  it("finds two sessions in one room, but a break may sit beside anything", () => {
    const w = scheduleWarnings([s("a", 1, 600, 660, "aud"), s("b", 1, 650, 700, "aud"), s("c", 1, 600, 615, "aud", [], { kind: "break" })], rooms, hours);
    expect(w).toEqual([{ code: "room_clash", roomId: "aud", sessionIds: ["a", "b"] }]);
  });

  it("does not mix days", () => {
    expect(scheduleWarnings([s("a", 1, 600, 660, "aud", ["p"]), s("b", 2, 600, 660, "aud", ["p"])], rooms, hours)).toEqual([]);
  });

  it("flags a room too small for the RSVPs and a session outside the venue's hours", () => {
    const w = scheduleWarnings([s("a", 1, 600, 660, "stage", [], { rsvps: 51 }), s("b", 1, 1130, 1200, "aud"), s("c", 1, 500, 560, "aud")], rooms, hours);
    expect(w).toEqual([
      { code: "outside_hours", sessionId: "c" },
      { code: "room_too_small", sessionId: "a", rsvps: 51, capacity: 50 },
      { code: "outside_hours", sessionId: "b" },
    ]);
  });
});

describe("times", () => {
  it("reads HH:MM, snaps to 5 minutes, and places a local time in its zone", () => {
    expect(minuteOf("09:03")).toBe(543);
    expect(minuteOf("24:00")).toBe(1440);
    expect(minuteOf("9.30")).toBeUndefined();
    expect(minuteOf("10:75")).toBeUndefined();
    expect(snap(543)).toBe(545);
    expect(snap(542)).toBe(540);
    expect(localInstant("2026-01-24", 600, "Asia/Karachi").toISOString()).toBe("2026-01-24T05:00:00.000Z");
  });
});
