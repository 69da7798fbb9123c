import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BADGE_BYTES,
  bytesToDigits,
  decodeBadge,
  digitsLength,
  digitsToBytes,
  editionShortId,
  encodeBadge,
  epochDay,
  generateEditionKeyPair,
  publicKeyOf,
  verifyBadge,
  type BadgeClaims,
} from "./badge-code";
import { createWebVerifier, verifyBadgeWebCrypto } from "./badge-verify-web";

const EDITION = 0x1234;
const k1 = generateEditionKeyPair();
const k2 = generateEditionKeyPair([k1.keyId]);
const keys = { [k1.keyId]: k1.publicKey, [k2.keyId]: k2.publicKey };
const claims: BadgeClaims = { edition: EDITION, registrationNo: 1042, category: 2, days: 0b101, zones: 0b11, serial: 1, validFrom: 20524, validTo: 20526 };
const web = createWebVerifier(keys, EDITION);

const claimsArb: fc.Arbitrary<BadgeClaims> = fc
  .record({
    edition: fc.constant(EDITION),
    registrationNo: fc.integer({ min: 1, max: 0xffffffff }),
    category: fc.integer({ min: 0, max: 255 }),
    days: fc.integer({ min: 1, max: 0xffff }),
    zones: fc.integer({ min: 0, max: 0xffff }),
    serial: fc.integer({ min: 0, max: 255 }),
    validFrom: fc.integer({ min: 0, max: 0xffff }),
    span: fc.integer({ min: 0, max: 30 }),
  })
  .map(({ span, ...c }) => ({ ...c, validTo: Math.min(0xffff, c.validFrom + span) }));

function rawBytes(text: string): Uint8Array {
  const bytes = digitsToBytes(text);
  if (!bytes) throw new Error("test badge did not decode");
  return bytes;
}

describe("badge keys", () => {
  it("numbers keys 1, 2, … skipping ids in use, with raw 32-byte base64url halves that belong together", () => {
    expect([k1.keyId, k2.keyId]).toEqual([1, 2]);
    expect(generateEditionKeyPair([1, 2, 4]).keyId).toBe(3);
    expect(k1.publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(k1.privateKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(publicKeyOf(k1.privateKey)).toBe(k1.publicKey);
    expect(k1.publicKey).not.toBe(k2.publicKey);
    expect(() => generateEditionKeyPair(Array.from({ length: 255 }, (_, i) => i + 1))).toThrow();
  });
});

describe("encode and decode", () => {
  it("round-trips the claims and is 200 digits", () => {
    const text = encodeBadge(claims, k1.privateKey, k1.keyId);
    expect(text).toMatch(/^[0-9]{200}$/);
    expect(digitsLength(BADGE_BYTES)).toBe(200);
    const d = decodeBadge(text);
    expect(d.ok && d.badge).toEqual({ ...claims, version: 1, keyId: 1 });
  });

  it("refuses claims out of range before signing", () => {
    expect(() => encodeBadge({ ...claims, days: 0 }, k1.privateKey, 1)).toThrow();
    expect(() => encodeBadge({ ...claims, validTo: claims.validFrom - 1 }, k1.privateKey, 1)).toThrow();
    expect(() => encodeBadge({ ...claims, registrationNo: 2 ** 32 }, k1.privateKey, 1)).toThrow();
    expect(() => encodeBadge(claims, k1.privateKey, 0)).toThrow();
    expect(() => encodeBadge(claims, "short", 1)).toThrow();
  });

  it("decimal text round-trips any bytes and rejects non-canonical chunks", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 120 }), (bytes) => {
        const digits = bytesToDigits(bytes);
        expect(digits.length).toBe(digitsLength(bytes.length));
        expect(digitsToBytes(digits)).toEqual(bytes);
      }),
    );
    // 2^56 does not fit in a 7-byte chunk; a second spelling of the same bytes must not exist.
    expect(digitsToBytes("72057594037927936")).toBeNull();
    expect(digitsToBytes("99999999999999999")).toBeNull();
    expect(digitsToBytes("1234")).toBeNull(); // 4 digits is no chunk length
  });

  it("types its failures", () => {
    const text = encodeBadge(claims, k1.privateKey, k1.keyId);
    expect(decodeBadge("")).toEqual({ ok: false, code: "malformed" });
    expect(decodeBadge("https://example.com/")).toEqual({ ok: false, code: "malformed" });
    expect(decodeBadge(42)).toEqual({ ok: false, code: "malformed" });
    expect(decodeBadge(text.slice(0, 120))).toEqual({ ok: false, code: "truncated" });
    expect(decodeBadge(text.slice(0, 5))).toEqual({ ok: false, code: "truncated" });
    expect(decodeBadge(text + "0")).toEqual({ ok: false, code: "malformed" });
    const bytes = rawBytes(text);
    bytes[0] = 2;
    expect(decodeBadge(bytesToDigits(bytes))).toEqual({ ok: false, code: "unknown_version" });
    // What a keyboard-wedge scanner adds around a read is ignored.
    expect(decodeBadge(`${text}\r\n`).ok).toBe(true);
  });

  it("derives the edition short id and epoch days", () => {
    expect(editionShortId("12345678-9abc-4def-8123-456789abcdef")).toBe(0x1234);
    expect(() => editionShortId("not-a-uuid")).toThrow();
    expect(epochDay("1970-01-02")).toBe(1);
    expect(epochDay("2026-03-12")).toBe(20524);
  });
});

