import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectDoubleAdmissions, mergeUploadedScans, newScanNonce, type UploadedScan } from "./offline-sync";

let n = 0;
function scan(over: Partial<UploadedScan> = {}): UploadedScan {
  n++;
  return {
    nonce: `nonce${String(n).padStart(17, "0")}`,
    gateId: "gate-a",
    deviceId: "phone-1",
    at: "2026-03-12T09:00:00+05:00",
    code: "123",
    registrationNo: 42,
    zone: null,
    result: "admit",
    reason: "ok",
    offline: true,
    ...over,
  };
}

describe("mergeUploadedScans", () => {
  it("records each nonce once when the same queue is uploaded twice", () => {
    const queue = [scan(), scan(), scan()];
    const stored = new Set<string>();
    const first = mergeUploadedScans(stored, queue);
    expect(first.record).toHaveLength(3);
    first.record.forEach((s) => stored.add(s.nonce));
    const second = mergeUploadedScans(stored, queue);
    expect(second.record).toEqual([]);
    expect(second.duplicates).toEqual(queue.map((s) => s.nonce));
  });

  it("drops duplicates inside one batch, flags same-nonce conflicts, and skips invalid items", () => {
    const a = scan();
    const b = scan();
    const result = mergeUploadedScans(new Set(), [a, a, { ...b, gateId: "gate-z" }, b, { ...a, nonce: "short" }, null]);
    expect(result.record.map((s) => s.nonce)).toEqual([a.nonce, b.nonce]);
    expect(result.record[1]!.gateId).toBe("gate-z");
    expect(result.duplicates).toEqual([a.nonce, b.nonce]);
    expect(result.conflicts).toEqual([b.nonce]);
    expect(result.invalid.map((i) => i.index)).toEqual([4, 5]);
  });

  it("records every nonce exactly once over any sequence of overlapping uploads", () => {
    const pool = Array.from({ length: 12 }, () => scan());
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 11 }), { maxLength: 20 }), { maxLength: 6 }), (uploads) => {
        const stored: string[] = [];
        for (const u of uploads) {
          const r = mergeUploadedScans(new Set(stored), u.map((i) => pool[i]!));
          stored.push(...r.record.map((s) => s.nonce));
        }
        const sent = new Set(uploads.flat().map((i) => pool[i]!.nonce));
        expect(stored.length).toBe(sent.size);
        expect(new Set(stored)).toEqual(sent);
      }),
    );
  });

  it("makes 22-character nonces that pass validation and do not repeat", () => {
    const nonces = Array.from({ length: 1000 }, newScanNonce);
    expect(new Set(nonces).size).toBe(1000);
    expect(mergeUploadedScans(new Set(), [scan({ nonce: nonces[0]! })]).record).toHaveLength(1);
  });
});

describe("detectDoubleAdmissions", () => {
  it("flags one badge admitted at two gates within the window while offline", () => {
    const a = scan({ gateId: "gate-a", at: "2026-03-12T09:00:00+05:00" });
    const b = scan({ gateId: "gate-b", deviceId: "phone-2", at: "2026-03-12T09:04:00+05:00" });
    const flags = detectDoubleAdmissions([b, a, a]);
    expect(flags).toEqual([
      { registrationNo: 42, zone: null, first: { nonce: a.nonce, gateId: "gate-a", deviceId: "phone-1", at: a.at }, second: { nonce: b.nonce, gateId: "gate-b", deviceId: "phone-2", at: b.at }, gapMs: 240_000 },
    ]);
  });

  it("leaves alone what is not a double admission", () => {
    const base = scan({ gateId: "gate-a" });
    expect(detectDoubleAdmissions([base, scan({ gateId: "gate-a", at: "2026-03-12T09:01:00+05:00" })])).toEqual([]); // same gate
    expect(detectDoubleAdmissions([base, scan({ gateId: "gate-b", at: "2026-03-12T09:20:00+05:00" })])).toEqual([]); // outside the window
    expect(detectDoubleAdmissions([base, scan({ gateId: "gate-b", at: "2026-03-12T09:20:00+05:00" })], { windowMs: 30 * 60_000 })).toHaveLength(1);
    expect(detectDoubleAdmissions([base, scan({ gateId: "gate-b", result: "refuse", reason: "already_inside" })])).toEqual([]);
    expect(detectDoubleAdmissions([base, scan({ gateId: "lounge", zone: 2 })])).toEqual([]); // hall, then the lounge
    expect(detectDoubleAdmissions([base, scan({ gateId: "gate-b", registrationNo: 43 })])).toEqual([]);
    expect(detectDoubleAdmissions([scan({ offline: false }), scan({ gateId: "gate-b", offline: false })])).toEqual([]);
  });
});
