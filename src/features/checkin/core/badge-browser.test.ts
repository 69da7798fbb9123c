import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bytesToDigits, digitsToBytes, encodeBadge, generateEditionKeyPair, verifyBadge } from "./badge-code";
import { verifyInChromium } from "./badge-measure-browser";
import { webVerifierSupported } from "./badge-verify-web";

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

describe("the scanner page's verifier", () => {
  it("is supported in this Node", async () => {
    expect(await webVerifierSupported()).toBe(true);
  });

  // Real Chromium, the bundle the page would ship: same answers as the server on good and tampered badges.
  it.skipIf(!existsSync(chromiumPath))("agrees with the server verifier in headless Chromium", { timeout: 20_000 }, async () => {
    const k1 = generateEditionKeyPair();
    const k2 = generateEditionKeyPair([1]);
    const keys = { 1: k1.publicKey, 2: k2.publicKey };
    const texts: string[] = [];
    for (let i = 0; i < 60; i++) {
      const k = i % 2 ? k2 : k1;
      const text = encodeBadge({ edition: 7, registrationNo: i + 1, category: i % 9, days: 3, zones: i, serial: 0, validFrom: 20524, validTo: 20526 }, k.privateKey, k.keyId);
      const bytes = digitsToBytes(text)!;
      bytes[(i * 7) % bytes.length]! ^= 1 << i % 8;
      texts.push(text, bytesToDigits(bytes), text.slice(0, 100 + i));
    }
    texts.push("", "hello", encodeBadge({ edition: 8, registrationNo: 1, category: 0, days: 1, zones: 0, serial: 0, validFrom: 1, validTo: 1 }, k1.privateKey, 1));
    const run = await verifyInChromium(texts, keys, 7);
    expect(run.userAgent).toMatch(/Chrome\//);
    expect(run.results).toEqual(texts.map((t) => verifyBadge(t, keys, 7)));
    expect(run.results.filter((r) => r.ok)).toHaveLength(60);
  });
});