describe("verifyBadge", () => {
  const text = encodeBadge(claims, k1.privateKey, k1.keyId);

  it("accepts a badge signed with any current key (rotation)", async () => {
    const newer = encodeBadge({ ...claims, registrationNo: 7 }, k2.privateKey, k2.keyId);
    expect(verifyBadge(text, keys, EDITION)).toMatchObject({ ok: true, payload: { registrationNo: 1042, keyId: 1 } });
    expect(verifyBadge(newer, keys, EDITION)).toMatchObject({ ok: true, payload: { registrationNo: 7, keyId: 2 } });
    expect(await verifyBadgeWebCrypto(newer, keys, EDITION)).toMatchObject({ ok: true, payload: { keyId: 2 } });
    // Once key 1 is retired, its badges are no longer vouched for.
    expect(verifyBadge(text, { [k2.keyId]: k2.publicKey }, EDITION)).toEqual({ ok: false, code: "unknown_key" });
  });

  it("names foreign editions, unknown keys, bad signatures and junk", async () => {
    expect(verifyBadge(text, keys, EDITION + 1)).toEqual({ ok: false, code: "foreign_edition" });
    // Signed with key 2's private half but claiming key 1.
    const mislabelled = encodeBadge(claims, k2.privateKey, k1.keyId);
    expect(verifyBadge(mislabelled, keys, EDITION)).toEqual({ ok: false, code: "bad_signature" });
    expect(await web(mislabelled)).toEqual({ ok: false, code: "bad_signature" });
    expect(verifyBadge(encodeBadge(claims, k1.privateKey, 9), keys, EDITION)).toEqual({ ok: false, code: "unknown_key" });
    expect(verifyBadge("HELLO", keys, EDITION)).toMatchObject({ ok: false, code: "unknown_code" });
    expect(verifyBadge(text.slice(0, 150), keys, EDITION)).toEqual({ ok: false, code: "malformed", detail: "truncated" });
    // A configured key that is not a key at all vouches for nothing, and does not crash.
    expect(verifyBadge(text, { 1: "AAAA" }, EDITION)).toEqual({ ok: false, code: "bad_signature" });
    expect(await verifyBadgeWebCrypto(text, { 1: "AAAA" }, EDITION)).toEqual({ ok: false, code: "bad_signature" });
    // Prototype keys in a JSON key set are not keys.
    expect(verifyBadge(text, JSON.parse('{"__proto__": {"1": "x"}}'), EDITION)).toEqual({ ok: false, code: "unknown_key" });
  });

  it("Node and WebCrypto verifiers agree on generated badges, genuine and tampered", async () => {
    await fc.assert(
      fc.asyncProperty(claimsArb, fc.boolean(), fc.nat(BADGE_BYTES * 8 - 1), fc.boolean(), async (c, useK2, bit, tamper) => {
        const k = useK2 ? k2 : k1;
        let t = encodeBadge(c, k.privateKey, k.keyId);
        if (tamper) {
          const bytes = rawBytes(t);
          bytes[bit >> 3]! ^= 1 << (bit & 7);
          t = bytesToDigits(bytes);
        }
        const a = verifyBadge(t, keys, EDITION);
        const b = await web(t);
        expect(b).toEqual(a);
        expect(a.ok).toBe(!tamper);
        if (a.ok) expect(a.payload).toEqual({ ...c, version: 1, keyId: k.keyId });
      }),
      { numRuns: 300 },
    );
  });

  it("refuses every single-bit flip of a badge, in both verifiers", async () => {
    const bytes = rawBytes(text);
    for (let bit = 0; bit < BADGE_BYTES * 8; bit++) {
      const flipped = bytes.slice();
      flipped[bit >> 3]! ^= 1 << (bit & 7);
      const t = bytesToDigits(flipped);
      const a = verifyBadge(t, keys, EDITION);
      expect(a.ok, `bit ${bit}`).toBe(false);
      expect(await web(t)).toEqual(a);
    }
  });

  it("refuses every truncation, extension and single-digit change of the text", async () => {
    for (let n = 0; n < text.length; n++) {
      const t = text.slice(0, n);
      expect(verifyBadge(t, keys, EDITION).ok, `length ${n}`).toBe(false);
      expect((await web(t)).ok).toBe(false);
    }
    expect(verifyBadge(text + "7", keys, EDITION).ok).toBe(false);
    for (let i = 0; i < text.length; i++) {
      const d = String((Number(text[i]) + 1 + (i % 9)) % 10);
      expect(verifyBadge(text.slice(0, i) + d + text.slice(i + 1), keys, EDITION).ok, `digit ${i}`).toBe(false);
    }
  });

  it("never throws on arbitrary input", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.stringMatching(/^[0-9]{0,220}$/), fc.anything()), async (input) => {
        const a = verifyBadge(input, keys, EDITION);
        expect(a.ok).toBe(false);
        expect(await web(input)).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });
});
