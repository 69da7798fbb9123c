import { describe, expect, it } from "vitest";
import { CHECK_ALPHABET, checkCharacter, formatShortCode, parseShortCode } from "./short-code";

const TYPABLE = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** Every code that differs from `code` in exactly one character (any digit or letter instead). */
function singleErrors(code: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < code.length; i++) {
    if (code[i] === "-") continue;
    for (const c of TYPABLE) if (c !== code[i]) out.push(code.slice(0, i) + c + code.slice(i + 1));
  }
  return out;
}

/** Every code with two neighbouring characters swapped, where the swap changes what is read. */
function adjacentSwaps(code: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < code.length; i++) {
    const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
    if (swapped.replace(/-/g, "") !== code.replace(/-/g, "")) out.push(swapped);
  }
  return out;
}

describe("short badge code", () => {
  it("is the year, the number in five or more digits and a check letter", () => {
    expect(formatShortCode(2026, 4817)).toMatch(/^2026-04817-[A-Z]$/);
    expect(formatShortCode(2026, 1)).toMatch(/^2026-00001-[A-Z]$/);
    expect(formatShortCode(2026, 123456)).toMatch(/^2026-123456-[A-Z]$/);
    expect(() => formatShortCode(26, 1)).toThrow();
    expect(() => formatShortCode(2026, 0)).toThrow();
  });

  it("writes checks only with letters that cannot be read as 0 or 1, 23 of them (a prime)", () => {
    expect(CHECK_ALPHABET).toHaveLength(23);
    expect(new Set(CHECK_ALPHABET).size).toBe(23);
    expect(CHECK_ALPHABET).not.toMatch(/[0-9IOQ]/);
    // Every letter is used by some number.
    const seen = new Set<string>();
    for (let n = 1; n <= 200; n++) seen.add(checkCharacter(`2026${String(n).padStart(5, "0")}`));
    expect(seen.size).toBe(23);
  });

  it("reads back what it prints, however it is typed", () => {
    for (const [year, no] of [
      [2026, 4817],
      [2025, 1],
      [2026, 99999],
      [2027, 4_000_000],
    ] as const) {
      const code = formatShortCode(year, no);
      const expected = { ok: true, year, registrationNo: no, code };
      expect(parseShortCode(code)).toEqual(expected);
      expect(parseShortCode(code.toLowerCase())).toEqual(expected);
      expect(parseShortCode(` ${code.replace(/-/g, " ")} `)).toEqual(expected);
      expect(parseShortCode(code.replace(/-/g, ""))).toEqual(expected);
      // Without the year at a gate that knows it, with or without the leading zeros.
      const [, number, check] = code.split("-");
      expect(parseShortCode(`${number}-${check}`, year)).toEqual(expected);
      expect(parseShortCode(`${Number(number)}${check!.toLowerCase()}`, year)).toEqual(expected);
      expect(parseShortCode(`${number}-${check}`)).toEqual({ ok: false, reason: "not_code" });
    }
  });

  it("detects every single wrong character", () => {
    let checked = 0;
    for (const no of [1, 7, 4817, 10_000, 12_345, 99_999, 123_456]) {
      const code = formatShortCode(2026, no);
      for (const wrong of singleErrors(code)) {
        const r = parseShortCode(wrong);
        expect(r.ok, `${code} → ${wrong}`).toBe(false);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2000);
  });

  it("detects every swap of two neighbouring characters", () => {
    let checked = 0;
    for (let no = 1; no <= 3000; no++) {
      const code = formatShortCode(2026, no);
      for (const swapped of adjacentSwaps(code)) {
        expect(parseShortCode(swapped).ok, `${code} → ${swapped}`).toBe(false);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  it("tells a misread check from text that is not a code at all", () => {
    const code = formatShortCode(2026, 4817);
    const other = CHECK_ALPHABET.split("").find((c) => c !== code.at(-1))!;
    expect(parseShortCode(code.slice(0, -1) + other)).toEqual({ ok: false, reason: "bad_check" });
    for (const text of ["", "   ", "Ayesha Siddiqui", "2026-04817", "K", "2026-04817-KK", "١٢٣٤٥K", "x".repeat(100), "0000-00000-A"]) {
      expect(parseShortCode(text).ok, text).toBe(false);
    }
    expect(parseShortCode("Ayesha")).toEqual({ ok: false, reason: "not_code" });
  });
});
