import { describe, expect, it } from "vitest";
import { newId, newSecret } from "./random";

describe("random ids and secrets (Web Crypto)", () => {
  it("mints URL-safe secrets of the requested byte length, all different", () => {
    for (const bytes of [6, 12, 18, 32]) {
      const s = newSecret(bytes);
      expect(s).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(Buffer.from(s, "base64url")).toHaveLength(bytes);
    }
    expect(new Set(Array.from({ length: 200 }, () => newSecret(12))).size).toBe(200);
  });
  it("mints v4 UUIDs", () => {
    expect(newId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
