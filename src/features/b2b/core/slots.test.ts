import { describe, expect, it } from "vitest";
import { schedule } from "../../matchmaking/engine/scheduler";
import { scheduleInputSchema } from "../../matchmaking/engine/schema";
import {
  formatSessions,
  hhmm,
  isSlotStart,
  localInstant,
  minutesOf,
  parseSessions,
  parseSlotId,
  wallTime,
  programmeIssues,
  programmeSlots,
  schedulerSlots,
  slotId,
  type SlotProgramme,
} from "./slots";

// The demo show's programme: three days, 10:00–13:00 and 14:30–17:30, 20-minute slots.
const show: SlotProgramme = {
  days: [1, 2, 3].map((day) => ({ day, sessions: [{ start: 600, end: 780 }, { start: 870, end: 1050 }] })),
  breaks: [],
  slotMinutes: 20,
  loungeTables: 40,
  interpreters: { ur: 4, en: 4, zh: 2 },
};

describe("times of day", () => {
  it("reads and writes HH:MM, Urdu digits too, and refuses what is not a time", () => {
    expect(minutesOf("10:00")).toBe(600);
    expect(minutesOf(" 9:30 ")).toBe(570);
    expect(minutesOf("۱۴:۳۰")).toBe(870);
    expect(minutesOf("24:00")).toBe(1440);
    for (const bad of ["", "10", "10:0", "10:60", "25:00", "24:01", "10.00", "-1:00", "10:00pm"]) expect(minutesOf(bad)).toBeUndefined();
    expect([hhmm(0), hhmm(570), hhmm(1050), hhmm(1440)]).toEqual(["00:00", "09:30", "17:30", "24:00"]);
    expect(() => hhmm(1441)).toThrow(RangeError);
    expect(() => hhmm(1.5)).toThrow(RangeError);
  });

  it("names a slot by its day and start, and reads the name back", () => {
    expect(slotId(1, 600)).toBe("d1-1000");
    expect(slotId(12, 870)).toBe("d12-1430");
    expect(parseSlotId("d3-1710")).toEqual({ day: 3, start: 1030 });
    for (const bad of ["d0-1000", "d1-2400", "d1-1060", "1-1000", "d1-100", "d1-1000x"]) expect(parseSlotId(bad)).toBeUndefined();
  });
});

describe("sessions as an organiser types them", () => {
  it("reads a day's sessions in any order, with dashes or hyphens, and writes them back", () => {
    const r = parseSessions("14:30 – 17:30، 10:00-13:00");
    expect(r).toEqual({ ok: true, sessions: [{ start: 600, end: 780 }, { start: 870, end: 1050 }] });
    expect(formatSessions(r.ok ? r.sessions : [])).toBe("10:00-13:00, 14:30-17:30");
    expect(parseSessions(formatSessions(show.days[0]!.sessions))).toEqual({ ok: true, sessions: show.days[0]!.sessions });
    expect(parseSessions("  ")).toEqual({ ok: true, sessions: [] });
  });

  it("says what is wrong: not a time, backwards, overlapping", () => {
    expect(parseSessions("10:00-13:00, lunch")).toMatchObject({ ok: false, code: "b2b_sessions_format", params: { text: "lunch" } });
    expect(parseSessions("13:00-10:00")).toMatchObject({ ok: false, code: "b2b_session_order" });
    expect(parseSessions("10:00-13:00, 12:30-15:00")).toMatchObject({ ok: false, code: "b2b_sessions_overlap", params: { text: "10:00-13:00, 12:30-15:00" } });
    // Touching sessions are one session: refused so the organiser writes it as one.
    expect(parseSessions("10:00-13:00, 13:00-15:00")).toMatchObject({ ok: false, code: "b2b_sessions_overlap" });
  });
});

