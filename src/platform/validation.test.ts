import { describe, expect, it } from "vitest";
import { illFormedTextPaths } from "./validation";

describe("ill-formed text", () => {
  it("is found in strings and keys, nested, and bytes are not read as text", () => {
    expect(illFormedTextPaths({ a: "fine", b: { c: "bad \ud800" } })).toEqual(["b.c"]);
    expect(illFormedTextPaths({ ["\udc00"]: 1 })).toEqual(["?"]);
    // An upload's bytes are data: not walked entry by entry (2 MB took ~13 s), never reported.
    const bytes = new Uint8Array(2 * 1024 * 1024).fill(0xff);
    expect(illFormedTextPaths({ file: bytes, name: "photo.png" })).toEqual([]);
    expect(illFormedTextPaths({ file: bytes.buffer })).toEqual([]);
  });
});
