import { describe, expect, it } from "vitest";
import { numberOf, oneOf, optionalOneOf, optionalText, someOf, text, texts } from "./form-fields";

const form = (entries: [string, string | Blob][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};

describe("form fields: typed values that never refuse", () => {
  it("reads text, '' or undefined when missing, empty or a file", () => {
    const f = form([["name", "Amna"], ["empty", ""], ["file", new Blob(["x"])]]);
    expect([text(f, "name"), text(f, "missing"), text(f, "file")]).toEqual(["Amna", "", ""]);
    expect([optionalText(f, "name"), optionalText(f, "empty"), optionalText(f, "missing")]).toEqual(["Amna", undefined, undefined]);
    expect(texts(form([["ids", "a"], ["ids", "b"]]), "ids")).toEqual(["a", "b"]);
  });

  it("passes a value outside the enum on as it came, for the operation's schema to refuse", () => {
    const f = form([["kind", "panel"], ["bad", "urgent"], ["many", "en"], ["many", "fr"]]);
    expect(oneOf(f, "kind", ["panel", "keynote"])).toBe("panel");
    expect(oneOf(f, "bad", ["must", "would_like"])).toBe("urgent");
    expect(oneOf(f, "missing", ["must", "would_like"])).toBe("");
    expect(optionalOneOf(f, "missing", ["must"])).toBeUndefined();
    expect(optionalOneOf(f, "bad", ["must"])).toBe("urgent");
    expect(someOf(f, "many", ["en", "ur"])).toEqual(["en", "fr"]);
  });

  it("reads numbers: blank is missing (the schema says required), text is NaN (refused as such)", () => {
    const q = new URLSearchParams("n=12&blank=%20&word=abc");
    expect(numberOf(q, "n")).toBe(12);
    expect(numberOf(q, "blank")).toBeUndefined();
    expect(numberOf(q, "word")).toBeNaN();
  });
});
