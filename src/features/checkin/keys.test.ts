import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateEditionKeyPair, publicKeyOf } from "./core/badge-code";
import { loadConfig } from "../../platform/config";
import { openPrivateKey, sealingKey, sealPrivateKey } from "./keys";

describe("private key sealing", () => {
  const kek = createHash("sha256").update("test secret").digest();
  const other = createHash("sha256").update("another secret").digest();

  it("round-trips a seed under the key-encryption key, with a fresh IV each time", () => {
    const { privateKey, publicKey } = generateEditionKeyPair();
    const a = sealPrivateKey(privateKey, kek);
    const b = sealPrivateKey(privateKey, kek);
    expect(a).toMatch(/^enc1:/);
    expect(a).not.toContain(privateKey);
    expect(a).not.toBe(b);
    expect(publicKeyOf(openPrivateKey(a, kek))).toBe(publicKey);
  });

  it("stores plain without a key, and refuses a wrong key, a tampered seal or a missing key", () => {
    const { privateKey } = generateEditionKeyPair();
    expect(sealPrivateKey(privateKey, null)).toBe(privateKey);
    expect(openPrivateKey(privateKey, kek)).toBe(privateKey);
    const sealed = sealPrivateKey(privateKey, kek);
    expect(() => openPrivateKey(sealed, other)).toThrow();
    const flipped = sealed.slice(0, -2) + (sealed.at(-2) === "A" ? "B" : "A") + sealed.at(-1);
    expect(() => openPrivateKey(flipped, kek)).toThrow();
    expect(() => openPrivateKey(sealed, null)).toThrow(/KEY_ENCRYPTION_KEY/);
  });
});

describe("the sealing key comes from the configuration", () => {
  it("KEY_ENCRYPTION_KEY is read by loadConfig and its SHA-256 seals; unset, nothing is sealed", () => {
    const config = loadConfig({ KEY_ENCRYPTION_KEY: "test secret" });
    expect(config.keyEncryptionKey).toBe("test secret");
    const key = sealingKey(config);
    expect(key?.equals(createHash("sha256").update("test secret").digest())).toBe(true);
    const { privateKey } = generateEditionKeyPair();
    expect(openPrivateKey(sealPrivateKey(privateKey, key), sealingKey(config))).toBe(privateKey);
    expect(sealingKey(loadConfig({}))).toBeNull();
  });
});
