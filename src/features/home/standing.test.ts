import { describe, expect, it } from "vitest";
import { editionResults, editionStanding, offersRegistration } from "./standing";

const show = { startsOn: "2026-01-24", endsOn: "2026-01-26", timezone: "Asia/Karachi", status: "published" };

describe("edition standing", () => {
  it("is open before the days, on now during them, and took place after the last, at the venue's clock", () => {
    expect(editionStanding(show, new Date("2026-01-10T08:00:00Z"))).toBe("open");
    // 23:30 on the 23rd in Lahore is 18:30 UTC; 00:30 on the 24th is 19:30 UTC the day before.
    expect(editionStanding(show, new Date("2026-01-23T18:30:00Z"))).toBe("open");
    expect(editionStanding(show, new Date("2026-01-23T19:30:00Z"))).toBe("on_now");
    expect(editionStanding(show, new Date("2026-01-26T18:59:00Z"))).toBe("on_now");
    expect(editionStanding(show, new Date("2026-01-26T19:00:00Z"))).toBe("took_place");
    expect(editionStanding(show, new Date("2026-12-04T06:00:00Z"))).toBe("took_place");
  });

  it("is upcoming, not open, while the edition is a draft", () => {
    expect(editionStanding({ ...show, status: "draft" }, new Date("2026-01-10T08:00:00Z"))).toBe("upcoming");
    expect(editionStanding({ ...show, status: "draft" }, new Date("2026-02-10T08:00:00Z"))).toBe("took_place");
  });

  it("offers registration only while days are ahead or on", () => {
    expect(["upcoming", "open", "on_now", "took_place"].filter((s) => offersRegistration(s as never))).toEqual(["open", "on_now"]);
  });

  it("lists a past edition's results that exist, transparency report first", () => {
    expect(editionResults("showcase-2026", {})).toEqual([]);
    expect(editionResults("showcase-2026", { outcomes: true, transparency: true })).toEqual([
      { kind: "transparency", to: "/editions/showcase-2026/transparency" },
      { kind: "outcomes", to: "/editions/showcase-2026/outcomes" },
    ]);
  });
});
