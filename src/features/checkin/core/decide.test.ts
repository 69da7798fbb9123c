import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DecodedBadge, VerifyFailure } from "./badge-format";
import { SCAN_REASONS, admittedToday, badgeKey, decideScan, type ScanInput } from "./decide";

const badge: DecodedBadge = { version: 1, edition: 1, keyId: 1, registrationNo: 42, category: 0, days: 0b011, zones: 0b0100, serial: 2, validFrom: 100, validTo: 101 };

function input(over: Partial<ScanInput> = {}): ScanInput {
  return {
    verification: { ok: true, payload: badge },
    revocations: { registrations: new Set(), badges: new Set() },
    registration: { status: "approved", currentSerial: 2 },
    today: { dayIndex: 1, epochDay: 101 },
    gateZone: null,
    reentryAllowed: false,
    history: [],
    ...over,
  };
}

const reason = (over: Partial<ScanInput>) => decideScan(input(over)).reason;

describe("decideScan", () => {
  it("admits a valid badge, at the general entrance and at a zone it holds", () => {
    expect(decideScan(input())).toMatchObject({ result: "admit", reason: "ok" });
    expect(reason({ gateZone: 2 })).toBe("ok");
    // Offline: no registration record, the signed badge stands.
    expect(reason({ registration: undefined })).toBe("ok");
  });

  it("maps verification failures", () => {
    const fail = (code: VerifyFailure) => reason({ verification: { ok: false, code } });
    expect(fail("unknown_code")).toBe("unknown_code");
    expect(fail("malformed")).toBe("unknown_code");
    expect(fail("foreign_edition")).toBe("foreign_edition");
    expect(fail("bad_signature")).toBe("bad_signature");
    expect(fail("unknown_key")).toBe("bad_signature");
  });

  it("refuses each way a valid signature is not enough", () => {
    expect(reason({ revocations: { registrations: new Set([42]), badges: new Set() } })).toBe("revoked");
    expect(reason({ revocations: { registrations: new Set(), badges: new Set([badgeKey(42, 2)]) } })).toBe("revoked");
    // Revoking another badge of the same person does not touch this one.
    expect(reason({ revocations: { registrations: new Set(), badges: new Set([badgeKey(42, 1)]) } })).toBe("ok");
    expect(reason({ registration: { status: "approved", currentSerial: 3 } })).toBe("replaced");
    expect(reason({ registration: undefined, replaced: new Set([badgeKey(42, 2)]) })).toBe("replaced");
    expect(reason({ registration: { status: "pending" } })).toBe("not_approved");
    expect(reason({ registration: { status: "cancelled" } })).toBe("not_approved");
    expect(reason({ today: { dayIndex: 2, epochDay: 101 } })).toBe("not_valid_today");
    expect(reason({ today: { dayIndex: 1, epochDay: 102 } })).toBe("not_valid_today");
    expect(reason({ today: { dayIndex: 0, epochDay: 99 } })).toBe("not_valid_today");
    expect(reason({ today: { dayIndex: -1, epochDay: 100 } })).toBe("not_valid_today");
    expect(reason({ gateZone: 1 })).toBe("zone_not_allowed");
    expect(reason({ gateZone: 16 })).toBe("zone_not_allowed");
  });

  it("refuses a second entry the same day and zone when re-entry is off, only then", () => {
    const history = [{ result: "admit" as const, dayIndex: 1, zone: null }];
    expect(reason({ history })).toBe("already_inside");
    expect(reason({ history, reentryAllowed: true })).toBe("ok");
    expect(reason({ history: [{ result: "admit", dayIndex: 0, zone: null }] })).toBe("ok");
    expect(reason({ history: [{ result: "refuse", dayIndex: 1, zone: null }] })).toBe("ok");
    // Inside the hall does not mean inside the lounge.
    expect(reason({ history, gateZone: 2 })).toBe("ok");
    expect(admittedToday([{ result: "admit", dayIndex: 1, zone: 2 }], 1, 2)).toBe(true);
  });

  it("follows the documented precedence when several checks fail", () => {
    // Each failure switch moves the input into one failing state; the reason must be the earliest.
    const failures: [Exclude<(typeof SCAN_REASONS)[number], "ok">, (i: ScanInput) => ScanInput][] = [
      ["unknown_code", (i) => ({ ...i, verification: { ok: false, code: "malformed" } })],
      ["revoked", (i) => ({ ...i, revocations: { registrations: new Set([42]), badges: new Set() } })],
      ["replaced", (i) => ({ ...i, replaced: new Set([badgeKey(42, 2)]) })],
      ["not_approved", (i) => ({ ...i, registration: { status: "pending" } })],
      ["not_valid_today", (i) => ({ ...i, today: { dayIndex: 2, epochDay: 101 } })],
      ["zone_not_allowed", (i) => ({ ...i, gateZone: 0 })],
      ["already_inside", (i) => ({ ...i, history: [{ result: "admit", dayIndex: 1, zone: i.gateZone }] })],
    ];
    fc.assert(
      fc.property(fc.subarray(failures.map((_, i) => i), { minLength: 1 }), (picked) => {
        // In list order, so already_inside records its admission at the zone the gate ends up guarding.
        let i = input();
        for (const idx of picked) i = failures[idx]![1](i);
        const expected = failures[Math.min(...picked)]![0];
        expect(decideScan(i).reason).toBe(expected);
        expect(decideScan(i).result).toBe("refuse");
      }),
    );
    expect(SCAN_REASONS.indexOf("revoked")).toBeLessThan(SCAN_REASONS.indexOf("already_inside"));
  });
});
