import { describe, expect, it } from "vitest";
import { schedule } from "../../matchmaking/engine/scheduler";
import { buildScheduleInput, interpreterFor, moveRefusal, placementsOf, summarise, type RunProgramme } from "./run-input";

// The run's input and summary, without a database.

const programme: RunProgramme = {
  days: [{ day: 1, sessions: [{ start: 600, end: 660 }] }],
  breaks: [],
  slotMinutes: 20,
  loungeTables: 1,
  interpreters: { zh: 1, ar: 0 },
  stallMeetings: true,
  maxMeetingsPerDay: 8,
};
const participants = [
  { id: "s1", side: "sme" as const, hostsAtStall: false, languages: ["en", "ur"] },
  { id: "s2", side: "sme" as const, hostsAtStall: true, languages: ["en"] },
  { id: "b1", side: "buyer" as const, hostsAtStall: false, languages: ["zh"] },
  { id: "b2", side: "buyer" as const, hostsAtStall: false, languages: [] },
];
const requests = [
  { id: "r1", smeId: "s1", buyerId: "b1", priority: "must" as const },
  { id: "r2", smeId: "s2", buyerId: "b1", priority: "would_like" as const },
  { id: "r3", smeId: "s1", buyerId: "b2", priority: "would_like" as const },
];

describe("a run's input", () => {
  it("needs an interpreter only when the two share no language and one speaks an offered one", () => {
    expect(interpreterFor(["en"], ["zh"], { zh: 1 })).toBe("zh");
    expect(interpreterFor(["en", "zh"], ["zh"], { zh: 1 })).toBeNull();
    expect(interpreterFor(["en"], ["ar"], { zh: 1, ar: 0 })).toBeNull(); // none offered for Arabic
    expect(interpreterFor([], ["zh"], { zh: 1 })).toBeNull(); // unknown: assume they manage
  });

  it("weights must = 2, would like = 1; stall hosts need no table; fixed meetings keep their place", () => {
    const input = buildScheduleInput(programme, participants, requests, [{ requestId: "r3", day: 1, startMinute: 620, place: "table", tableNo: 1 }]);
    expect(input.slots.map((s) => s.id)).toEqual(["d1-1000", "d1-1020", "d1-1040"]);
    expect(input.requests).toEqual([
      { id: "r1", a: "s1", b: "b1", weight: 2, interpreter: "zh" },
      { id: "r2", a: "s2", b: "b1", weight: 1, interpreter: "zh" },
      { id: "r3", a: "s1", b: "b2", weight: 1 },
    ]);
    expect(input.participants.find((p) => p.id === "s2")!.hostsAtStall).toBe(true);
    expect(input.fixed).toEqual([{ request: "r3", slot: "d1-1020", table: 1 }]);
    const out = schedule(input);
    const ps = placementsOf(input, out, programme);
    expect(ps.find((p) => p.requestId === "r3")).toMatchObject({ startMinute: 620, tableNo: 1 });
    expect(ps.find((p) => p.requestId === "r2")).toMatchObject({ place: "stall", tableNo: null, interpreterLanguage: "zh" });
    const s = summarise(programme, participants, requests, ps, new Map(), 4);
    expect(s).toMatchObject({ requests: 3, placed: 3, weight: 4, bound: 4, ratio: 100, noMeeting: [] });
    expect(s.slots.every((x) => x.tablesUsed <= 1 && x.interpreters.zh![0] <= 1)).toBe(true);
    // A target at the weight reached changes nothing of the result's weight.
    expect(schedule(input, { target: 4 }).stats.weight).toBe(4);
  });

  it("a published meeting keeps the interpreter it holds, so a run never books more than the programme has", () => {
    // r1 was published without an interpreter (the buyer's profile then named no language); the
    // zh interpreter is held by r2 in the same slot. The new run must count what is booked.
    const fixed = [
      { requestId: "r1", day: 1, startMinute: 600, place: "table" as const, tableNo: 1, interpreterLanguage: null },
      { requestId: "r2", day: 1, startMinute: 620, place: "stall" as const, tableNo: null, interpreterLanguage: "zh" },
    ];
    const input = buildScheduleInput(programme, participants, requests, fixed);
    expect(input.requests.find((r) => r.id === "r1")).toEqual({ id: "r1", a: "s1", b: "b1", weight: 2 });
    const ps = placementsOf(input, schedule(input), programme);
    expect(ps.find((p) => p.requestId === "r1")!.interpreterLanguage).toBeNull();
    const s = summarise(programme, participants, requests, ps, new Map(), 4);
    expect(s.slots.every((x) => (x.interpreters.zh?.[0] ?? 0) <= 1)).toBe(true);
  });

  it("the ratio is rounded down, so only a schedule at the bound shows 100 %", () => {
    const ps = [{ requestId: "r1", day: 1, startMinute: 600, place: "table" as const, tableNo: 1, interpreterLanguage: "zh" }];
    const s = summarise(programme, participants, requests, ps, new Map([["r2", "no_interpreter" as const]]), 2.001);
    expect(s.ratio).toBe(99.9);
    expect(s.unplacedByReason).toEqual({ no_interpreter: 1, not_scheduled: 1 });
    expect(s.noMeeting).toEqual(["s2", "b2"]);
  });

  it("a move is refused on a missing slot, a double booking, a taken or missing table, no free interpreter", () => {
    const reqs = new Map(requests.map((r) => [r.id, r]));
    const others = [
      { requestId: "r1", day: 1, startMinute: 600, place: "table" as const, tableNo: 1, interpreterLanguage: "zh" },
      { requestId: "r3", day: 1, startMinute: 620, place: "table" as const, tableNo: 1, interpreterLanguage: null },
    ];
    const r2 = { requestId: "r2", day: 1, startMinute: 640, place: "stall" as const, tableNo: null, interpreterLanguage: "zh" };
    const to = (startMinute: number, tableNo: number | null) => ({ day: 1, startMinute, place: tableNo ? ("table" as const) : ("stall" as const), tableNo });
    expect(moveRefusal(programme, reqs, others, r2, to(610, null))).toBe("b2b_no_such_slot");
    expect(moveRefusal(programme, reqs, others, r2, to(600, null))).toBe("b2b_double_booked"); // b1 meets s1 then
    expect(moveRefusal(programme, reqs, others, others[1]!, to(640, 2))).toBe("b2b_no_such_table");
    const r3 = others[1]!;
    expect(moveRefusal(programme, reqs, [others[0]!, { ...r2, startMinute: 640, place: "table", tableNo: 1 }], r3, to(640, 1))).toBe("b2b_table_taken");
    expect(moveRefusal({ ...programme, interpreters: { zh: 0 } }, reqs, others, r2, to(620, null))).toBe("b2b_interpreter_full");
    expect(moveRefusal(programme, reqs, others, r2, to(620, null))).toBeNull();
  });
});

