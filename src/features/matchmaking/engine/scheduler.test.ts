import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { schedule } from "./scheduler";
import { scheduleInputSchema, scheduleOutputSchema } from "./schema";
import { inputArb } from "./test/arbitrary";
import { validateSchedule } from "./validate";

const base = {
  version: 1 as const,
  slots: [
    { id: "s1", day: 1, start: "09:00", length: 20, tables: 1 },
    { id: "s2", day: 1, start: "09:20", length: 20, tables: 1 },
    { id: "s3", day: 1, start: "09:40", length: 20, tables: 1 },
  ],
  participants: [
    { id: "a", side: "sme" as const, languages: ["en"] },
    { id: "b", side: "buyer" as const, languages: ["en"] },
    { id: "c", side: "buyer" as const, languages: ["en"] },
  ],
  requests: [] as { id: string; a: string; b: string; weight?: number }[],
};

describe("scheduler", () => {
  it("never breaks a hard constraint (independent validator, generated inputs)", () => {
    fc.assert(
      fc.property(inputArb, (raw) => {
        const input = scheduleInputSchema.parse(raw);
        const out = schedule(input);
        expect(scheduleOutputSchema.safeParse(out).success).toBe(true);
        expect(validateSchedule(input, out)).toEqual([]);
        expect(out.meetings.length + out.unscheduled.length).toBe(input.requests.length);
      }),
      { numRuns: 1000 },
    );
  });

  it("is deterministic for an input and a seed", () => {
    fc.assert(
      fc.property(inputArb, fc.integer(), (raw, seed) => {
        expect(schedule(raw, { seed })).toEqual(schedule(structuredClone(raw), { seed }));
      }),
      { numRuns: 80 },
    );
  });

  it("places every request when there is room, with no gap", () => {
    const out = schedule({ ...base, requests: [{ id: "r1", a: "a", b: "b" }, { id: "r2", a: "a", b: "c" }] });
    expect(out.stats).toMatchObject({ scheduled: 2, zeroMeeting: 0, gaps: 0 });
  });

  it("prefers giving everyone a meeting over total weight", () => {
    // a can meet once (day cap 1): the heavy a-b meeting would leave c with none... but b
    // has another option (b-c), so the best is a-b heavy plus b-c.
    const input = {
      ...base,
      participants: [
        { id: "a", side: "sme" as const, dayCap: 1, languages: [] },
        { id: "b", side: "buyer" as const, dayCap: 1, languages: [] },
        { id: "c", side: "sme" as const, languages: [] },
      ],
      requests: [
        { id: "heavy", a: "a", b: "b", weight: 5 },
        { id: "light", a: "c", b: "b", weight: 1 },
      ],
    };
    const out = schedule(input);
    // b can meet only once: one of a, c is left without; weight decides between them.
    expect(out.meetings.map((m) => m.request)).toEqual(["heavy"]);
    expect(out.stats.zeroMeeting).toBe(1);
    const three = schedule({
      ...input,
      participants: [...input.participants, { id: "d", side: "buyer" as const, languages: [] }],
      requests: [...input.requests, { id: "alt", a: "a", b: "d", weight: 1 }],
    });
    // Now a can meet d instead, so c gets b: nobody is left out, at a lower weight.
    expect(three.stats.zeroMeeting).toBe(0);
    expect(three.meetings.map((m) => m.request).sort()).toEqual(["alt", "light"]);
  });

  it("gives a reason to every unscheduled request", () => {
    const input = {
      version: 1 as const,
      slots: [
        { id: "s1", day: 1, start: "09:00", length: 20, tables: 1, interpreters: { zh: 0 } },
        { id: "s2", day: 1, start: "09:20", length: 20, tables: 0 },
      ],
      participants: [
        { id: "a", side: "sme" as const, availability: ["s1"], languages: [] },
        { id: "b", side: "buyer" as const, availability: ["s2"], languages: [] },
        { id: "c", side: "sme" as const, availability: ["s1"], languages: [] },
        { id: "d", side: "buyer" as const, languages: [] },
        { id: "e", side: "buyer" as const, languages: [] },
        { id: "f", side: "sme" as const, languages: [], dayCap: 0 },
      ],
      requests: [
        { id: "nocommon", a: "a", b: "b" },
        { id: "first", a: "c", b: "d", weight: 5 },
        { id: "notable", a: "a", b: "e" },
        { id: "nointerp", a: "d", b: "e", interpreter: "zh" },
        { id: "full", a: "f", b: "e" },
      ],
    };
    const out = schedule(input);
    const why = Object.fromEntries(out.unscheduled.map((u) => [u.request, u.reason]));
    expect(out.meetings.map((m) => m.request)).toEqual(["first"]);
    expect(why).toEqual({ nocommon: "no_common_slot", notable: "no_table", nointerp: "no_interpreter", full: "participant_full" });
  });

  it("keeps fixed meetings, pins and precedences", () => {
    const out = schedule({
      ...base,
      requests: [
        { id: "r1", a: "a", b: "b" },
        { id: "r2", a: "a", b: "c", pinnedSlot: "s1" } as never,
        { id: "r3", a: "b", b: "c", after: ["r1"] } as never,
      ],
      fixed: [{ request: "r1", slot: "s2", table: 1 }],
    });
    const at = Object.fromEntries(out.meetings.map((m) => [m.request, m.slot]));
    expect(at).toEqual({ r1: "s2", r2: "s1", r3: "s3" });
  });

  it("rejects unknown references with the field path", () => {
    expect(() => schedule({ ...base, requests: [{ id: "r1", a: "a", b: "zz" }] })).toThrow(/requests\.0\.b: unknown participant/);
  });
});
