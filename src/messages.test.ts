import { describe, expect, it } from "vitest";
import { errorStatus } from "./platform/errors";
import { en, ur } from "./messages";

// The Urdu catalogue must stay a full translation of the English one: same keys,
// same placeholders (a missing {link} would send an email without its link), and
// real Urdu text rather than English left in place.

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const arabicScript = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;

/** Values that are rightly not Urdu: the switch names the other language; a title is only a placeholder. */
const technical = new Set(["lang.switchTo", "home.title"]);

describe("message catalogues", () => {
  it("have the same keys in English and Urdu", () => {
    expect(Object.keys(ur).sort()).toEqual(Object.keys(en).sort());
  });

  it("use the same placeholders in both languages", () => {
    const mismatched = Object.keys(en).filter((k) => {
      const key = k as keyof typeof en;
      return placeholders(en[key]).join(",") !== placeholders(ur[key] ?? "").join(",");
    });
    expect(mismatched).toEqual([]);
  });

  it("write every Urdu value in Arabic script, except the technical ones listed", () => {
    const notUrdu = Object.entries(ur)
      .filter(([k, v]) => !technical.has(k) && !arabicScript.test(v.replace(/\{\w+\}/g, "")))
      .map(([k]) => k);
    expect(notUrdu).toEqual([]);
  });

  it("lists only exceptions that exist (a stale entry would hide nothing)", () => {
    expect([...technical].filter((k) => !(k in en))).toEqual([]);
  });

  it("has no empty values", () => {
    expect(Object.entries(en).filter(([, v]) => v.trim() === "")).toEqual([]);
    expect(Object.entries(ur).filter(([, v]) => v.trim() === "")).toEqual([]);
  });

  it("has a text for every error code, in both languages (a refusal never falls back to the generic text)", () => {
    const missing = Object.keys(errorStatus).filter((code) => !(`error.${code}` in en) || !(`error.${code}` in ur));
    expect(missing).toEqual([]);
  });
});
