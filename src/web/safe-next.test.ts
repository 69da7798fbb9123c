import { describe, expect, it } from "vitest";
import { safeNext, withNext } from "./actions";

// Where sign-in, sign-up and the language switch send the browser next: only same-site paths.
// Browsers drop tabs and line breaks inside a URL (WHATWG URL parsing), so "/\t/evil.example"
// in a Location header is followed to https://evil.example/.
describe("safeNext", () => {
  it("keeps local paths", () => {
    expect(safeNext("/badges/abc?key=x")).toBe("/badges/abc?key=x");
    expect(safeNext("/account", "/")).toBe("/account");
    expect(withNext("/sign-up", "/badges/abc")).toBe("/sign-up?next=%2Fbadges%2Fabc");
  });

  it("refuses other hosts, however they are spelt", () => {
    for (const next of ["//evil.example", "/\\evil.example", "https://evil.example", "/\t/evil.example", "/\n/evil.example", "/\r/evil.example", "/\t\\evil.example", "\t//evil.example"]) {
      expect(safeNext(next, "/fallback"), JSON.stringify(next)).toBe("/fallback");
      // What a browser would make of it, had it been let through: never another host.
      expect(new URL(safeNext(next, "/fallback"), "https://numaish.example/").host).toBe("numaish.example");
      expect(withNext("/sign-in", next)).toBe("/sign-in");
    }
  });
});
