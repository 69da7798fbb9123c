import { describe, expect, it } from "vitest";
import { benchmarkVerify, measureQrSizes, toBase32, toBase45 } from "./badge-measure";

describe("badge measurements", () => {
  it("encodes base45 and base32 as their RFCs say", () => {
    // RFC 9285 section 4.3 and RFC 4648 section 10 examples.
    expect(toBase45(new TextEncoder().encode("AB"))).toBe("BB8");
    expect(toBase45(new TextEncoder().encode("Hello!!"))).toBe("%69 VD92EX0");
    expect(toBase32(new TextEncoder().encode("foobar"))).toBe("MZXW6YTBOI");
  });

  it("backs the choice of decimal digits: the smallest QR at error correction M", () => {
    const m = measureQrSizes().filter((r) => r.ec === "M");
    const version = (prefix: string) => m.find((r) => r.encoding.startsWith(prefix))!.version;
    expect(version("decimal")).toBe(5);
    expect(version("base45")).toBe(6);
    expect(Math.min(...m.map((r) => r.version))).toBe(version("decimal"));
  });

  it("times verification per badge in both verifiers", async () => {
    const r = await benchmarkVerify(50);
    expect(r.badges).toBe(50);
    expect(r.nodeMsPerBadge).toBeGreaterThan(0);
    expect(r.webCryptoMsPerBadge).toBeGreaterThan(0);
  });
});
