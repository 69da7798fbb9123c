import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dxfLayers, readStallCsv, readStallDxf } from "./plan-import";

// Issue #12, item 2: stalls read from a CSV or a DXF drawing, or a report of every bad row.

const fixture = (name: string) => readFileSync(new URL(`../../../../tests/fixtures/floor/${name}`, import.meta.url), "utf8");

describe("CSV", () => {
  it("reads rectangles with their area code", () => {
    const r = readStallCsv("\ufeffnumber,x,y,width,depth,area\nC-1,0,0,3,3,PAV\nC-2,3,0,3,2.5,\n");
    expect(r.issues).toEqual([]);
    expect(r.stalls).toMatchObject([
      { at: 2, number: "C-1", rect: { x: 0, y: 0, w: 3, h: 3 }, areaM2: 9, areaCode: "PAV" },
      { at: 3, number: "C-2", rect: { x: 3, y: 0, w: 3, h: 2.5 }, areaM2: 7.5, areaCode: null },
    ]);
  });
  it("reports every bad row by its line", () => {
    const r = readStallCsv("number,x,y,width,depth\nC-1,0,0,3,3\n,1,1,1,1\nC-1,5,0,3,3\nC-3,a,0,3,3\nC-4,0,0,0,3\n");
    expect(r.issues.map((i) => [i.at, i.code])).toEqual([
      [3, "floor_import_number"],
      [4, "floor_import_duplicate"],
      [5, "floor_import_value"],
      [6, "floor_import_value"],
    ]);
  });
  it("names missing columns", () => {
    expect(readStallCsv("number,x,y\nA,1,2\n").issues).toEqual([{ at: 1, code: "floor_import_columns", params: { columns: "width, depth" } }]);
  });
});

describe("DXF", () => {
  it("makes closed polylines of the layer into polygons, numbered by the text inside", () => {
    const text = fixture("stalls.dxf");
    expect(dxfLayers(text)).toEqual(["STALLS", "WALLS"]);
    const r = readStallDxf(text, { layer: "stalls", depthM: 30 });
    expect(r.issues).toEqual([]);
    expect(r.stalls.map((s) => [s.number, s.areaM2])).toEqual([
      ["D-1", 9],
      ["D-2", 9],
      [null, 27],
    ]);
    // y is flipped: the drawing's y = 20..23 is the hall's 7..10 in a hall 30 m deep.
    expect(r.stalls[0]!.polygon).toEqual([{ x: 2, y: 10 }, { x: 5, y: 10 }, { x: 5, y: 7 }, { x: 2, y: 7 }]);
  });
  it("reports an open polyline, an empty layer and an unreadable file", () => {
    expect(readStallDxf(fixture("stalls-broken.dxf"), { layer: "STALLS", depthM: 30 }).issues).toEqual([{ at: 2, code: "floor_import_unclosed" }]);
    expect(readStallDxf(fixture("stalls.dxf"), { layer: "NONE", depthM: 30 }).issues).toEqual([{ at: 0, code: "floor_import_no_shapes", params: { layer: "NONE" } }]);
    expect(readStallDxf("not a drawing", { layer: "STALLS", depthM: 30 }).issues[0]!.code).toBe("floor_import_unreadable");
  });
});
