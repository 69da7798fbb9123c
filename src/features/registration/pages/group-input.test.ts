import { describe, expect, it } from "vitest";
import { membersFrom, rowsFrom, toFormPaths, withoutRow } from "./group-input";

const form = (entries: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.append(k, v);
  return f;
};

describe("the delegation form without JavaScript", () => {
  it("takes the filled rows only, each with what the delegation shares", () => {
    const f = form({ rows: "3", organisation: "Embassy of Japan", "day.0": "1", "day.2": "1", consentData: "yes", "m.0.name": "Aiko", "m.0.email": "aiko@example.jp", "m.2.name": "Kenji", "m.2.email": "kenji@example.jp" });
    const { rows, members } = membersFrom(f, []);
    expect(rows).toEqual([0, 2]);
    expect(members.map((m) => [m.name, m.email, m.organisation, m.days, m.consentData])).toEqual([
      ["Aiko", "aiko@example.jp", "Embassy of Japan", [0, 2], true],
      ["Kenji", "kenji@example.jp", "Embassy of Japan", [0, 2], true],
    ]);
  });

  it("puts a member's error on its row and a shared one on the shared field, once", () => {
    const issues = [
      { path: "members.1.email", code: "invalid_format" },
      { path: "members.0.days", code: "registration_days_required" },
      { path: "members.1.days", code: "registration_days_required" },
      { path: "members.0.answers.q1", code: "required" },
      { path: "categoryId", code: "invalid_value" },
    ];
    expect(toFormPaths(issues, [0, 2]).map((i) => i.path)).toEqual(["m.2.email", "days", "answers.q1", "categoryId"]);
  });

  it("removes a row and moves the later ones up; the row count is bounded", () => {
    const v = { rows: "3", organisation: "X", "m.0.name": "A", "m.1.name": "B", "m.2.name": "C", "m.2.email": "c@x.pk" };
    expect(withoutRow(v, 1)).toEqual({ rows: "3", organisation: "X", "m.0.name": "A", "m.1.name": "C", "m.1.email": "c@x.pk" });
    expect(rowsFrom(form({ rows: "999" }))).toBe(50);
    expect(rowsFrom(form({ rows: "-1" }))).toBe(3);
    expect(rowsFrom({ rows: "4" })).toBe(4);
  });
});
