import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RepairSession, repair, type Change } from "./repair";
import { schedule } from "./scheduler";
import { scheduleInputSchema, type ScheduleInput, type ScheduleOutput } from "./schema";
import { inputArb } from "./test/arbitrary";
import { validateSchedule } from "./validate";

const slot = (id: string, start: string, tables = 2) => ({ id, day: 1, start, length: 20, tables });
const person = (id: string, side: "sme" | "buyer" = "buyer", extra: object = {}) => ({ id, side, languages: [], ...extra });

function setup(raw: unknown, previous: { request: string; slot: string; table: number | "stall" }[]): { input: ScheduleInput; out: ScheduleOutput } {
  const input = scheduleInputSchema.parse(raw);
  const out: ScheduleOutput = {
    version: 1,
    seed: 1,
    meetings: previous,
    unscheduled: input.requests.filter((r) => !previous.some((m) => m.request === r.id)).map((r) => ({ request: r.id, reason: "participant_full" as const })),
    stats: { requests: input.requests.length, scheduled: previous.length, weight: 0, zeroMeeting: 0, gaps: 0 },
  };
  expect(validateSchedule(input, out)).toEqual([]);
  return { input, out };
}

describe("repair", () => {
  it("a cancellation moves nothing and gives the freed time to a waiting request", () => {
    const { input, out } = setup(
      {
        slots: [slot("s1", "09:00"), slot("s2", "09:20"), slot("s3", "09:40")],
        participants: [person("a", "sme", { dayCap: 2 }), person("b"), person("c"), person("d")],
        requests: [
          { id: "ab", a: "a", b: "b" },
          { id: "ac", a: "a", b: "c" },
          { id: "ad", a: "a", b: "d" },
        ],
      },
      [
        { request: "ab", slot: "s1", table: 1 },
        { request: "ac", slot: "s2", table: 1 },
      ],
    );
    const res = repair(input, out, { kind: "cancel", request: "ab" });
    expect(res.moved).toEqual([]);
    expect(res.added).toEqual(["ad"]);
    // Next to a's other meeting, so a's day stays without a gap.
    expect(res.output.meetings.find((m) => m.request === "ad")?.slot).toBe("s1");
    expect(res.output.unscheduled.map((u) => u.request)).not.toContain("ab");
    expect(validateSchedule(res.input, res.output)).toEqual([]);
  });

  it("a participant leaving early drops only their meetings; frozen slots never change", () => {
    const { input, out } = setup(
      {
        slots: [slot("s1", "09:00"), slot("s2", "09:20"), slot("s3", "09:40")],
        participants: [person("a", "sme"), person("b"), person("c")],
        requests: [
          { id: "ab1", a: "a", b: "b" },
          { id: "ac", a: "a", b: "c" },
          { id: "bc", a: "b", b: "c" },
        ],
      },
      [
        { request: "ab1", slot: "s1", table: 1 },
        { request: "ac", slot: "s3", table: 1 },
        { request: "bc", slot: "s2", table: 1 },
      ],
    );
    const res = repair(input, out, { kind: "leave", participant: "a", fromSlot: "s2" }, { frozenBefore: "s2" });
    expect(res.dropped).toEqual(["ac"]);
    expect(res.moved).toEqual([]);
    expect(res.output.meetings.map((m) => [m.request, m.slot])).toEqual([["ab1", "s1"], ["bc", "s2"]]);
    expect(validateSchedule(res.input, res.output)).toEqual([]);
  });

  it("a withdrawn table moves one meeting, the lighter one, and only that", () => {
    const { input, out } = setup(
      {
        slots: [slot("s1", "09:00", 2), slot("s2", "09:20", 2)],
        participants: [person("a", "sme"), person("b"), person("c", "sme"), person("d")],
        requests: [
          { id: "heavy", a: "a", b: "b", weight: 5 },
          { id: "light", a: "c", b: "d", weight: 1 },
        ],
      },
      [
        { request: "heavy", slot: "s1", table: 1 },
        { request: "light", slot: "s1", table: 2 },
      ],
    );
    const res = repair(input, out, { kind: "withdrawTable", fromSlot: "s1" });
    expect(res.moved).toEqual([{ request: "light", from: "(displaced)", to: "s2" }]);
    expect(res.output.meetings.find((m) => m.request === "heavy")).toEqual({ request: "heavy", slot: "s1", table: 1 });
    expect(validateSchedule(res.input, res.output)).toEqual([]);
  });

  it("a new request is placed by moving one meeting when no direct slot exists", () => {
    const { input, out } = setup(
      {
        slots: [slot("s1", "09:00"), slot("s2", "09:20")],
        participants: [person("a", "sme"), person("b"), person("c")],
        requests: [{ id: "ab", a: "a", b: "b" }],
      },
      [{ request: "ab", slot: "s1", table: 1 }],
    );
    // c can only meet a in s1: ab has to move to s2.
    const res = repair(
      { ...input, participants: input.participants.map((p) => (p.id === "c" ? { ...p, availability: ["s1"] } : p)) },
      out,
      { kind: "add", request: { id: "ac", a: "a", b: "c", weight: 1 } },
    );
    expect(res.added).toEqual(["ac"]);
    expect(res.moved).toEqual([{ request: "ab", from: "s1", to: "s2" }]);
    expect(validateSchedule(res.input, res.output)).toEqual([]);
  });

  it("keeps every hard constraint through a series of changes (generated inputs)", () => {
    fc.assert(
      fc.property(inputArb, fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(3)), { maxLength: 5 }), (raw, picks) => {
        const input = scheduleInputSchema.parse(raw);
        const out = schedule(input);
        const session = new RepairSession(input, out);
        for (const [step, [i, j, kind]] of picks.entries()) {
          const cur = session.output();
          const slots = input.slots.map((s) => s.id);
          const frozen = slots[j % slots.length]!;
          let change: Change;
          if (kind === 0 && cur.meetings.length > 0) change = { kind: "cancel", request: cur.meetings[i % cur.meetings.length]!.request };
          else if (kind === 1 && input.participants.length > 0) change = { kind: "leave", participant: input.participants[i % input.participants.length]!.id, fromSlot: frozen };
          else if (kind === 2) change = { kind: "withdrawTable", fromSlot: slots[i % slots.length]! };
          else if (input.participants.length >= 2) change = { kind: "add", request: { id: `new${step}`, a: input.participants[0]!.id, b: input.participants[1]!.id, weight: 2 } };
          else continue;
          const frozenMeetings = cur.meetings.filter((m) => slots.indexOf(m.slot) < slots.indexOf(frozen) && !(change.kind === "cancel" && m.request === change.request));
          session.apply(change, { frozenBefore: frozen, fillMoves: step % 2 === 1 ? 2 : 0 });
          const next = session.output();
          expect(validateSchedule(session.currentInput(), next, { checkFixed: true })).toEqual([]);
          // Past and horizon stay as they were (unless the change itself removes them).
          if (change.kind !== "leave") for (const m of frozenMeetings) expect(next.meetings).toContainEqual(m);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("free slots for a walk-up meeting", () => {
  it("offers only slots where both are free and a table is, with the lowest free table, and moves nobody", () => {
    const { input, out } = setup(
      {
        slots: [slot("s1", "09:00", 1), slot("s2", "09:20", 2), slot("s3", "09:40", 2), slot("s4", "10:00", 2)],
        participants: [person("a", "sme"), person("b"), person("c", "sme"), person("d"), person("e", "sme", { hostsAtStall: true })],
        requests: [
          { id: "cd", a: "c", b: "d" },
          { id: "ab", a: "a", b: "b" },
          { id: "cb", a: "c", b: "b" },
        ],
      },
      [
        { request: "cd", slot: "s1", table: 1 },
        { request: "ab", slot: "s2", table: 2 },
        { request: "cb", slot: "s3", table: 1 },
      ],
    );
    const session = new RepairSession(input, out, 1);
    const before = JSON.stringify(session.output());
    // a and d: s1 has its one table taken, a is busy at s2; s3 has table 2 free, s4 table 1.
    expect(session.freeSlots({ id: "walk", a: "a", b: "d", weight: 1, interpreter: null })).toEqual([
      { request: "walk", slot: "s3", table: 2 },
      { request: "walk", slot: "s4", table: 1 },
    ]);
    // Not before the horizon; an SME hosting at its stall needs no table.
    expect(session.freeSlots({ id: "walk", a: "e", b: "d", weight: 1, interpreter: null }, { frozenBefore: "s3" }).map((p) => [p.slot, p.table])).toEqual([
      ["s3", "stall"],
      ["s4", "stall"],
    ]);
    expect(JSON.stringify(session.output())).toBe(before);
  });
});