describe("a programme's slots", () => {
  it("fills each session from its start with whole slots", () => {
    const slots = programmeSlots(show);
    expect(slots).toHaveLength(3 * (9 + 9));
    expect(slots.slice(0, 2)).toEqual([
      { id: "d1-1000", day: 1, start: 600, end: 620 },
      { id: "d1-1020", day: 1, start: 620, end: 640 },
    ]);
    expect(slots[8]).toMatchObject({ id: "d1-1240", end: 780 });
    expect(slots[9]).toMatchObject({ id: "d1-1430" });
    expect(slots.at(-1)).toMatchObject({ id: "d3-1710", day: 3, end: 1050 });
    // A session that does not divide into slots leaves its tail unused.
    expect(programmeSlots({ ...show, slotMinutes: 25, days: [{ day: 1, sessions: [{ start: 600, end: 660 }] }] }).map((s) => s.id)).toEqual(["d1-1000", "d1-1025"]);
  });

  it("starts no slot inside a break: the next one starts when the break ends", () => {
    const withPrayer = { ...show, breaks: [{ day: 2, start: 790 + 0, end: 800 }, { day: 1, start: 650, end: 665 }] };
    const day1 = programmeSlots(withPrayer).filter((s) => s.day === 1).map((s) => s.id);
    expect(day1.slice(0, 5)).toEqual(["d1-1000", "d1-1020", "d1-1105", "d1-1125", "d1-1145"]);
    expect(isSlotStart(withPrayer, 1, 640)).toBe(false);
    expect(isSlotStart(withPrayer, 1, 665)).toBe(true);
    expect(isSlotStart(withPrayer, 4, 600)).toBe(false);
  });

  it("is the scheduler's input: slots with tables and interpreters the engine accepts and fills", () => {
    const slots = schedulerSlots(show);
    expect(slots[0]).toEqual({ id: "d1-1000", day: 1, start: "10:00", length: 20, tables: 40, interpreters: { ur: 4, en: 4, zh: 2 } });
    expect(schedulerSlots({ ...show, interpreters: { fr: 0 } })[0]).not.toHaveProperty("interpreters");
    const input = scheduleInputSchema.parse({
      slots: schedulerSlots({ ...show, days: [{ day: 1, sessions: [{ start: 600, end: 640 }] }], loungeTables: 1, interpreters: { zh: 1 } }),
      participants: [
        { id: "s1", side: "sme" },
        { id: "s2", side: "sme" },
        { id: "b1", side: "buyer" },
      ],
      requests: [
        { id: "r1", a: "s1", b: "b1", interpreter: "zh" },
        { id: "r2", a: "s2", b: "b1" },
      ],
    });
    const out = schedule(input, { seed: 1 });
    expect(out.meetings.map((m) => m.slot).sort()).toEqual(["d1-1000", "d1-1020"]);
    for (const m of out.meetings) expect(parseSlotId(m.slot)).toBeDefined();
  });
});

describe("what is wrong with a programme", () => {
  it("is nothing for the show", () => {
    expect(programmeIssues(show, 3)).toEqual([]);
  });

  it("names days outside the edition, a day twice, overlapping or short sessions, and breaks outside sessions", () => {
    const issues = programmeIssues(
      {
        slotMinutes: 20,
        days: [
          { day: 4, sessions: [{ start: 600, end: 700 }] },
          { day: 1, sessions: [{ start: 600, end: 780 }, { start: 700, end: 900 }] },
          { day: 1, sessions: [] },
          { day: 2, sessions: [{ start: 600, end: 610 }] },
        ],
        breaks: [
          { day: 1, start: 650, end: 660 },
          { day: 1, start: 1000, end: 1010 },
          { day: 3, start: 650, end: 660 },
        ],
      },
      3,
    );
    expect(issues).toEqual([
      { path: "days.0.day", code: "b2b_day_out_of_range", params: { day: 4, days: 3 } },
      { path: "days.1.sessions", code: "b2b_sessions_overlap", params: { text: "10:00-13:00, 11:40-15:00" } },
      { path: "days.2.day", code: "b2b_day_twice", params: { day: 1 } },
      { path: "days.3.sessions", code: "b2b_session_too_short", params: { text: "10:00-10:10", minutes: 20 } },
      { path: "breaks.1", code: "b2b_break_outside_sessions", params: { day: 1 } },
      { path: "breaks.2", code: "b2b_break_outside_sessions", params: { day: 3 } },
    ]);
  });
});

describe("local time", () => {
  it("turns a wall time in Pakistan into its instant", () => {
    expect(localInstant("2026-01-24", 600, "Asia/Karachi").toISOString()).toBe("2026-01-24T05:00:00.000Z");
    expect(localInstant("2026-01-24", 0, "Asia/Karachi").toISOString()).toBe("2026-01-23T19:00:00.000Z");
    expect(localInstant("2026-01-24", 600, "UTC").toISOString()).toBe("2026-01-24T10:00:00.000Z");
  });

  it("reads an instant back as the wall time of a zone", () => {
    expect(wallTime(new Date("2026-01-23T19:00:00Z"), "Asia/Karachi")).toEqual({ date: "2026-01-24", minute: 0 });
    expect(wallTime(localInstant("2026-01-05", 570, "Asia/Karachi"), "Asia/Karachi")).toEqual({ date: "2026-01-05", minute: 570 });
  });

  it("follows daylight saving where a zone has it", () => {
    expect(localInstant("2026-07-01", 600, "Europe/London").toISOString()).toBe("2026-07-01T09:00:00.000Z");
    expect(localInstant("2026-01-01", 600, "Europe/London").toISOString()).toBe("2026-01-01T10:00:00.000Z");
    // 01:30 on the spring-forward night does not exist in London: moved forward by the gap (02:30 BST).
    expect(localInstant("2026-03-29", 90, "Europe/London").toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });
});
