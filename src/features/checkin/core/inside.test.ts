import { describe, expect, it } from "vitest";
import { admitKey, alreadyInside, ofThisRehearsal, type Place, type PriorScan } from "./inside";
import { admittedToday } from "./decide";

const admit = (dayIndex: number, zone: number | null, rehearsalOn?: string): PriorScan =>
  rehearsalOn ? { result: "admit", dayIndex, zone, rehearsal: true, on: rehearsalOn } : { result: "admit", dayIndex, zone };

describe("already inside (core/inside.ts)", () => {
  const hall: Place = { dayIndex: 1, zone: null, rehearsal: false };

  it("is an admission at the same day and zone, in the same mode", () => {
    expect(alreadyInside([admit(1, null)], hall)).toBe(true);
    expect(alreadyInside([{ ...admit(1, null), result: "refuse" }], hall)).toBe(false);
    expect(alreadyInside([admit(0, null)], hall)).toBe(false);
    // Inside the hall does not mean inside the lounge.
    expect(alreadyInside([admit(1, 2)], hall)).toBe(false);
    expect(alreadyInside([admit(1, 2)], { ...hall, zone: 2 })).toBe(true);
    // A rehearsal's admissions never count for the event, nor the event's for a rehearsal.
    expect(alreadyInside([admit(1, null, "2026-01-20")], hall)).toBe(false);
    expect(alreadyInside([admit(1, null)], { ...hall, rehearsal: true, rehearsalOn: "2026-01-20" })).toBe(false);
  });

  it("counts a rehearsal's admissions only within that rehearsal (its date)", () => {
    const rehearsing: Place = { dayIndex: 1, zone: null, rehearsal: true, rehearsalOn: "2026-01-21" };
    expect(alreadyInside([admit(1, null, "2026-01-21")], rehearsing)).toBe(true);
    expect(alreadyInside([admit(1, null, "2026-01-20")], rehearsing)).toBe(false);
    expect(ofThisRehearsal([admit(1, null), admit(1, null, "2026-01-20"), admit(1, null, "2026-01-21")], "2026-01-21")).toEqual([admit(1, null), admit(1, null, "2026-01-21")]);
  });

  it("gives equal admit keys exactly when one admission makes the other already inside", () => {
    const places: Place[] = [
      hall,
      { ...hall, dayIndex: 2 },
      { ...hall, zone: 3 },
      { ...hall, zone: 0 },
      { ...hall, rehearsal: true, rehearsalOn: "2026-01-20" },
      { ...hall, rehearsal: true, rehearsalOn: "2026-01-21" },
      { ...hall, zone: 3, rehearsal: true, rehearsalOn: "2026-01-21" },
    ];
    const asHistory = (p: Place) => admit(p.dayIndex, p.zone, p.rehearsal ? p.rehearsalOn! : undefined);
    for (const a of places) for (const b of places) expect(admitKey(a) === admitKey(b)).toBe(alreadyInside([asHistory(a)], b));
    expect(admitKey(hall)).toBe("1:-");
    expect(admitKey({ dayIndex: 0, zone: 3, rehearsal: true, rehearsalOn: "2026-01-20" })).toBe("r2026-01-20:0:3");
    expect(() => admitKey({ ...hall, rehearsal: true })).toThrow();
  });

  it("is what the gate decision asks", () => {
    expect(admittedToday([admit(1, 2)], 1, 2)).toBe(true);
    expect(admittedToday([admit(1, 2)], 1, 2, true)).toBe(false);
  });
});
