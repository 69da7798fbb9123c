import { describe, expect, it } from "vitest";
import { generateEditionKeyPair } from "./badge-code";
import { badgeKey } from "./decide";
import { bundleSets, gateBundleSchema, localDate, scanDay } from "./gate-bundle";

const edition = { startsOn: "2026-03-12", timezone: "Asia/Karachi" };

describe("gate bundle", () => {
  it("counts days at the venue, not in UTC or on the phone", () => {
    // 19:30 UTC on the 11th is 00:30 on the 12th in Lahore (UTC+5): the first day.
    expect(scanDay(new Date("2026-03-11T19:30:00Z"), edition)).toEqual({ dayIndex: 0, epochDay: 20524 });
    expect(scanDay(new Date("2026-03-11T18:59:59Z"), edition)).toEqual({ dayIndex: -1, epochDay: 20523 });
    expect(scanDay(new Date("2026-03-14T12:00:00Z"), edition).dayIndex).toBe(2);
    expect(localDate(new Date("2026-03-11T19:30:00Z"), "UTC")).toBe("2026-03-11");
  });

  it("validates a bundle and turns its lists into sets", () => {
    const k = generateEditionKeyPair();
    const bundle = gateBundleSchema.parse({
      edition: 4660,
      ...edition,
      days: 3,
      publicKeys: { [k.keyId]: k.publicKey },
      gates: [{ id: "main-1", zone: null, reentryAllowed: true }, { id: "lounge", zone: 1, reentryAllowed: false }],
      revokedRegistrations: [7],
      revokedBadges: [[8, 0]],
      replacedBadges: [[9, 0], [9, 1]],
      generatedAt: "2026-03-12T04:00:00Z",
    });
    const sets = bundleSets(bundle);
    expect(sets.revocations.registrations.has(7)).toBe(true);
    expect(sets.revocations.badges.has(badgeKey(8, 0))).toBe(true);
    expect([...sets.replaced!]).toEqual(["9:0", "9:1"]);
    expect(gateBundleSchema.safeParse({ ...bundle, publicKeys: { 1: "short" } }).success).toBe(false);
  });
});
