import { describe, expect, it } from "vitest";
import { changedSessionIds, diffReleases, type SessionSnapshot } from "./changes";

const snap = (id: string, o: Partial<SessionSnapshot> = {}): SessionSnapshot => ({
  id,
  kind: "panel",
  track: "exports",
  titleEn: `T ${id}`,
  titleUr: `ع ${id}`,
  descriptionEn: "",
  descriptionUr: "",
  day: 1,
  startMinute: 600,
  endMinute: 660,
  roomId: "aud",
  roomEn: "Auditorium",
  roomUr: "آڈیٹوریم",
  language: "ur",
  interpretation: false,
  access: "open",
  speakers: [],
  ...o,
});

describe("release change log", () => {
  it("lists nothing for the first release", () => {
    expect(diffReleases(null, [snap("a")])).toEqual([]);
  });

  it("lists added, moved, changed and cancelled sessions in agenda order", () => {
    const before = [snap("a"), snap("b", { startMinute: 700, endMinute: 760 }), snap("c", { day: 2 })];
    const after = [
      snap("a", { titleEn: "New title" }),
      snap("b", { roomId: "stage", roomEn: "Stage", roomUr: "اسٹیج", startMinute: 720, endMinute: 780 }),
      snap("d", { day: 1, startMinute: 540, endMinute: 590 }),
    ];
    const log = diffReleases(before, after);
    expect(log.map((c) => [c.type, c.sessionId])).toEqual([
      ["added", "d"],
      ["changed", "a"],
      ["moved", "b"],
      ["cancelled", "c"],
    ]);
    expect(log[1]).toMatchObject({ fields: ["titleEn"] });
    expect(log[2]).toMatchObject({ from: { startMinute: 700, roomEn: "Auditorium" }, to: { startMinute: 720, roomEn: "Stage" } });
  });

  it("notices a speaker added or their role changed", () => {
    const p = { id: "p", slug: "p", name: "P", nameUr: "", organisation: "", role: "speaker" };
    expect(diffReleases([snap("a", { speakers: [p] })], [snap("a", { speakers: [{ ...p, role: "moderator" }] })])).toMatchObject([{ type: "changed", fields: ["speakers"] }]);
    expect(changedSessionIds([snap("a"), snap("b")], [snap("a"), snap("b", { endMinute: 700 }), snap("c")])).toEqual(new Set(["b", "c"]));
  });
});