describe("closed lounge tables", () => {
  it("a table closed from a slot on is left out of that slot and the later ones, in the input, placements, summary and moves", () => {
    const two: RunProgramme = { ...programme, loungeTables: 2, stallMeetings: false, interpreters: {}, closed: [{ tableNo: 1, day: 1, startMinute: 620 }] };
    // A meeting held at table 1 at 10:40 cannot stay there: it is left free to be placed again.
    const input = buildScheduleInput(two, participants, requests, [{ requestId: "r3", day: 1, startMinute: 640, place: "table", tableNo: 1 }]);
    expect(input.slots.map((s) => s.tables)).toEqual([2, 1, 1]);
    expect(input.fixed).toEqual([]);
    const ps = placementsOf(input, schedule(input), two);
    expect(ps.length).toBe(3);
    expect(ps.filter((p) => p.startMinute >= 620).every((p) => p.tableNo === 2)).toBe(true);
    expect(summarise(two, participants, requests, ps, new Map(), null).slots.map((s) => s.tables)).toEqual([2, 1, 1]);
    const req = new Map(requests.map((r) => [r.id, r]));
    const r1 = ps.find((p) => p.requestId === "r1")!;
    expect(moveRefusal(two, req, [], r1, { day: 1, startMinute: 640, place: "table", tableNo: 1 })).toBe("b2b_no_such_table");
    expect(moveRefusal(two, req, [], r1, { day: 1, startMinute: 600, place: "table", tableNo: 1 })).toBeNull();
  });
});
