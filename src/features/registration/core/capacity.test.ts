import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  admitOrWaitlist,
  admitOrWaitlistGroup,
  bucket,
  bucketsFor,
  promoteWaitlist,
  registrationRequestSchema,
  type CapacityState,
  type PlaceRequest,
  type WaitlistEntry,
} from "./capacity";

const empty = (limits: Record<string, number>): CapacityState => ({ limits, used: {} });

describe("admitOrWaitlist", () => {
  it("admits while every bucket has room, then waitlists naming the full buckets", () => {
    let state = empty({ [bucket.categoryDay("student", 0)]: 2, [bucket.day(1)]: 10 });
    const r = { category: "student", days: [0, 1] };
    for (let i = 0; i < 2; i++) {
      const d = admitOrWaitlist(state, r);
      expect(d.decision).toBe("admit");
      state = d.state;
    }
    const third = admitOrWaitlist(state, r);
    expect(third).toEqual({ decision: "waitlist", full: ["cat:student@0"], state });
    // Day 1 alone still has room; other categories on day 0 are not limited by the student cap.
    expect(admitOrWaitlist(state, { category: "student", days: [1] }).decision).toBe("admit");
    expect(admitOrWaitlist(state, { category: "buyer", days: [0] }).decision).toBe("admit");
    expect(state.used).toMatchObject({ "cat:student": 2, "day:0": 2, "day:1": 2, "cat:student@0": 2 });
  });

  it("needs a place on every chosen day: all or nothing", () => {
    const state = { limits: { [bucket.day(0)]: 5, [bucket.day(2)]: 5 }, used: { [bucket.day(2)]: 5 } };
    const d = admitOrWaitlist(state, { category: "public", days: [0, 2] });
    expect(d).toMatchObject({ decision: "waitlist", full: ["day:2"] });
    expect(d.state.used["day:0"]).toBeUndefined();
  });

  it("counts a repeated day once and validates requests", () => {
    expect(bucketsFor({ category: "x", days: [1, 1, 0] })).toEqual(["cat:x", "day:0", "cat:x@0", "day:1", "cat:x@1"]);
    expect(registrationRequestSchema.safeParse({ category: "x", days: [] }).success).toBe(false);
    expect(registrationRequestSchema.safeParse({ category: "x", days: [16] }).success).toBe(false);
  });

  it("admits a delegation together or not at all", () => {
    const state = empty({ [bucket.category("mission")]: 3 });
    const four = Array.from({ length: 4 }, () => ({ category: "mission", days: [0] }));
    expect(admitOrWaitlistGroup(state, four)).toMatchObject({ decision: "waitlist", state });
    const three = admitOrWaitlistGroup(state, four.slice(1));
    expect(three.decision).toBe("admit");
    expect(three.state.used["cat:mission"]).toBe(3);
  });
});

describe("promoteWaitlist", () => {
  const entry = (id: string, joinedAt: string, days: number[], category = "buyer"): WaitlistEntry => ({ id, joinedAt, category, days });

  it("promotes in order as places free, skipping only those whose days are not all free", () => {
    const limits = { [bucket.day(0)]: 1, [bucket.day(1)]: 1 };
    const holder0 = { category: "buyer", days: [0] };
    const holder1 = { category: "buyer", days: [1] };
    let state: CapacityState = { limits, used: { "day:0": 1, "day:1": 1, "cat:buyer": 2, "cat:buyer@0": 1, "cat:buyer@1": 1 } };
    const waitlist = [entry("c", "2026-03-01T10:00:02Z", [1]), entry("a", "2026-03-01T10:00:00Z", [0, 1]), entry("b", "2026-03-01T10:00:01Z", [0])];
    // Day 0 frees: a (first in line) also needs day 1, still full; b is next and fits.
    const step1 = promoteWaitlist(state, [holder0], waitlist);
    expect(step1.promoted.map((e) => e.id)).toEqual(["b"]);
    state = step1.state;
    // Day 1 frees: a still lacks day 0 (b holds it); c fits.
    const step2 = promoteWaitlist(state, [holder1], waitlist.filter((e) => e.id !== "b"));
    expect(step2.promoted.map((e) => e.id)).toEqual(["c"]);
    expect(step2.state.used).toMatchObject({ "day:0": 1, "day:1": 1 });
  });

  it("gives the earliest entry first claim on a freed place", () => {
    const limits = { [bucket.category("media")]: 1 };
    const waitlist = [entry("late", "2026-03-01T11:00:00Z", [0], "media"), entry("early", "2026-03-01T09:00:00Z", [0], "media"), entry("same-time-b", "2026-03-01T09:00:00Z", [0], "media")];
    const r = promoteWaitlist({ limits, used: { "cat:media": 1 } }, [{ category: "media", days: [0] }], waitlist);
    expect(r.promoted.map((e) => e.id)).toEqual(["early"]);
  });

  it("never oversells and never leaves a fitting entry waiting (property)", () => {
    const cats = ["buyer", "student"];
    const req = fc.record({ category: fc.constantFrom(...cats), days: fc.uniqueArray(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 3 }) });
    const limitsArb = fc.dictionary(
      fc.constantFrom("cat:buyer", "cat:student", "day:0", "day:1", "day:2", "cat:buyer@0", "cat:student@2"),
      fc.integer({ min: 0, max: 4 }),
    );
    fc.assert(
      fc.property(limitsArb, fc.array(req, { maxLength: 15 }), fc.integer({ min: 0, max: 15 }), (limits, requests, cancelCount) => {
        let state: CapacityState = { limits, used: {} };
        const held: PlaceRequest[] = [];
        const waitlist: WaitlistEntry[] = [];
        requests.forEach((r, i) => {
          const d = admitOrWaitlist(state, r);
          state = d.state;
          if (d.decision === "admit") held.push(r);
          else waitlist.push({ ...r, id: `w${i}`, joinedAt: `2026-03-01T10:00:${String(i).padStart(2, "0")}Z` });
        });
        const freed = held.splice(0, cancelCount);
        const { promoted, state: after } = promoteWaitlist(state, freed, waitlist);
        const holding = [...held, ...promoted];
        // Recount from scratch: the state matches and no limit is exceeded.
        const used: Record<string, number> = {};
        for (const r of holding) for (const b of bucketsFor(r)) used[b] = (used[b] ?? 0) + 1;
        for (const [b, limit] of Object.entries(limits)) expect(used[b] ?? 0).toBeLessThanOrEqual(limit);
        for (const [b, count] of Object.entries(used)) expect(after.used[b]).toBe(count);
        // Whoever is still waiting does not fit now.
        for (const w of waitlist.filter((e) => !promoted.includes(e))) expect(admitOrWaitlist(after, w).decision).toBe("waitlist");
      }),
    );
  });
});
