import { describe, expect, it } from "vitest";
import { dropPlace, gridSlots, minuteAtPixel, pixelOfMinute, samePlace, slotOf, snapMinute, stepOf } from "./grid";

const hours = { opensMinute: 540, closesMinute: 660 };

describe("the editor grid's rows", () => {
  it("has a row every half hour from opening to closing", () => {
    expect(gridSlots(hours, [])).toEqual([540, 570, 600, 630]);
  });

  it("stretches to hold sessions before opening and after closing (the outside-hours warning's sessions stay visible)", () => {
    expect(gridSlots(hours, [{ startMinute: 495, endMinute: 530 }, { startMinute: 650, endMinute: 725 }])).toEqual([480, 510, 540, 570, 600, 630, 660, 690, 720]);
  });

  it("never runs past midnight", () => {
    expect(gridSlots({ opensMinute: 1380, closesMinute: 1440 }, [{ startMinute: 1400, endMinute: 1440 }]).at(-1)).toBe(1410);
  });

  it("puts a minute in the row it falls in", () => {
    expect([slotOf(540), slotOf(569), slotOf(570)]).toEqual([540, 540, 570]);
  });
});

describe("time and pixels inside a row", () => {
  it("maps the row's height onto its half hour, and back", () => {
    expect(minuteAtPixel(0, 60, 600)).toBe(600);
    expect(minuteAtPixel(30, 60, 600)).toBe(615);
    expect(minuteAtPixel(60, 60, 600)).toBe(630);
    expect(pixelOfMinute(615, 60, 600)).toBe(30);
    for (const px of [0, 7, 22.5, 47]) expect(pixelOfMinute(minuteAtPixel(px, 48, 600), 48, 600)).toBeCloseTo(px);
  });

  it("keeps a pointer above or below the row inside it, and a row without height at its start", () => {
    expect(minuteAtPixel(-10, 60, 600)).toBe(600);
    expect(minuteAtPixel(90, 60, 600)).toBe(630);
    expect(minuteAtPixel(10, 0, 600)).toBe(600);
  });
});

describe("the snap", () => {
  it("rounds to 5, 15 or 30 minutes", () => {
    expect(snapMinute(607, 5)).toBe(605);
    expect(snapMinute(608, 5)).toBe(610);
    expect(snapMinute(607, 15)).toBe(600);
    expect(snapMinute(608, 15)).toBe(615);
    expect(snapMinute(614, 30)).toBe(600);
    expect(snapMinute(615, 30)).toBe(630);
  });

  it("takes only the steps offered (15 minutes otherwise)", () => {
    expect([stepOf("5"), stepOf(30), stepOf("7"), stepOf(null)]).toEqual([5, 30, 15, 15]);
  });
});

describe("where a dropped session lands", () => {
  const panel = { startMinute: 600, endMinute: 660 };

  it("starts at the pointer's minute on the step, in the cell's room, keeping its length", () => {
    // A third of the way down the 11:00 row of a 48-pixel grid: 11:10.
    expect(dropPlace(panel, { roomId: "hall", slotStart: 660, offsetPx: 16, heightPx: 48 }, 5)).toEqual({ roomId: "hall", startMinute: 670, endMinute: 730 });
    expect(dropPlace(panel, { roomId: "hall", slotStart: 660, offsetPx: 16, heightPx: 48 }, 15)).toEqual({ roomId: "hall", startMinute: 675, endMinute: 735 });
    expect(dropPlace(panel, { roomId: "hall", slotStart: 660, offsetPx: 16, heightPx: 48 }, 30)).toEqual({ roomId: "hall", startMinute: 660, endMinute: 720 });
  });

  it("keeps the whole session inside the day", () => {
    expect(dropPlace(panel, { roomId: "a", slotStart: 1410, offsetPx: 40, heightPx: 48 }, 5)).toEqual({ roomId: "a", startMinute: 1380, endMinute: 1440 });
  });

  it("tells a drop that changes nothing", () => {
    const back = dropPlace(panel, { roomId: "a", slotStart: 600, offsetPx: 0, heightPx: 48 }, 15);
    expect(samePlace(back, { roomId: "a", ...panel })).toBe(true);
    expect(samePlace(back, { roomId: "b", ...panel })).toBe(false);
  });
});
