import { describe, expect, it } from "vitest";
import { isUuid, uuidParam } from "./params";

describe("uuidParam", () => {
  it("passes a UUID and stops anything else with a 404", () => {
    const id = "12345678-9abc-4def-8123-456789abcdef";
    expect(uuidParam(id)).toBe(id);
    expect(isUuid(id.toUpperCase())).toBe(true);
    for (const bad of [undefined, "", "nope", `${id}x`, "12345678-9abc-4def-8123-456789abcdeg"]) {
      let thrown: unknown;
      try {
        uuidParam(bad);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toMatchObject({ init: { status: 404 }, data: { code: "not_found" } });
    }
  });
});
