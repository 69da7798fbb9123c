import { describe, expect, it } from "vitest";
import { z } from "zod";
import { newScanNonce } from "./offline-sync";
import { answersByNonce, parseQueuedItems, planUpload, scanItemFields, type QueuedUpload } from "./scan-queue";

const item = (url: string, body?: Record<string, unknown>, nonce = newScanNonce()): QueuedUpload => ({ nonce, url, ...(body ? { body } : {}), scan: { nonce, code: "c", at: "2026-01-24T05:00:00Z", deviceId: "p" } });

describe("planUpload", () => {
  it("sends each nonce once, the first queued winning", () => {
    const a = item("/a");
    const again = { ...item("/a", undefined, a.nonce), scan: { ...a.scan, code: "other" } };
    const batches = planUpload([a, again, item("/a")]);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.nonces).toEqual([a.nonce, batches[0]!.nonces[1]]);
    expect(batches[0]!.body.scans.map((s) => s.code)).toEqual(["c", "c"]);
  });

  it("groups by endpoint and body, keeping queue order, and chunks", () => {
    const door1 = { sessionId: "s1" };
    const q = [item("/door", door1), item("/leads", { editionId: "e" }), item("/door", { sessionId: "s2" }), item("/door", { sessionId: "s1" })];
    const batches = planUpload(q);
    expect(batches.map((b) => [b.url, b.nonces.length])).toEqual([
      ["/door", 2],
      ["/leads", 1],
      ["/door", 1],
    ]);
    expect(batches[0]!.body).toMatchObject({ sessionId: "s1" });
    expect(batches[0]!.nonces).toEqual([q[0]!.nonce, q[3]!.nonce]);
    const many = Array.from({ length: 450 }, () => item("/a"));
    expect(planUpload(many, 200).map((b) => b.nonces.length)).toEqual([200, 200, 50]);
    expect(new Set(planUpload(many, 200).flatMap((b) => b.nonces)).size).toBe(450);
  });

  it("an empty queue uploads nothing", () => {
    expect(planUpload([])).toEqual([]);
  });
});

describe("parseQueuedItems", () => {
  const schema = z.strictObject({ ...scanItemFields, meetingId: z.uuid() });
  it("keeps the good items and names the bad ones by index", () => {
    const good = { nonce: newScanNonce(), code: "  123 ", at: "2026-01-24T05:00:00Z", meetingId: "7f000000-0000-4000-8000-000000000001" };
    // An item that does not say whether the phone was offline counts as offline (queues of before).
    const online = { ...good, nonce: newScanNonce(), offline: false };
    const { items, invalid } = parseQueuedItems(schema, [good, { ...good, nonce: "short" }, null, online, { ...online, offline: "no" }]);
    expect(items).toEqual([
      { index: 0, item: { ...good, code: "123", deviceId: "web", offline: true } },
      { index: 3, item: { ...online, code: "123", deviceId: "web" } },
    ]);
    expect(invalid.map((i) => i.index)).toEqual([1, 2, 4]);
    expect(invalid[0]!.issues[0]).toMatch(/^nonce: /);
    expect(invalid[2]!.issues).toEqual(["offline: invalid_type"]);
  });
});

describe("answersByNonce", () => {
  it("keeps the first answer of a repeated nonce", () => {
    const m = answersByNonce([
      { nonce: "a", result: "arrived" },
      { nonce: "a", result: "refuse" },
      { nonce: "b", result: "refuse" },
    ]);
    expect([...m.keys()]).toEqual(["a", "b"]);
    expect(m.get("a")!.result).toBe("arrived");
  });
});
