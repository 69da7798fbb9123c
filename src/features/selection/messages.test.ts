import { describe, expect, it } from "vitest";
import { ReasonCode } from "./engine";
import { en, ur } from "./messages";

describe("texts for every selection reason", () => {
  it("has a reason text for each ReasonCode, in both languages", () => {
    const keys = ReasonCode.options.map((c) => `nominations.reason.${c}`);
    expect(keys.filter((k) => !(k in en) || !(k in ur))).toEqual([]);
  });
});
